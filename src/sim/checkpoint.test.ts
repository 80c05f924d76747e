// Checkpoints share the world's entities (shareWorld) on the promise that the engine replaces an
// entity rather than editing it. Here the engine runs on frozen entities — in strict mode an edit
// in place throws — through every scenario, with faults and traffic; and a checkpoint resumed
// later is exactly the world it was taken from.

import { describe, expect, it } from 'vitest';
import type { ScriptCommand, World } from './model/index.ts';
import { SCENARIOS } from './scenarios.ts';
import { Simulation } from './simulation.ts';

function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
}

/** Freeze what a checkpoint shares: every entity and every timer (not the containers). */
function freezeShared(world: World): void {
  for (const map of [world.taskDefinitions, world.tasks, world.services, world.loadBalancers, world.targetGroups]) for (const e of map.values()) deepFreeze(e);
  for (const t of world.timers) deepFreeze(t);
  deepFreeze(world.config);
}

const faults: ScriptCommand[] = [
  { type: 'stopTask', task: { pick: 'random' } },
  { type: 'crashContainer', task: { pick: 'random' }, exitCode: 1 },
  { type: 'oomKillContainer', task: { pick: 'random' } },
  { type: 'failHealthChecks', task: { pick: 'random' } },
];

describe('checkpoints', () => {
  it.each(SCENARIOS.map((s) => s.name))('the engine never edits an entity in place (%s)', (scenario) => {
    const sim = Simulation.create({ scenario, seed: 3 });
    for (let t = 5_000, i = 0; t <= 20 * 60_000; t += 5_000, i++) {
      freezeShared(sim.world);
      expect(() => sim.advanceTo(t)).not.toThrow();
      if (i % 6 === 0) for (const f of faults) sim.dispatch(f);
      if (i % 20 === 0) sim.dispatch({ type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 40 });
    }
  });

  it('a checkpoint resumed later is the world it was taken from, however far the original ran on', () => {
    const sim = Simulation.create({ scenario: 'rush', seed: 5 });
    sim.advanceTo(90_000);
    const checkpoint = sim.checkpoint();
    const snapshot = sim.snapshot();
    sim.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'random' } });
    sim.advanceTo(400_000);
    const resumed = Simulation.resume(checkpoint);
    expect(resumed.snapshot()).toEqual(snapshot);
    // …and two resumes of one checkpoint run on independently, to the same place.
    const a = Simulation.resume(checkpoint);
    const b = Simulation.resume(checkpoint);
    a.advanceTo(200_000);
    expect(Simulation.resume(checkpoint).snapshot()).toEqual(snapshot);
    b.advanceTo(200_000);
    expect(b.snapshot()).toEqual(a.snapshot());
  });
});
