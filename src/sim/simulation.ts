// A Simulation owns one world and is what the UI store, lessons, tests and the headless runner
// hold: commands in (dispatch), time forward (advanceTo/advanceBy), events out. Its state is the
// world alone, so snapshot() → Simulation.restore() → continue gives exactly what an
// uninterrupted run gives.

import { advanceTo, dispatch } from './engine.ts';
import { findScenario, type Scenario } from './scenarios.ts';
import { peekTimer, schedule } from './timers.ts';
import { millisOfSeconds, requireWholeMillis } from './time.ts';
import { createWorld, shareWorld, type WorldOptions } from './world.ts';
import type { CommandOutcome, Millis, ScriptCommand, ScriptStep, SimEvent, World } from './model/index.ts';

export type SimulationOptions = {
  seed: number;
  /** A built-in scenario's name, or a scenario. Default: 'default'. */
  scenario?: string | Scenario;
  /** More timed commands on top of the scenario's own. */
  script?: ScriptStep[];
  config?: WorldOptions['config'];
};

export type DispatchOutcome = { outcome: CommandOutcome; events: SimEvent[] };

export class Simulation {
  /** What setting up the scenario produced at time 0 (registrations, the first launches). */
  setupEvents: SimEvent[] = [];

  private constructor(readonly world: World) {}

  static create(options: SimulationOptions): Simulation {
    const scenario = typeof options.scenario === 'object' ? options.scenario : findScenario(options.scenario ?? 'default');
    if (!scenario) throw new Error(`Unknown scenario: ${String(options.scenario)}`);
    const sim = new Simulation(createWorld({ seed: options.seed, ...(options.config ? { config: options.config } : {}) }));
    for (const command of scenario.setup) {
      const { outcome, events } = sim.dispatch(command);
      if (!outcome.ok) throw new Error(`Scenario ${scenario.name} does not set up: ${outcome.error.message}`);
      sim.setupEvents.push(...events);
    }
    [...scenario.script, ...(options.script ?? [])].forEach((step, i) => sim.scheduleCommand(scriptStepTime(step, i), step.command));
    return sim;
  }

  /** A simulation that continues from a snapshot. The snapshot itself is not kept or changed. */
  static restore(snapshot: World): Simulation {
    return new Simulation(structuredClone(snapshot));
  }

  /** A simulation that continues from a checkpoint (see `checkpoint`), which stays as it was. */
  static resume(checkpoint: World): Simulation {
    return new Simulation(shareWorld(checkpoint));
  }

  get now(): Millis {
    return this.world.now;
  }

  /** When the engine next has work to do; undefined when nothing is scheduled. */
  get nextDueAt(): Millis | undefined {
    return peekTimer(this.world)?.at;
  }

  /** Apply a command now. A task selector is resolved against the current world; a rejected
   *  command changes nothing. */
  dispatch(command: ScriptCommand): DispatchOutcome {
    return dispatch(this.world, command);
  }

  /** Apply a command later, at sim time `at` (whole ms); lessons and scripts use this. */
  scheduleCommand(at: Millis, command: ScriptCommand): void {
    schedule(this.world, requireWholeMillis(at, 'scheduleCommand: the time to run the command'), { kind: 'command', command });
  }

  advanceTo(until: Millis): SimEvent[] {
    return advanceTo(this.world, until);
  }

  advanceBy(ms: Millis): SimEvent[] {
    return advanceTo(this.world, this.world.now + requireWholeMillis(ms, 'advanceBy: the time to advance by'));
  }

  /** Run until something happens — the next event — but no further than `limit` ms from now.
   *  This is the UI's single step: "show me what ECS does next". */
  advanceToNextEvent(limit: Millis): SimEvent[] {
    const until = this.world.now + requireWholeMillis(limit, 'advanceToNextEvent: the limit');
    for (let next = peekTimer(this.world); next !== undefined && next.at <= until; next = peekTimer(this.world)) {
      const events = advanceTo(this.world, next.at);
      if (events.length > 0) return events;
    }
    return advanceTo(this.world, until);
  }

  /** The world as it is now, sharing its (immutable) entities with the running one: cheap to take
   *  and to keep many of; resume() continues from it. Not for serialising or comparing. */
  checkpoint(): World {
    return shareWorld(this.world);
  }

  /** A deep copy of the whole state (objects, arrays and Maps), safe to keep, compare or
   *  structuredClone; it shares nothing with the running world. */
  snapshot(): World {
    return structuredClone(this.world);
  }
}

/** A script step's time in whole ms. parseScript already refuses other values; a step written in
 *  code (a scenario, a test) is checked here. */
function scriptStepTime(step: ScriptStep, index: number): Millis {
  const at = millisOfSeconds(step.at);
  if (at === null) throw new RangeError(`Script step ${index} (${step.command.type}): "at" must be a whole number of milliseconds (seconds with at most three decimals), not ${step.at} s.`);
  return at;
}
