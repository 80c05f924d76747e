// Services (spec §5): creating one, the shell that applies the scheduler's plans, and how a
// service reacts to what its tasks do (counts, the start throttle, the circuit breaker, target
// registration, steady state). Deployment records live in deployments.ts.

import { emit, type Step } from './events.ts';
import { clusterArn, serviceArn } from './ids.ts';
import { isPendingStatus } from './lifecycle.ts';
import { planService, type Plan } from './scheduler/plan.ts';
import { addServiceEvent, DUPLICATE_SUPPRESSION, resolveCause, serviceMessages } from './serviceEvents.ts';
import { launchTask, requestStop, STOPPED_REASONS } from './task.ts';
import { schedule } from './timers.ts';
import { MINUTE, SECOND } from './time.ts';
import { deregisterTargets, elbFailureReason, registerTargets, REASON_DESCRIPTIONS, targetViewOf, unhealthyTargetOf } from './loadBalancer.ts';
import { announce, completeDeployment, markSucceeded, newDeployment, primaryOf, putService, recordTaskFailure } from './deployments.ts';
import { tasksOfService } from './world.ts';
import { canLaunchIn, upZones } from './zones.ts';
import type { AvailabilityZoneRebalancing, Deployment, DeploymentConfiguration, Millis, Service, ServiceLoadBalancer, SimEvent, Task, TaskDefinition, World } from './model/index.ts';
import type { TargetView } from './scheduler/plan.ts';

export { putService } from './deployments.ts';

export const DEFAULT_DEPLOYMENT_CONFIGURATION: DeploymentConfiguration = {
  maximumPercent: 200, // spec §5.2
  minimumHealthyPercent: 100,
  deploymentCircuitBreaker: { enable: false, rollback: false }, // off unless asked for (spec §5.6)
};

/**
 * The service throttle's back-off after `failures` consecutive tasks that stopped before RUNNING.
 * AWS documents only the 27-minute cap (spec §5.7); the doubling from 10 s is our assumption,
 * and the UI says so.
 */
export function throttleDelay(failures: number): Millis {
  if (failures < 2) return 0;
  return Math.min(10 * SECOND * 2 ** (failures - 2), 27 * MINUTE);
}

export type CreateServiceOptions = {
  serviceName: string;
  taskDefinition: TaskDefinition;
  desiredCount: number;
  healthCheckGracePeriodSeconds?: number;
  deploymentConfiguration?: DeploymentConfiguration;
  loadBalancers?: ServiceLoadBalancer[];
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
};

/** After a launch fails for want of capacity in a zone, the scheduler tries other zones and that
 *  one again only after this long. AWS says only "try again later" (E12); a minute is our
 *  assumption. */
export const CAPACITY_RETRY = 1 * MINUTE;

export function createService(step: Step, o: CreateServiceOptions): Service {
  const { world } = step;
  const deployment = newDeployment(step, o.taskDefinition, o.desiredCount);
  const service: Service = {
    serviceArn: serviceArn(world, o.serviceName),
    serviceName: o.serviceName,
    clusterArn: clusterArn(world),
    status: 'ACTIVE',
    taskDefinition: o.taskDefinition.taskDefinitionArn,
    desiredCount: o.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    launchType: 'FARGATE',
    schedulingStrategy: 'REPLICA',
    deploymentConfiguration: o.deploymentConfiguration ?? DEFAULT_DEPLOYMENT_CONFIGURATION,
    healthCheckGracePeriodSeconds: o.healthCheckGracePeriodSeconds ?? 0,
    loadBalancers: o.loadBalancers ?? [],
    deployments: [deployment],
    events: [],
    createdAt: world.now,
    startFailures: 0,
    throttledUntil: 0,
    activeCauses: {},
    nextReconcileAt: null,
    availabilityZoneRebalancing: o.availabilityZoneRebalancing ?? 'ENABLED', // spec §5.9
  };
  world.services.set(o.serviceName, service);
  emit(step, { type: 'ServiceCreated', serviceName: o.serviceName, taskDefinition: service.taskDefinition, desiredCount: o.desiredCount });
  announce(step, service, deployment, 'SERVICE_DEPLOYMENT_IN_PROGRESS');
  requestReconcile(step, o.serviceName);
  return service;
}

/** Ask the scheduler to look at the service at its next tick (or at `at`, if later). */
export function requestReconcile(step: Step, serviceName: string, at?: Millis): void {
  const { world } = step;
  const service = world.services.get(serviceName);
  if (!service || service.status === 'INACTIVE') return;
  // Ticks fall on whole multiples of the scheduler interval: the next one after now, or the
  // first one at or after `at`.
  const interval = world.config.timings.schedulerInterval;
  const nextTick = Math.floor(world.now / interval) * interval + interval;
  const when = Math.max(nextTick, Math.ceil((at ?? 0) / interval) * interval);
  if (service.nextReconcileAt !== null && service.nextReconcileAt <= when) return;
  putService(step, service, { nextReconcileAt: when });
  schedule(world, when, { kind: 'reconcile', serviceName });
}

/** The scheduler's tick for one service: register and deregister targets, plan, apply the plan. */
export function reconcile(step: Step, serviceName: string, firedAt: Millis): void {
  const { world } = step;
  let service = world.services.get(serviceName);
  if (!service || service.nextReconcileAt !== firedAt) return; // superseded by an earlier request
  service = putService(step, service, { nextReconcileAt: null });
  const tasks = tasksOfService(world, serviceName).filter((t) => t.lastStatus !== 'STOPPED');
  if (service.status === 'DRAINING' && tasks.length === 0) return becomeInactive(step, service);
  // Registering changes the target groups (and the service's events), never a task.
  if (service.loadBalancers.length) syncTargets(step, service, tasks);
  service = world.services.get(serviceName)!;
  const plan = planService({
    service,
    tasks,
    now: world.now,
    availabilityZones: upZones(world), // nothing is placed in a zone that is down
    taskDefinitions: world.taskDefinitions,
    targetHealth: service.loadBalancers.length ? targetViewsFor(world, tasks) : null,
    unhealthyReaction: world.config.timings.unhealthyReaction,
  });
  applyPlan(step, service, plan);
}

/**
 * ECS registers a service's tasks with its target groups once they are RUNNING, and deregisters
 * them when they stop (spec §6.1). Both happen on the scheduler's tick, so tasks that get there
 * together are announced together: "registered 3 targets" (spec §12).
 */
function syncTargets(step: Step, service: Service, tasks: readonly Task[]): void {
  const { world } = step;
  const toRegister = tasks.filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && targetViewOf(world, t) === null);
  const toDeregister = tasks.filter((t) => t.lastStatus === 'DEACTIVATING');
  if (toRegister.length) registerTargets(step, toRegister, service);
  if (toDeregister.length) deregisterTargets(step, toDeregister);
}

function applyPlan(step: Step, service: Service, plan: Plan) {
  const { world } = step;
  const name = service.serviceName;
  const primaryBefore = primaryOf(service).id;
  if (plan.actions.length) {
    emit(step, {
      type: 'SchedulerPlanned',
      serviceName: name,
      actions: plan.actions.map((a) =>
        a.kind === 'launch'
          ? {
              action: 'launch',
              count: 1,
              reason: a.reason,
              launch: { availabilityZone: a.availabilityZone, why: a.why, running: a.running, desired: a.desired, ...(a.replaces ? { replaces: a.replaces.taskId } : {}) },
            }
          : { action: 'stop', taskIds: [a.task.taskId], reason: a.reason },
      ),
    });
    service = resolveCause(step, service, 'deploymentConfiguration');
  }
  // Why nothing happens, said once each time it changes (the Why tab's answer to "why is my
  // deployment not moving?").
  if (plan.waiting !== (service.waitingFor ?? null)) {
    if (plan.waiting !== null) emit(step, { type: 'SchedulerPlanned', serviceName: name, actions: [{ action: 'wait', reason: plan.waiting }] });
    const { waitingFor: _was, ...rest } = service;
    service = putService(step, rest as Service, plan.waiting !== null ? { waitingFor: plan.waiting } : {});
  }
  if (!plan.steady) service = resolveCause(step, service, 'steadyState');
  // (Each of these writes the world; what follows reads the service from there.)
  if (plan.numbers.primaryHealthy > 0) markSucceeded(step, service);

  if (plan.rebalance?.state === 'started') {
    service = putService(step, world.services.get(name)!, { rebalancingSince: world.now });
    addServiceEvent(step, service, serviceMessages.notAzBalanced(name, plan.rebalance.counts));
  }
  launchPlanned(step, name, plan);

  const stopped: string[] = [];
  const failedIn: string[] = [];
  const rebalanced = new Map<string, string[]>(); // zone → tasks stopped there by AZ rebalancing
  for (const a of plan.actions) {
    if (a.kind !== 'stop') continue;
    if (a.cause === 'rebalance') {
      // AZ rebalancing's stop: a scheduler stop like a scale-in's (its stoppedReason is our
      // assumption), announced in its own words, per zone (spec §5.9).
      requestStop(step, world.tasks.get(a.task.taskArn)!, 'ServiceSchedulerInitiated', STOPPED_REASONS.scaling(primaryOf(world.services.get(name)!).id));
      rebalanced.set(a.task.availabilityZone, [...(rebalanced.get(a.task.availabilityZone) ?? []), a.task.taskId]);
      continue;
    }
    const failedTarget = a.cause === 'unhealthy' ? unhealthyTargetOf(world, a.task) : null;
    const task = world.tasks.get(a.task.taskArn)!;
    if (failedTarget) {
      // E8, then the stop with the ELB's reason (spec §6.5).
      const { tg, target } = failedTarget;
      const why = target.reason ? REASON_DESCRIPTIONS[target.reason] : 'Health checks failed';
      addServiceEvent(step, world.services.get(name)!, serviceMessages.unhealthyInTargetGroup(name, a.task.taskId, target.port, tg.targetGroupArn, why));
      requestStop(step, task, 'ServiceSchedulerInitiated', elbFailureReason(tg));
    } else if (a.cause === 'unhealthy') {
      addServiceEvent(step, world.services.get(name)!, serviceMessages.failedContainerHealthChecks(name, a.task.taskId));
      requestStop(step, task, 'ServiceSchedulerInitiated', STOPPED_REASONS.unhealthyContainer);
    } else {
      requestStop(step, task, 'ServiceSchedulerInitiated', STOPPED_REASONS.scaling(primaryOf(world.services.get(name)!).id));
    }
    if (a.cause === 'unhealthy') failedIn.push(task.startedBy);
    stopped.push(a.task.taskId);
  }
  if (stopped.length) addServiceEvent(step, world.services.get(name)!, serviceMessages.stopped(name, stopped));
  for (const [az, ids] of rebalanced) addServiceEvent(step, world.services.get(name)!, serviceMessages.stoppedToRebalance(name, az, ids));
  // Tasks failing their health checks count toward the circuit breaker (spec §5.6, stage 2).
  for (const deploymentId of failedIn) recordTaskFailure(step, world.services.get(name)!, deploymentId);

  service = world.services.get(name)!;
  if (plan.rebalance?.state === 'completed' || plan.rebalance?.state === 'abandoned') {
    const { rebalancingSince: _done, ...rest } = service;
    service = putService(step, rest as Service, {});
    if (plan.rebalance.state === 'completed') service = addServiceEvent(step, service, serviceMessages.azBalanced(name, plan.rebalance.counts));
  }
  if (plan.completes) service = completeDeployment(step, service);
  if (plan.steady) service = addServiceEvent(step, service, serviceMessages.steadyState(name), 'steadyState');
  if (plan.stuck) service = addServiceEvent(step, service, serviceMessages.unableToStopOrStart(name), 'deploymentConfiguration');
  if (plan.wakeAt !== null) requestReconcile(step, name, plan.wakeAt);
  if (plan.steady || plan.stuck) {
    // Steady state (and a stuck deployment) is re-reported every six hours while nothing changes
    // (spec §5.11).
    const last = service.activeCauses[plan.steady ? 'steadyState' : 'deploymentConfiguration'] ?? world.now;
    requestReconcile(step, name, last + DUPLICATE_SUPPRESSION);
  }
  // A deployment that changed (a rollback) is planned again at the next tick.
  if (primaryOf(service).id !== primaryBefore) requestReconcile(step, name);
}

/**
 * Launch what the plan says, where it says. Fargate may have no capacity in a zone (zones.ts): that
 * launch fails — E12, once until the cause clears or six hours pass (spec §5.11) — and the
 * service tries the zone again only after CAPACITY_RETRY, the other zones meanwhile (the plan
 * skips it). A tick whose launches partly fail also says how many failed for the deployment (E19).
 * A tick whose launches all start clears the cause. Rebalancing's launches are announced in their
 * own words (spec §5.9).
 */
function launchPlanned(step: Step, name: string, plan: Plan): void {
  const { world } = step;
  const started: string[] = [];
  const rebalanced = new Map<string, string[]>();
  const failed = new Map<string, number>(); // by deployment
  const failedZones: string[] = [];
  let replacedUnhealthy = 0;
  for (const a of plan.actions) {
    if (a.kind !== 'launch') continue;
    const deployment = world.services.get(name)!.deployments.find((d) => d.id === a.deploymentId)!;
    if (!canLaunchIn(world, a.availabilityZone)) {
      failed.set(deployment.id, (failed.get(deployment.id) ?? 0) + 1);
      if (!failedZones.includes(a.availabilityZone)) failedZones.push(a.availabilityZone);
      continue;
    }
    const td = world.taskDefinitions.get(deployment.taskDefinition)!;
    const task = launchTask(step, td, {
      group: `service:${name}`,
      startedBy: deployment.id,
      availabilityZone: a.availabilityZone,
      serviceName: name,
      images: deployment.containerImages,
    });
    if (a.why === 'rebalance') rebalanced.set(a.availabilityZone, [...(rebalanced.get(a.availabilityZone) ?? []), task.taskId]);
    else started.push(task.taskId);
    if (a.replaces) replacedUnhealthy++;
  }
  if (started.length) addServiceEvent(step, world.services.get(name)!, serviceMessages.started(name, started, replacedUnhealthy));
  for (const [az, ids] of rebalanced) addServiceEvent(step, world.services.get(name)!, serviceMessages.startedToRebalance(name, az, ids));
  let service = world.services.get(name)!;
  if (failed.size === 0) {
    if (started.length || rebalanced.size) resolveCause(step, service, 'capacityUnavailable');
    return;
  }
  const retryAt = world.now + CAPACITY_RETRY;
  const kept = (service.capacityFailures ?? []).filter((f) => f.retryAt > world.now && !failedZones.includes(f.availabilityZone));
  service = putService(step, service, { capacityFailures: [...kept, ...failedZones.map((availabilityZone) => ({ availabilityZone, retryAt }))] });
  service = addServiceEvent(step, service, serviceMessages.capacityUnavailable(name), 'capacityUnavailable');
  if (started.length || rebalanced.size) for (const [id, n] of failed) service = addServiceEvent(step, service, serviceMessages.couldNotLaunch(name, n, id));
  requestReconcile(step, name); // the other zones, at the next tick
}

/**
 * React to what just happened to a service's tasks: keep the counts current, apply the start
 * throttle and the circuit breaker, finish a drain, and wake the scheduler.
 */
export function observeTaskEvent(step: Step, event: SimEvent): void {
  if (event.type === 'TargetHealthChanged') return requestReconcile(step, event.serviceName);
  if (event.type !== 'TaskStateChanged' && event.type !== 'TaskHealthChanged') return;
  const task: Task | undefined = step.world.tasks.get(event.taskArn);
  const serviceName = task?.serviceName;
  if (!task || serviceName === undefined) return;
  let service = step.world.services.get(serviceName);
  if (!service) return;

  if (event.type === 'TaskStateChanged') {
    if (event.lastStatus === 'RUNNING' && service.startFailures > 0) {
      service = putService(step, service, { startFailures: 0, throttledUntil: 0 });
      service = resolveCause(step, service, 'throttled');
    }
    const neverRan = event.stopCode === 'TaskFailedToStart' && event.lastStatus === 'DEPROVISIONING';
    if (neverRan) {
      // The throttle (spec §5.7): tasks that never reached RUNNING slow down further launches.
      const failures = service.startFailures + 1;
      service = putService(step, service, { startFailures: failures, throttledUntil: step.world.now + throttleDelay(failures) });
      if (failures >= 2) service = addServiceEvent(step, service, serviceMessages.unableToStart(serviceName), 'throttled');
    }
    // The circuit breaker counts a task that never reached RUNNING (stage 1) or died on its own
    // once it had (its essential container exited: the moment it is told to stop).
    const died = event.stopCode === 'EssentialContainerExited' && event.desiredStatus === 'STOPPED' && (event.lastStatus === 'RUNNING' || event.lastStatus === 'ACTIVATING');
    if (neverRan || died) service = recordTaskFailure(step, service, task.startedBy);
    service = refreshCounts(step, service);
    if (service.status === 'DRAINING' && tasksOfService(step.world, serviceName).every((t) => t.lastStatus === 'STOPPED')) return becomeInactive(step, service);
  }
  requestReconcile(step, serviceName);
}

/** A deleted service whose tasks have all stopped is INACTIVE (spec §5.1); its name is free again. */
function becomeInactive(step: Step, service: Service): void {
  putService(step, service, { status: 'INACTIVE', nextReconcileAt: null });
  emit(step, { type: 'ServiceStatusChanged', serviceName: service.serviceName, status: 'INACTIVE' });
}

/** Each task's target as the plan sees it (only asked when the service has a load balancer). */
function targetViewsFor(world: World, tasks: readonly Task[]): Map<string, TargetView | null> {
  return new Map(tasks.map((t) => [t.taskArn, targetViewOf(world, t)]));
}

/** runningCount and pendingCount for the service and for each of its deployments (by the
 *  deployment that started each task). */
function refreshCounts(step: Step, service: Service): Service {
  let running = 0;
  let pending = 0;
  const perDeployment = new Map<string, { running: number; pending: number; live: number }>();
  // Runs on every task event: a plain loop, no sorting or copying.
  for (const t of step.world.tasks.values()) {
    if (t.serviceName !== service.serviceName) continue;
    let counts = perDeployment.get(t.startedBy);
    if (!counts) perDeployment.set(t.startedBy, (counts = { running: 0, pending: 0, live: 0 }));
    if (t.lastStatus === 'RUNNING') {
      running++;
      counts.running++;
    } else if (isPendingStatus(t.lastStatus)) {
      pending++;
      counts.pending++;
    }
    if (t.desiredStatus === 'RUNNING') counts.live++;
  }
  let changed = running !== service.runningCount || pending !== service.pendingCount;
  const deployments = service.deployments.map((d): Deployment => {
    const c = perDeployment.get(d.id) ?? { running: 0, pending: 0, live: 0 };
    const desiredCount = d.status === 'PRIMARY' ? service.desiredCount : c.live;
    if (c.running === d.runningCount && c.pending === d.pendingCount && desiredCount === d.desiredCount) return d;
    changed = true;
    return { ...d, runningCount: c.running, pendingCount: c.pending, desiredCount, updatedAt: step.world.now };
  });
  if (!changed) return service;
  return putService(step, service, { runningCount: running, pendingCount: pending, deployments });
}
