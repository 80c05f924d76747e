// The engine's two entry points: apply a command now, and advance time. Both change the world
// they are given and return the events that describe the change.
//
// Order within a step: the command or timer runs; then every event it produced is shown to the
// services, which update their counts and ask the scheduler to look again at its next tick; then
// the containers it touched write their log lines (logs.ts), which change nothing else.
// Because all later work is a timer in a fixed order (time, scheduler ticks last, creation), advancing 0→10 s in one call or
// in a hundred gives the same world and the same events.

import { applyCommand } from './commands.ts';
import { emit, type Step } from './events.ts';
import { resolveScriptCommand } from './script.ts';
import { observeTaskEvent, reconcile } from './service.ts';
import { finishDraining, runTargetHealthCheck } from './loadBalancer.ts';
import { advancePhase, continueAfterDrain, runApp, resolveDependencies, runHealthCheck, signalExit } from './task.ts';
import { runTraffic } from './traffic.ts';
import { writeLogs } from './logs.ts';
import { zoneFaultEnds } from './zones.ts';
import { scheduleMechanicOf } from './extensions.ts';
import { peekTimer, popTimer } from './timers.ts';
import { requireWholeMillis } from './time.ts';
import type { CommandOutcome, Millis, RngState, ScriptCommand, SimEvent, Timer, World } from './model/index.ts';

export type DispatchResult = { outcome: CommandOutcome; events: SimEvent[] };

/** Apply one command at the world's current time. A rejected command changes nothing. */
export function dispatch(world: World, command: ScriptCommand): DispatchResult {
  const step: Step = { world, events: [] };
  const outcome = applyScriptCommand(step, command);
  settle(step, 0);
  writeLogs(step, 0, { command });
  return { outcome, events: step.events };
}

/** Run every timer due up to and including `until`, then leave the clock at `until`. */
export function advanceTo(world: World, until: Millis): SimEvent[] {
  requireWholeMillis(until, 'advanceTo: the time to advance to');
  if (!(until >= world.now)) throw new RangeError(`Sim time only moves forward (now ${world.now}, asked for ${until}).`);
  const step: Step = { world, events: [] };
  for (let next = peekTimer(world); next !== undefined && next.at <= until; next = peekTimer(world)) {
    runTraffic(world, next.at); // requests arriving before this timer see the world as it was
    const timer = popTimer(world)!;
    world.now = timer.at;
    const from = step.events.length;
    runTimer(step, timer);
    settle(step, from);
    writeLogs(step, from, { timer }); // what the containers it touched wrote (logs.ts)
  }
  runTraffic(world, until);
  world.now = until;
  return step.events;
}

function runTimer(step: Step, timer: Timer): void {
  switch (timer.kind) {
    case 'taskPhase':
      return advancePhase(step, timer.taskArn, timer.expect);
    case 'app':
      return runApp(step, timer.taskArn, timer.container, timer.at);
    case 'containerExit':
      return signalExit(step, timer.taskArn, timer.container, timer.exitCode);
    case 'healthCheck':
      return runHealthCheck(step, timer.taskArn, timer.container);
    case 'dependencyTimeout':
      return resolveDependencies(step, timer.taskArn);
    case 'reconcile':
      return reconcile(step, timer.serviceName, timer.at);
    case 'forgetTask': {
      // ECS shows a stopped task for at least an hour (spec §3.4); then it is gone. This also
      // keeps a day-long run's memory bounded.
      step.world.tasks.delete(timer.taskArn);
      step.world.traffic.perTask.delete(timer.taskArn);
      return;
    }
    case 'command':
      return runScriptCommand(step, timer.command);
    case 'targetHealthCheck':
      return runTargetHealthCheck(step, timer.targetGroupArn, timer.taskArn);
    case 'targetDrained':
      finishDraining(step, timer.targetGroupArn, timer.taskArn);
      return continueAfterDrain(step, timer.taskArn);
    case 'zoneFaultEnds':
      return zoneFaultEnds(step, timer.availabilityZone, timer.fault, timer.at);
    case 'scheduleFires':
      return scheduleMechanicOf().scheduleFires(step, timer.scheduleName, timer.seq); // extensions.ts
  }
}

/** A scenario's timed command, applied like any other. A step that cannot apply is logged, so a
 *  lesson can tell its script went off the rails. */
function runScriptCommand(step: Step, command: ScriptCommand): void {
  const outcome = applyScriptCommand(step, command);
  if (!outcome.ok) emit(step, { type: 'CommandRejected', command: command.type, code: outcome.error.code, message: outcome.error.message });
}

/**
 * Resolve the command's task selector, if it has one, then apply the command. Resolving
 * `pick: random` draws from the world's RNG before the command's own checks run, so a rejection
 * puts the RNG back: a rejected command leaves the world exactly as it was (applyCommand itself
 * checks everything before it changes anything).
 */
function applyScriptCommand(step: Step, command: ScriptCommand): CommandOutcome {
  const rng = [...step.world.rng] as RngState;
  const resolved = resolveScriptCommand(step.world, command);
  const outcome = 'error' in resolved ? { ok: false as const, error: resolved.error } : applyCommand(step, resolved.command);
  if (!outcome.ok) step.world.rng = rng;
  return outcome;
}

/** Let services see what just happened to their tasks (which may produce more events), and
 *  schedules how their runs ended. */
function settle(step: Step, from: number): void {
  for (let i = from; i < step.events.length; i++) {
    observeTaskEvent(step, step.events[i]!);
    if (step.world.schedules.size) scheduleMechanicOf().observeScheduledTask(step, step.events[i]!);
  }
}
