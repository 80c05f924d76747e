// Service event messages in AWS's exact wording (spec §5.11; real messages begin "(service x)"),
// and the rules for keeping them: newest first, at most 100, and a repeated cause suppressed
// until it is resolved or six hours pass.

import { emit, type Step } from './events.ts';
import { newUuid } from './ids.ts';
import { HOUR } from './time.ts';
import type { Service } from './model/index.ts';

export const MAX_SERVICE_EVENTS = 100; // API:Service.events
export const DUPLICATE_SUPPRESSION = 6 * HOUR;

const tasks = (ids: readonly string[]) => ids.map((id) => `(task ${id})`).join(' ');

/** E1–E9, E12, E14, E16–E19 of spec §5.11, the rebalancing events of §5.9 and the E1 suffix of §12. ("1 tasks" is AWS's own grammar;
 *  E3/E4 have no final period.) */
export const serviceMessages = {
  started: (svc: string, taskIds: readonly string[], replacedUnhealthy = 0) =>
    `(service ${svc}) has started ${taskIds.length} tasks: ${tasks(taskIds)}.${replacedUnhealthy > 0 ? ` Amazon ECS replaced ${replacedUnhealthy} tasks due to an unhealthy status.` : ''}`,
  stopped: (svc: string, taskIds: readonly string[]) => `(service ${svc}) has stopped ${taskIds.length} running tasks: ${tasks(taskIds)}.`,
  deploymentCompleted: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment completed.`,
  steadyState: (svc: string) => `(service ${svc}) has reached a steady state.`,
  failedContainerHealthChecks: (svc: string, taskId: string) => `(service ${svc}) (task ${taskId}) failed container health checks.`,
  unableToStart: (svc: string) => `(service ${svc}) is unable to consistently start tasks successfully.`,
  registeredTargets: (svc: string, n: number, tg: string) => `(service ${svc}) registered ${n} targets in (target-group ${tg})`,
  deregisteredTargets: (svc: string, n: number, tg: string) => `(service ${svc}) deregistered ${n} targets in (target-group ${tg})`,
  drainingConnections: (svc: string, deploymentId: string, n: number) => `(service ${svc}, taskSet ${deploymentId}) has begun draining connections on ${n} tasks.`,
  unableToStopOrStart: (svc: string) =>
    `(service ${svc}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  deploymentFailed: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  rollingBack: (svc: string, deploymentId: string) => `(service ${svc}) rolling back to deployment ${deploymentId}.`,
  unhealthyInTargetGroup: (svc: string, taskId: string, port: number, tg: string, reason: string) =>
    `(service ${svc}) (task ${taskId}) (port ${port}) is unhealthy in (target-group ${tg}) due to (reason ${reason})`,
  /** E12: Fargate had no capacity where the scheduler tried to place a task. */
  capacityUnavailable: (svc: string) =>
    `(service ${svc}) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.`,
  /** E19: some of a tick's launches for the deployment failed (capacity). */
  couldNotLaunch: (svc: string, n: number, deploymentId: string) => `(service ${svc}) could not launch ${n} tasks for deployment ${deploymentId}.`,
  // AZ rebalancing (spec §5.9). The docs print them as "service (name) …" and "name has started …";
  // real events start "(service name)" (spec §5.11), so these do too, and list task IDs as E1 and
  // E2 do ("(task id)") — both our reading of the docs' templates [U].
  notAzBalanced: (svc: string, counts: readonly [string, number][]) => `(service ${svc}) is not AZ balanced with ${zoneList(counts, false)}. AZ Rebalancing in progress.`,
  azBalanced: (svc: string, counts: readonly [string, number][]) => `(service ${svc}) is AZ balanced with ${zoneList(counts, true)}.`,
  startedToRebalance: (svc: string, az: string, taskIds: readonly string[]) => `(service ${svc}) has started ${taskIds.length} tasks in ${az} to AZ Rebalance: ${tasks(taskIds)}.`,
  stoppedToRebalance: (svc: string, az: string, taskIds: readonly string[]) => `(service ${svc}) has stopped ${taskIds.length} running tasks in ${az} due to AZ rebalancing: ${tasks(taskIds)}.`,
} as const;

/** The docs' lists: "2 tasks in a, 2 in b, and 2 in c" (not balanced: "tasks" once) and "2 tasks
 *  in a, 2 tasks in b, and 2 tasks in c" (balanced: every time); with two zones, "… and …". */
function zoneList(counts: readonly [string, number][], everyTime: boolean): string {
  const parts = counts.map(([az, n], i) => `${n}${i === 0 || everyTime ? ' tasks' : ''} in ${az}`);
  if (parts.length <= 2) return parts.join(' and ');
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

/** What a service event says, for the views that sum events up (the narration, the timeline's
 *  marks), read from the templates above in one place rather than by each view. */
export type ServiceEventGist =
  | { kind: 'started' | 'stopped'; count: number }
  | { kind: 'steadyState' | 'unableToStart' | 'deploymentCompleted' | 'deploymentFailed' | 'rollingBack' | 'deploymentStuck' };

export function serviceEventGist(message: string): ServiceEventGist | null {
  // Counts E1, E2 and the rebalancing forms ("… has started 1 tasks in us-east-1b to AZ Rebalance: …").
  const counted = /^\(service [^)]*\) has (started|stopped) (\d+) (?:running )?tasks(?::| in [^ ]+ (?:to AZ Rebalance|due to AZ rebalancing):)/.exec(message);
  if (counted) return { kind: counted[1] as 'started' | 'stopped', count: Number(counted[2]) };
  if (/^\(service [^)]*\) has reached a steady state\.$/.test(message)) return { kind: 'steadyState' };
  if (/^\(service [^)]*\) is unable to consistently start tasks successfully\.$/.test(message)) return { kind: 'unableToStart' };
  if (/^\(service [^)]*\) \(deployment [^)]*\) deployment completed\.$/.test(message)) return { kind: 'deploymentCompleted' };
  if (/^\(service [^)]*\) \(deployment [^)]*\) deployment failed: /.test(message)) return { kind: 'deploymentFailed' };
  if (/^\(service [^)]*\) rolling back to deployment /.test(message)) return { kind: 'rollingBack' };
  if (/^\(service [^)]*\) was unable to stop or start tasks during a deployment/.test(message)) return { kind: 'deploymentStuck' };
  return null;
}

/** Causes whose repeats are suppressed; a message without a cause is always recorded. */
export type EventCause = 'steadyState' | 'throttled' | 'deploymentConfiguration' | 'capacityUnavailable';

/**
 * Record a service event. With a cause, the message is left out while the same cause was
 * reported less than six hours ago and has not been resolved. Returns the service as changed.
 */
export function addServiceEvent(step: Step, service: Service, message: string, cause?: EventCause): Service {
  const { world } = step;
  if (cause !== undefined) {
    const last = service.activeCauses[cause];
    if (last !== undefined && world.now - last < DUPLICATE_SUPPRESSION) return service;
  }
  const event = { id: newUuid(world), createdAt: world.now, message };
  const next: Service = {
    ...service,
    events: [event, ...service.events].slice(0, MAX_SERVICE_EVENTS),
    activeCauses: cause !== undefined ? { ...service.activeCauses, [cause]: world.now } : service.activeCauses,
  };
  world.services.set(service.serviceName, next);
  emit(step, { type: 'ServiceEvent', serviceName: service.serviceName, id: event.id, message });
  return next;
}

/** The cause is over: the next time it happens it is reported again. */
export function resolveCause(step: Step, service: Service, cause: EventCause): Service {
  if (service.activeCauses[cause] === undefined) return service;
  const { [cause]: _gone, ...rest } = service.activeCauses;
  const next = { ...service, activeCauses: rest };
  step.world.services.set(service.serviceName, next);
  return next;
}
