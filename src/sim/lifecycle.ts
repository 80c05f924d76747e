// The task lifecycle as a table (spec §3.1, §3.3): which lastStatus may follow which. lastStatus
// only ever moves forward; the engine refuses any other move, so a bug shows up as an error in
// the tests instead of a task that quietly comes back to life.

import type { TaskStatus } from './model/index.ts';

export const TASK_STATUS_ORDER: readonly TaskStatus[] = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
];

export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  PROVISIONING: ['PENDING', 'DEPROVISIONING'], // ENI attached; or stopped/failed before launch
  PENDING: ['ACTIVATING', 'RUNNING', 'STOPPING', 'DEPROVISIONING'], // started; stopped with some containers started (an init container ran); or failed to start
  ACTIVATING: ['RUNNING', 'DEACTIVATING', 'STOPPING'],
  RUNNING: ['DEACTIVATING', 'STOPPING'],
  DEACTIVATING: ['STOPPING'],
  STOPPING: ['DEPROVISIONING'],
  DEPROVISIONING: ['STOPPED'],
  STOPPED: [],
};

export const canTransition = (from: TaskStatus, to: TaskStatus) => TASK_TRANSITIONS[from].includes(to);

export const statusRank = (s: TaskStatus) => TASK_STATUS_ORDER.indexOf(s);

/** PROVISIONING, PENDING, ACTIVATING: what a service's pendingCount counts. */
export const isPendingStatus = (s: TaskStatus) => statusRank(s) < statusRank('RUNNING');
