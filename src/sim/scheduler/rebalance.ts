// AZ rebalancing (spec §5.9), the part of the scheduler's plan that moves tasks back when they are
// uneven across the Availability Zones — after an outage, typically. Pure, like plan.ts. AWS's
// process (DGnow:service-rebalancing): it "starts monitoring a service after it reaches the steady
// state"; when the zones are uneven it says so, "starts tasks in Availability Zones with the
// fewest number of running tasks", "waits for the newly started tasks to be HEALTHY and RUNNING
// before stopping the tasks in the over-scaled Availability Zone", and reports the outcome. It is
// not available with maximumPercent 100 (no room to start first), and deployments interrupt it.
//
// Even means what the docs describe — desiredCount divided over the zones, the remainder spread
// one each — which is tasks per zone differing by at most one. The zones counted are those that
// are up: a zone that is down can take no task, and the docs' own example of imbalance is "after
// an Availability Zone disruption". The tasks that even the zones out start together, within
// maximumPercent (a big service would take hours moving one at a time), and as many stop once
// they count healthy: our reading of "starts tasks … stops the tasks".

import { clockLabel } from '../time.ts';
import type { Deployment, Millis, Service, Task } from '../model/index.ts';
import type { PlanAction, RebalanceOutcome, View } from './plan.ts';

const short = (t: Task) => t.taskId.slice(0, 8);

/** Whether the service may rebalance now: ENABLED, active, one deployment that has not FAILED,
 *  room above desiredCount (maximumPercent over 100), nothing unhealthy, not throttled. */
export function rebalanceEligible(service: Service, active: boolean, deploying: boolean, primary: Deployment, unhealthy: number, throttled: boolean): boolean {
  return (
    service.availabilityZoneRebalancing === 'ENABLED' && active && !deploying && primary.rolloutState !== 'FAILED' &&
    service.deploymentConfiguration.maximumPercent > 100 && unhealthy === 0 && !throttled
  );
}

/** Tasks running or starting in each zone that is up, in zone order. */
export function zoneCounts(zones: readonly string[], live: readonly Task[]): [string, number][] {
  const counts = new Map(zones.map((az) => [az, 0]));
  for (const t of live) if (counts.has(t.availabilityZone)) counts.set(t.availabilityZone, counts.get(t.availabilityZone)! + 1);
  return [...counts];
}

/** Uneven: two zones differ by more than one task (spec §5.9's balanced distribution). */
export function isUneven(counts: readonly [string, number][]): boolean {
  if (counts.length < 2) return false;
  const ns = counts.map(([, n]) => n);
  return Math.max(...ns) - Math.min(...ns) > 1;
}

/** "2 in us-east-1a, 0 in us-east-1b and 2 in us-east-1c", for the plan's reasons. */
const describeCounts = (counts: readonly [string, number][]) => counts.map(([az, n]) => `${n} in ${az}`).join(', ');

function fewest(counts: readonly [string, number][]): string {
  let best = counts[0]!;
  for (const c of counts) if (c[1] < best[1]) best = c;
  return best[0];
}

function most(counts: readonly [string, number][]): string {
  let best = counts[0]!;
  for (const c of counts) if (c[1] > best[1]) best = c;
  return best[0];
}

/**
 * Rebalancing's step of the plan, after the others (their actions come first: a replacement, a
 * scale-in). Starts the tasks that even the zones out, all at once within maximumPercent; once
 * they count healthy, stops as many from the zones with the most; says when rebalancing starts,
 * completes or is called off.
 */
export function planRebalance(v: View, actions: PlanAction[], wake: Millis[]): RebalanceOutcome | null {
  const { service, live, desired, availabilityZones } = v;
  const inProgress = service.rebalancingSince !== undefined;
  const counts = zoneCounts(availabilityZones, live);
  if (inProgress && !v.rebalancing) return { state: 'abandoned', counts };
  if (!inProgress) {
    const eligible = rebalanceEligible(service, v.active, v.deploying, v.primary, v.unhealthy.length, v.throttled);
    const settled = actions.length === 0 && live.length === desired && v.ready.length === desired;
    if (!eligible || !settled || !isUneven(counts)) return null;
    // Steady state first (E7), then a look at the zones at the next tick.
    if (service.activeCauses.steadyState === undefined) {
      wake.push(v.now + 1);
      return null;
    }
    return launchMoves(v, actions, counts, wake) > 0 ? { state: 'started', counts } : null;
  }
  if (actions.length > 0) return null;
  if (v.starting.length > 0) return null; // the new tasks must be HEALTHY and RUNNING first
  if (live.length > desired) {
    planRebalanceStops(v, actions, counts, live.length - desired);
    return null;
  }
  if (!isUneven(counts)) return { state: 'completed', counts };
  launchMoves(v, actions, counts, wake);
  return null;
}

/** The moves that even the zones out, one task at a time from the zone with the most to the one
 *  with the fewest, at most `limit` of them: where each goes. */
function moves(counts: readonly [string, number][], limit: number): string[] {
  const c = counts.map(([az, n]) => [az, n] as [string, number]);
  const to: string[] = [];
  while (to.length < limit && isUneven(c)) {
    const f = c.find(([az]) => az === fewest(c))!;
    const m = c.find(([az]) => az === most(c))!;
    f[1]++;
    m[1]--;
    to.push(f[0]);
  }
  return to;
}

/** Start the tasks that even the zones out, within maximumPercent; a zone where a launch just
 *  failed for capacity waits for its retry time. Returns how many it starts. */
function launchMoves(v: View, actions: PlanAction[], counts: readonly [string, number][], wake: Millis[]): number {
  const room = Math.max(0, v.maxTasks - v.live.length);
  const where = moves(counts, room).filter((az) => {
    const retry = v.retryAt.get(az);
    if (retry !== undefined) wake.push(retry);
    return retry === undefined;
  });
  where.forEach((az, i) =>
    actions.push({
      kind: 'launch',
      deploymentId: v.primary.id,
      availabilityZone: az,
      replaces: null,
      reason: `The tasks are uneven across the Availability Zones (${describeCounts(counts)}) and availabilityZoneRebalancing is ENABLED: start one in ${az}, and once the new ones count healthy, stop as many in the zones with the most.`,
      why: 'rebalance',
      running: v.live.length + i,
      desired: v.desired,
    }),
  );
  return where.length;
}

/** Stop the tasks above desiredCount, each from the zone with the most at that point. */
function planRebalanceStops(v: View, actions: PlanAction[], counts: readonly [string, number][], excess: number): void {
  const c = counts.map(([az, n]) => [az, n] as [string, number]);
  const pool = [...v.live].sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
  for (let i = 0; i < excess; i++) {
    const az = most(c);
    const victim = pool.find((t) => t.availabilityZone === az);
    if (!victim) return;
    pool.splice(pool.indexOf(victim), 1);
    c.find(([z]) => z === az)![1]--;
    actions.push({
      kind: 'stop',
      task: victim,
      cause: 'rebalance',
      reason: `AZ rebalancing: the new tasks count healthy, so stop ${short(victim)} in ${az}, the Availability Zone with the most tasks (${describeCounts(counts)}).`,
    });
  }
}

/** Why a steady service stays uneven (the Why tab's answer to "why doesn't ECS move them?"). */
export function lopsidedReason(v: View): string | null {
  const counts = zoneCounts(v.availabilityZones, v.live);
  if (!v.active || !isUneven(counts)) return null;
  if (v.service.availabilityZoneRebalancing !== 'ENABLED')
    return `The tasks are uneven across the Availability Zones that are up (${describeCounts(counts)}), and availabilityZoneRebalancing is DISABLED: ECS leaves them where they are. Update the service with availabilityZoneRebalancing ENABLED to move them back.`;
  if (v.maximumPercent <= 100 || v.live.length >= v.maxTasks)
    return `The tasks are uneven across the Availability Zones that are up (${describeCounts(counts)}), but AZ rebalancing starts a task before it stops one, and maximumPercent ${v.maximumPercent} % of ${v.desired} (${v.maxTasks}) leaves no room for it.`;
  const az = fewest(counts);
  const retry = v.retryAt.get(az);
  if (retry !== undefined)
    return `The tasks are uneven across the Availability Zones that are up (${describeCounts(counts)}); AZ rebalancing waits, because Fargate had no capacity in ${az}: it tries again at ${clockLabel(retry)}.`;
  return null;
}

/** Why nothing happens while a rebalancing is under way. */
export function rebalanceWaitingReason(v: View): string | null {
  if (!v.rebalancing) return null;
  const counts = zoneCounts(v.availabilityZones, v.live);
  if (v.starting.length > 0) return `AZ rebalancing waits for ${v.starting.map(short).join(', ')} to count healthy before it stops a task in ${most(counts)} (${describeCounts(counts)}).`;
  const az = fewest(counts);
  const retry = v.retryAt.get(az);
  if (retry !== undefined) return `AZ rebalancing waits: Fargate had no capacity in ${az}, and the scheduler tries there again at ${clockLabel(retry)}.`;
  return null;
}
