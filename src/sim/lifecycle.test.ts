import { describe, expect, it } from 'vitest';
import { canTransition, statusRank, TASK_STATUS_ORDER, TASK_TRANSITIONS } from './lifecycle.ts';
import type { TaskStatus } from './model/index.ts';

describe('task lifecycle table (spec §3.1, §3.3)', () => {
  it.each([
    ['PROVISIONING', 'PENDING'],
    ['PENDING', 'RUNNING'],
    ['PENDING', 'DEPROVISIONING'], // TaskFailedToStart
    ['PROVISIONING', 'DEPROVISIONING'], // stopped before launch
    ['RUNNING', 'STOPPING'],
    ['STOPPING', 'DEPROVISIONING'],
    ['DEPROVISIONING', 'STOPPED'],
  ] as [TaskStatus, TaskStatus][])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['RUNNING', 'PENDING'],
    ['STOPPED', 'RUNNING'],
    ['STOPPING', 'RUNNING'],
    ['PROVISIONING', 'RUNNING'],
    ['RUNNING', 'STOPPED'],
  ] as [TaskStatus, TaskStatus][])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('only ever moves forward, and STOPPED is final', () => {
    for (const from of TASK_STATUS_ORDER)
      for (const to of TASK_TRANSITIONS[from]) expect(statusRank(to)).toBeGreaterThan(statusRank(from));
    expect(TASK_TRANSITIONS.STOPPED).toEqual([]);
  });
});
