// How a status is shown: text always, plus an icon and a colour class. The icon is a fill level —
// filling up while a task starts, emptying while it stops — so the state reads without colour.

import type { ContainerStatus, HealthStatus, Task, TaskStatus } from '../sim/index.ts';
import type { RolloutState } from '../diagram/deployments.ts';
import type { TaskNodeData } from '../diagram/project.ts';

export const STATUS_ICON: Record<TaskStatus, string> = {
  PROVISIONING: '◔',
  PENDING: '◑',
  ACTIVATING: '◕',
  RUNNING: '●',
  DEACTIVATING: '◕',
  STOPPING: '◑',
  DEPROVISIONING: '◔',
  STOPPED: '○',
};

/** A container's status, with the same fill levels (waiting half full, running full, exited empty). */
export const CONTAINER_ICON: Record<ContainerStatus, string> = { PENDING: '◑', RUNNING: '●', STOPPED: '○' };

export const HEALTH_ICON: Record<HealthStatus, string> = { HEALTHY: '✓', UNHEALTHY: '✗', UNKNOWN: '?' };

export const statusClass = (s: TaskStatus) => `status-${s.toLowerCase()}`;
export const isWindingDown = (s: TaskStatus) => s === 'DEACTIVATING' || s === 'STOPPING' || s === 'DEPROVISIONING';

/** Asked to stop and not stopped yet. */
export const isStopping = (t: Task) => t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED';

/** "✓ healthy", or null while the health is unknown. */
export const healthText = (t: Task) => (t.healthStatus === 'UNKNOWN' ? null : `${HEALTH_ICON[t.healthStatus]} ${t.healthStatus.toLowerCase()}`);

/** The classes a task's state gives it wherever it is drawn (a diagram node, a zones-view task):
 *  its status, emphasis, whose it is, fading, winding down, and which deployment. */
export function taskStateClasses(data: TaskNodeData): string[] {
  const t = data.task;
  const classes = [statusClass(t.lastStatus), `emphasis-${data.emphasis}`];
  if (t.serviceName === undefined) classes.push('standalone');
  if (data.fading) classes.push('fading');
  if (isWindingDown(t.lastStatus) || isStopping(t)) classes.push('winding-down');
  if (data.deployment) classes.push(`deployment-${data.deployment}`);
  return classes;
}

/** The rollout state's icon, beside its word: going, done, failed, going back. */
export const ROLLOUT_ICON: Record<RolloutState, string> = { IN_PROGRESS: '↻', COMPLETED: '✓', FAILED: '✗', ROLLING_BACK: '↶' };
