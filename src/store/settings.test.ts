import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromUrl } from './settings.ts';

describe('settingsFromUrl', () => {
  it('reads scenario, seed and speed', () => {
    expect(settingsFromUrl('?scenario=twins&seed=7&speed=16')).toEqual({ settings: { scenario: 'twins', seed: 7, speed: 16 }, problems: [] });
    expect(settingsFromUrl('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it.each([
    ['?scenario=%3Cscript%3E', /There is no scenario "<script>"/],
    ['?scenario=constructor', /There is no scenario "constructor"/],
    ['?scenario=__proto__', /There is no scenario "__proto__"/],
    ['?scenario=toString', /There is no scenario "toString"/],
    ['?seed=-1', /The seed must be a whole number from 0 to 4294967295, not "-1"/],
    ['?seed=99999999999', /The seed must be a whole number/],
    ['?speed=3', /The speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, not "3"/],
  ])('reports a tampered %s and keeps the default', (search, message) => {
    const { settings, problems } = settingsFromUrl(search);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([expect.stringMatching(message)]);
  });
});
