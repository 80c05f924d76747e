// Small questions about the engine for lessons' checks, so a lesson reads as what it asks ("has
// service web started a replacement since the step began?") rather than as event plumbing. Each
// reads the world or the events since the step began (LessonContext), nothing else.

import { countsHealthy, isSteady, serviceEventGist, targetHealthOf, type Millis, type ServiceEventGist, type SimEvent, type Task, type TargetHealthState, type World } from '../sim/index.ts';
import type { LessonContext } from './model.ts';

export type Which = { service?: string; family?: string; standalone?: boolean };

const matches = (t: Task, w: Which) =>
  (w.service === undefined || t.serviceName === w.service) &&
  (w.family === undefined || t.family === w.family) &&
  (w.standalone === undefined || (t.serviceName === undefined) === w.standalone);

/** Tasks the world still shows (ECS keeps stopped ones for an hour), oldest first. */
export const tasks = (world: World, w: Which = {}): Task[] => [...world.tasks.values()].filter((t) => matches(t, w));
/** Tasks that are meant to run and do (lastStatus RUNNING, desiredStatus RUNNING). */
export const running = (world: World, w: Which = {}): Task[] => tasks(world, w).filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
/** Tasks meant to run: started and not asked to stop (PROVISIONING … RUNNING). */
export const live = (world: World, w: Which = {}): Task[] => tasks(world, w).filter((t) => t.desiredStatus === 'RUNNING');
/** Tasks the scheduler counts healthy (spec §5.5): the container health check passed, or 40 s
 *  running without one; and behind a load balancer, a healthy target too. */
export const healthy = (world: World, w: Which = {}): Task[] =>
  running(world, w).filter((t) => {
    const behindLoadBalancer = (t.serviceName !== undefined && world.services.get(t.serviceName)?.loadBalancers.length) || 0;
    const target = targetHealthOf(world, t);
    const targets = behindLoadBalancer > 0 ? new Map(target ? [[t.taskArn, { state: target }]] : []) : undefined;
    return countsHealthy(t, world.now, world.taskDefinitions, targets);
  });
export const stopped = (world: World, w: Which = {}): Task[] => tasks(world, w).filter((t) => t.lastStatus === 'STOPPED');

const groupMatches = (group: string, w: Which) => {
  const service = group.startsWith('service:') ? group.slice('service:'.length) : undefined;
  if (w.standalone !== undefined && (service === undefined) !== w.standalone) return false;
  if (w.service !== undefined && service !== w.service) return false;
  return true;
};

type TaskChange = Extract<SimEvent, { type: 'TaskStateChanged' }>;
const taskChanges = (ctx: LessonContext, w: Which): TaskChange[] =>
  ctx.events.filter((e): e is TaskChange => e.type === 'TaskStateChanged' && groupMatches(e.group, w) && (w.family === undefined || ctx.world.tasks.get(e.taskArn)?.family === w.family));

/** Tasks launched since the step began (their first state, PROVISIONING). */
export const launchedSince = (ctx: LessonContext, w: Which = {}): string[] => taskChanges(ctx, w).filter((e) => e.lastStatus === 'PROVISIONING').map((e) => e.taskArn);
/** Whether this event is the one where the task's desiredStatus flipped to STOPPED (the stop was
 *  decided, on either path: a stop, or a task that failed to start): the later steps, DEACTIVATING
 *  … STOPPED, carry desiredStatus STOPPED too and are not a new stop. */
export const isStopFlip = (world: World, e: SimEvent): e is TaskChange =>
  e.type === 'TaskStateChanged' && e.desiredStatus === 'STOPPED' && world.tasks.get(e.taskArn)?.stoppingAt === e.at;

/** Tasks told to stop since the step began (by anyone, for any reason), one per task, in order,
 *  with the stop code they were given. A task told to stop before the step began is not counted. */
export const stopsSince = (ctx: LessonContext, w: Which = {}): TaskChange[] => {
  const seen = new Set<string>();
  return taskChanges(ctx, w).filter((e) => isStopFlip(ctx.world, e) && !seen.has(e.taskArn) && seen.add(e.taskArn));
};
/** Tasks that reached STOPPED since the step began. */
export const stoppedSince = (ctx: LessonContext, w: Which = {}): TaskChange[] => taskChanges(ctx, w).filter((e) => e.lastStatus === 'STOPPED');
/** Tasks that reached RUNNING since the step began. */
export const runningSince = (ctx: LessonContext, w: Which = {}): TaskChange[] => taskChanges(ctx, w).filter((e) => e.lastStatus === 'RUNNING' && e.desiredStatus === 'RUNNING');

/** The service's events (in AWS's words) since the step began, read by their gist. */
export const serviceSaid = (ctx: LessonContext, service: string, kind: ServiceEventGist['kind']): boolean =>
  ctx.events.some((e) => e.type === 'ServiceEvent' && e.serviceName === service && serviceEventGist(e.message)?.kind === kind);

export const steady = (world: World, service: string): boolean => {
  const s = world.services.get(service);
  return s !== undefined && isSteady(s);
};
export const desiredCount = (world: World, service: string): number => world.services.get(service)?.desiredCount ?? 0;

/** A task's target state in its load balancer's target group, or null if it is not a target. */
export const targetState = (world: World, task: Task): TargetHealthState | null => targetHealthOf(world, task);
/** Targets of a target group (by name) in a state. */
export function targetsIn(world: World, targetGroupName: string, state: TargetHealthState): number {
  for (const tg of world.targetGroups.values()) if (tg.targetGroupName === targetGroupName) return [...tg.targets.values()].filter((t) => t.state === state).length;
  return 0;
}
/** Requests answered with `status` in the traffic window's whole seconds from `from` (sim ms) on:
 *  a second that began before `from` is left out, so nothing from before counts. */
export function responsesFrom(world: World, from: Millis, status: 200 | 500 | 502 | 503 | 504): number {
  const first = Math.ceil(from / 1000);
  let n = 0;
  for (const s of world.traffic.seconds) if (s.second >= first) n += status === 200 ? s.ok : (s.status5xx[status] ?? 0);
  return n;
}

/** Requests answered with `status` since the step began (whole seconds, as responsesFrom). */
export const responsesSince = (ctx: LessonContext, status: 200 | 500 | 502 | 503 | 504): number => responsesFrom(ctx.world, ctx.since, status);

/** Requests that failed (any 5xx) in the whole seconds from `from` on. */
export const failuresFrom = (world: World, from: Millis): number => ([500, 502, 503, 504] as const).reduce((n, s) => n + responsesFrom(world, from, s), 0);

/** The Availability Zones a service's live tasks are in, with how many in each. */
export function spread(world: World, service: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of live(world, { service })) out.set(t.availabilityZone, (out.get(t.availabilityZone) ?? 0) + 1);
  return out;
}

/** A task's essential container's exit code, once it has one. */
export const exitCode = (t: Task): number | null => t.containers.find((c) => c.essential)?.exitCode ?? null;
