// The Application Load Balancer (spec §6): a listener forwarding to one target group, targets that
// a service registers and deregisters, ALB health checks with their state machine, draining with
// the deregistration delay, and routing. Only services register targets (spec §4, §6.1).
//
// Requests are not events: at 200 req/s a day would be millions. Traffic (traffic.ts) routes each
// arrival through `route` and counts outcomes per second; only target state changes are events.

import { emit, type Step } from './events.ts';
import { serviceMessages, addServiceEvent } from './serviceEvents.ts';
import { schedule } from './timers.ts';
import { SECOND } from './time.ts';
import { digits, hex, nextInt } from './rng.ts';
import { taskIdOf } from './ids.ts';
import type { CreateLoadBalancerOptions, LoadBalancer, Millis, Service, Target, TargetGroup, TargetGroupHealthCheck, TargetHealthReason, TargetHealthState, Task, World } from './model/index.ts';

/** ALB target group health check defaults (spec §6.3). */
export const TARGET_GROUP_HEALTH_CHECK_DEFAULTS: TargetGroupHealthCheck = {
  path: '/',
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThresholdCount: 5,
  unhealthyThresholdCount: 2,
  matcher: '200',
};
export const DEFAULT_DEREGISTRATION_DELAY = 300; // seconds (spec §6.4)
export const HEALTH_CHECK_LIMITS = {
  intervalSeconds: [5, 300],
  timeoutSeconds: [2, 120],
  healthyThresholdCount: [2, 10],
  unhealthyThresholdCount: [2, 10],
} as const;

/** ALB reason descriptions (spec §6.2), as E8 quotes them. */
export const REASON_DESCRIPTIONS: Record<TargetHealthReason, string> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Target.ResponseCodeMismatch': 'Health checks failed with these codes: [500]',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  'Target.NotRegistered': 'Target is not registered to the target group',
};

export const elbFailureReason = (tg: TargetGroup) => `Task failed ELB health checks in (target-group ${tg.targetGroupArn})`;

export function createLoadBalancer(step: Step, o: CreateLoadBalancerOptions): { loadBalancer: LoadBalancer; targetGroup: TargetGroup } {
  const { world } = step;
  const region = world.config.region;
  const account = world.config.accountId;
  const lbId = hex(world.rng, 16);
  const loadBalancerArn = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/${o.name}/${lbId}`;
  const targetGroupArn = `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${o.targetGroup.name}/${hex(world.rng, 16)}`;
  const targetGroup: TargetGroup = {
    targetGroupArn,
    targetGroupName: o.targetGroup.name,
    loadBalancerArn,
    protocol: 'HTTP',
    port: o.targetGroup.port ?? 80,
    targetType: 'ip',
    healthCheck: { ...TARGET_GROUP_HEALTH_CHECK_DEFAULTS, ...o.targetGroup.healthCheck },
    deregistrationDelaySeconds: o.targetGroup.deregistrationDelaySeconds ?? DEFAULT_DEREGISTRATION_DELAY,
    algorithm: o.targetGroup.algorithm ?? 'round_robin',
    targets: new Map(),
  };
  const loadBalancer: LoadBalancer = {
    loadBalancerArn,
    loadBalancerName: o.name,
    dnsName: `${o.name}-${digits(world.rng, 10)}.${region}.elb.amazonaws.com`,
    type: 'application',
    scheme: 'internet-facing',
    listener: { port: o.listenerPort ?? 80, protocol: 'HTTP', defaultTargetGroupArn: targetGroupArn },
  };
  world.loadBalancers.set(loadBalancerArn, loadBalancer);
  world.targetGroups.set(targetGroupArn, targetGroup);
  emit(step, { type: 'LoadBalancerCreated', loadBalancerArn, loadBalancerName: o.name, targetGroupArn, targetGroupName: o.targetGroup.name });
  return { loadBalancer, targetGroup };
}

/** A target group by ARN or by name. */
export function findTargetGroup(world: World, ref: string): TargetGroup | undefined {
  return world.targetGroups.get(ref) ?? [...world.targetGroups.values()].find((tg) => tg.targetGroupName === ref);
}

/** A load balancer by ARN or by name. */
export function findLoadBalancer(world: World, ref: string): LoadBalancer | undefined {
  return world.loadBalancers.get(ref) ?? [...world.loadBalancers.values()].find((lb) => lb.loadBalancerName === ref);
}

/** The one way a target changes: replace it in its group (or, with `next` null, take it out),
 *  and announce the change when its state or reason moved. */
function putTarget(step: Step, targetGroupArn: string, taskArn: string, next: Target | null): void {
  const tg = step.world.targetGroups.get(targetGroupArn)!;
  const previous = tg.targets.get(taskArn);
  // A new Map, as for any entity: the routing memo and the views compare references. Setting an
  // existing key keeps its place, so routing order stays registration order.
  const targets = new Map(tg.targets);
  if (next) targets.set(taskArn, next);
  else targets.delete(taskArn);
  step.world.targetGroups.set(targetGroupArn, { ...tg, targets });
  const shown = next ?? (previous ? { ...previous, state: 'unused' as const, reason: 'Target.NotRegistered' as const } : null);
  if (shown && (shown.state !== previous?.state || shown.reason !== previous?.reason)) announceTarget(step, tg, shown);
}

function announceTarget(step: Step, tg: TargetGroup, t: Target) {
  emit(step, {
    type: 'TargetHealthChanged',
    targetGroupArn: tg.targetGroupArn,
    taskArn: t.taskArn,
    taskId: taskIdOf(t.taskArn),
    serviceName: t.serviceName,
    state: t.state,
    ...(t.reason ? { reason: t.reason } : {}),
  });
}

/** Register RUNNING tasks of a service in its target groups: one E3 per group for all of them
 *  (spec §6.1, §12). */
export function registerTargets(step: Step, tasks: readonly Task[], service: Service): void {
  const { world } = step;
  for (const lb of service.loadBalancers) {
    const tg = world.targetGroups.get(lb.targetGroupArn);
    if (!tg) continue;
    let n = 0;
    for (const task of tasks) {
      if (world.targetGroups.get(tg.targetGroupArn)!.targets.has(task.taskArn)) continue;
      const target: Target = {
        id: privateIp(world, task),
        port: lb.containerPort,
        taskArn: task.taskArn,
        serviceName: service.serviceName,
        availabilityZone: task.availabilityZone,
        state: 'initial',
        reason: 'Elb.RegistrationInProgress',
        registeredAt: world.now,
        consecutiveSuccesses: 0,
        consecutiveFailures: 0,
      };
      putTarget(step, tg.targetGroupArn, task.taskArn, target);
      // The first check runs once registration completes; then one every interval (spec §6.3).
      schedule(world, world.now + world.config.timings.targetRegistration, { kind: 'targetHealthCheck', targetGroupArn: tg.targetGroupArn, taskArn: task.taskArn });
      n++;
    }
    if (n > 0) addServiceEvent(step, world.services.get(service.serviceName)!, serviceMessages.registeredTargets(service.serviceName, n, tg.targetGroupArn));
  }
}

/** 10.0.<az>.<n>: a stable private address for the task's ENI, from its ID. */
function privateIp(world: World, task: Task): string {
  const az = world.config.availabilityZones.indexOf(task.availabilityZone);
  return `10.0.${(az + 1) * 16 + nextInt(world.rng, 16)}.${1 + nextInt(world.rng, 254)}`;
}

/** Target groups in which the task is registered and not yet draining. */
export function activeTargetsOf(world: World, taskArn: string): { tg: TargetGroup; target: Target }[] {
  const out: { tg: TargetGroup; target: Target }[] = [];
  for (const tg of world.targetGroups.values()) {
    const target = tg.targets.get(taskArn);
    if (target && target.state !== 'draining') out.push({ tg, target });
  }
  return out;
}

/**
 * Deregister stopping tasks' targets: each drains for its group's deregistration delay, and a task
 * goes on stopping when its last target is done (continueAfterDrain). One E4 per service and
 * group, then one E5 per deployment ("taskSet") the tasks belong to (spec §3.6, §6.4, §12).
 */
export function deregisterTargets(step: Step, tasks: readonly Task[]): void {
  const { world } = step;
  const perGroup = new Map<string, { service: string; tg: TargetGroup; tasks: Task[] }>();
  for (const task of tasks) {
    for (const { tg, target } of activeTargetsOf(world, task.taskArn)) {
      putTarget(step, tg.targetGroupArn, task.taskArn, { ...target, state: 'draining', reason: 'Target.DeregistrationInProgress', drainingSince: world.now });
      schedule(world, world.now + tg.deregistrationDelaySeconds * SECOND, { kind: 'targetDrained', targetGroupArn: tg.targetGroupArn, taskArn: task.taskArn });
      const key = `${target.serviceName}\n${tg.targetGroupArn}`;
      const group = perGroup.get(key) ?? { service: target.serviceName, tg, tasks: [] };
      group.tasks.push(task);
      perGroup.set(key, group);
    }
  }
  for (const { service: name, tg, tasks: drained } of perGroup.values()) {
    const service = world.services.get(name);
    if (!service) continue;
    addServiceEvent(step, service, serviceMessages.deregisteredTargets(name, drained.length, tg.targetGroupArn));
    const perTaskSet = new Map<string, number>();
    for (const t of drained) perTaskSet.set(t.startedBy, (perTaskSet.get(t.startedBy) ?? 0) + 1);
    for (const [taskSet, n] of perTaskSet) addServiceEvent(step, world.services.get(name)!, serviceMessages.drainingConnections(name, taskSet, n));
  }
}

/** The deregistration delay ended: the target leaves the group (state unused, Target.NotRegistered). */
export function finishDraining(step: Step, targetGroupArn: string, taskArn: string): void {
  const tg = step.world.targetGroups.get(targetGroupArn);
  const target = tg?.targets.get(taskArn);
  if (!tg || !target || target.state !== 'draining') return;
  putTarget(step, targetGroupArn, taskArn, null);
}

/** How many targets of the group are in each state, e.g. { healthy: 3, draining: 1 }. */
export function countTargetStates(tg: TargetGroup): Partial<Record<TargetHealthState, number>> {
  const counts: Partial<Record<TargetHealthState, number>> = {};
  for (const { state } of tg.targets.values()) counts[state] = (counts[state] ?? 0) + 1;
  return counts;
}

/** Is the task still draining in any target group? */
export function isDraining(world: World, taskArn: string): boolean {
  for (const tg of world.targetGroups.values()) if (tg.targets.get(taskArn)?.state === 'draining') return true;
  return false;
}

/** What the application answers on the target's port right now: 200, 500 (failing), 'timeout'
 *  (hung: it accepts the connection and never answers), or null (nothing listening). */
export type AppAnswer = 200 | 500 | 'timeout' | null;

export function appAnswer(world: World, target: Target, containerName: string | undefined): AppAnswer {
  const task = world.tasks.get(target.taskArn);
  if (!task || (task.lastStatus !== 'RUNNING' && task.lastStatus !== 'DEACTIVATING')) return null;
  const container = containerName ? task.containers.find((c) => c.name === containerName) : task.containers.find((c) => c.essential);
  if (!container || container.lastStatus !== 'RUNNING') return null;
  return container.hung ? 'timeout' : container.failingHealthChecks ? 500 : 200;
}

export const containerFor = (world: World, target: Target, tg: TargetGroup) =>
  world.services.get(target.serviceName)?.loadBalancers.find((l) => l.targetGroupArn === tg.targetGroupArn)?.containerName;

/** One ALB health check of one target (spec §6.2 state machine, §6.3 thresholds). */
export function runTargetHealthCheck(step: Step, targetGroupArn: string, taskArn: string): void {
  const { world } = step;
  const tg = world.targetGroups.get(targetGroupArn);
  const target = tg?.targets.get(taskArn);
  if (!tg || !target || target.state === 'draining') return;
  const answer = appAnswer(world, target, containerFor(world, target, tg));
  const hc = tg.healthCheck;
  let { state, reason, consecutiveSuccesses: successes, consecutiveFailures: failures } = target;
  if (answer === 200) {
    successes = Math.min(successes + 1, hc.healthyThresholdCount); // capped: a steady target doesn't change
    failures = 0;
    // A new target needs one passing check; an unhealthy one needs healthyThresholdCount.
    if (state === 'initial' || (state === 'unhealthy' && successes >= hc.healthyThresholdCount)) {
      state = 'healthy';
      reason = undefined;
    }
  } else {
    failures = Math.min(failures + 1, hc.unhealthyThresholdCount);
    successes = 0;
    if (state !== 'unhealthy' && failures >= hc.unhealthyThresholdCount) {
      state = 'unhealthy';
      reason = answer === 500 ? 'Target.ResponseCodeMismatch' : answer === 'timeout' ? 'Target.Timeout' : 'Target.FailedHealthChecks';
    } else if (state === 'initial') {
      reason = 'Elb.InitialHealthChecking';
    }
  }
  // A steady target stays the same object: views compare references.
  if (state !== target.state || reason !== target.reason || successes !== target.consecutiveSuccesses || failures !== target.consecutiveFailures) {
    const { reason: _r, unhealthyAt: _u, ...rest } = target;
    const unhealthyAt = state !== 'unhealthy' ? undefined : target.state === 'unhealthy' ? target.unhealthyAt : world.now;
    putTarget(step, targetGroupArn, taskArn, {
      ...rest,
      state,
      consecutiveSuccesses: successes,
      consecutiveFailures: failures,
      ...(reason ? { reason } : {}),
      ...(unhealthyAt !== undefined ? { unhealthyAt } : {}),
    });
  }
  schedule(world, world.now + hc.intervalSeconds * SECOND, { kind: 'targetHealthCheck', targetGroupArn, taskArn });
}

const HEALTH_RANK: Record<TargetHealthState, number> = { healthy: 0, initial: 1, draining: 2, unused: 3, unhealthy: 4 };

/** The target health the scheduler sees for a task: the worst over its target groups. */
export function targetHealthOf(world: World, task: Task): TargetHealthState | null {
  let worst: TargetHealthState | null = null;
  for (const tg of world.targetGroups.values()) {
    const t = tg.targets.get(task.taskArn);
    if (t && (worst === null || HEALTH_RANK[t.state] > HEALTH_RANK[worst])) worst = t.state;
  }
  return worst;
}

/** The task's target as the scheduler sees it: the worst state over its target groups, and since
 *  when it has been unhealthy (null: not registered anywhere). */
export function targetViewOf(world: World, task: Task): { state: TargetHealthState; unhealthyAt?: Millis } | null {
  let worst: Target | null = null;
  for (const tg of world.targetGroups.values()) {
    const t = tg.targets.get(task.taskArn);
    if (t && (worst === null || HEALTH_RANK[t.state] > HEALTH_RANK[worst.state])) worst = t;
  }
  if (!worst) return null;
  return worst.unhealthyAt !== undefined ? { state: worst.state, unhealthyAt: worst.unhealthyAt } : { state: worst.state };
}

/** Which target group made the task unhealthy (for E8 and the stopped reason). */
export function unhealthyTargetOf(world: World, task: Task): { tg: TargetGroup; target: Target } | null {
  for (const tg of world.targetGroups.values()) {
    const t = tg.targets.get(task.taskArn);
    if (t?.state === 'unhealthy') return { tg, target: t };
  }
  return null;
}
