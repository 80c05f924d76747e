// The service scheduler's reconcile step, as a pure function: look at one service, its
// deployments and its tasks, return a plan — which tasks to launch where and for which
// deployment, which to stop, and why — and apply nothing. The shell in ../service.ts applies it;
// the reasons, with their numbers, are what the UI's "Why" panel shows.
//
// Rules (spec §5.3, §5.5, §5.8, §5.13):
//   * the PRIMARY deployment is brought to desiredCount; a task that stopped is simply gone;
//   * rolling (§5.5): maxTasks = floor(desired × maximumPercent) tasks may be running or starting
//     (desiredStatus RUNNING), and minHealthy = ceil(desired × minimumHealthyPercent) must stay
//     counted healthy while old deployments' tasks are stopped; with neither possible the
//     deployment is stuck (event E16);
//   * an UNHEALTHY task (outside the grace period, once the scheduler has reacted) is replaced
//     first and stopped once its deployment has enough healthy tasks without it; if
//     maximumPercent leaves no room, unhealthy tasks are stopped one by one, keeping
//     minimumHealthyPercent of desiredCount RUNNING (API:DeploymentConfiguration);
//   * launches spread over the Availability Zones that are up (fewest tasks of the service first),
//     skipping a zone where a launch just failed for want of Fargate capacity until its retry time;
//   * AZ rebalancing (§5.9, rebalance.ts): once steady, an ENABLED service whose tasks are uneven
//     over the zones that are up starts one in the zone with the fewest, then stops one in the
//     zone with the most once the new one counts healthy, until they are even;
//   * scale-in stops tasks that have not started first, then from the AZ with the most tasks;
//   * no launches while the service throttle holds (§5.7), none for a FAILED deployment (§5.6).
//
// Simplified: a task of an old deployment that stops during a deployment is not replaced with
// its own revision (ECS does so since Nov 2025, spec §5.3); the new deployment makes up the count.

import { clockLabel, SECOND } from '../time.ts';
import { lopsidedReason, planRebalance, rebalanceEligible, rebalanceWaitingReason } from './rebalance.ts';
import { familyRevision } from '../ids.ts';
import type { Deployment, DeploymentConfiguration, Millis, Service, TargetHealthState, Task, TaskDefinition } from '../model/index.ts';

export type LaunchWhy = 'desiredCount' | 'unhealthy' | 'deployment' | 'keeper' | 'rebalance';

export type PlanAction =
  /** `running`: the serving deployment's tasks running or starting, before this launch; `why`: the
   *  gist of the reason, for a caption (desiredCount not met, a replacement for an unhealthy task,
   *  a deployment's new task, or the last completed deployment keeping the count). */
  | { kind: 'launch'; deploymentId: string; availabilityZone: string; replaces: Task | null; reason: string; why: LaunchWhy; running: number; desired: number }
  | { kind: 'stop'; task: Task; cause: 'unhealthy' | 'scaleIn' | 'deployment' | 'rebalance'; reason: string };

/** What became of AZ rebalancing this tick (spec §5.9): it started (the zones were uneven), it
 *  completed (they are even again), or it was called off (the service stopped qualifying: a
 *  deployment, an unhealthy task, the throttle, deletion). `counts`: tasks per zone that is up. */
export type RebalanceOutcome = { state: 'started' | 'completed' | 'abandoned'; counts: [availabilityZone: string, tasks: number][] };

/** The arithmetic behind the plan (spec §5.5): the shell reads primaryHealthy (the circuit
 *  breaker's "ran successfully"); the tests read the rest. */
export type PlanNumbers = {
  desired: number;
  maxTasks: number;
  minHealthy: number;
  /** Tasks running or starting (desiredStatus RUNNING). */
  live: number;
  /** Of those, counted healthy (spec §5.3 table). */
  healthy: number;
  /** The PRIMARY deployment's tasks counted healthy. */
  primaryHealthy: number;
};

export type Plan = {
  actions: PlanAction[];
  /** One deployment, at desiredCount, every task RUNNING and counted healthy. Tasks already on
   *  their way out (deregistered, draining) do not hold it back (spec §12: steady state came while
   *  a target drained); one told to stop that has not acted on it yet does. */
  steady: boolean;
  /** The PRIMARY deployment is done: only its tasks remain, at desiredCount and healthy, and no
   *  old task is still running its containers (spec §5.5, §5.12 A). */
  completes: boolean;
  /** A deployment that can neither start nor stop a task because of maximumPercent and
   *  minimumHealthyPercent (E16). */
  stuck: boolean;
  numbers: PlanNumbers;
  /** Why nothing more happens for now, when that is not obvious: a deployment waiting on health or
   *  on old tasks draining, stuck, FAILED, or the throttle (null: nothing to explain). */
  waiting: string | null;
  /** The earliest time this plan could change with no other change in the world (null: never). */
  wakeAt: Millis | null;
  rebalance: RebalanceOutcome | null;
};

/** A task's target as the plan sees it: its state, and since when it has been unhealthy. */
export type TargetView = { state: TargetHealthState; unhealthyAt?: Millis };

export type PlanInput = {
  service: Service;
  /** The service's tasks that are not STOPPED (in creation order). */
  tasks: readonly Task[];
  now: Millis;
  /** The zones that are up, in order: where a task may be placed and what balance counts over. */
  availabilityZones: readonly string[];
  taskDefinitions: ReadonlyMap<string, TaskDefinition>; // by ARN
  /** With a load balancer: each task's target by ARN (null: not registered yet). Without: null. */
  targetHealth?: ReadonlyMap<string, TargetView | null> | null;
  /** How long after a task turns unhealthy the scheduler acts on it (default: at once). */
  unhealthyReaction?: Millis;
};

/** With no health check, the scheduler counts a task healthy 40 s after RUNNING (spec §5.3). */
export const NO_HEALTH_CHECK_SETTLE = 40 * SECOND;

const short = (t: Task) => t.taskId.slice(0, 8);
const tasksWord = (n: number) => (n === 1 ? 'task' : 'tasks');

/** Whether the task counts as healthy for the scheduler (spec §5.3 table): with a load balancer its
 *  target must be healthy (and its container health check too, if it has one). */
export function countsHealthy(task: Task, now: Millis, defs: PlanInput['taskDefinitions'], targetHealth?: PlanInput['targetHealth']): boolean {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING' || task.startedAt === undefined) return false;
  const containerOk = hasEssentialHealthCheck(task, defs) ? task.healthStatus === 'HEALTHY' : null;
  if (targetHealth) return targetHealth.get(task.taskArn)?.state === 'healthy' && containerOk !== false;
  if (containerOk !== null) return containerOk;
  return now - task.startedAt >= NO_HEALTH_CHECK_SETTLE;
}

function hasEssentialHealthCheck(task: Task, defs: PlanInput['taskDefinitions']): boolean {
  return defs.get(task.taskDefinitionArn)?.containerDefinitions.some((c) => c.essential && c.healthCheck) ?? false;
}

/** The rolling bounds of spec §5.5: at most maxTasks running or starting (maximumPercent, rounded
 *  down), at least minHealthy counted healthy (minimumHealthyPercent, rounded up). */
export function rollingBounds(desired: number, config: Pick<DeploymentConfiguration, 'maximumPercent' | 'minimumHealthyPercent'>): { maxTasks: number; minHealthy: number } {
  return { maxTasks: Math.floor((desired * config.maximumPercent) / 100), minHealthy: Math.ceil((desired * config.minimumHealthyPercent) / 100) };
}

/** The circuit breaker's threshold (spec §5.6): half of desiredCount, rounded up, from 3 to 200. */
export const circuitBreakerThreshold = (desiredCount: number) => Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));

export function planService(input: PlanInput): Plan {
  const v = viewOf(input);
  const actions: PlanAction[] = [];
  const wake: Millis[] = [];
  const launches = planLaunches(v, actions, wake);
  planUnhealthyStops(v, actions, launches);
  const budget = planDeploymentStops(v, actions);
  if (!v.rebalancing) planScaleIn(v, actions); // a rebalancing's extra task is its own business
  const rebalance = planRebalance(v, actions, wake);
  return { ...conclude(v, actions, wake, launches, budget), rebalance };
}

/** What the plan looks at, worked out once: the service's numbers, its deployments, and its tasks
 *  sorted by what the scheduler makes of them. */
export type View = ReturnType<typeof viewOf>;

function viewOf(input: PlanInput) {
  const { service, tasks, now, availabilityZones, taskDefinitions } = input;
  const targetHealth = input.targetHealth ?? null;
  const reaction = input.unhealthyReaction ?? 0;
  const active = service.status === 'ACTIVE';
  const desired = active ? service.desiredCount : 0;
  const { maximumPercent, minimumHealthyPercent } = service.deploymentConfiguration;
  const { maxTasks, minHealthy } = rollingBounds(desired, service.deploymentConfiguration);
  const graceMs = service.healthCheckGracePeriodSeconds * SECOND;
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) throw new Error(`Bug: service ${service.serviceName} has no PRIMARY deployment`);
  const deploying = service.deployments.length > 1;
  const primaryLabel = `${primary.id} (${familyRevision(primary.taskDefinition)})`;
  const isPrimary = (t: Task) => t.startedBy === primary.id;
  const live = tasks.filter((t) => t.desiredStatus === 'RUNNING');

  // Unhealthy: a failed container health check, or a target the ALB marks unhealthy (spec §6.5).
  // The scheduler acts on it once the grace period is over (spec §5.4) and it has noticed (the
  // reaction delay); until then the task just doesn't count as healthy.
  const sickSince = (t: Task): Millis | null => {
    if (t.lastStatus !== 'RUNNING') return null;
    let since: Millis | null = null;
    if (t.healthStatus === 'UNHEALTHY') since = t.unhealthyAt ?? now;
    const target = targetHealth?.get(t.taskArn);
    if (target?.state === 'unhealthy') since = Math.min(since ?? Infinity, target.unhealthyAt ?? now);
    return since;
  };
  const actOnAt = (t: Task): Millis | null => {
    const since = sickSince(t);
    return since === null ? null : Math.max((t.startedAt ?? now) + graceMs, since + reaction);
  };
  const isUnhealthy = (t: Task) => {
    const at = actOnAt(t);
    return at !== null && now >= at;
  };
  const failedTarget = (t: Task) => targetHealth?.get(t.taskArn)?.state === 'unhealthy';
  const unhealthy = live.filter(isUnhealthy);
  const well = live.filter((t) => !isUnhealthy(t));
  const isReady = (t: Task) => countsHealthy(t, now, taskDefinitions, targetHealth);
  const ready = well.filter(isReady);
  const starting = well.filter((t) => !isReady(t));
  const primaryWell = well.filter(isPrimary);
  const primaryReady = ready.filter(isPrimary);
  // A FAILED PRIMARY (the breaker tripped, no rollback) launches nothing more, but the service
  // still keeps desiredCount running: with the last deployment that completed, when there is one,
  // counting the FAILED one's surviving tasks too. Without one, nothing launches: it stalls.
  const keeper = primary.rolloutState === 'FAILED'
    ? service.deployments.filter((d) => d.status === 'ACTIVE' && d.rolloutState === 'COMPLETED').sort((a, b) => b.createdAt - a.createdAt)[0] ?? null
    : null;
  const serving = keeper ?? primary;
  const isServing = (t: Task) => t.startedBy === serving.id;
  const servingWell = keeper ? well : primaryWell;
  const room = Math.max(0, maxTasks - live.length);
  const missing = Math.max(0, desired - servingWell.length);
  const canLaunch = primary.rolloutState !== 'FAILED' || keeper !== null;
  const throttled = now < service.throttledUntil;
  // Zones where a launch just failed for want of capacity wait for their retry (E12: "try again
  // later or in a different availability zone"): launches go to the other zones meanwhile.
  const retryAt = new Map<string, Millis>();
  for (const f of service.capacityFailures ?? []) if (f.retryAt > now) retryAt.set(f.availabilityZone, Math.max(retryAt.get(f.availabilityZone) ?? 0, f.retryAt));
  const launchZones = availabilityZones.filter((az) => !retryAt.has(az));
  // AZ rebalancing (spec §5.9, rebalance.ts) goes on only while the service still qualifies.
  const rebalancing = service.rebalancingSince !== undefined && rebalanceEligible(service, active, deploying, primary, unhealthy.length, throttled);
  return {
    service, tasks, now, availabilityZones, taskDefinitions, active, desired, maximumPercent, minimumHealthyPercent, maxTasks, minHealthy,
    primary, deploying, primaryLabel, isPrimary, live, actOnAt, failedTarget, unhealthy, well, isReady, ready, starting, primaryReady,
    keeper, serving, isServing, servingWell, room, missing, canLaunch, throttled, retryAt, launchZones, rebalancing,
  };
}

/** 1. Launch for the serving deployment (the PRIMARY, unless it FAILED), up to desiredCount,
 *  counting unhealthy tasks as already gone (replace first), within maximumPercent. */
function planLaunches(v: View, actions: PlanAction[], wake: Millis[]): number {
  const { desired, maximumPercent, maxTasks, live, keeper, servingWell, launchZones } = v;
  let launches = v.canLaunch ? Math.min(v.missing, v.room) : 0;
  if (launches > 0 && v.throttled) {
    wake.push(v.service.throttledUntil);
    launches = 0;
  }
  if (launches > 0 && launchZones.length === 0) {
    // No zone to try now: every zone is down, or each that is up just ran out of capacity.
    wake.push(...v.retryAt.values());
    launches = 0;
  }
  const perAz = new Map(launchZones.map((az) => [az, 0]));
  for (const t of live) if (perAz.has(t.availabilityZone)) perAz.set(t.availabilityZone, perAz.get(t.availabilityZone)! + 1);
  const replacing = keeper ? [...v.unhealthy] : v.unhealthy.filter(v.isPrimary);
  for (let i = 0; i < launches; i++) {
    const az = leastUsed(perAz, launchZones);
    perAz.set(az, perAz.get(az)! + 1);
    const sick = replacing.shift() ?? null;
    const have = servingWell.length + i;
    const reason = sick
      ? `Task ${short(sick)} ${v.failedTarget(sick) ? 'failed its load balancer health checks' : 'is UNHEALTHY'}: start its replacement first (in ${az}), and stop it once the replacement is healthy.`
      : keeper
        ? `Deployment ${v.primaryLabel} FAILED and launches nothing more, so the service keeps desiredCount ${desired} with ${keeper.id} (${familyRevision(keeper.taskDefinition)}), the last deployment that completed: ${have} running or starting, start one in ${az}.`
        : v.deploying
          ? `Deployment ${v.primaryLabel} has ${have} of ${desired} ${tasksWord(desired)}: start one in ${az}. maximumPercent ${maximumPercent} % of ${desired} allows ${maxTasks} running or starting; ${live.length + i} ${live.length + i === 1 ? 'is' : 'are'}.`
          : `desiredCount is ${desired} but ${have} ${have === 1 ? 'task is' : 'tasks are'} running or starting: start one in ${az}, the Availability Zone with the fewest tasks.`;
    const why: LaunchWhy = sick ? 'unhealthy' : keeper ? 'keeper' : v.deploying ? 'deployment' : 'desiredCount';
    actions.push({ kind: 'launch', deploymentId: v.serving.id, availabilityZone: az, replaces: sick, reason, why, running: have, desired });
  }
  return launches;
}

/**
 * 2. Stop unhealthy tasks: once their deployment has enough healthy tasks without them; or, when
 * nothing of it is starting and it still has more than it needs (the replacement turned unhealthy
 * too), one of them; or, when maximumPercent leaves no room for a replacement, one at a time
 * (spec §5.3). minimumHealthyPercent is the constraint there, and stopping a task that is not
 * healthy never takes a healthy one away, so one goes at a time, each once the replacement for
 * the one before has started.
 */
function planUnhealthyStops(v: View, actions: PlanAction[], launches: number): void {
  const { desired, keeper, ready } = v;
  const stopped = new Set<Task>();
  const noRoom = v.missing > 0 && v.room === 0 && v.canLaunch;
  // Per deployment (or, with a keeper, all together: they all count toward desiredCount).
  const countOf = (list: readonly Task[]) => {
    const by = new Map<string, number>();
    for (const t of list) by.set(t.startedBy, (by.get(t.startedBy) ?? 0) + 1);
    return (t: Task) => (keeper ? list.length : by.get(t.startedBy) ?? 0);
  };
  const readyOf = countOf(ready);
  const startingOf = countOf(v.starting);
  const liveOf = countOf(v.live);
  for (const t of v.unhealthy) {
    const own = keeper !== null || v.isServing(t);
    const need = own ? desired : 0; // an old deployment's task is going anyway
    const readyOfIt = readyOf(t);
    const startingOfIt = startingOf(t) + (own ? launches : 0);
    const liveOfIt = liveOf(t) - (keeper ? stopped.size : [...stopped].filter((s) => s.startedBy === t.startedBy).length);
    const what = v.failedTarget(t) ? 'failed its load balancer health checks' : 'is UNHEALTHY';
    let reason: string | null = null;
    if (!own) reason = `Task ${short(t)} ${what} and belongs to an old deployment that is being replaced: stop it.`;
    else if (readyOfIt >= need) reason = `Task ${short(t)} ${what} and ${need} healthy ${tasksWord(need)} of its deployment ${need === 1 ? 'is' : 'are'} running: stop it.`;
    else if (startingOfIt === 0 && liveOfIt > need) reason = `Task ${short(t)} ${what} and its replacement is not healthy either: stop it to get back to desiredCount ${desired}.`;
    else if (noRoom && startingOfIt === 0 && stopped.size === 0)
      reason = `Task ${short(t)} ${what}, and maximumPercent ${v.maximumPercent} % of ${desired} (${v.maxTasks}) leaves no room to start its replacement first: stop it, then start one. It is not healthy, so the ${ready.length} healthy ${tasksWord(ready.length)} minimumHealthyPercent counts on stay.`;
    if (reason === null) continue;
    actions.push({ kind: 'stop', task: t, cause: 'unhealthy', reason });
    stopped.add(t);
  }
}

/**
 * 3. A deployment replaces the old deployments' tasks: one that has not reached RUNNING may go at
 * once; a RUNNING one only while minHealthy healthy tasks remain (spec §5.5) — even one not
 * counted healthy yet, which may be serving (its target healthy while its container check is
 * still UNKNOWN): stopping it first would be an outage the arithmetic does not intend. A FAILED
 * deployment that was not rolled back stops here: it launches nothing, replaces nothing. Returns
 * how many more RUNNING tasks could have stopped.
 */
function planDeploymentStops(v: View, actions: PlanAction[]): number {
  const { active, desired, minHealthy, minimumHealthyPercent, primaryLabel, isReady } = v;
  let budget = v.ready.length - minHealthy;
  if (v.primary.rolloutState === 'FAILED' && active) return budget;
  const oldWell = v.well.filter((t) => !v.isPrimary(t));
  const azCount = new Map(v.availabilityZones.map((az) => [az, 0]));
  for (const t of oldWell) azCount.set(t.availabilityZone, (azCount.get(t.availabilityZone) ?? 0) + 1);
  const pool = [...oldWell];
  while (pool.length > 0) {
    const victim = pickScaleInVictim(pool, azCount, isReady);
    const healthy = isReady(victim);
    const costs = victim.lastStatus === 'RUNNING';
    if (costs && budget <= 0) break;
    pool.splice(pool.indexOf(victim), 1);
    azCount.set(victim.availabilityZone, azCount.get(victim.availabilityZone)! - 1);
    const enough = `${minHealthy + budget} ${tasksWord(minHealthy + budget)} healthy and minimumHealthyPercent ${minimumHealthyPercent} % of ${desired} needs ${minHealthy}, so one can stop.`;
    const reason = !active
      ? `The service is being deleted: stop ${short(victim)}.`
      : healthy
        ? `Deployment ${primaryLabel} replaces task ${short(victim)} of ${familyRevision(victim.taskDefinitionArn)}: ${enough}`
        : costs
          ? `Deployment ${primaryLabel} replaces task ${short(victim)} of ${familyRevision(victim.taskDefinitionArn)}, which is RUNNING but not counted healthy yet: ${enough}`
          : `Deployment ${primaryLabel} replaces task ${short(victim)} of ${familyRevision(victim.taskDefinitionArn)}, which has not started yet: stopping it costs nothing.`;
    actions.push({ kind: 'stop', task: victim, cause: 'deployment', reason });
    if (costs) budget--;
  }
  return budget;
}

/** 4. Scale in: the serving deployment has more healthy-or-starting tasks than desired (with a
 *  keeper, the FAILED deployment's go first). */
function planScaleIn(v: View, actions: PlanAction[]): void {
  const { desired, servingWell, keeper, active } = v;
  const excess = servingWell.length - desired;
  if (excess <= 0) return;
  const azCount = new Map(v.availabilityZones.map((az) => [az, 0]));
  for (const t of servingWell) azCount.set(t.availabilityZone, (azCount.get(t.availabilityZone) ?? 0) + 1);
  const pool = [...servingWell];
  for (let i = 0; i < excess; i++) {
    const leaving = keeper ? pool.filter((t) => !v.isServing(t)) : [];
    const victim = pickScaleInVictim(leaving.length ? leaving : pool, azCount, v.isReady);
    pool.splice(pool.indexOf(victim), 1);
    const az = victim.availabilityZone;
    const n = servingWell.length - i;
    const reason = !active
      ? `The service is being deleted: stop ${short(victim)}.`
      : victim.lastStatus !== 'RUNNING'
        ? `desiredCount is ${desired} but ${n} tasks are running or starting: stop ${short(victim)}, which has not started yet.`
        : `desiredCount is ${desired} but ${n} tasks are running or starting: stop ${short(victim)} in ${az}, the Availability Zone with the most tasks.`;
    azCount.set(az, azCount.get(az)! - 1);
    actions.push({ kind: 'stop', task: victim, cause: 'scaleIn', reason });
  }
}

/** Whether the service is steady, its deployment complete or stuck; when time alone would change
 *  the plan; and, when nothing happens, why. */
function conclude(v: View, actions: PlanAction[], wake: Millis[], launches: number, budget: number): Omit<Plan, 'rebalance'> {
  const { active, desired, primary, deploying, primaryLabel, live, ready, starting, unhealthy, primaryReady, keeper, isPrimary, tasks, now } = v;
  const { maximumPercent, minimumHealthyPercent, maxTasks, minHealthy, service } = v;
  // When would time alone change this plan? (the 40 s rule, the grace period, the reaction
  // delay, the throttle)
  for (const t of starting) {
    if (t.lastStatus === 'RUNNING' && t.startedAt !== undefined && !hasEssentialHealthCheck(t, v.taskDefinitions))
      wake.push(t.startedAt + NO_HEALTH_CHECK_SETTLE);
    const at = v.actOnAt(t);
    if (at !== null) wake.push(at);
  }

  const oldLive = live.some((t) => !isPrimary(t));
  // An old task that is stopping still holds the deployment open until its containers have
  // exited (it drains first, behind a load balancer).
  const oldStillRunning = tasks.some((t) => !isPrimary(t) && t.lastStatus !== 'DEPROVISIONING' && t.lastStatus !== 'STOPPED' && t.lastStatus !== 'PROVISIONING' && t.lastStatus !== 'PENDING');
  // A task told to stop that has not yet acted on it (still RUNNING, still registered) holds
  // steady state back; one already deregistered and draining does not (spec §5.12 B, C).
  const stopNotYetActedOn = tasks.some((t) => t.desiredStatus === 'STOPPED' && (t.lastStatus === 'RUNNING' || t.lastStatus === 'ACTIVATING'));
  const settled =
    active && actions.length === 0 && unhealthy.length === 0 && primary.rolloutState !== 'FAILED' && !stopNotYetActedOn &&
    live.length === desired && primaryReady.length === desired;
  const completes = settled && primary.rolloutState === 'IN_PROGRESS' && !oldStillRunning;
  const steady = settled && (!deploying || completes);
  const stuck =
    active && deploying && primary.rolloutState === 'IN_PROGRESS' && actions.length === 0 && !v.throttled &&
    starting.length === 0 && unhealthy.length === 0 && oldLive && v.missing > 0 && v.room === 0 && budget <= 0;
  const waitingReason = (): string | null => {
    if (!active) return null;
    if (primary.rolloutState === 'FAILED')
      return `Deployment ${primaryLabel} FAILED (the circuit breaker tripped): it launches nothing more. ${keeper ? `The service keeps desiredCount with ${keeper.id} (${familyRevision(keeper.taskDefinition)}), the last deployment that completed.` : 'No deployment completed before it, so nothing replaces its tasks.'} Update the service to a revision that works.`;
    if (launches === 0 && v.missing > 0 && v.throttled)
      return `The service throttle holds new launches until ${clockLabel(service.throttledUntil)}: ${service.startFailures} tasks in a row stopped before reaching RUNNING.`;
    if (launches === 0 && v.missing > 0 && v.canLaunch && v.room > 0 && v.launchZones.length === 0)
      return v.availabilityZones.length === 0
        ? `Every Availability Zone is down: no task can launch until one comes back. desiredCount is ${desired}; ${live.length} ${live.length === 1 ? 'task is' : 'tasks are'} running or starting.`
        : `Fargate had no capacity for this service's last launches in ${[...v.retryAt.keys()].join(', ')}: the scheduler tries again at ${clockLabel(Math.min(...v.retryAt.values()))}.`;
    if (stuck)
      return `Deployment ${primaryLabel} can neither start a task (maximumPercent ${maximumPercent} % of ${desired} allows ${maxTasks} running or starting, and ${live.length} are) nor stop one (minimumHealthyPercent ${minimumHealthyPercent} % of ${desired} needs ${minHealthy} healthy, and ${ready.length} are).`;
    if (!deploying) return null;
    const startingNew = starting.filter(isPrimary).length;
    if (startingNew > 0) {
      const oldHealthy = ready.length - primaryReady.length;
      return `Deployment ${primaryLabel} waits for ${startingNew} new ${tasksWord(startingNew)} to count healthy. minimumHealthyPercent ${minimumHealthyPercent} % of ${desired} needs ${minHealthy} healthy; ${ready.length} ${ready.length === 1 ? 'is' : 'are'}${oldHealthy > 0 ? `, ${oldHealthy} of them old` : ''}, so no old task can stop until new ones take their place.`;
    }
    if (settled && oldStillRunning) return `Deployment ${primaryLabel} has all ${desired} of its tasks healthy; it completes once the old tasks have drained and stopped.`;
    return null;
  };
  const future = wake.filter((w) => w > now);
  return {
    waiting: actions.length > 0 ? null : steady ? lopsidedReason(v) : waitingReason() ?? rebalanceWaitingReason(v),
    actions,
    steady,
    completes,
    stuck,
    numbers: { desired, maxTasks, minHealthy, live: live.length, healthy: ready.length, primaryHealthy: primaryReady.length },
    wakeAt: future.length ? Math.min(...future) : null,
  };
}

function leastUsed(perAz: Map<string, number>, order: readonly string[]): string {
  let best = order[0]!;
  for (const az of order) if (perAz.get(az)! < perAz.get(best)!) best = az;
  return best;
}

/** Scale-in choice (spec §5.8): a task not yet started first (newest), then one not counted
 *  healthy, else one in the AZ with the most tasks; within an AZ the order of task IDs, which are
 *  random, stands in for AWS's random pick. */
function pickScaleInVictim(pool: Task[], azCount: Map<string, number>, isReady: (t: Task) => boolean): Task {
  const notStarted = pool.filter((t) => t.lastStatus !== 'RUNNING');
  if (notStarted.length) return notStarted[notStarted.length - 1]!;
  const notReady = pool.filter((t) => !isReady(t));
  const from = notReady.length ? notReady : pool;
  let bestAz = from[0]!.availabilityZone;
  for (const t of from) if (azCount.get(t.availabilityZone)! > azCount.get(bestAz)!) bestAz = t.availabilityZone;
  return from.filter((t) => t.availabilityZone === bestAz).sort((a, b) => (a.taskId < b.taskId ? -1 : 1))[0]!;
}

/** Deployments in the order DescribeServices lists them: the PRIMARY first, then the rest, newest first. */
export const orderDeployments = (deployments: readonly Deployment[]): Deployment[] =>
  [...deployments].sort((a, b) => (a.status === 'PRIMARY' ? -1 : b.status === 'PRIMARY' ? 1 : b.createdAt - a.createdAt));
