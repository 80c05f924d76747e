// For random sessions — commands and faults at random times, seeks, forks and returns between
// them — every moment the session shows equals an uninterrupted run of its branch's log to that
// moment, and a session carried through a link reopens to the same world.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation, type ScriptCommand, type World } from '../sim/index.ts';
import { decodeSession, encodeSession } from './link.ts';
import type { LogEntry } from './record.ts';
import { CHECKPOINT_EVERY, Session } from './session.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const command = fc.oneof(
  fc.constant<ScriptCommand>({ type: 'stopTask', task: { service: 'web', pick: 'random' } }),
  fc.constant<ScriptCommand>({ type: 'stopTask', task: { standalone: true } }),
  fc.integer({ min: 0, max: 255 }).map<ScriptCommand>((exitCode) => ({ type: 'crashContainer', task: { service: 'web', pick: 'random' }, exitCode })),
  fc.constant<ScriptCommand>({ type: 'oomKillContainer', task: { service: 'web', pick: 'newest' } }),
  fc.constant<ScriptCommand>({ type: 'failHealthChecks', task: { service: 'web', pick: 'random' } }),
  fc.integer({ min: 0, max: 6 }).map<ScriptCommand>((desiredCount) => ({ type: 'updateService', service: 'web', desiredCount })),
  fc.constant<ScriptCommand>({ type: 'runTask', taskDefinition: 'report:1' }),
  fc.integer({ min: 0, max: 80 }).map<ScriptCommand>((ratePerSecond) => ({ type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond })),
);

type Op = { kind: 'advance'; ms: number } | { kind: 'act'; command: ScriptCommand } | { kind: 'seek'; share: number } | { kind: 'return' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 90_000 }).map((ms): Op => ({ kind: 'advance', ms })) },
  { weight: 3, arbitrary: command.map((c): Op => ({ kind: 'act', command: c })) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((share): Op => ({ kind: 'seek', share })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'return' }) },
);

function straightRun(seed: number, log: readonly LogEntry[], t: number): World {
  const sim = Simulation.create({ scenario: 'default', seed });
  for (const e of log) {
    if (e.at > t) break;
    sim.advanceTo(e.at);
    sim.dispatch(e.command);
  }
  sim.advanceTo(t);
  return sim.snapshot();
}

describe('Session properties', () => {
  it('every moment shown equals an uninterrupted run of the branch to it; a link reopens it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(op, { minLength: 1, maxLength: 14 }), (seed, ops) => {
        const session = new Session({ scenario: 'default', seed });
        for (const o of ops) {
          if (o.kind === 'advance') session.advanceTo(session.now + o.ms);
          else if (o.kind === 'act') session.dispatch(o.command);
          else if (o.kind === 'return') session.returnToOtherFuture();
          else session.seek(Math.round(o.share * session.end));
          // Only what was accepted is recorded, in time order, none of it past the end.
          const times = session.entries.map((e) => e.at);
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(times.every((t) => t <= session.end)).toBe(true);
          expect(session.now).toBeLessThanOrEqual(session.end);
          if (o.kind !== 'advance') expect(session.simulation.snapshot()).toEqual(straightRun(seed, session.entries, session.now));
        }
        expect(session.simulation.snapshot()).toEqual(straightRun(seed, session.entries, session.now));
        // Through a link and back: the same moment, the same recorded branch.
        const decoded = decodeSession(encodeSession(session.toRecord(8)));
        if (!decoded.ok) throw new Error(decoded.error);
        const opened = Session.open(decoded.value);
        if (!opened.ok) throw new Error(opened.error);
        expect(opened.session.simulation.snapshot()).toEqual(session.simulation.snapshot());
        expect(opened.session.end).toBe(session.end);
        expect(opened.session.entries).toEqual(session.entries);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps one checkpoint per CHECKPOINT_EVERY of the branch, whatever was cut and put back', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), (ops) => {
        const session = new Session({ scenario: 'basic', seed: 5 });
        for (const o of ops) {
          if (o.kind === 'advance') session.advanceTo(session.now + o.ms);
          else if (o.kind === 'act') session.dispatch(o.command);
          else if (o.kind === 'return') session.returnToOtherFuture();
          else session.seek(Math.round(o.share * session.end));
          const { checkpoints, every } = (session as unknown as { branch: { checkpoints: { at: number }[]; every: number } }).branch;
          expect(every).toBe(CHECKPOINT_EVERY);
          expect(checkpoints.map((c) => c.at)).toEqual(Array.from({ length: Math.floor(session.end / every) + 1 }, (_, i) => i * every));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('opening any well-formed record never throws: it opens, or says which step no longer applies', () => {
    const record = fc
      .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 600_000 }), command), { maxLength: 12 }), fc.integer({ min: 0, max: 120_000 }))
      .map(([seed, steps, extra]) => {
        const log = steps.map(([at, c]) => ({ at, command: c })).sort((a, b) => a.at - b.at);
        const end = (log.at(-1)?.at ?? 0) + extra;
        return { version: 3 as const, scenario: 'default', seed, log, playhead: Math.floor(end / 2), end, speed: 8 as const };
      });
    fc.assert(
      fc.property(record, (r) => {
        const opened = Session.open(r);
        if (opened.ok) expect(opened.session.now).toBe(r.playhead);
        else expect(opened.error).toMatch(/^Step \d+ of the session \(at T\+\d\d:\d\d\) no longer applies: /);
      }),
      { numRuns: RUNS },
    );
  });
});
