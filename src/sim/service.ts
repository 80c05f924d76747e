// Services (spec §5): creating one, the shell that applies the scheduler's plans, and how a
// service reacts to what its tasks do (counts, the start throttle, steady state, draining).

import { emit, type Step } from './events.ts';
import { clusterArn, newDeploymentId, serviceArn } from './ids.ts';
import { isPendingStatus } from './lifecycle.ts';
import { planService, type Plan } from './scheduler/plan.ts';
import { addServiceEvent, DUPLICATE_SUPPRESSION, resolveCause, serviceMessages } from './serviceEvents.ts';
import { launchTask, requestStop, STOPPED_REASONS } from './task.ts';
import { schedule } from './timers.ts';
import { MINUTE, SECOND } from './time.ts';
import { elbFailureReason, REASON_DESCRIPTIONS, targetHealthOf, unhealthyTargetOf } from './loadBalancer.ts';
import { tasksOfService } from './world.ts';
import type { Deployment, DeploymentConfiguration, Millis, Service, ServiceLoadBalancer, SimEvent, TargetHealthState, Task, TaskDefinition, World } from './model/index.ts';

export const DEFAULT_DEPLOYMENT_CONFIGURATION: DeploymentConfiguration = { maximumPercent: 200, minimumHealthyPercent: 100 }; // spec §5.2

/**
 * The service throttle's back-off after `failures` consecutive tasks that stopped before RUNNING.
 * AWS documents only the 27-minute cap (spec §5.7); the doubling from 10 s is our assumption,
 * and the UI says so.
 */
export function throttleDelay(failures: number): Millis {
  if (failures < 2) return 0;
  return Math.min(10 * SECOND * 2 ** (failures - 2), 27 * MINUTE);
}

export function putService(step: Step, service: Service, changes: Partial<Service>): Service {
  const next = { ...service, ...changes };
  step.world.services.set(service.serviceName, next);
  return next;
}

export type CreateServiceOptions = {
  serviceName: string;
  taskDefinition: TaskDefinition;
  desiredCount: number;
  healthCheckGracePeriodSeconds?: number;
  deploymentConfiguration?: Partial<DeploymentConfiguration>;
  loadBalancers?: ServiceLoadBalancer[];
};

export function createService(step: Step, o: CreateServiceOptions): Service {
  const { world } = step;
  const deploymentId = newDeploymentId(world);
  const deployment: Deployment = {
    id: deploymentId,
    status: 'PRIMARY',
    taskDefinition: o.taskDefinition.taskDefinitionArn,
    desiredCount: o.desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${deploymentId} in progress.`,
    createdAt: world.now,
    updatedAt: world.now,
  };
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
    deploymentConfiguration: { ...DEFAULT_DEPLOYMENT_CONFIGURATION, ...o.deploymentConfiguration },
    healthCheckGracePeriodSeconds: o.healthCheckGracePeriodSeconds ?? 0,
    loadBalancers: o.loadBalancers ?? [],
    deployments: [deployment],
    events: [],
    createdAt: world.now,
    startFailures: 0,
    throttledUntil: 0,
    activeCauses: {},
    nextReconcileAt: null,
  };
  world.services.set(o.serviceName, service);
  emit(step, { type: 'ServiceCreated', serviceName: o.serviceName, taskDefinition: service.taskDefinition, desiredCount: o.desiredCount });
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

/** The scheduler's tick for one service: plan, then apply the plan. */
export function reconcile(step: Step, serviceName: string, firedAt: Millis): void {
  const { world } = step;
  let service = world.services.get(serviceName);
  if (!service || service.nextReconcileAt !== firedAt) return; // superseded by an earlier request
  service = putService(step, service, { nextReconcileAt: null });
  const tasks = tasksOfService(world, serviceName).filter((t) => t.lastStatus !== 'STOPPED');
  const plan = planService({
    service,
    tasks,
    now: world.now,
    availabilityZones: world.config.availabilityZones,
    taskDefinitions: world.taskDefinitions,
    targetHealth: service.loadBalancers.length ? targetHealthFor(world, tasks) : null,
  });
  applyPlan(step, service, plan);
}

function applyPlan(step: Step, service: Service, plan: Plan) {
  const { world } = step;
  const name = service.serviceName;
  if (plan.actions.length) {
    emit(step, {
      type: 'SchedulerPlanned',
      serviceName: name,
      actions: plan.actions.map((a) =>
        a.kind === 'launch' ? { action: 'launch', count: 1, reason: a.reason } : { action: 'stop', taskIds: [a.task.taskId], reason: a.reason },
      ),
    });
  }
  if (!plan.steady) service = resolveCause(step, service, 'steadyState');

  const td = world.taskDefinitions.get(service.taskDefinition)!;
  const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
  const started: string[] = [];
  for (const a of plan.actions) {
    if (a.kind !== 'launch') continue;
    const task = launchTask(step, td, { group: `service:${name}`, startedBy: primary.id, availabilityZone: a.availabilityZone, serviceName: name });
    started.push(task.taskId);
  }
  if (started.length) addServiceEvent(step, world.services.get(name)!, serviceMessages.started(name, started));

  const stopped: string[] = [];
  for (const a of plan.actions) {
    if (a.kind !== 'stop') continue;
    const failedTarget = a.cause === 'unhealthy' ? unhealthyTargetOf(world, a.task) : null;
    if (failedTarget) {
      // E8, then the stop with the ELB's reason (spec §6.5).
      const { tg, target } = failedTarget;
      const why = target.reason ? REASON_DESCRIPTIONS[target.reason] : 'Health checks failed';
      addServiceEvent(step, world.services.get(name)!, serviceMessages.unhealthyInTargetGroup(name, a.task.taskId, target.port, tg.targetGroupArn, why));
      requestStop(step, world.tasks.get(a.task.taskArn)!, 'ServiceSchedulerInitiated', elbFailureReason(tg));
    } else if (a.cause === 'unhealthy') {
      addServiceEvent(step, world.services.get(name)!, serviceMessages.failedContainerHealthChecks(name, a.task.taskId));
      requestStop(step, world.tasks.get(a.task.taskArn)!, 'ServiceSchedulerInitiated', STOPPED_REASONS.unhealthyContainer);
    } else {
      requestStop(step, world.tasks.get(a.task.taskArn)!, 'ServiceSchedulerInitiated', STOPPED_REASONS.scaling(primary.id));
    }
    stopped.push(a.task.taskId);
  }
  if (stopped.length) addServiceEvent(step, world.services.get(name)!, serviceMessages.stopped(name, stopped));

  service = world.services.get(name)!;
  if (plan.steady) service = reportSteadyState(step, service);
  if (plan.wakeAt !== null) requestReconcile(step, name, plan.wakeAt);
  if (plan.steady) {
    // Steady state is re-reported every six hours while nothing changes (spec §5.11).
    const last = service.activeCauses.steadyState ?? world.now;
    requestReconcile(step, name, last + DUPLICATE_SUPPRESSION);
  }
}

function reportSteadyState(step: Step, service: Service): Service {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
  if (primary.rolloutState === 'IN_PROGRESS') {
    const done: Deployment = { ...primary, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${primary.id} completed.`, updatedAt: step.world.now };
    service = putService(step, service, { deployments: service.deployments.map((d) => (d === primary ? done : d)) });
    service = addServiceEvent(step, service, serviceMessages.deploymentCompleted(service.serviceName, primary.id));
  }
  return addServiceEvent(step, service, serviceMessages.steadyState(service.serviceName), 'steadyState');
}

/**
 * React to what just happened to a service's tasks: keep runningCount/pendingCount current,
 * apply the start throttle, finish a drain, and wake the scheduler.
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
    if (event.stopCode === 'TaskFailedToStart' && event.lastStatus === 'DEPROVISIONING') {
      // The throttle (spec §5.7): tasks that never reached RUNNING slow down further launches.
      const failures = service.startFailures + 1;
      service = putService(step, service, { startFailures: failures, throttledUntil: step.world.now + throttleDelay(failures) });
      if (failures >= 2) service = addServiceEvent(step, service, serviceMessages.unableToStart(serviceName), 'throttled');
    }
    service = refreshCounts(step, service);
    if (service.status === 'DRAINING' && tasksOfService(step.world, serviceName).every((t) => t.lastStatus === 'STOPPED')) {
      putService(step, service, { status: 'INACTIVE', nextReconcileAt: null });
      emit(step, { type: 'ServiceStatusChanged', serviceName, status: 'INACTIVE' });
      return;
    }
  }
  requestReconcile(step, serviceName);
}

/** The target health of each task, for the plan (only asked when the service has a load balancer). */
function targetHealthFor(world: World, tasks: readonly Task[]): Map<string, TargetHealthState | null> {
  return new Map(tasks.map((t) => [t.taskArn, targetHealthOf(world, t)]));
}

function refreshCounts(step: Step, service: Service): Service {
  let running = 0;
  let pending = 0;
  // Runs on every task event: a plain loop, no sorting or copying.
  for (const t of step.world.tasks.values()) {
    if (t.serviceName !== service.serviceName) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (isPendingStatus(t.lastStatus)) pending++;
  }
  if (running === service.runningCount && pending === service.pendingCount) return service;
  const deployments = service.deployments.map((d) =>
    d.status === 'PRIMARY' ? { ...d, runningCount: running, pendingCount: pending, updatedAt: step.world.now } : d,
  );
  return putService(step, service, { runningCount: running, pendingCount: pending, deployments });
}
