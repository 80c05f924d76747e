import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockLabel, isoTimestamp } from './time.ts';

describe('time formatting', () => {
  it('formats ISO timestamps exactly as Date does (without using the host clock)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: 10 * 86_400_000 }), (epoch, at) => {
        expect(isoTimestamp(epoch, at)).toBe(new Date(epoch + at).toISOString());
      }),
    );
  });

  it.each([
    [0, 'T+00:00'],
    [61_500, 'T+01:01'],
    [3_600_000 + 125_000, 'T+1:02:05'],
  ])('clockLabel(%i) = %s', (ms, label) => expect(clockLabel(ms)).toBe(label));
});
