import { describe, expect, it } from 'vitest';
import { makeService, makeTask, makeTaskDefinition } from '../testing/builders.ts';
import { planService, type PlanInput } from './plan.ts';
import type { Task } from '../model/index.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const NOW = 600_000;
const plan = (tasks: Task[], service = makeService(), withHealthCheck = true, now = NOW) =>
  planService({ service, tasks, now, availabilityZones: AZS, taskDefinitions: makeTaskDefinition(withHealthCheck) } satisfies PlanInput);
const inAz = (az: string, overrides: Partial<Task> = {}) => makeTask({ availabilityZone: az, ...overrides });

describe('planService: the reconcile step (spec §5.3, §5.8)', () => {
  it('launches up to desiredCount, one per Availability Zone', () => {
    const p = plan([]);
    expect(p.actions.map((a) => a.kind === 'launch' && a.availabilityZone)).toEqual(AZS);
    expect(p.actions[0]!.reason).toMatch(/desiredCount is 3 but 0 tasks are running or starting/);
    expect(p.steady).toBe(false);
  });

  it('replaces a task that stopped in the AZ that lost it', () => {
    const p = plan([inAz('us-east-1a'), inAz('us-east-1c')]);
    expect(p.actions).toMatchObject([{ kind: 'launch', availabilityZone: 'us-east-1b', replaces: null }]);
  });

  it('treats a task whose desiredStatus is STOPPED as gone (replacement starts at once)', () => {
    const p = plan([inAz('us-east-1a'), inAz('us-east-1b'), inAz('us-east-1c', { desiredStatus: 'STOPPED' })]);
    expect(p.actions).toMatchObject([{ kind: 'launch', availabilityZone: 'us-east-1c', replaces: null }]);
  });

  it('is steady when desiredCount tasks are RUNNING and HEALTHY', () => {
    const p = plan(AZS.map((az) => inAz(az)));
    expect(p).toMatchObject({ actions: [], steady: true, completes: false, stuck: false, wakeAt: null });
  });

  it('without a health check, counts a task healthy only 40 s after RUNNING', () => {
    const tasks = AZS.map((az) => inAz(az, { healthStatus: 'UNKNOWN', startedAt: NOW - 10_000 }));
    const p = plan(tasks, makeService(), false);
    expect(p).toMatchObject({ actions: [], steady: false, wakeAt: NOW + 30_000 });
    expect(plan(tasks, makeService(), false, NOW + 30_000).steady).toBe(true);
  });

  it('scales in from the AZ with the most tasks', () => {
    const tasks = [inAz('us-east-1a'), inAz('us-east-1a'), inAz('us-east-1b'), inAz('us-east-1c')];
    const p = plan(tasks);
    expect(p.actions).toHaveLength(1);
    const [stop] = p.actions;
    expect(stop).toMatchObject({ kind: 'stop', cause: 'scaleIn', task: { availabilityZone: 'us-east-1a' } });
    expect(stop!.reason).toMatch(/in us-east-1a, the Availability Zone with the most tasks/);
  });

  it('scales in tasks that have not started before running ones', () => {
    const { startedAt: _never, ...pending } = inAz('us-east-1c', { lastStatus: 'PENDING', healthStatus: 'UNKNOWN' });
    const p = plan([inAz('us-east-1a'), inAz('us-east-1b'), pending], makeService({ desiredCount: 2 }));
    expect(p.actions).toMatchObject([{ kind: 'stop', task: { taskId: pending.taskId } }]);
  });

  it('starts a replacement for an UNHEALTHY task before stopping it', () => {
    const sick = inAz('us-east-1b', { healthStatus: 'UNHEALTHY' });
    const first = plan([inAz('us-east-1a'), sick, inAz('us-east-1c')]);
    expect(first.actions).toHaveLength(1);
    expect(first.actions[0]).toMatchObject({ kind: 'launch' });
    expect(first.actions[0]!.reason).toMatch(/is UNHEALTHY: start its replacement first/);

    const starting = inAz('us-east-1a', { lastStatus: 'PENDING', healthStatus: 'UNKNOWN' });
    expect(plan([inAz('us-east-1a'), sick, inAz('us-east-1c'), starting]).actions).toEqual([]);

    const ready = inAz('us-east-1a');
    const second = plan([inAz('us-east-1a'), sick, inAz('us-east-1c'), ready]);
    expect(second.actions).toMatchObject([{ kind: 'stop', cause: 'unhealthy', task: { taskId: sick.taskId } }]);
  });

  it('ignores an UNHEALTHY task inside the health check grace period, and wakes when it ends', () => {
    const sick = inAz('us-east-1b', { healthStatus: 'UNHEALTHY', startedAt: NOW - 5_000 });
    const p = plan([inAz('us-east-1a'), sick, inAz('us-east-1c')], makeService({ healthCheckGracePeriodSeconds: 60 }));
    expect(p.actions).toEqual([]);
    expect(p.wakeAt).toBe(NOW + 55_000);
  });

  it('stops an UNHEALTHY task first when maximumPercent leaves no room for a replacement', () => {
    const service = makeService({ desiredCount: 1, deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0, deploymentCircuitBreaker: { enable: false, rollback: false } } });
    const p = plan([inAz('us-east-1a', { healthStatus: 'UNHEALTHY' })], service);
    expect(p.actions).toMatchObject([{ kind: 'stop', cause: 'unhealthy' }]);
    expect(p.actions[0]!.reason).toMatch(/leaves no room to start its replacement first/);
  });

  it('launches nothing while the service throttle holds, and wakes when it lifts', () => {
    const p = plan([], makeService({ throttledUntil: NOW + 20_000 }));
    expect(p).toMatchObject({ actions: [], steady: false, wakeAt: NOW + 20_000 });
  });

  it('stops every task of a DRAINING service', () => {
    const p = plan(AZS.map((az) => inAz(az)), makeService({ status: 'DRAINING', desiredCount: 0 }));
    expect(p.actions.map((a) => a.kind)).toEqual(['stop', 'stop', 'stop']);
    expect(p.steady).toBe(false);
  });
});
