// Test helpers for the CLI: a scene run to a moment, and a host that records what was dispatched.

import { Simulation, type ScriptCommand, type SimEvent } from '../sim/index.ts';
import type { CliHost } from './context.ts';

export type Recorded = { sim: Simulation; host: CliHost; dispatched: ScriptCommand[]; events: SimEvent[] };

/** A scene at `at` ms, and a host over it that records every dispatch and its events. */
export function sceneAt(scenario: string, at: number, seed = 1): Recorded {
  const sim = Simulation.create({ seed, scenario });
  sim.advanceTo(at);
  return hostOver(sim);
}

export function hostOver(sim: Simulation): Recorded {
  const dispatched: ScriptCommand[] = [];
  const events: SimEvent[] = [];
  const host: CliHost = {
    world: () => sim.world,
    dispatch: (command) => {
      const result = sim.dispatch(command);
      if (result.outcome.ok) dispatched.push(command);
      events.push(...result.events);
      return result;
    },
  };
  return { sim, host, dispatched, events };
}
