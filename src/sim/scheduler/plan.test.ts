import { describe, expect, it } from 'vitest';
import { makeDeployment, makeService, makeTask, makeTaskDefinition } from '../testing/builders.ts';
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

describe('planService: minimumHealthyPercent outside a deployment (API:DeploymentConfiguration)', () => {
  const config = (minimumHealthyPercent: number) => ({ maximumPercent: 100, minimumHealthyPercent, deploymentCircuitBreaker: { enable: false, rollback: false } });
  const tasks = () => [inAz('us-east-1a'), inAz('us-east-1b', { healthStatus: 'UNHEALTHY', unhealthyAt: NOW - 60_000 })];

  it.each([100, 50, 0])('with no room for a replacement, stops an unhealthy task first at minimumHealthyPercent %i: it takes no healthy task away', (min) => {
    const p = plan(tasks(), makeService({ desiredCount: 2, deploymentConfiguration: config(min) }));
    expect(p.actions).toMatchObject([{ kind: 'stop', cause: 'unhealthy', task: { availabilityZone: 'us-east-1b' } }]);
    expect(p.actions[0]!.reason).toMatch(/leaves no room to start its replacement first: stop it, then start one\. It is not healthy, so the 1 healthy task minimumHealthyPercent counts on stay\.$/);
  });

  it('stops them one at a time: the next waits until the replacement for the one before has started', () => {
    const two = [inAz('us-east-1a', { healthStatus: 'UNHEALTHY', unhealthyAt: NOW - 60_000 }), inAz('us-east-1b', { healthStatus: 'UNHEALTHY', unhealthyAt: NOW - 60_000 })];
    expect(plan(two, makeService({ desiredCount: 2, deploymentConfiguration: config(100) })).actions).toHaveLength(1);
    const { startedAt: _s, ...pending } = inAz('us-east-1a', { lastStatus: 'PENDING', healthStatus: 'UNKNOWN' });
    expect(plan([two[1]!, pending], makeService({ desiredCount: 2, deploymentConfiguration: config(100) })).actions).toEqual([]);
  });

  it('scales in a task that is not healthy yet before a healthy one', () => {
    const fresh = inAz('us-east-1a', { healthStatus: 'UNKNOWN' });
    const p = plan([inAz('us-east-1a'), fresh, inAz('us-east-1b')], makeService({ desiredCount: 2 }));
    expect(p.actions).toMatchObject([{ kind: 'stop', cause: 'scaleIn', task: { taskId: fresh.taskId } }]);
  });

  it('waits for the reaction delay before acting on a task that just turned unhealthy', () => {
    const fresh = [inAz('us-east-1a'), inAz('us-east-1b', { healthStatus: 'UNHEALTHY', unhealthyAt: NOW - 5_000 })];
    const p = planService({ service: makeService({ desiredCount: 2 }), tasks: fresh, now: NOW, availabilityZones: AZS, taskDefinitions: makeTaskDefinition(true), unhealthyReaction: 35_000 });
    expect(p.actions).toEqual([]);
    expect(p.wakeAt).toBe(NOW + 30_000);
  });
});

describe('planService: a deployment in numbers (spec §5.5)', () => {
  const old = makeDeployment({ id: 'ecs-svc/1111111111111111111', status: 'ACTIVE' });
  const next = makeDeployment({ id: 'ecs-svc/2222222222222222222', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2', rolloutState: 'IN_PROGRESS', succeeded: false });
  const service = makeService({ desiredCount: 4, deployments: [next, old] });
  const olds = () => ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a'].map((az) => inAz(az, { startedBy: old.id }));

  it('explains each launch with maximumPercent arithmetic', () => {
    const p = plan(olds(), service);
    expect(p.actions.map((a) => a.kind === 'launch' && a.deploymentId)).toEqual([next.id, next.id, next.id, next.id]);
    expect(p.actions[0]!.reason).toBe(`Deployment ${next.id} (web:2) has 0 of 4 tasks: start one in us-east-1b. maximumPercent 200 % of 4 allows 8 running or starting; 4 are.`);
    expect(p.numbers).toEqual({ desired: 4, maxTasks: 8, minHealthy: 4, live: 4, healthy: 4, primaryHealthy: 0 });
  });

  it('stops as many old tasks as new ones are healthy, and explains it with minimumHealthyPercent', () => {
    const fresh = ['us-east-1b', 'us-east-1c'].map((az) => inAz(az, { startedBy: next.id, taskDefinitionArn: next.taskDefinition }));
    const starting = ['us-east-1a', 'us-east-1b'].map((az) => inAz(az, { startedBy: next.id, lastStatus: 'PENDING', healthStatus: 'UNKNOWN' }));
    const p = plan([...olds(), ...fresh, ...starting], service);
    const stops = p.actions.filter((a) => a.kind === 'stop');
    expect(stops).toHaveLength(2);
    expect(stops.every((a) => a.kind === 'stop' && a.cause === 'deployment' && a.task.startedBy === old.id)).toBe(true);
    expect(stops[0]!.reason).toMatch(/6 tasks healthy and minimumHealthyPercent 100 % of 4 needs 4, so one can stop\.$/);
    expect(p.completes).toBe(false);
  });

  it('is stuck when maximumPercent leaves no room and minimumHealthyPercent lets nothing stop', () => {
    const stuck = makeService({ desiredCount: 4, deployments: [next, old], deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } } });
    const p = plan(olds(), stuck);
    expect(p).toMatchObject({ actions: [], stuck: true, steady: false, completes: false });
    expect(p.waiting).toBe(
      `Deployment ${next.id} (web:2) can neither start a task (maximumPercent 100 % of 4 allows 4 running or starting, and 4 are) nor stop one (minimumHealthyPercent 100 % of 4 needs 4 healthy, and 4 are).`,
    );
  });

  it('says what a deployment waits for when it has nothing to do yet', () => {
    const starting = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a'].map((az) => inAz(az, { startedBy: next.id, lastStatus: 'PENDING', healthStatus: 'UNKNOWN' }));
    const p = plan([...olds(), ...starting], service);
    expect(p.actions).toEqual([]);
    expect(p.waiting).toMatch(/waits for 4 new tasks to count healthy\. minimumHealthyPercent 100 % of 4 needs 4 healthy; 4 are, 4 of them old, so no old task can stop until new ones take their place\.$/);
    expect(plan(AZS.map((az) => inAz(az))).waiting).toBeNull();
  });
});

describe('planService: zones that are down or short of capacity, and AZ rebalancing (spec §5.9)', () => {
  const planIn = (zones: string[], tasks: Task[], service = makeService()) =>
    planService({ service, tasks, now: NOW, availabilityZones: zones, taskDefinitions: makeTaskDefinition(true) });
  const rebalancing = (overrides: Parameters<typeof makeService>[0] = {}) =>
    makeService({ desiredCount: 4, availabilityZoneRebalancing: 'ENABLED', activeCauses: { steadyState: NOW - 60_000 }, ...overrides });

  it('places launches only in the zones it is given (those that are up), fewest first', () => {
    const p = planIn(['us-east-1a', 'us-east-1c'], [], makeService({ desiredCount: 3 }));
    expect(p.actions.map((a) => a.kind === 'launch' && a.availabilityZone)).toEqual(['us-east-1a', 'us-east-1c', 'us-east-1a']);
  });

  it('skips a zone where a launch just failed for capacity until its retry time, and waits when no zone is left', () => {
    const service = makeService({ desiredCount: 1, capacityFailures: [{ availabilityZone: 'us-east-1a', retryAt: NOW + 30_000 }] });
    expect(plan([], service).actions).toMatchObject([{ kind: 'launch', availabilityZone: 'us-east-1b' }]);
    const blocked = planIn(['us-east-1a'], [], service);
    expect(blocked).toMatchObject({ actions: [], wakeAt: NOW + 30_000 });
    expect(blocked.waiting).toMatch(/^Fargate had no capacity for this service's last launches in us-east-1a: the scheduler tries again at /);
    expect(planIn([], [], service).waiting).toMatch(/^Every Availability Zone is down/);
    expect(plan([], makeService({ desiredCount: 1, capacityFailures: [{ availabilityZone: 'us-east-1a', retryAt: NOW }] })).actions).toMatchObject([{ availabilityZone: 'us-east-1a' }]);
  });

  it('starts rebalancing only once steady state was reported: one launch in the emptiest zone', () => {
    const tasks = [inAz('us-east-1a'), inAz('us-east-1a'), inAz('us-east-1c'), inAz('us-east-1c')];
    const notYet = plan(tasks, rebalancing({ activeCauses: {} }));
    expect(notYet).toMatchObject({ actions: [], steady: true, rebalance: null, wakeAt: NOW + 1 });
    const p = plan(tasks, rebalancing());
    expect(p.rebalance).toEqual({ state: 'started', counts: [['us-east-1a', 2], ['us-east-1b', 0], ['us-east-1c', 2]] });
    // Two moves even them out (2, 0, 2 → 1, 1, 2): one start in us-east-1b now, one stop once it is healthy.
    expect(p.actions).toMatchObject([{ kind: 'launch', availabilityZone: 'us-east-1b', why: 'rebalance' }]);
    expect(p.steady).toBe(false);
    const big = plan([...Array(4)].flatMap(() => [inAz('us-east-1a'), inAz('us-east-1c')]), rebalancing({ desiredCount: 8 }));
    expect(big.actions.map((a) => a.kind === 'launch' && a.availabilityZone)).toEqual(['us-east-1b', 'us-east-1b']);
  });

  it('in progress: waits for the new task to count healthy, then stops one in the fullest zone, then completes', () => {
    const service = rebalancing({ rebalancingSince: NOW - 10_000 });
    const old = [inAz('us-east-1a'), inAz('us-east-1a'), inAz('us-east-1c'), inAz('us-east-1c')];
    const starting = inAz('us-east-1b', { lastStatus: 'PENDING', healthStatus: 'UNKNOWN' });
    const waiting = plan([...old, starting], service);
    expect(waiting).toMatchObject({ actions: [], rebalance: null });
    expect(waiting.waiting).toMatch(/^AZ rebalancing waits for .* to count healthy before it stops a task in us-east-1a/);
    const stop = plan([...old, inAz('us-east-1b')], service);
    expect(stop.actions).toMatchObject([{ kind: 'stop', cause: 'rebalance', task: { availabilityZone: 'us-east-1a' } }]);
    const done = plan([old[0]!, inAz('us-east-1b'), old[2]!, old[3]!], service);
    expect(done).toMatchObject({ actions: [], steady: true, rebalance: { state: 'completed', counts: [['us-east-1a', 1], ['us-east-1b', 1], ['us-east-1c', 2]] } });
  });

  it('is called off by a deployment; never starts when DISABLED or without room above desiredCount, and says why', () => {
    const tasks = [inAz('us-east-1a'), inAz('us-east-1a'), inAz('us-east-1c'), inAz('us-east-1c')];
    const next = makeDeployment({ id: 'ecs-svc/2', status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    const deploying = rebalancing({ rebalancingSince: NOW - 1000, deployments: [next, makeDeployment({ status: 'ACTIVE' })] });
    expect(plan(tasks, deploying).rebalance).toMatchObject({ state: 'abandoned' });
    const disabled = plan(tasks, rebalancing({ availabilityZoneRebalancing: 'DISABLED' }));
    expect(disabled).toMatchObject({ actions: [], steady: true, rebalance: null });
    expect(disabled.waiting).toMatch(/uneven across the Availability Zones that are up \(2 in us-east-1a, 0 in us-east-1b, 2 in us-east-1c\), and availabilityZoneRebalancing is DISABLED/);
    const noRoom = plan(tasks, rebalancing({ deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } } }));
    expect(noRoom.actions).toEqual([]);
    expect(noRoom.waiting).toMatch(/maximumPercent 100 % of 4 \(4\) leaves no room/);
  });
});
