// Links and autosaves are untrusted: whatever arrives, decodeSession and parseSessionRecord must
// answer with a clear error or a record that is valid again — and never throw.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { SCENARIOS, type ScriptCommand } from '../sim/index.ts';
import { decodeSession, encodeSession, toBase64Url } from './link.ts';
import { MAX_SESSION_MS, SESSION_VERSION, SPEEDS, type SessionRecord } from './record.ts';
import { parseSessionRecord } from './recordParse.ts';

// ---- valid records ------------------------------------------------------------------------------

// "binary" reaches every code point, lone surrogates included: names must survive JSON and UTF-8.
const name = fc.oneof(fc.constantFrom('web', 'api', 'web-alb', 'report'), fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }));
const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
const task = fc.oneof(
  hex32.map((id) => `arn:aws:ecs:us-east-1:123456789012:task/default/${id}`),
  fc.record(
    { service: name, family: name, standalone: fc.boolean(), lastStatus: fc.constantFrom('RUNNING', 'STOPPED', 'PENDING'), pick: fc.constantFrom('oldest', 'newest', 'random') },
    { requiredKeys: [] },
  ),
);
const count = fc.integer({ min: 0, max: 10 });

const command: fc.Arbitrary<ScriptCommand> = fc.oneof(
  fc.record({ type: fc.constant('stopTask'), task, reason: name }, { requiredKeys: ['type', 'task'] }),
  fc.record({ type: fc.constant('updateService'), service: name, desiredCount: count }),
  fc.record({ type: fc.constant('crashContainer'), task, container: name, exitCode: fc.integer({ min: 0, max: 255 }) }, { requiredKeys: ['type', 'task'] }),
  fc.record({ type: fc.constant('oomKillContainer'), task, container: name }, { requiredKeys: ['type', 'task'] }),
  fc.record({ type: fc.constant('failHealthChecks'), task }),
  fc.record({ type: fc.constant('setTraffic'), loadBalancer: name, ratePerSecond: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ type: fc.constant('runTask'), taskDefinition: name, count, startedBy: name, group: name }, { requiredKeys: ['type', 'taskDefinition'] }),
  fc.record({ type: fc.constant('deleteService'), service: name, force: fc.boolean() }, { requiredKeys: ['type', 'service'] }),
  fc.record({ type: fc.constant('createService'), serviceName: name, taskDefinition: name, desiredCount: count }),
  fc.record({
    type: fc.constant('registerTaskDefinition'),
    taskDefinition: fc.record({ family: name, containerDefinitions: fc.array(fc.record({ name, image: name }), { maxLength: 2 }) }),
  }),
) as fc.Arbitrary<ScriptCommand>;

const record: fc.Arbitrary<SessionRecord> = fc
  .array(fc.tuple(fc.nat({ max: MAX_SESSION_MS }), command), { maxLength: 25 })
  .chain((entries) => {
    const log = entries.map(([at, c]) => ({ at, command: c })).sort((a, b) => a.at - b.at);
    const last = log.at(-1)?.at ?? 0;
    return fc.record({
      version: fc.constant(SESSION_VERSION),
      scenario: fc.constantFrom(...SCENARIOS.map((s) => s.name)),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      log: fc.constant(log),
      end: fc.integer({ min: last, max: MAX_SESSION_MS }),
      speed: fc.constantFrom(...SPEEDS),
    });
  })
  .chain((r) => fc.integer({ min: 0, max: r.end }).map((playhead) => ({ ...r, playhead })));

// ---- what any answer must be --------------------------------------------------------------------

type Answer = { ok: true; value: SessionRecord } | { ok: false; error: string };

function expectClear(answer: Answer) {
  if (answer.ok) {
    // A record that is valid again, and unchanged by a second look.
    expect(parseSessionRecord(answer.value)).toEqual(answer);
  } else {
    expect(typeof answer.error).toBe('string');
    expect(answer.error.length).toBeGreaterThan(10);
    expect(answer.error.length).toBeLessThan(500);
    expect(answer.error).not.toContain('[object ');
  }
}

/** Truncate, change or insert characters: what copying, chat apps and curious people do. */
const mutation = fc.oneof(
  fc.nat().map((n) => (s: string) => s.slice(0, n % (s.length + 1))),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(([n, c]) => (s: string) => {
    const i = n % Math.max(1, s.length);
    return s.slice(0, i) + c + s.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 4, unit: 'binary' })).map(([n, c]) => (s: string) => {
    const i = n % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i);
  }),
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
const applyAll = (s: string, fs: ((s: string) => string)[]) => fs.reduce((acc, f) => f(acc), s);

const linkOf = (json: string) => '1' + toBase64Url(zlibSync(new TextEncoder().encode(json)));
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Keys that have broken lookups before, mixed with the real field names. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  fc.constantFrom('version', 'scenario', 'seed', 'log', 'playhead', 'end', 'speed', 'at', 'command', 'type', 'task', 'service', 'desiredCount', 'pick'),
  fc.string({ maxLength: 8 }),
);
const jsonish = fc.jsonValue({ maxDepth: 3 });
// Values a field might plausibly hold, so some replacements are valid and reach the checks after.
const fieldValue = fc.oneof(jsonish, fc.integer({ min: -1, max: 2 * MAX_SESSION_MS }), name, fc.constantFrom(...SPEEDS, 'default', 'stopTask'));

describe('fuzz: session records and links', () => {
  it('round-trips any valid record through a link and through JSON', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(decodeSession(encodeSession(r))).toEqual({ ok: true, value: r });
        expect(parseSessionRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, value: r });
      }),
      { numRuns: 500 },
    );
  });

  it('answers any string clearly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'1AQgw-_xyz09') }).map((s) => `1${s}`)), (text) => {
        expectClear(decodeSession(text));
      }),
      { numRuns: 500 },
    );
  });

  it('answers any JSON value clearly, as a record and inside a link', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        expectClear(parseSessionRecord(value));
        expectClear(decodeSession(linkOf(JSON.stringify(value))));
      }),
      { numRuns: 500 },
    );
  });

  it('answers a valid record with one field replaced or added, by any key', () => {
    fc.assert(
      fc.property(record, fc.nat(), key, fieldValue, (r, which, k, value) => {
        // Through JSON text, so "__proto__" becomes an own key as it would from a link.
        const targets: Record<string, unknown>[] = [r, ...r.log, ...r.log.map((e) => e.command as Record<string, unknown>)];
        const text = JSON.stringify(r, function (this: unknown, _k, v: unknown) {
          return v === targets[which % targets.length] ? { ...(v as object), [k]: value } : v;
        });
        expectClear(parseSessionRecord(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('answers a mutated link clearly; one that still opens is the same session', () => {
    fc.assert(
      fc.property(record, mutations, (r, fs) => {
        const answer = decodeSession(applyAll(encodeSession(r), fs));
        expectClear(answer);
        // The checksum means a changed link cannot open as a different session.
        if (answer.ok) expect(answer.value).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('answers mutated record JSON clearly, as a record and inside a link', () => {
    fc.assert(
      fc.property(record, mutations, (r, fs) => {
        const text = applyAll(JSON.stringify(r), fs);
        expectClear(parseSessionRecord(parseJson(text)));
        expectClear(decodeSession(linkOf(text)));
      }),
      { numRuns: 500 },
    );
  });
});
