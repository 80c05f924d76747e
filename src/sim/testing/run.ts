// Helpers for scenario tests: run a simulation and read its log and state.

import { Simulation, type SimulationOptions } from '../simulation.ts';
import type { SimEvent, Task } from '../model/index.ts';

export type Run = { sim: Simulation; log: SimEvent[]; advance: (seconds: number) => SimEvent[] };

/** A simulation whose every event (setup included) is collected in `log`. */
export function run(options: Partial<SimulationOptions> = {}): Run {
  const sim = Simulation.create({ seed: 42, ...options });
  const log: SimEvent[] = [...sim.setupEvents];
  return {
    sim,
    log,
    advance(seconds) {
      const events = sim.advanceBy(seconds * 1000);
      log.push(...events);
      return events;
    },
  };
}

export const serviceMessagesOf = (log: readonly SimEvent[], serviceName?: string) =>
  log.flatMap((e) => (e.type === 'ServiceEvent' && (serviceName === undefined || e.serviceName === serviceName) ? [e.message] : []));

export const tasksWhere = (sim: Simulation, pred: (t: Task) => boolean) => [...sim.world.tasks.values()].filter(pred);

export const liveTasksOf = (sim: Simulation, serviceName: string) =>
  tasksWhere(sim, (t) => t.serviceName === serviceName && t.desiredStatus === 'RUNNING');
