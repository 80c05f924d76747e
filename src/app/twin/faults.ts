// The twin view's fault bar as data: the five faults, the command each one is on a task, and
// whether it can be applied to both worlds right now — and, when it can't, why, in words a learner
// can use. Which task a fault hits is decided here (the oldest RUNNING task of each side, as a
// script's selector would pick it) and the command names that task by ARN, so the session's log
// says exactly which task was hit and the comparison (compare.ts) can follow it.

import { selectTasks, shortId, type ScriptCommand, type Task, type TaskSelector, type World } from '../../sim/index.ts';
import { taskActions, type TaskActionName } from '../actions/availability.ts';

export type FaultId = 'stop' | 'crash' | 'oom' | 'failHealth' | 'jobDone';
export type Side = 'left' | 'right';

export type Fault = {
  id: FaultId;
  /** The button's label. */
  label: string;
  /** The key that applies it in the twin view. */
  key: string;
  /** The task action it is, for availability.ts. */
  action: TaskActionName;
  command: (taskArn: string) => ScriptCommand;
};

export const FAULTS: readonly Fault[] = [
  { id: 'stop', label: 'Stop the task', key: '1', action: 'stop', command: (task) => ({ type: 'stopTask', task }) },
  { id: 'crash', label: 'Essential container exits (1)', key: '2', action: 'crash', command: (task) => ({ type: 'crashContainer', task, exitCode: 1 }) },
  { id: 'oom', label: 'Out of memory (137)', key: '3', action: 'oom', command: (task) => ({ type: 'oomKillContainer', task }) },
  { id: 'failHealth', label: 'The health check starts failing', key: '4', action: 'failHealth', command: (task) => ({ type: 'failHealthChecks', task }) },
  { id: 'jobDone', label: 'The job finishes (exit 0)', key: '5', action: 'crash', command: (task) => ({ type: 'crashContainer', task, exitCode: 0 }) },
];

/** Which fault a recorded command is (null: not one of the bar's). */
export function faultOf(command: ScriptCommand): Fault | null {
  switch (command.type) {
    case 'stopTask':
      return FAULTS[0]!;
    case 'crashContainer':
      return (command.exitCode ?? 1) === 0 ? FAULTS[4]! : FAULTS[1]!;
    case 'oomKillContainer':
      return FAULTS[2]!;
    case 'failHealthChecks':
      return FAULTS[3]!;
    default:
      return null;
  }
}

/** The task each side's faults hit: the standalone task of web on the left, a task of service
 *  web on the right. */
export const SIDE_SELECTOR: Record<Side, TaskSelector> = { left: { family: 'web', standalone: true }, right: { service: 'web' } };

/** The task a fault would hit on one side now: the oldest RUNNING one (desiredStatus RUNNING). */
export function targetOf(world: World, side: Side): Task | null {
  return selectTasks(world, SIDE_SELECTOR[side])[0] ?? null;
}

export type FaultCheck = { enabled: true; left: Task; right: Task } | { enabled: false; reason: string };

const SIDE_NAME: Record<Side, string> = { left: 'Left', right: 'Right' };

/** Why one side has no task to hit: its newest task says. */
function nothingToHit(world: World, side: Side): string {
  const tasks = [...world.tasks.values()].filter((t) => (side === 'left' ? t.serviceName === undefined : t.serviceName === 'web'));
  const newest = tasks.at(-1);
  if (!newest) return side === 'left' ? 'Left: there is no task.' : 'Right: service web has not started a task yet.';
  const id = shortId(newest.taskId);
  if (newest.desiredStatus === 'RUNNING') return `${SIDE_NAME[side]}: task ${id} is ${newest.lastStatus}, not RUNNING yet.`;
  if (side === 'left')
    return `Left: task ${id} is ${newest.lastStatus === 'STOPPED' ? 'STOPPED' : `${newest.lastStatus}, on its way to STOPPED`}, and nothing starts another: a task you run yourself is not replaced. Start over, or go back on the timeline to before the fault.`;
  return `Right: task ${id} is on its way to STOPPED and service web has no other task RUNNING yet.`;
}

/** Whether the fault can hit both sides now (the engine would accept it on each), and if not, why. */
export function checkFault(left: World, right: World, fault: Fault): FaultCheck {
  const targets = { left: targetOf(left, 'left'), right: targetOf(right, 'right') };
  const reasons: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const task = targets[side];
    if (!task) {
      reasons.push(nothingToHit(side === 'left' ? left : right, side));
      continue;
    }
    const availability = taskActions(side === 'left' ? left : right, task)[fault.action];
    if (!availability.enabled) reasons.push(`${SIDE_NAME[side]}: ${availability.reason}`);
  }
  if (reasons.length > 0 || !targets.left || !targets.right) return { enabled: false, reason: reasons.join(' ') };
  return { enabled: true, left: targets.left, right: targets.right };
}
