import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSession } from '../session/link.ts';
import type { SessionRecord } from '../session/record.ts';
import { AUTOSAVE_KEY, parseSaved, readSaved, writeSaved } from './autosave.ts';

const record: SessionRecord = { version: 3, scenario: 'basic', seed: 4, log: [{ at: 30_000, command: { type: 'stopTask', task: { service: 'web' } } }], playhead: 45_000, end: 60_000, speed: 16 };

/** The browser's Storage, as far as autosave uses it (a Map behind the same three calls). */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
}

describe('autosave', () => {
  it('reads back what it wrote', () => {
    const storage = memoryStorage();
    expect(writeSaved(storage, record, 1_700_000_000_000)).toBe(true);
    expect(readSaved(storage)).toEqual({ kind: 'saved', saved: { savedAt: 1_700_000_000_000, record } });
  });

  it('drops an unreadable save at once, so it is reported only once', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"savedAt": 1, "session": "1AAAA"}' });
    expect(readSaved(storage)).toEqual({ kind: 'unreadable', error: expect.stringMatching(/^The link/) });
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(false);
    expect(readSaved(storage)).toEqual({ kind: 'none' });
  });

  it('says nothing when storage is blocked, and reports a refused write', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('SecurityError'); } };
    expect(readSaved(blocked)).toEqual({ kind: 'none' });
    expect(writeSaved(blocked, record, 1)).toBe(false);
  });

  it('never throws on any saved text, and what it accepts is a valid record', () => {
    const valid = JSON.stringify({ savedAt: 5, session: encodeSession(record) });
    const mutated = fc.tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ maxLength: 5 })).map(([i, j, s]) => valid.slice(0, Math.min(i, j)) + s + valid.slice(Math.max(i, j)));
    const json = fc.jsonValue().map((v) => JSON.stringify(v));
    fc.assert(
      fc.property(fc.oneof(fc.string(), json, mutated), (text) => {
        const read = parseSaved(text);
        expect(['none', 'saved', 'unreadable']).toContain(read.kind);
        if (read.kind === 'unreadable') expect(read.error.length).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });
});
