// How a status is shown: text always, plus an icon and a colour class. The icon is a fill level —
// filling up while a task starts, emptying while it stops — so the state reads without colour.

import type { HealthStatus, TaskStatus } from '../sim/index.ts';
import type { RolloutState } from '../diagram/deployments.ts';

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

export const HEALTH_ICON: Record<HealthStatus, string> = { HEALTHY: '✓', UNHEALTHY: '✗', UNKNOWN: '?' };

export const statusClass = (s: TaskStatus) => `status-${s.toLowerCase()}`;
export const isWindingDown = (s: TaskStatus) => s === 'DEACTIVATING' || s === 'STOPPING' || s === 'DEPROVISIONING';

/** The rollout state's icon, beside its word: going, done, failed, going back. */
export const ROLLOUT_ICON: Record<RolloutState, string> = { IN_PROGRESS: '↻', COMPLETED: '✓', FAILED: '✗', ROLLING_BACK: '↶' };
