// How a status is shown: text always, plus an icon and a colour class. The icon is a fill level —
// filling up while a task starts, emptying while it stops — so the state reads without colour.

import type { HealthStatus, TaskStatus } from '../sim/index.ts';

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

/** How far along its life a task is, 0–1, for the lifecycle bar on its node. */
export const STATUS_PROGRESS: Record<TaskStatus, number> = {
  PROVISIONING: 0.3,
  PENDING: 0.65,
  ACTIVATING: 0.85,
  RUNNING: 1,
  DEACTIVATING: 0.85,
  STOPPING: 0.6,
  DEPROVISIONING: 0.3,
  STOPPED: 0,
};

export const HEALTH_ICON: Record<HealthStatus, string> = { HEALTHY: '✓', UNHEALTHY: '✗', UNKNOWN: '?' };

export const statusClass = (s: TaskStatus) => `status-${s.toLowerCase()}`;
export const isWindingDown = (s: TaskStatus) => s === 'DEACTIVATING' || s === 'STOPPING' || s === 'DEPROVISIONING';
