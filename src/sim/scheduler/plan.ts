// The service scheduler's reconcile step, as a pure function: look at one service and its tasks,
// return a plan — which tasks to launch where, which to stop, and why — and apply nothing. The
// shell in ../service.ts applies it; the reasons are what the UI's "Why" panel shows.
//
// Rules (spec §5.3, §5.5, §5.8, §5.13):
//   * keep desiredCount tasks; a task that stopped is simply gone from the live set;
//   * an UNHEALTHY task (outside the grace period) is replaced first and stopped once its
//     replacement counts as healthy, within maximumPercent (default 200 %);
//   * launches spread over the Availability Zones (fewest tasks of the service first);
//   * scale-in stops tasks that have not started first, then from the AZ with the most tasks;
//   * no launches while the service throttle holds (spec §5.7).

import { SECOND } from '../time.ts';
import type { Millis, Service, TargetHealthState, Task, TaskDefinition } from '../model/index.ts';

export type PlanAction =
  | { kind: 'launch'; availabilityZone: string; reason: string }
  | { kind: 'stop'; task: Task; cause: 'unhealthy' | 'scaleIn'; reason: string };

export type Plan = {
  actions: PlanAction[];
  /** At desiredCount, every task RUNNING and counted healthy, nothing starting or stopping. */
  steady: boolean;
  /** The earliest time this plan could change with no other change in the world (null: never). */
  wakeAt: Millis | null;
};

export type PlanInput = {
  service: Service;
  /** The service's tasks that are not STOPPED (in creation order). */
  tasks: readonly Task[];
  now: Millis;
  availabilityZones: readonly string[];
  taskDefinitions: ReadonlyMap<string, TaskDefinition>; // by ARN
  /** With a load balancer: each task's target health by ARN (null: not registered yet). Without: null. */
  targetHealth?: ReadonlyMap<string, TargetHealthState | null> | null;
};

/** With no health check, the scheduler counts a task healthy 40 s after RUNNING (spec §5.3). */
export const NO_HEALTH_CHECK_SETTLE = 40 * SECOND;

const short = (t: Task) => t.taskId.slice(0, 8);

/** Whether the task counts as healthy for the scheduler (spec §5.3 table): with a load balancer its
 *  target must be healthy (and its container health check too, if it has one). */
export function countsHealthy(task: Task, now: Millis, defs: PlanInput['taskDefinitions'], targetHealth?: PlanInput['targetHealth']): boolean {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING' || task.startedAt === undefined) return false;
  const containerOk = hasEssentialHealthCheck(task, defs) ? task.healthStatus === 'HEALTHY' : null;
  if (targetHealth) return targetHealth.get(task.taskArn) === 'healthy' && containerOk !== false;
  if (containerOk !== null) return containerOk;
  return now - task.startedAt >= NO_HEALTH_CHECK_SETTLE;
}

function hasEssentialHealthCheck(task: Task, defs: PlanInput['taskDefinitions']): boolean {
  return defs.get(task.taskDefinitionArn)?.containerDefinitions.some((c) => c.essential && c.healthCheck) ?? false;
}

export function planService(input: PlanInput): Plan {
  const { service, tasks, now, availabilityZones, taskDefinitions } = input;
  const targetHealth = input.targetHealth ?? null;
  const desired = service.status === 'ACTIVE' ? service.desiredCount : 0;
  const graceMs = service.healthCheckGracePeriodSeconds * SECOND;
  const live = tasks.filter((t) => t.desiredStatus === 'RUNNING');
  // Unhealthy: a failed container health check, or a target the ALB marks unhealthy (spec §6.5);
  // either is ignored inside the health check grace period (spec §5.4).
  const sick = (t: Task) => t.lastStatus === 'RUNNING' && (t.healthStatus === 'UNHEALTHY' || targetHealth?.get(t.taskArn) === 'unhealthy');
  const isUnhealthy = (t: Task) => sick(t) && now - (t.startedAt ?? now) >= graceMs;
  const unhealthy = live.filter(isUnhealthy);
  const well = live.filter((t) => !isUnhealthy(t));
  const ready = well.filter((t) => countsHealthy(t, now, taskDefinitions, targetHealth));
  const starting = well.filter((t) => !ready.includes(t));
  const maxTasks = Math.floor((desired * service.deploymentConfiguration.maximumPercent) / 100);
  const actions: PlanAction[] = [];
  const wake: Millis[] = [];

  // 1. Launch to make up desiredCount, counting unhealthy tasks as already gone (replace first).
  const missing = desired - well.length;
  const room = Math.max(0, maxTasks - live.length);
  let launches = Math.min(Math.max(0, missing), room);
  if (launches > 0 && now < service.throttledUntil) {
    wake.push(service.throttledUntil);
    launches = 0;
  }
  const perAz = new Map(availabilityZones.map((az) => [az, 0]));
  for (const t of live) perAz.set(t.availabilityZone, (perAz.get(t.availabilityZone) ?? 0) + 1);
  const replacing = [...unhealthy];
  for (let i = 0; i < launches; i++) {
    const az = leastUsed(perAz, availabilityZones);
    perAz.set(az, perAz.get(az)! + 1);
    const sick = replacing.shift();
    const reason = sick
      ? `Task ${short(sick)} ${targetHealth?.get(sick.taskArn) === 'unhealthy' ? 'failed its load balancer health checks' : 'is UNHEALTHY'}: start its replacement first (in ${az}), and stop it once the replacement is healthy.`
      : `desiredCount is ${desired} but ${well.length + i} ${well.length + i === 1 ? 'task is' : 'tasks are'} running or starting: start one in ${az}, the Availability Zone with the fewest tasks.`;
    actions.push({ kind: 'launch', availabilityZone: az, reason });
  }

  // 2. Stop unhealthy tasks whose replacement is ready; or, when nothing is left starting and
  //    there are more tasks than desired (the replacement turned unhealthy too), one of them;
  //    or, when maximumPercent leaves no room for a replacement, one at a time (spec §5.3).
  const noRoom = live.length + launches >= maxTasks && launches === 0 && missing > 0;
  let liveCount = live.length + launches;
  for (const t of unhealthy) {
    const replacementReady = ready.length >= desired;
    const surplus = starting.length === 0 && launches === 0 && liveCount > desired;
    if (!(replacementReady || surplus || noRoom)) continue;
    const reason = replacementReady
      ? `Task ${short(t)} is UNHEALTHY and ${desired} healthy ${desired === 1 ? 'task is' : 'tasks are'} running: stop it.`
      : surplus
        ? `Task ${short(t)} is UNHEALTHY and its replacement is not healthy either: stop it to get back to desiredCount ${desired}.`
        : `Task ${short(t)} is UNHEALTHY and maximumPercent leaves no room to start a replacement first: stop it.`;
    actions.push({ kind: 'stop', task: t, cause: 'unhealthy', reason });
    liveCount--;
    if (noRoom) break;
  }

  // 3. Scale in: more healthy-or-starting tasks than desired.
  const excess = well.length - desired;
  if (excess > 0) {
    const azCount = new Map(availabilityZones.map((az) => [az, 0]));
    for (const t of well) azCount.set(t.availabilityZone, (azCount.get(t.availabilityZone) ?? 0) + 1);
    const pool = [...well];
    for (let i = 0; i < excess; i++) {
      const victim = pickScaleInVictim(pool, azCount);
      pool.splice(pool.indexOf(victim), 1);
      const az = victim.availabilityZone;
      const reason = victim.lastStatus !== 'RUNNING'
        ? `desiredCount is ${desired} but ${well.length - i} tasks are running or starting: stop ${short(victim)}, which has not started yet.`
        : `desiredCount is ${desired} but ${well.length - i} tasks are running or starting: stop ${short(victim)} in ${az}, the Availability Zone with the most tasks.`;
      azCount.set(az, azCount.get(az)! - 1);
      actions.push({ kind: 'stop', task: victim, cause: 'scaleIn', reason });
    }
  }

  // When would time alone change this plan? (the 40 s rule, the grace period, the throttle)
  for (const t of starting) {
    if (t.lastStatus === 'RUNNING' && t.startedAt !== undefined && !hasEssentialHealthCheck(t, taskDefinitions))
      wake.push(t.startedAt + NO_HEALTH_CHECK_SETTLE);
  }
  for (const t of live) {
    if (sick(t) && !isUnhealthy(t)) wake.push((t.startedAt ?? now) + graceMs);
  }

  const stopping = tasks.some((t) => t.desiredStatus === 'STOPPED');
  const steady =
    service.status === 'ACTIVE' && actions.length === 0 && !stopping && unhealthy.length === 0 &&
    live.length === desired && ready.length === desired;
  const future = wake.filter((w) => w > now);
  return { actions, steady, wakeAt: future.length ? Math.min(...future) : null };
}

function leastUsed(perAz: Map<string, number>, order: readonly string[]): string {
  let best = order[0]!;
  for (const az of order) if (perAz.get(az)! < perAz.get(best)!) best = az;
  return best;
}

/** Scale-in choice (spec §5.8): a task not yet started first (newest), else one in the AZ with the
 *  most tasks; within an AZ the order of task IDs, which are random, stands in for AWS's random pick. */
function pickScaleInVictim(pool: Task[], azCount: Map<string, number>): Task {
  const notStarted = pool.filter((t) => t.lastStatus !== 'RUNNING');
  if (notStarted.length) return notStarted[notStarted.length - 1]!;
  let bestAz = pool[0]!.availabilityZone;
  for (const t of pool) if (azCount.get(t.availabilityZone)! > azCount.get(bestAz)!) bestAz = t.availabilityZone;
  return pool.filter((t) => t.availabilityZone === bestAz).sort((a, b) => (a.taskId < b.taskId ? -1 : 1))[0]!;
}
