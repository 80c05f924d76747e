// The Simulation's entry points: sim time is whole milliseconds (a fraction is the caller's bug,
// refused at once), and a rejected command leaves the world exactly as it was.

import { describe, expect, it } from 'vitest';
import { parseScript } from './scriptParse.ts';
import { Simulation } from './simulation.ts';
import { millisOfSeconds } from './time.ts';
import { liveTasksOf } from './testing/run.ts';
import type { ScriptCommand } from './model/index.ts';

describe('whole milliseconds', () => {
  it.each([
    [1.005, 1005], // JSON's 1.005 × 1000 is 1004.9999999999999
    [0.1 + 0.2, 300],
    [120, 120_000],
    [0, 0],
    [1.0004, null],
    [0.0005, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [1e300, null],
  ])('millisOfSeconds(%d) is %s', (s, ms) => expect(millisOfSeconds(s)).toBe(ms));

  it('a script step at 1.005 s runs at exactly 1005 ms; 1.0004 s is refused, naming the step', () => {
    const parsed = parseScript({ steps: [{ at: 0, type: 'updateService', service: 'web', desiredCount: 4 }, { at: 1.005, type: 'updateService', service: 'web', desiredCount: 5 }] });
    if (!parsed.ok) throw new Error(parsed.error);
    const sim = Simulation.create({ seed: 1, script: parsed.value });
    const events = sim.advanceBy(2000);
    expect(events.filter((e) => e.type === 'ServiceUpdated').map((e) => e.at)).toEqual([0, 1005]);
    expect(events.every((e) => Number.isInteger(e.at))).toBe(true);
    expect(parseScript({ steps: [{ at: 5, type: 'stopTask', task: 'abc' }, { at: 1.0004, type: 'stopTask', task: 'abc' }] })).toEqual({
      ok: false,
      error: 'steps[1]: "at" must be a whole number of milliseconds, i.e. seconds with at most three decimals (e.g. 1.5 or 1.005), not 1.0004',
    });
  });

  it('refuses a fractional time at every entry point with a RangeError that says what is wrong', () => {
    const sim = Simulation.create({ seed: 1 });
    const stop: ScriptCommand = { type: 'stopTask', task: { service: 'web' } };
    expect(() => sim.advanceTo(1004.9999)).toThrow(new RangeError('advanceTo: the time to advance to must be a whole number of milliseconds of sim time, not 1004.9999.'));
    expect(() => sim.advanceBy(0.5)).toThrow(new RangeError('advanceBy: the time to advance by must be a whole number of milliseconds of sim time, not 0.5.'));
    expect(() => sim.advanceToNextEvent(Number.NaN)).toThrow(RangeError);
    expect(() => sim.scheduleCommand(1000.5, stop)).toThrow(new RangeError('scheduleCommand: the time to run the command must be a whole number of milliseconds of sim time, not 1000.5.'));
    expect(() => Simulation.create({ seed: 1, scenario: 'basic', script: [{ at: 2.0001, command: stop }] })).toThrow(
      new RangeError('Script step 0 (stopTask): "at" must be a whole number of milliseconds (seconds with at most three decimals), not 2.0001 s.'),
    );
    // Nothing moved.
    expect(sim.now).toBe(0);
    expect(sim.world.timers.every((t) => Number.isInteger(t.at))).toBe(true);
    expect(() => sim.advanceTo(-1)).toThrow(new RangeError('Sim time only moves forward (now 0, asked for -1).'));
  });
});

describe('a rejected command', () => {
  const rejectedAfterRandomPick: [string, ScriptCommand][] = [
    // The selector matches (so `pick: random` draws from the RNG), then the command is refused.
    ['stopTask of a STOPPED task', { type: 'stopTask', task: { lastStatus: 'STOPPED', pick: 'random' } }],
    ['crashContainer with a bad exit code', { type: 'crashContainer', task: { service: 'web', pick: 'random' }, exitCode: 300 }],
    ['stopTask with a reason too long', { type: 'stopTask', task: { service: 'web', pick: 'random' }, reason: 'x'.repeat(256) }],
  ];

  it.each(rejectedAfterRandomPick)('%s changes nothing, not even the RNG', (_, command) => {
    const sim = Simulation.create({ seed: 9, scenario: 'basic' });
    const twin = Simulation.create({ seed: 9, scenario: 'basic' });
    for (const s of [sim, twin]) {
      s.advanceBy(60_000);
      s.dispatch({ type: 'stopTask', task: liveTasksOf(s, 'web')[0]!.taskArn });
      s.advanceBy(120_000);
    }
    const before = sim.snapshot();
    const { outcome, events } = sim.dispatch(command);
    expect(outcome.ok).toBe(false);
    expect(events).toEqual([]);
    expect(sim.snapshot()).toEqual(before);
    // …so the world goes on exactly as one that never saw the command.
    expect(sim.advanceBy(600_000)).toEqual(twin.advanceBy(600_000));
  });

  it('in a script is logged as CommandRejected and otherwise changes nothing', () => {
    const command: ScriptCommand = { type: 'crashContainer', task: { service: 'web', pick: 'random' }, exitCode: 300 };
    // A later random stop (and the replacement's new IDs) shows whether the RNG was disturbed.
    const later = { at: 200, command: { type: 'stopTask', task: { service: 'web', pick: 'random' } } } as const;
    const scripted = Simulation.create({ seed: 4, scenario: 'basic', script: [{ at: 100, command }, later] });
    const plain = Simulation.create({ seed: 4, scenario: 'basic', script: [later] });
    const events = scripted.advanceBy(700_000);
    const rejected = events.filter((e) => e.type === 'CommandRejected');
    expect(rejected).toEqual([expect.objectContaining({ at: 100_000, command: 'crashContainer', code: 'InvalidParameterException' })]);
    expect(events.filter((e) => e.type !== 'CommandRejected').map(({ seq: _, ...e }) => e)).toEqual(plain.advanceBy(700_000).map(({ seq: _, ...e }) => e));
  });
});
