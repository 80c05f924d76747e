import { describe, expect, it } from 'vitest';
import { MAX_LOG_ENTRIES, MAX_SESSION_MS, shorten, SPEEDS, type SessionRecord } from './record.ts';
import { parseSessionRecord } from './recordParse.ts';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef';

const valid = (): SessionRecord => ({
  version: 3,
  scenario: 'default',
  seed: 42,
  log: [
    { at: 0, command: { type: 'updateService', service: 'web', desiredCount: 3 } },
    { at: 12_000, command: { type: 'stopTask', task: ARN } },
    { at: 12_000, command: { type: 'crashContainer', task: { service: 'web', pick: 'random' }, exitCode: 1 } },
  ],
  playhead: 30_000,
  end: 60_000,
  speed: 1,
});

/** The record as JSON text would give it, with some fields changed. */
const withFields = (fields: Record<string, unknown>): unknown => ({ ...valid(), ...fields });
const withEntry = (i: number, entry: unknown): unknown => {
  const log: unknown[] = [...valid().log];
  log[i] = entry;
  return { ...valid(), log };
};
const errorOf = (raw: unknown) => {
  const result = parseSessionRecord(raw);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
};

describe('parseSessionRecord', () => {
  it('accepts a valid record and returns a copy of it', () => {
    const raw = valid();
    const result = parseSessionRecord(raw);
    expect(result).toEqual({ ok: true, value: valid() });
    expect(result.ok && result.value).not.toBe(raw);
  });

  it.each(SPEEDS)('accepts speed %s', (speed) => {
    expect(parseSessionRecord(withFields({ speed })).ok).toBe(true);
  });

  it('accepts the limits themselves', () => {
    const log = Array.from({ length: MAX_LOG_ENTRIES }, () => ({ at: MAX_SESSION_MS, command: { type: 'updateService', service: 'web', desiredCount: 1 } }));
    expect(parseSessionRecord(withFields({ seed: 4_294_967_295, end: MAX_SESSION_MS, playhead: MAX_SESSION_MS, log })).ok).toBe(true);
    expect(parseSessionRecord(withFields({ seed: 0, end: 0, playhead: 0, log: [] })).ok).toBe(true);
  });

  it('tells a newer format apart, before anything else', () => {
    expect(errorOf({ version: 4, whatever: true })).toBe('This link was made by a newer version of ECS Playground (session format 4); this page reads format 3.');
  });

  it('refuses a format-2 record: the default scene it may hold now starts its traffic later, so it would replay differently', () => {
    expect(errorOf({ ...valid(), version: 2 })).toMatch(/^This link was made by an earlier version of ECS Playground \(session format 2\)/);
  });

  it('tells an older format apart: its simulation has changed, so it would not replay what it recorded', () => {
    expect(errorOf({ ...valid(), version: 1 })).toBe(
      'This link was made by an earlier version of ECS Playground (session format 1), whose simulation has changed since: it would not replay what was recorded. Start from a scene instead.',
    );
  });

  it.each<[string, unknown, string | RegExp]>([
    ['not an object', 'hello', 'a session must be an object with "version", "scenario", "seed" and "log", not "hello"'],
    ['a list', [1, 2], /not a list$/],
    ['null', null, /not null$/],
    ['no version', { ...valid(), version: undefined }, '"version" must be 3 (it is missing)'],
    ['version 0', withFields({ version: 0 }), '"version" must be 3, not 0'],
    ['version as text', withFields({ version: '2' }), '"version" must be 3, not "2"'],
    ['an unknown field', withFields({ branch: 2 }), 'the session has an unknown field "branch" (it takes version, scenario, seed, log, playhead, end, speed)'],
    ['an unknown scenario', withFields({ scenario: 'prod' }), /^"scenario" must be one of default, basic, .*, not "prod"$/],
    ['__proto__ as scenario', withFields({ scenario: '__proto__' }), /not "__proto__"$/],
    ['constructor as scenario', withFields({ scenario: 'constructor' }), /not "constructor"$/],
    ['toString as scenario', withFields({ scenario: 'toString' }), /not "toString"$/],
    ['a fractional seed', withFields({ seed: 1.5 }), '"seed" must be a whole number from 0 to 4294967295, not 1.5'],
    ['a negative seed', withFields({ seed: -1 }), /not -1$/],
    ['a seed past 32 bits', withFields({ seed: 2 ** 32 }), /not 4294967296$/],
    ['end past a day', withFields({ end: MAX_SESSION_MS + 1 }), /^"end" must be a whole number of milliseconds from 0 to 86400000 \(a day\), not 86400001$/],
    ['a fractional end', withFields({ end: 60_000.5 }), /not 60000.5$/],
    ['playhead after end', withFields({ playhead: 60_001 }), '"playhead" (60001) is after the end of the session (60000)'],
    ['a negative playhead', withFields({ playhead: -5 }), /"playhead" must be a whole number .* not -5$/],
    ['an unknown speed', withFields({ speed: 3 }), '"speed" must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, not 3'],
    ['log not a list', withFields({ log: {} }), '"log" must be a list of commands, not an object'],
    ['too many commands', withFields({ log: new Array(MAX_LOG_ENTRIES + 1).fill(null) }), '"log" has 5001 commands; a session holds at most 5000'],
    ['an entry not an object', withEntry(1, 7), /^log\[1\] must be an object like \{"at": 1000, "command": \{…\}\}, not 7$/],
    ['an entry with an extra field', withEntry(1, { at: 12_000, command: { type: 'stopTask', task: ARN }, note: 'x' }), 'log[1] has an unknown field "note" (it takes at, command)'],
    ['an entry with no at', withEntry(1, { command: { type: 'stopTask', task: ARN } }), 'log[1].at must be a whole number of milliseconds, 0 or more (it is missing)'],
    ['a fractional at', withEntry(1, { at: 1.5, command: { type: 'stopTask', task: ARN } }), /^log\[1\]\.at .* not 1.5$/],
    ['an entry before the one above it', withEntry(2, { at: 11_999, command: { type: 'stopTask', task: ARN } }), 'log[2].at (11999) is before the command above it (12000): the log must be in time order'],
    ['an entry after the end', withEntry(2, { at: 60_001, command: { type: 'stopTask', task: ARN } }), 'log[2].at (60001) is after the end of the session (60000)'],
    ['an entry with no command', withEntry(1, { at: 12_000 }), 'log[1] needs "command"'],
    ['a command missing a field', withEntry(1, { at: 12_000, command: { type: 'stopTask' } }), 'log[1]: stopTask needs "task"'],
    ['a command with a bad field', withEntry(1, { at: 12_000, command: { type: 'updateService', service: 'web', desiredCount: 'two' } }), 'log[1]: updateService: "desiredCount" must be a whole number'],
    ['an unknown command type', withEntry(0, { at: 0, command: { type: 'rebootCluster' } }), /^log\[0\]: unknown command type "rebootCluster" \(known: registerTaskDefinition, /],
    ['constructor as a command type', withEntry(0, { at: 0, command: { type: 'constructor' } }), /^log\[0\]: unknown command type "constructor"/],
    ['__proto__ as a command type', withEntry(0, { at: 0, command: { type: '__proto__' } }), /^log\[0\]: unknown command type "__proto__"/],
    ['a command with no type', withEntry(0, { at: 0, command: { service: 'web' } }), /^log\[0\]: the command needs "type" \(one of registerTaskDefinition, /],
    ['a command carrying "at"', withEntry(1, { at: 12_000, command: { type: 'stopTask', task: ARN, at: 12 } }), 'log[1]: stopTask has an unknown field "at" (it takes task, reason)'],
    ['a command with an unknown field', withEntry(1, { at: 12_000, command: { type: 'stopTask', task: ARN, force: true } }), /^log\[1\]: stopTask has an unknown field "force"/],
    ['a bad selector', withEntry(2, { at: 12_000, command: { type: 'crashContainer', task: { service: 'web', pick: 'first' } } }), 'log[2]: crashContainer: task.pick must be oldest, newest or random'],
  ])('refuses %s', (_name, raw, message) => {
    if (typeof message === 'string') expect(errorOf(raw)).toBe(message);
    else expect(errorOf(raw)).toMatch(message);
  });

  describe('__proto__ from JSON.parse is an own key, and unknown', () => {
    it.each([
      ['the record', '{"__proto__": {"speed": 1}, ', 'the session has an unknown field "__proto__"'],
      ['an entry', '{"log": [{"__proto__": {}, ', 'log[0] has an unknown field "__proto__"'],
    ])('in %s', (_name, prefix, message) => {
      const json = JSON.stringify(valid());
      const text = prefix.startsWith('{"log"') ? json.replace('"log":[{', prefix.slice(1)) : json.replace('{', prefix);
      expect(errorOf(JSON.parse(text))).toMatch(message);
    });

    it('in a command', () => {
      const text = JSON.stringify(valid()).replace('{"type":"stopTask"', '{"__proto__":{"reason":"x"},"type":"stopTask"');
      expect(errorOf(JSON.parse(text))).toMatch(/^log\[1\]: stopTask has an unknown field "__proto__"/);
    });

    it('gives a record whose prototype is untouched', () => {
      const result = parseSessionRecord(JSON.parse(JSON.stringify(valid())));
      expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    });
  });

  describe('a huge bad value still gives a short message', () => {
    const huge = 'x'.repeat(100_000);
    it.each<[string, unknown]>([
      ['scenario', withFields({ scenario: huge })],
      ['a record key', withFields({ [huge]: 1 })],
      ['an entry key', withEntry(0, { at: 0, command: { type: 'stopTask', task: ARN }, [huge]: 1 })],
      ['a command type', withEntry(0, { at: 0, command: { type: huge } })],
      ['a command key', withEntry(0, { at: 0, command: { type: 'stopTask', task: ARN, [huge]: 1 } })],
      ['a selector key', withEntry(0, { at: 0, command: { type: 'stopTask', task: { [huge]: 1 } } })],
    ])('in %s', (_name, raw) => {
      const error = errorOf(raw);
      expect(error.length).toBeLessThan(450);
      expect(error).toContain('xxx…');
    });
  });

  it('never throws on values JSON cannot make', () => {
    for (const raw of [undefined, 1n, Symbol('s'), () => 1, new Map(), withFields({ seed: 1n }), withEntry(0, { at: 0, command: { type: 1n } }), withEntry(0, { at: 0, command: { type: 'stopTask', task: 1n } })])
      expect(parseSessionRecord(raw).ok).toBe(false);
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(shorten('web')).toBe('web');
    expect(shorten('a'.repeat(60))).toBe('a'.repeat(60));
    expect(shorten('a'.repeat(61))).toBe(`${'a'.repeat(59)}…`);
  });
});
