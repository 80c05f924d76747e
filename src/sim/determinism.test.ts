// Same seed + same commands = same event log, however time is sliced; a snapshot restored and
// continued gives what an uninterrupted run gives. Replay, share links and lessons rest on this.

import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import type { ScriptStep, SimEvent } from './model/index.ts';

const script: ScriptStep[] = [
  { at: 90, command: { type: 'stopTask', task: { service: 'web', pick: 'random' } } },
  { at: 100, command: { type: 'crashContainer', task: { service: 'web', pick: 'random' }, exitCode: 2 } },
  { at: 150, command: { type: 'updateService', service: 'web', desiredCount: 5 } },
  { at: 200, command: { type: 'runTask', taskDefinition: 'report', count: 3 } },
  { at: 260, command: { type: 'oomKillContainer', task: { service: 'web', pick: 'newest' } } },
  { at: 300, command: { type: 'updateService', service: 'web', desiredCount: 1 } },
];

function runLog(seed: number, stepMs: number, until = 900_000): SimEvent[] {
  const sim = Simulation.create({ seed, script });
  const log = [...sim.setupEvents];
  while (sim.now < until) log.push(...sim.advanceTo(Math.min(until, sim.now + stepMs)));
  return log;
}

describe('determinism', () => {
  it('gives a byte-identical log for the same seed and script', () => {
    const a = JSON.stringify(runLog(7, 1000));
    expect(JSON.stringify(runLog(7, 1000))).toBe(a);
    expect(a.length).toBeGreaterThan(10_000);
  });

  it('gives a different world for a different seed', () => {
    expect(JSON.stringify(runLog(8, 1000))).not.toBe(JSON.stringify(runLog(7, 1000)));
  });

  it('does not depend on how time is sliced into steps', () => {
    const fine = JSON.stringify(runLog(7, 100));
    expect(JSON.stringify(runLog(7, 16_667))).toBe(fine);
    expect(JSON.stringify(runLog(7, 900_000))).toBe(fine);
  });

  it('snapshot → restore → continue equals an uninterrupted run', () => {
    const whole = Simulation.create({ seed: 11, script });
    const wholeLog = [...whole.setupEvents, ...whole.advanceTo(200_000), ...whole.advanceTo(900_000)];

    const first = Simulation.create({ seed: 11, script });
    const firstLog = [...first.setupEvents, ...first.advanceTo(200_000)];
    // A world holds Maps, so it travels by the structured clone algorithm (what IndexedDB and
    // postMessage use), not JSON; a share link carries the command log instead (src/session).
    const snapshot = structuredClone(first.snapshot());
    first.advanceTo(500_000); // the original going on does not disturb the snapshot
    const resumed = Simulation.restore(snapshot);
    const resumedLog = [...firstLog, ...resumed.advanceTo(900_000)];

    expect(JSON.stringify(resumedLog)).toBe(JSON.stringify(wholeLog));
    expect(resumed.world).toEqual(whole.world);
  });

  it('numbers events in order with non-decreasing sim time', () => {
    const log = runLog(3, 5000);
    log.forEach((e, i) => {
      expect(e.seq).toBe(i);
      if (i > 0) expect(e.at).toBeGreaterThanOrEqual(log[i - 1]!.at);
    });
  });
});

describe('advanceToNextEvent (the UI\'s single step)', () => {
  it('stops at the first moment something happens, and the result equals plain advancing', () => {
    const stepped = Simulation.create({ seed: 3 });
    const plain = Simulation.create({ seed: 3 });
    const first = stepped.advanceToNextEvent(60_000);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((e) => e.at === stepped.now)).toBe(true);
    // Nothing happened before that moment.
    expect(plain.advanceTo(stepped.now - 1)).toEqual([]);
    expect(plain.advanceTo(stepped.now)).toEqual(first);
    expect(plain.snapshot()).toEqual(stepped.snapshot());
  });

  it('goes no further than the limit when nothing happens', () => {
    const sim = Simulation.create({ seed: 3, scenario: 'empty' });
    expect(sim.advanceToNextEvent(5_000)).toEqual([]);
    expect(sim.now).toBe(5_000);
  });
});
