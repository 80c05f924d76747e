// Scheduled tasks (issue 13; spec §4.1): EventBridge Scheduler schedules whose target is ECS
// RunTask. A schedule fires at the times its expression names (src/sim/schedule) in its time
// zone; each firing is one RunTask of its task definition, with `startedBy` set to
// `chronos-schedule/<name>` as observed (OBS-13). The tasks it starts are standalone: nothing
// watches them, so a run that fails is not run again (the Scheduler's retry policy is for the API
// call, not for the task), and a run that is still going when the next one fires simply overlaps it.
//
// A schedule is an entity (replaced, never edited) in `world.schedules`; its next firing is one
// timer, and the schedule remembers that timer's sequence number, so a timer left behind by a
// change (disabled, deleted, a new expression) finds itself stale and does nothing.

import { emit, type Step } from './events.ts';
import { arnPrefix, SCHEDULED_BY, scheduleNameOf } from './ids.ts';
import { startStandaloneTasks } from './placement.ts';
import { resolveTaskDefinition } from './taskDefinition.ts';
import { schedule as planTimer } from './timers.ts';
import { checkTimeZone, nextFiring, parseScheduleExpression } from './schedule/expression.ts';
import type { CommandError, Millis, Schedule, ScheduleRun, ScheduleState, SimEvent, World } from './model/index.ts';

/** Past runs a schedule keeps for the inspector (it counts all of them). */
export const MAX_SCHEDULE_RUNS = 50;

/** The playground's limit; the Scheduler allows a million schedules an account. */
export const MAX_SCHEDULES = 20;

// CreateSchedule's Name: 1 to 64 of [0-9a-zA-Z-_.]. EcsParameters.TaskCount: 1 to 10.
const SCHEDULE_NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
const MAX_TASK_COUNT = 10;

type Fail = { ok: false; error: CommandError };
const fail = (code: CommandError['code'], message: string): Fail => ({ ok: false, error: { code, message } });

export const scheduleArn = (world: World, name: string) => `${arnPrefix(world, 'scheduler')}:schedule/default/${name}`;

/** The next firing after `after` (sim ms), or null when none will come. */
function nextRun(world: World, s: Pick<Schedule, 'expression' | 'scheduleExpressionTimezone' | 'createdAt'>, after: Millis): Millis | null {
  const epoch = world.config.epochMs;
  const next = nextFiring(s.expression, { afterEpochMs: epoch + after, startEpochMs: epoch + s.createdAt, timeZone: s.scheduleExpressionTimezone });
  return next === null ? null : next - epoch;
}

/** Put the schedule in the world with its next firing planned (or none, when DISABLED). */
function putSchedule(step: Step, s: Schedule, change: 'created' | 'updated'): Schedule {
  const { world } = step;
  const nextRunAt = s.state === 'ENABLED' ? nextRun(world, s, world.now) : null;
  const timerSeq = nextRunAt === null ? null : planTimer(world, nextRunAt, { kind: 'scheduleFires', scheduleName: s.name });
  const next: Schedule = { ...s, nextRunAt, timerSeq };
  world.schedules.set(next.name, next);
  emit(step, { type: 'ScheduleChanged', scheduleName: next.name, change, state: next.state, nextRunAt });
  return next;
}

type ScheduleFields = { scheduleExpression: string; scheduleExpressionTimezone: string; taskDefinition: string; taskCount: number; state: ScheduleState };

/** Every field checked, the problems joined (the Scheduler names the first; a form wants all). */
function checkFields(world: World, f: ScheduleFields): { ok: true; expression: Schedule['expression'] } | Fail {
  const problems: string[] = [];
  const parsed = parseScheduleExpression(f.scheduleExpression);
  if (!parsed.ok) problems.push(...parsed.problems.map((p) => p.message));
  const zone = checkTimeZone(f.scheduleExpressionTimezone);
  if (zone) problems.push(zone.message);
  if (f.state !== 'ENABLED' && f.state !== 'DISABLED') problems.push("state must be 'ENABLED' or 'DISABLED'.");
  if (typeof f.taskCount !== 'number' || !Number.isInteger(f.taskCount) || f.taskCount < 1 || f.taskCount > MAX_TASK_COUNT)
    problems.push(`taskCount must be a whole number from 1 to ${MAX_TASK_COUNT}: RunTask starts at most ${MAX_TASK_COUNT} tasks per call.`);
  // The Scheduler takes any task definition ARN and fails at each run if it is wrong; the
  // playground checks it now, while the learner is looking at the form.
  const td = typeof f.taskDefinition === 'string' ? resolveTaskDefinition(world, f.taskDefinition) : undefined;
  if (!td) problems.push(`Unable to find task definition '${String(f.taskDefinition).slice(0, 80)}'. Register it first (the Scheduler itself would accept the schedule and fail at every run).`);
  else if (td.status !== 'ACTIVE') problems.push(`TaskDefinition is inactive: ${td.family}:${td.revision} was deregistered and cannot run new tasks.`);
  if (problems.length || !parsed.ok) return fail('ValidationException', problems.join('\n'));
  return { ok: true, expression: parsed.expression };
}

export function createSchedule(step: Step, command: { name: string; scheduleExpression: string; scheduleExpressionTimezone?: string | undefined; state?: ScheduleState | undefined; target: { taskDefinition: string; taskCount?: number | undefined } }): { ok: true } | Fail {
  const { world } = step;
  const { name } = command;
  if (typeof name !== 'string' || !SCHEDULE_NAME.test(name))
    return fail('ValidationException', 'A schedule name has 1 to 64 letters, numbers, hyphens (-), underscores (_) and periods (.).');
  if (world.schedules.has(name)) return fail('ConflictException', `Schedule ${name} already exists.`);
  if (world.schedules.size >= MAX_SCHEDULES) return fail('ValidationException', `The playground holds at most ${MAX_SCHEDULES} schedules: delete one first.`);
  const fields: ScheduleFields = {
    scheduleExpression: command.scheduleExpression,
    scheduleExpressionTimezone: command.scheduleExpressionTimezone ?? 'UTC',
    state: command.state ?? 'ENABLED',
    taskDefinition: command.target?.taskDefinition,
    taskCount: command.target?.taskCount ?? 1,
  };
  const checked = checkFields(world, fields);
  if (!checked.ok) return checked;
  putSchedule(step, {
    name,
    arn: scheduleArn(world, name),
    scheduleExpression: fields.scheduleExpression,
    expression: checked.expression,
    scheduleExpressionTimezone: fields.scheduleExpressionTimezone,
    state: fields.state,
    target: { taskDefinition: fields.taskDefinition, taskCount: fields.taskCount },
    createdAt: world.now,
    nextRunAt: null,
    timerSeq: null,
    runCount: 0,
    runs: [],
  }, 'created');
  return { ok: true };
}

const NOT_FOUND = (name: string) => fail('ResourceNotFoundException', `Schedule ${String(name).slice(0, 64)} does not exist.`);

export function updateSchedule(step: Step, command: { name: string; state?: ScheduleState | undefined; scheduleExpression?: string | undefined; scheduleExpressionTimezone?: string | undefined; target?: { taskDefinition?: string | undefined; taskCount?: number | undefined } | undefined }): { ok: true } | Fail {
  const { world } = step;
  const current = world.schedules.get(command.name);
  if (!current) return NOT_FOUND(command.name);
  const fields: ScheduleFields = {
    scheduleExpression: command.scheduleExpression ?? current.scheduleExpression,
    scheduleExpressionTimezone: command.scheduleExpressionTimezone ?? current.scheduleExpressionTimezone,
    state: command.state ?? current.state,
    taskDefinition: command.target?.taskDefinition ?? current.target.taskDefinition,
    taskCount: command.target?.taskCount ?? current.target.taskCount,
  };
  const checked = checkFields(world, fields);
  if (!checked.ok) return checked;
  const expressionChanged = fields.scheduleExpression !== current.scheduleExpression;
  putSchedule(step, {
    ...current,
    scheduleExpression: fields.scheduleExpression,
    expression: checked.expression,
    scheduleExpressionTimezone: fields.scheduleExpressionTimezone,
    state: fields.state,
    target: { taskDefinition: fields.taskDefinition, taskCount: fields.taskCount },
    // A new rate counts its periods from now, as a new schedule would.
    ...(expressionChanged ? { createdAt: world.now } : {}),
  }, 'updated');
  return { ok: true };
}

/** Deleting a schedule stops nothing: the tasks it started are standalone and run on. */
export function deleteSchedule(step: Step, name: string): { ok: true } | Fail {
  const current = step.world.schedules.get(name);
  if (!current) return NOT_FOUND(name);
  step.world.schedules.delete(name);
  emit(step, { type: 'ScheduleChanged', scheduleName: name, change: 'deleted', state: current.state, nextRunAt: null });
  return { ok: true };
}

/** The target's RunTask, as the Scheduler makes it. A refusal (the task definition deregistered
 *  since) is recorded on the run; it is not an error of the firing. */
function invoke(step: Step, s: Schedule, manual: boolean): ScheduleRun {
  const { world } = step;
  const td = resolveTaskDefinition(world, s.target.taskDefinition);
  const base = { at: world.now, manual, outcomes: [] };
  let run: ScheduleRun;
  if (!td || td.status !== 'ACTIVE') {
    const refused = !td
      ? `Unable to find task definition '${s.target.taskDefinition}'.`
      : `TaskDefinition is inactive: ${td.family}:${td.revision} was deregistered and cannot run new tasks.`;
    run = { ...base, taskArns: [], failures: [], refused };
  } else {
    run = { ...base, ...startStandaloneTasks(step, td, s.target.taskCount, `family:${td.family}`, `${SCHEDULED_BY}${s.name}`) };
  }
  const runs = [...s.runs, run];
  if (runs.length > MAX_SCHEDULE_RUNS) runs.splice(0, runs.length - MAX_SCHEDULE_RUNS);
  world.schedules.set(s.name, { ...s, runs, runCount: s.runCount + 1 });
  emit(step, { type: 'ScheduleFired', scheduleName: s.name, manual, taskArns: run.taskArns, failures: run.failures.length, ...(run.refused ? { refused: run.refused } : {}) });
  return run;
}

export function runScheduleNow(step: Step, name: string): { ok: true; taskArns: string[] } | Fail {
  const current = step.world.schedules.get(name);
  if (!current) return NOT_FOUND(name);
  return { ok: true, taskArns: invoke(step, current, true).taskArns };
}

/** The timer: fire, then plan the next firing. A stale timer (the schedule changed or went) does nothing. */
export function scheduleFires(step: Step, name: string, timerSeq: number): void {
  const current = step.world.schedules.get(name);
  if (!current || current.timerSeq !== timerSeq || current.state !== 'ENABLED') return;
  invoke(step, current, false);
  const after = step.world.schedules.get(name)!;
  const nextRunAt = nextRun(step.world, after, step.world.now);
  const nextSeq = nextRunAt === null ? null : planTimer(step.world, nextRunAt, { kind: 'scheduleFires', scheduleName: name });
  step.world.schedules.set(name, { ...after, nextRunAt, timerSeq: nextSeq });
}

/** A scheduled task stopped: its run records how it ended (for the inspector's past runs). */
export function observeScheduledTask(step: Step, event: SimEvent): void {
  if (event.type !== 'TaskStateChanged' || event.lastStatus !== 'STOPPED') return;
  const task = step.world.tasks.get(event.taskArn);
  const name = task ? scheduleNameOf(task.startedBy) : null;
  if (!task || name === null) return;
  const s = step.world.schedules.get(name);
  let index = s ? s.runs.length - 1 : -1;
  while (index >= 0 && !s!.runs[index]!.taskArns.includes(task.taskArn)) index -= 1;
  if (!s || index < 0) return;
  const essential = task.containers.find((c) => c.essential) ?? task.containers[0];
  const outcome = { taskArn: task.taskArn, exitCode: essential?.exitCode ?? null, ...(task.stopCode ? { stopCode: task.stopCode } : {}), ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}) };
  const runs = s.runs.slice();
  runs[index] = { ...runs[index]!, outcomes: [...runs[index]!.outcomes, outcome] };
  step.world.schedules.set(name, { ...s, runs });
}
