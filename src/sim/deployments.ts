// A service's deployments (spec §5.5, §5.6): starting one, counting the tasks that fail in it,
// the circuit breaker and its rollback, and completion. The scheduler's plan (scheduler/plan.ts)
// decides which tasks to start and stop; this module keeps the deployment records and their
// events in ECS's words.

import { emit, type Step } from './events.ts';
import { familyRevision, newDeploymentId } from './ids.ts';
import { resolveImage } from './images.ts';
import { circuitBreakerThreshold, orderDeployments } from './scheduler/plan.ts';
import { addServiceEvent, resolveCause, serviceMessages } from './serviceEvents.ts';
import type { Deployment, DeploymentEventName, Service, TaskDefinition } from './model/index.ts';

export const rolloutReasons = {
  inProgress: (id: string) => `ECS deployment ${id} in progress.`,
  completed: (id: string) => `ECS deployment ${id} completed.`,
  failed: 'ECS deployment circuit breaker: tasks failed to start.',
  rollingBack: (id: string) => `ECS deployment circuit breaker: rolling back to deploymentId ${id}.`,
} as const;

/** A new PRIMARY deployment of `td`, its images resolved to digests now (API:ContainerImage). */
export function newDeployment(step: Step, td: TaskDefinition, desiredCount: number): Deployment {
  const { world } = step;
  const id = newDeploymentId(world);
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: td.taskDefinitionArn,
    desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: rolloutReasons.inProgress(id),
    createdAt: world.now,
    updatedAt: world.now,
    containerImages: td.containerDefinitions.map((c) => ({ containerName: c.name, image: c.image, imageDigest: resolveImage(world, c.image) })),
    succeeded: false,
  };
}

/** The PRIMARY is a rollback the circuit breaker started (and it has not completed yet). */
export const isRollingBack = (d: Deployment): boolean =>
  d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS' && d.rolloutStateReason === rolloutReasons.rollingBack(d.id);

/** The service has reported steady state (E7) and nothing has changed since. */
export const isSteady = (service: Service): boolean => service.activeCauses.steadyState !== undefined;

/** A deployment that can neither start nor stop a task, as the service last said (E16). */
export const isDeploymentStuck = (service: Service): boolean =>
  service.deployments.length > 1 && service.activeCauses.deploymentConfiguration !== undefined;

export const primaryOf = (service: Service): Deployment => {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) throw new Error(`Bug: service ${service.serviceName} has no PRIMARY deployment`);
  return primary;
};

export function putService(step: Step, service: Service, changes: Partial<Service>): Service {
  const next = { ...service, ...changes };
  step.world.services.set(service.serviceName, next);
  return next;
}

export function announce(step: Step, service: Service, d: Deployment, eventName: DeploymentEventName) {
  emit(step, { type: 'DeploymentStateChanged', serviceName: service.serviceName, deploymentId: d.id, taskDefinition: d.taskDefinition, eventName, reason: d.rolloutStateReason });
}

/**
 * UpdateService with a new task definition or forceNewDeployment: a new PRIMARY; the one before
 * becomes ACTIVE and keeps its tasks until the rollout replaces them. Updating the service also
 * lifts the start throttle (spec §5.7).
 */
export function startDeployment(step: Step, service: Service, td: TaskDefinition): Service {
  const { world } = step;
  const deployment = newDeployment(step, td, service.desiredCount);
  const rest = service.deployments.map((d): Deployment => (d.status === 'PRIMARY' ? { ...d, status: 'ACTIVE', updatedAt: world.now } : d));
  let next = putService(step, service, {
    taskDefinition: td.taskDefinitionArn,
    deployments: [deployment, ...rest],
    startFailures: 0,
    throttledUntil: 0,
  });
  next = resolveCause(step, next, 'throttled');
  next = resolveCause(step, next, 'deploymentConfiguration');
  announce(step, next, deployment, 'SERVICE_DEPLOYMENT_IN_PROGRESS');
  return next;
}

function replaceDeployment(step: Step, service: Service, id: string, changes: Partial<Deployment>): Service {
  const deployments = service.deployments.map((d) => (d.id === id ? { ...d, ...changes, updatedAt: step.world.now } : d));
  return putService(step, service, { deployments });
}

/** One of the service's tasks, started by deployment `deploymentId`, failed: it never reached
 *  RUNNING, crashed, or failed its health checks (spec §5.6, both stages). */
export function recordTaskFailure(step: Step, service: Service, deploymentId: string): Service {
  const d = service.deployments.find((x) => x.id === deploymentId);
  // Only the PRIMARY is being judged; and once one of its tasks ran successfully the count stops
  // being evaluated (API:Deployment.failedTasks).
  if (!d || d.status !== 'PRIMARY' || d.rolloutState !== 'IN_PROGRESS' || d.succeeded) return service;
  const failedTasks = d.failedTasks + 1;
  let next = replaceDeployment(step, service, d.id, { failedTasks });
  const breaker = next.deploymentConfiguration.deploymentCircuitBreaker;
  if (breaker.enable && failedTasks >= circuitBreakerThreshold(next.desiredCount)) next = tripCircuitBreaker(step, next);
  return next;
}

/** A task of the PRIMARY counted healthy: the circuit breaker stops counting, and its count resets. */
export function markSucceeded(step: Step, service: Service): Service {
  const primary = primaryOf(service);
  if (primary.succeeded || primary.rolloutState !== 'IN_PROGRESS') return service;
  return replaceDeployment(step, service, primary.id, { succeeded: true, failedTasks: 0 });
}

/**
 * The circuit breaker trips (spec §5.6): the deployment FAILED and launches nothing more (E17).
 * With rollback, the most recent COMPLETED deployment becomes PRIMARY again and the rollout goes
 * back to it (E18); without one to go back to, the deployment just stays FAILED.
 */
function tripCircuitBreaker(step: Step, service: Service): Service {
  const name = service.serviceName;
  const failed = primaryOf(service);
  let next = replaceDeployment(step, service, failed.id, { rolloutState: 'FAILED', rolloutStateReason: rolloutReasons.failed });
  const threshold = circuitBreakerThreshold(service.desiredCount);
  const rollback = next.deploymentConfiguration.deploymentCircuitBreaker.rollback;
  emit(step, {
    type: 'SchedulerPlanned',
    serviceName: name,
    actions: [{ action: 'wait', reason: `The circuit breaker tripped: ${threshold} tasks of deployment ${failed.id} (${familyRevision(failed.taskDefinition)}) failed before any ran healthy (the threshold is half of desiredCount ${service.desiredCount}, at least 3). The deployment is FAILED and launches nothing more${rollback ? '; with rollback on, ECS goes back to the last deployment that completed' : ''}.` }],
  });
  announce(step, next, primaryOf(next), 'SERVICE_DEPLOYMENT_FAILED');
  next = addServiceEvent(step, next, serviceMessages.deploymentFailed(name, failed.id));
  if (!next.deploymentConfiguration.deploymentCircuitBreaker.rollback) return next;
  const target = next.deployments
    .filter((d) => d.status === 'ACTIVE' && d.rolloutState === 'COMPLETED')
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!target) return next;
  const now = step.world.now;
  const deployments = next.deployments.map((d): Deployment =>
    d.id === failed.id
      ? { ...d, status: 'ACTIVE', updatedAt: now }
      : d.id === target.id
        ? { ...d, status: 'PRIMARY', desiredCount: next.desiredCount, rolloutState: 'IN_PROGRESS', rolloutStateReason: rolloutReasons.rollingBack(target.id), succeeded: false, failedTasks: 0, updatedAt: now }
        : d,
  );
  next = putService(step, next, { deployments: orderDeployments(deployments), taskDefinition: target.taskDefinition, startFailures: 0, throttledUntil: 0 });
  next = resolveCause(step, next, 'throttled');
  next = addServiceEvent(step, next, serviceMessages.rollingBack(name, target.id));
  announce(step, next, primaryOf(next), 'SERVICE_DEPLOYMENT_IN_PROGRESS');
  return next;
}

/** The PRIMARY reached steady state with only its own tasks left: COMPLETED (E6); the others are
 *  done with and leave the list (INACTIVE). */
export function completeDeployment(step: Step, service: Service): Service {
  const primary = primaryOf(service);
  const done: Deployment = { ...primary, rolloutState: 'COMPLETED', rolloutStateReason: rolloutReasons.completed(primary.id), desiredCount: service.desiredCount, updatedAt: step.world.now };
  let next = putService(step, service, { deployments: [done] });
  announce(step, next, done, 'SERVICE_DEPLOYMENT_COMPLETED');
  next = addServiceEvent(step, next, serviceMessages.deploymentCompleted(service.serviceName, primary.id));
  return next;
}
