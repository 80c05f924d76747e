// One sentence per fault: what the same fault did to each world, and why they differ. Pure, and
// read from the engine's own record — each side's log (which task the fault hit, and when) and
// its events since (the task's states, its exit code, health and target; the scheduler's plans
// and what it launched) — never a canned line: if the engine did something else, the sentence
// says that instead. A fault's story runs until the next fault of the bar, or the moment shown.

import type { LogEntry } from '../../session/record.ts';
import { clockLabel, shortId, taskIdOf, type HealthStatus, type Millis, type SimEvent, type TargetHealthState, type TaskStatus, type World } from '../../sim/index.ts';
import { NO_SERVICE_WATCHING } from '../narration.ts';
import { faultOf, type Fault } from './faults.ts';

/** One side at the moment shown: its recorded commands, its events up to now, its world. */
export type SideMoment = { entries: readonly LogEntry[]; events: readonly SimEvent[]; world: World };

export type Comparison = { at: Millis; fault: Fault; left: string; right: string };

/** What happened to one task in a window of events. */
type TaskStory = {
  taskId: string;
  lastStatus: TaskStatus;
  stopping: boolean;
  stopCode?: string;
  exitCode?: number;
  health?: HealthStatus;
  target?: TargetHealthState;
};

/** What one side's events after a fault say. */
type SideStory = {
  hit: TaskStory;
  /** The service that owns the task hit, if any. */
  service: string | undefined;
  /** Tasks that started in the window, oldest first. */
  started: TaskStory[];
  /** Why the scheduler launched (its first plan in the window with a launch). */
  launchReason: string | undefined;
};

function storyOf(taskArn: string, events: readonly SimEvent[], world: World): SideStory {
  const stories = new Map<string, TaskStory>();
  const hitId = taskIdOf(taskArn);
  const story = (taskId: string) => {
    let s = stories.get(taskId);
    if (!s) stories.set(taskId, (s = { taskId, lastStatus: 'RUNNING', stopping: false }));
    return s;
  };
  const hit = story(hitId);
  const started: TaskStory[] = [];
  let service = world.tasks.get(taskArn)?.serviceName;
  let launchReason: string | undefined;
  for (const e of events) {
    if (e.type === 'TaskStateChanged') {
      if (e.taskId === hitId && e.group.startsWith('service:')) service = e.group.slice('service:'.length);
      if (e.taskId !== hitId && e.lastStatus === 'PROVISIONING' && !stories.has(e.taskId)) started.push(story(e.taskId));
      if (e.taskId !== hitId && !stories.has(e.taskId)) continue; // a task that was there before, not the one hit
      const s = story(e.taskId);
      s.lastStatus = e.lastStatus;
      s.stopping = e.desiredStatus === 'STOPPED';
      if (e.stopCode) s.stopCode = e.stopCode;
    } else if (e.type === 'ContainerStateChanged' && stories.has(e.taskId)) {
      if (e.lastStatus === 'STOPPED' && e.exitCode !== null && story(e.taskId).exitCode === undefined) story(e.taskId).exitCode = e.exitCode;
    } else if (e.type === 'TaskHealthChanged' && stories.has(e.taskId)) {
      story(e.taskId).health = e.healthStatus;
    } else if (e.type === 'TargetHealthChanged' && stories.has(e.taskId)) {
      story(e.taskId).target = e.state;
    } else if (e.type === 'SchedulerPlanned' && launchReason === undefined) {
      const launch = e.actions.find((a) => a.action === 'launch');
      if (launch) launchReason = launch.reason;
    }
  }
  return { hit, service, started, launchReason };
}

/** "(exit code 1, EssentialContainerExited)" — what the task's end says about it. */
function endDetail(s: TaskStory): string {
  const parts = [s.exitCode !== undefined ? `exit code ${s.exitCode}` : null, s.stopCode ?? null].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Where the task hit is now, in the engine's words. */
function hitClause(s: TaskStory, fault: Fault, stays: boolean): string {
  const id = `task ${shortId(s.taskId)}`;
  if (s.lastStatus === 'STOPPED') return `${id} ${stays ? 'stayed' : 'is'} STOPPED${endDetail(s)}`;
  if (s.stopping) return `${id} is ${s.lastStatus} on its way to STOPPED${endDetail(s)}${s.lastStatus === 'DEACTIVATING' ? ' while its target drains' : ''}`;
  const failing = [s.health === 'UNHEALTHY' ? 'health UNHEALTHY' : null, s.target === 'unhealthy' ? 'failing its load balancer health checks' : null].filter(Boolean);
  if (failing.length > 0) return `${id} is still RUNNING, ${failing.join(' and ')}`;
  if (fault.id === 'failHealth') return `${id} is RUNNING with its health check failing; it is not counted UNHEALTHY yet`;
  return `${id} is ${s.lastStatus}`;
}

/** A started task's state: "RUNNING and healthy behind the load balancer", "PENDING". */
function startedState(s: TaskStory): string {
  if (s.lastStatus === 'RUNNING' && s.target === 'healthy') return 'RUNNING, a healthy target of the load balancer';
  return s.target && s.lastStatus === 'RUNNING' ? `RUNNING, target ${s.target}` : s.lastStatus;
}

/** The plan's reason up to its first colon: "desiredCount is 1 but 0 tasks are running or starting". */
const because = (reason: string) => {
  const head = reason.split(': ')[0]!.replace(/\.$/, '');
  return head.charAt(0).toLowerCase() + head.slice(1);
};

function describeSide(story: SideStory, fault: Fault): string {
  const { hit, service, started } = story;
  const ended = hit.lastStatus === 'STOPPED' || hit.stopping;
  if (service === undefined) {
    const hitText = hitClause(hit, fault, started.length === 0);
    if (started.length > 0) return `${hitText}; task ${shortId(started[0]!.taskId)} was started, and is ${startedState(started[0]!)}`;
    if (ended && hit.exitCode === 0) return `${hitText}: a job you run yourself is done when it exits 0, and no service is there to start it again`;
    if (ended) return `${hitText}: nothing replaces it — ${NO_SERVICE_WATCHING}`;
    if (hit.health === 'UNHEALTHY') return `${hitText}: ECS lets a task you run yourself run on whatever its health; only a service replaces an unhealthy task`;
    return `${hitText}, and nothing will replace it: ${NO_SERVICE_WATCHING}`;
  }
  const hitText = hitClause(hit, fault, false);
  const replacement = started[0];
  if (!replacement) {
    return ended ? `${hitText}; service ${service} has not started a replacement yet` : `${hitText}; service ${service} has not acted yet`;
  }
  const why = story.launchReason ? ` because ${because(story.launchReason)}` : '';
  const job = ended && hit.exitCode === 0 ? ` — a service keeps its desiredCount of tasks running, so it replaces even a task whose job finished` : '';
  return `${hitText}; service ${service} started task ${shortId(replacement.taskId)}${why}, now ${startedState(replacement)}${job}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The faults of the bar both sides were given (the same fault at the same moment), up to now. */
function pairedFaults(left: SideMoment, right: SideMoment): { at: Millis; fault: Fault; left: string; right: string }[] {
  const now = left.world.now;
  const pairs = [];
  let from = 0;
  for (const l of left.entries) {
    if (l.at > now) break;
    const fault = faultOf(l.command);
    if (!fault || !('task' in l.command) || typeof l.command.task !== 'string') continue;
    const index = right.entries.findIndex((r, i) => i >= from && r.at === l.at && faultOf(r.command)?.id === fault.id);
    const r = right.entries[index];
    if (!r || !('task' in r.command) || typeof r.command.task !== 'string') continue;
    from = index + 1;
    pairs.push({ at: l.at, fault, left: l.command.task, right: r.command.task });
  }
  return pairs;
}

/** One comparison per fault, oldest first. */
export function compareFaults(left: SideMoment, right: SideMoment): Comparison[] {
  const pairs = pairedFaults(left, right);
  return pairs.map((p, i) => {
    const until = pairs[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    const within = (events: readonly SimEvent[]) => events.filter((e) => e.at >= p.at && e.at < until);
    return {
      at: p.at,
      fault: p.fault,
      left: capital(describeSide(storyOf(p.left, within(left.events), left.world), p.fault)),
      right: capital(describeSide(storyOf(p.right, within(right.events), right.world), p.fault)),
    };
  });
}

/** The comparison as one line: "Stop the task at T+01:30. Left: …. Right: …." */
export function comparisonText(c: Comparison): string {
  return `${c.fault.label} at ${clockLabel(c.at)}. Left: ${c.left}. Right: ${c.right}.`;
}
