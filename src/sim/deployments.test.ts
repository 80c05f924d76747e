// Deployments (spec §5.5–§5.7): the rolling rules, row by row of the spec's worked examples; the
// circuit breaker and its rollback; the throttle reset; image digests; and the event fidelity
// issue 9 asks for. Every test runs the real engine from commands.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { webTaskDefinition } from './scenarios.ts';
import { circuitBreakerThreshold, countsHealthy } from './scheduler/plan.ts';
import { targetViewOf } from './loadBalancer.ts';
import { serviceMessages } from './serviceEvents.ts';
import type { AppBehaviour, Command, DeploymentConfigurationInput, ScriptStep, SimEvent, Task, TaskDefinitionInput } from './model/index.ts';

const revision = (image: string, app?: AppBehaviour): TaskDefinitionInput => webTaskDefinition('web', app, image);
const register = (taskDefinition: TaskDefinitionInput): Command => ({ type: 'registerTaskDefinition', taskDefinition });

type World = { desired: number; config?: DeploymentConfigurationInput; lb?: boolean; drainSeconds?: number; next?: AppBehaviour; script?: ScriptStep[]; firstApp?: AppBehaviour };

/** Service web on web:1 (steady after a minute), web:2 registered, optionally behind web-alb. */
function world({ desired, config, lb = false, drainSeconds = 20, next, script = [], firstApp }: World) {
  const setup: Command[] = [
    register(revision('public.ecr.aws/nginx/nginx:1.27', firstApp)),
    register(revision('public.ecr.aws/nginx/nginx:1.28', next)),
    ...(lb ? [{ type: 'createLoadBalancer', name: 'web-alb', targetGroup: { name: 'web-tg', deregistrationDelaySeconds: drainSeconds } } as const] : []),
    {
      type: 'createService',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: desired,
      ...(config ? { deploymentConfiguration: config } : {}),
      ...(lb ? { loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }] } : {}),
    },
    ...(lb ? [{ type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 20 } as const] : []),
  ];
  const sim = Simulation.create({ seed: 11, scenario: { name: 'test', title: '', description: '', setup, script } });
  const log: SimEvent[] = [...sim.setupEvents];
  return { sim, log, advanceTo: (s: number) => log.push(...sim.advanceTo(s * 1000)) };
}

const service = (sim: Simulation) => sim.world.services.get('web')!;
const primary = (sim: Simulation) => service(sim).deployments.find((d) => d.status === 'PRIMARY')!;
const live = (sim: Simulation) => [...sim.world.tasks.values()].filter((t) => t.serviceName === 'web' && t.desiredStatus === 'RUNNING');
const healthy = (sim: Simulation) => live(sim).filter((t) => countsHealthy(t, sim.now, sim.world.taskDefinitions, service(sim).loadBalancers.length ? new Map([[t.taskArn, targetViewOf(sim.world, t)]]) : null));
const messagesSince = (log: readonly SimEvent[], at: number) => log.flatMap((e) => (e.type === 'ServiceEvent' && e.at >= at * 1000 ? [e.message] : []));
/** Service events as [kind, count]: "started 4", "stopped 2", "completed", "steady", "stuck". */
const gist = (messages: readonly string[]) =>
  messages.flatMap((m) => {
    const n = /has (started|stopped) (\d+)/.exec(m);
    if (n) return [`${n[1]} ${n[2]}`];
    if (m.endsWith('deployment completed.')) return ['completed'];
    if (m.endsWith('has reached a steady state.')) return ['steady'];
    if (m.includes('was unable to stop or start tasks during a deployment')) return ['stuck'];
    return [];
  });

/** Deploy web:2 at 120 s (web:1 is steady by then) and watch, sampling every second. */
function deploy(w: World, until = 900) {
  const run = world({ ...w, script: [{ at: 120, command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } }] });
  run.advanceTo(119);
  expect(primary(run.sim).rolloutState).toBe('COMPLETED');
  const samples: { at: number; live: number; healthy: number }[] = [];
  for (let s = 120; s <= until; s++) {
    run.advanceTo(s);
    samples.push({ at: s, live: live(run.sim).length, healthy: healthy(run.sim).length });
  }
  return { ...run, samples, events: gist(messagesSince(run.log, 120)) };
}

describe('rolling deployments: the worked examples of spec §5.5 (desiredCount 4)', () => {
  it('min 100 / max 200 (the defaults): starts 4 new at once, stops old ones as new ones turn healthy, never below 4 healthy', () => {
    const { sim, samples, events } = deploy({ desired: 4 });
    expect(events).toEqual(['started 4', 'stopped 4', 'completed', 'steady']);
    expect(Math.max(...samples.map((s) => s.live))).toBe(8);
    expect(Math.min(...samples.map((s) => s.healthy))).toBeGreaterThanOrEqual(4);
    expect(service(sim).deployments).toMatchObject([{ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: expect.stringMatching(/web:2$/) }]);
  });

  it('min 50 / max 100: stops 2 old first, starts 2 new; then the other 2', () => {
    const { samples, events } = deploy({ desired: 4, config: { minimumHealthyPercent: 50, maximumPercent: 100 } });
    expect(events).toEqual(['stopped 2', 'started 2', 'stopped 2', 'started 2', 'completed', 'steady']);
    expect(Math.max(...samples.map((s) => s.live))).toBe(4);
    expect(Math.min(...samples.map((s) => s.healthy))).toBe(2);
  });

  it('min 100 / max 125: one at a time, four times', () => {
    const { samples, events } = deploy({ desired: 4, config: { minimumHealthyPercent: 100, maximumPercent: 125 } });
    expect(events).toEqual(['started 1', 'stopped 1', 'started 1', 'stopped 1', 'started 1', 'stopped 1', 'started 1', 'stopped 1', 'completed', 'steady']);
    expect(Math.max(...samples.map((s) => s.live))).toBe(5);
    expect(Math.min(...samples.map((s) => s.healthy))).toBeGreaterThanOrEqual(4);
  });

  it('min 0 / max 100: may stop all 4 old, then start 4 new (downtime)', () => {
    const { samples, events } = deploy({ desired: 4, config: { minimumHealthyPercent: 0, maximumPercent: 100 } });
    expect(events).toEqual(['stopped 4', 'started 4', 'completed', 'steady']);
    expect(Math.min(...samples.map((s) => s.healthy))).toBe(0);
  });

  it('min 100 / max 100: stuck — it can neither stop nor start, and says so once (E16)', () => {
    const { sim, log, samples } = deploy({ desired: 4, config: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    expect(messagesSince(log, 120)).toEqual([serviceMessages.unableToStopOrStart('web')]);
    expect(samples.every((s) => s.live === 4 && s.healthy === 4)).toBe(true);
    expect(primary(sim)).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 0 });
    expect(service(sim).deployments).toHaveLength(2);
  });

  it('desired 2 at min 75 %: ceil(1.5) = 2, so nothing old stops before 2 new are healthy', () => {
    const { samples, events } = deploy({ desired: 2, config: { minimumHealthyPercent: 75 } });
    expect(events).toEqual(['started 2', 'stopped 2', 'completed', 'steady']);
    expect(Math.min(...samples.map((s) => s.healthy))).toBeGreaterThanOrEqual(2);
  });

  it('desired 3 at max 125 %: floor(3.75) = 3, so nothing new can start — stuck', () => {
    const { events } = deploy({ desired: 3, config: { minimumHealthyPercent: 100, maximumPercent: 125 } });
    expect(events).toEqual(['stuck']);
  });

  it('a stuck deployment moves as soon as the configuration allows it', () => {
    const run = world({
      desired: 4,
      config: { minimumHealthyPercent: 100, maximumPercent: 100 },
      script: [
        { at: 120, command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } },
        { at: 200, command: { type: 'updateService', service: 'web', deploymentConfiguration: { maximumPercent: 200 } } },
      ],
    });
    run.advanceTo(600);
    expect(gist(messagesSince(run.log, 120))).toEqual(['stuck', 'started 4', 'stopped 4', 'completed', 'steady']);
    // Changing the configuration is not a deployment of its own.
    expect(run.log.filter((e) => e.type === 'DeploymentStateChanged' && e.eventName === 'SERVICE_DEPLOYMENT_IN_PROGRESS')).toHaveLength(2);
  });

  it('behind a load balancer, new tasks count only once healthy in the target group, and no request fails', () => {
    const { sim, log, samples, events } = deploy({ desired: 4, lb: true }, 900);
    expect(events).toEqual(['started 4', 'stopped 4', 'completed', 'steady']);
    expect(Math.min(...samples.map((s) => s.healthy))).toBeGreaterThanOrEqual(4);
    const during = sim.world.traffic.seconds.filter((s) => s.second >= 120);
    expect(during.reduce((n, s) => n + s.requests, 0)).toBeGreaterThan(10_000);
    expect(during.reduce((n, s) => n + s.requests - s.ok, 0)).toBe(0);
    // Old tasks: deregistered (E4), drained (E5, named by their own deployment) and only then stopped.
    const old = [...sim.world.tasks.values()].filter((t) => t.revision === 1);
    expect(old).toHaveLength(4);
    for (const t of old) expect(t).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: expect.stringMatching(/^Scaling activity initiated by \(deployment ecs-svc\/\d{19}\)$/) });
    const drained = messagesSince(log, 120).find((m) => m.includes('has begun draining'));
    expect(drained).toBe(serviceMessages.drainingConnections('web', old[0]!.startedBy, 4));
  });

  it('a deployment that starts before the old tasks count healthy does not stop them first: no outage', () => {
    // At 40 s the old tasks are RUNNING and their targets healthy, but their container check has
    // not reported HEALTHY yet, so none is counted healthy.
    const run = world({ desired: 3, lb: true, script: [{ at: 40, command: { type: 'updateService', service: 'web', forceNewDeployment: true } }] });
    run.advanceTo(39);
    expect(healthy(run.sim)).toHaveLength(0);
    run.advanceTo(600);
    expect(gist(messagesSince(run.log, 40))).toEqual(['started 3', 'stopped 3', 'completed', 'steady']);
    const after = run.sim.world.traffic.seconds.filter((s) => s.second >= 40);
    expect(after.reduce((n, s) => n + s.requests - s.ok, 0)).toBe(0);
  });

  it('a desiredCount change alone scales the current deployment; the same task definition again starts nothing', () => {
    const run = world({
      desired: 2,
      script: [
        { at: 120, command: { type: 'updateService', service: 'web', desiredCount: 3 } },
        { at: 200, command: { type: 'updateService', service: 'web', taskDefinition: 'web:1' } },
      ],
    });
    run.advanceTo(400);
    expect(service(run.sim).deployments).toHaveLength(1);
    expect(gist(messagesSince(run.log, 120))).toEqual(['started 1', 'steady']);
    expect(live(run.sim).every((t) => t.startedBy === primary(run.sim).id)).toBe(true);
  });
});

describe('the deployment circuit breaker (spec §5.6)', () => {
  it('threshold: half of desiredCount rounded up, at least 3, at most 200', () => {
    expect([1, 2, 4, 6, 7, 25, 399, 400, 1000].map(circuitBreakerThreshold)).toEqual([3, 3, 3, 3, 4, 13, 200, 200, 200]);
  });

  const breaker = { enable: true, rollback: true };

  it('stage 1: tasks that never reach RUNNING count; at the threshold the deployment FAILED and rolls back to the last COMPLETED one', () => {
    const { sim, log } = deploy({ desired: 1, config: { deploymentCircuitBreaker: breaker }, next: { kind: 'pullError' } }, 2400);
    const failedId = log.find((e) => e.type === 'DeploymentStateChanged' && e.eventName === 'SERVICE_DEPLOYMENT_FAILED');
    expect(failedId).toBeDefined();
    const firstId = log.find((e) => e.type === 'DeploymentStateChanged')!;
    const messages = messagesSince(log, 120);
    const failedAt = messages.indexOf(serviceMessages.deploymentFailed('web', (failedId as { deploymentId: string }).deploymentId));
    expect(messages[failedAt + 1]).toBe(serviceMessages.rollingBack('web', (firstId as { deploymentId: string }).deploymentId));
    // Three tasks of web:2 failed to start (the throttle spaced them out), then nothing more of it.
    const web2 = [...sim.world.tasks.values()].filter((t) => t.revision === 2);
    expect(web2).toHaveLength(3);
    expect(web2.every((t) => t.stopCode === 'TaskFailedToStart')).toBe(true);
    expect(service(sim).deployments).toMatchObject([{ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: expect.stringMatching(/web:1$/) }]);
    expect(messages.slice(-2)).toEqual([serviceMessages.deploymentCompleted('web', (firstId as { deploymentId: string }).deploymentId), serviceMessages.steadyState('web')]);
  });

  it('reports rolloutState and its reason in ECS\'s words along the way', () => {
    const run = world({ desired: 3, config: { deploymentCircuitBreaker: breaker }, next: { kind: 'crash', afterSeconds: 5, exitCode: 1 }, script: [{ at: 120, command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } }] });
    run.advanceTo(121);
    const next = primary(run.sim);
    expect(next).toMatchObject({ rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ${next.id} in progress.`, failedTasks: 0 });
    const old = service(run.sim).deployments.find((d) => d.status === 'ACTIVE')!;
    expect(old.rolloutState).toBe('COMPLETED');
    run.advanceTo(160);
    const failed = service(run.sim).deployments.find((d) => d.id === next.id)!;
    expect(failed).toMatchObject({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', failedTasks: 3 });
    expect(primary(run.sim)).toMatchObject({ id: old.id, rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${old.id}.` });
    expect(service(run.sim).deployments.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']); // as DescribeServices lists them
    // The old tasks served throughout: the rollback needs no new task.
    expect(live(run.sim).filter((t) => t.revision === 1)).toHaveLength(3);
  });

  it('stage 2: once a task is RUNNING, tasks failing their health checks count (then the rollback starts a task of the old revision)', () => {
    const { sim, log } = deploy({ desired: 1, config: { minimumHealthyPercent: 0, maximumPercent: 100, deploymentCircuitBreaker: breaker }, next: { kind: 'failHealthCheck', afterSeconds: 0 } }, 1500);
    const messages = messagesSince(log, 120);
    expect(messages.filter((m) => m.endsWith('failed container health checks.'))).toHaveLength(3);
    expect(messages.some((m) => m.includes('deployment failed: tasks failed to start.'))).toBe(true);
    expect(primary(sim)).toMatchObject({ rolloutState: 'COMPLETED', taskDefinition: expect.stringMatching(/web:1$/) });
  });

  it('without rollback, the FAILED deployment stays PRIMARY, launches nothing more, and the old tasks keep serving', () => {
    const { sim, log } = deploy({ desired: 3, config: { deploymentCircuitBreaker: { enable: true, rollback: false } }, next: { kind: 'crash', afterSeconds: 5, exitCode: 1 } }, 1200);
    const failedAt = log.find((e) => e.type === 'DeploymentStateChanged' && e.eventName === 'SERVICE_DEPLOYMENT_FAILED')!.at;
    expect(primary(sim)).toMatchObject({ rolloutState: 'FAILED' });
    expect([...sim.world.tasks.values()].filter((t) => t.revision === 2 && t.createdAt > failedAt)).toEqual([]);
    expect(live(sim).map((t) => t.revision)).toEqual([1, 1, 1]);
    expect(messagesSince(log, 120).some((m) => m.includes('rolling back'))).toBe(false);
  });

  it('without rollback the service still heals: tasks of the last completed deployment replace any that stop, and the FAILED one keeps its failedTasks', () => {
    const run = world({ desired: 3, config: { deploymentCircuitBreaker: { enable: true, rollback: false } }, next: { kind: 'crash', afterSeconds: 5, exitCode: 1 }, script: [{ at: 120, command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } }] });
    run.advanceTo(400);
    expect(primary(run.sim)).toMatchObject({ rolloutState: 'FAILED', failedTasks: 3 });
    for (const t of live(run.sim)) run.sim.dispatch({ type: 'crashContainer', task: t.taskArn, exitCode: 1 });
    run.advanceTo(900);
    expect(live(run.sim).map((t) => t.revision)).toEqual([1, 1, 1]);
    expect(healthy(run.sim)).toHaveLength(3);
    expect(primary(run.sim)).toMatchObject({ rolloutState: 'FAILED', failedTasks: 3 });
  });

  it('without rollback, a FAILED deployment\'s surviving tasks are scaled in to desiredCount, theirs first', () => {
    // desired 6: three new tasks crash at once and trip the breaker (threshold 3) while three more are still starting.
    const run = world({ desired: 6, config: { deploymentCircuitBreaker: { enable: true, rollback: false } } });
    run.advanceTo(120);
    run.sim.dispatch(register(revision('public.ecr.aws/nginx/nginx:1.29')));
    run.sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:3' });
    run.advanceTo(150);
    const fresh = live(run.sim).filter((t) => t.revision === 3 && t.lastStatus === 'RUNNING').slice(0, 3);
    for (const t of fresh) run.sim.dispatch({ type: 'crashContainer', task: t.taskArn, exitCode: 1 });
    run.advanceTo(1200);
    expect(primary(run.sim)).toMatchObject({ rolloutState: 'FAILED' });
    expect(live(run.sim)).toHaveLength(6);
    expect(live(run.sim).map((t) => t.revision)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('with no COMPLETED deployment to go back to, a failed deployment just stalls', () => {
    const run = world({ desired: 1, config: { deploymentCircuitBreaker: breaker }, firstApp: { kind: 'pullError' } });
    run.advanceTo(3600);
    expect(primary(run.sim)).toMatchObject({ rolloutState: 'FAILED', failedTasks: 3 });
    expect(service(run.sim).deployments).toHaveLength(1);
    expect([...run.sim.world.tasks.values()]).toHaveLength(3);
  });

  it('stops counting once a task of the deployment ran successfully: later failures never trip it', () => {
    const { sim, log } = deploy({ desired: 1, config: { deploymentCircuitBreaker: breaker }, next: { kind: 'crash', afterSeconds: 120, exitCode: 1 } }, 1500);
    expect(log.some((e) => e.type === 'DeploymentStateChanged' && e.eventName === 'SERVICE_DEPLOYMENT_FAILED')).toBe(false);
    expect(primary(sim)).toMatchObject({ failedTasks: 0, taskDefinition: expect.stringMatching(/web:2$/) });
  });
});

describe('services at the edges (found by the property tests)', () => {
  it('a deleted service with no task left to stop becomes INACTIVE, and its name is free again (spec §5.1)', () => {
    const run = world({ desired: 0 });
    run.advanceTo(60);
    expect(run.sim.dispatch({ type: 'deleteService', service: 'web' }).outcome.ok).toBe(true);
    expect(primary(run.sim).desiredCount).toBe(0);
    run.advanceTo(62);
    expect(service(run.sim).status).toBe('INACTIVE');
    expect(run.sim.dispatch({ type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 }).outcome.ok).toBe(true);
  });

  it('at desiredCount 1, minimum 100 % and maximum 100 %, an UNHEALTHY task is still replaced: stopped first, for want of room', () => {
    const run = world({ desired: 1, config: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    run.advanceTo(120);
    expect(run.sim.dispatch({ type: 'failHealthChecks', task: { service: 'web' } }).outcome.ok).toBe(true);
    run.advanceTo(1800);
    expect(live(run.sim).map((t) => t.healthStatus)).toEqual(['HEALTHY']);
    expect(gist(messagesSince(run.log, 120))).toEqual(['stopped 1', 'started 1', 'steady']);
  });

  it('checks a new health check interval against the timeout the group already has', () => {
    const run = world({ desired: 1, lb: true });
    const { outcome } = run.sim.dispatch({ type: 'modifyTargetGroup', targetGroup: 'web-tg', healthCheck: { intervalSeconds: 5 } });
    expect(outcome).toMatchObject({ ok: false, error: { message: 'timeoutSeconds must be smaller than intervalSeconds.' } });
  });
});

describe('the service throttle and updates (spec §5.7)', () => {
  it('updating a throttled service to a good revision lifts the throttle at once', () => {
    const run = world({ desired: 1, firstApp: { kind: 'pullError' } });
    run.advanceTo(600);
    const throttled = service(run.sim);
    expect(throttled.startFailures).toBeGreaterThanOrEqual(3);
    expect(throttled.throttledUntil).toBeGreaterThan(run.sim.now + 10_000);
    run.sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:2' });
    expect(service(run.sim)).toMatchObject({ startFailures: 0, throttledUntil: 0 });
    run.advanceTo(602);
    expect(live(run.sim).map((t) => t.revision)).toEqual([2]);
  });
});

describe('images: a revision is immutable, and a task keeps the digest it started with', () => {
  it('a push changes nothing running, nor a replacement, until a new deployment resolves the tag again', () => {
    const run = world({ desired: 2 });
    run.advanceTo(120);
    const before = live(run.sim)[0]!.containers[0]!.imageDigest;
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.sim.dispatch({ type: 'pushImage', image: 'public.ecr.aws/nginx/nginx:1.27' }).outcome.ok).toBe(true);
    const pushed = run.sim.world.images.get('public.ecr.aws/nginx/nginx:1.27')!.digest;
    expect(pushed).not.toBe(before);
    // A replacement belongs to the same deployment: same digest.
    run.sim.dispatch({ type: 'stopTask', task: live(run.sim)[0]!.taskArn });
    run.advanceTo(240);
    expect(live(run.sim).map((t) => t.containers[0]!.imageDigest)).toEqual([before, before]);
    // A standalone task resolves the tag when it launches.
    const ran = run.sim.dispatch({ type: 'runTask', taskDefinition: 'web:1' }).outcome;
    expect(ran.ok && run.sim.world.tasks.get(ran.taskArns![0]!)!.containers[0]!.imageDigest).toBe(pushed);
    // forceNewDeployment: same revision, new digest.
    run.sim.dispatch({ type: 'updateService', service: 'web', forceNewDeployment: true });
    run.advanceTo(600);
    expect(primary(run.sim)).toMatchObject({ rolloutState: 'COMPLETED', taskDefinition: expect.stringMatching(/web:1$/), containerImages: [{ containerName: 'web', imageDigest: pushed }] });
    expect(live(run.sim).filter((t) => t.serviceName).map((t) => t.containers[0]!.imageDigest)).toEqual([pushed, pushed]);
  });

  it('refuses to push to an image named by digest', () => {
    const run = world({ desired: 1 });
    const out = run.sim.dispatch({ type: 'pushImage', image: `nginx@sha256:${'a'.repeat(64)}` }).outcome;
    expect(out).toMatchObject({ ok: false, error: { message: expect.stringMatching(/names a digest/) } });
  });
});

describe('updateService checks everything before changing anything', () => {
  const cases: [string, Command, RegExp][] = [
    ['maximumPercent over 200', { type: 'updateService', service: 'web', deploymentConfiguration: { maximumPercent: 250 } }, /maximumPercent must be a whole number from 100 to 200/],
    ['minimumHealthyPercent negative', { type: 'updateService', service: 'web', deploymentConfiguration: { minimumHealthyPercent: -1 } }, /minimumHealthyPercent must be a whole number from 0 to 100/],
    ['a circuit breaker without rollback', { type: 'updateService', service: 'web', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true } as never } }, /needs both enable and rollback/],
    ['a misspelt field', { type: 'updateService', service: 'web', deploymentConfiguration: { maximumPercnt: 150 } as never }, /deploymentConfiguration has an unknown field "maximumPercnt"/],
    ['an inherited field name', { type: 'updateService', service: 'web', deploymentConfiguration: JSON.parse('{"__proto__": {"maximumPercent": 300}}') }, /unknown field "__proto__"|must be an object/],
    ['an unknown revision', { type: 'updateService', service: 'web', taskDefinition: 'web:9' }, /Unable to find task definition 'web:9'/],
    ['a fractional grace period', { type: 'updateService', service: 'web', healthCheckGracePeriodSeconds: 1.5 }, /healthCheckGracePeriodSeconds must be a whole number/],
    ['desiredCount as text', { type: 'updateService', service: 'web', desiredCount: '3' as never }, /desiredCount must be a whole number/],
  ];
  it.each(cases)('refuses %s, and the service is as it was', (_name, command, message) => {
    const run = world({ desired: 2 });
    run.advanceTo(60);
    const before = service(run.sim);
    const { outcome } = run.sim.dispatch(command);
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(service(run.sim)).toBe(before);
  });

  it('reports every problem at once, each by its field', () => {
    const run = world({ desired: 2 });
    const { outcome } = run.sim.dispatch({ type: 'updateService', service: 'web', desiredCount: -1, deploymentConfiguration: { maximumPercent: 300, minimumHealthyPercent: -5 } });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.fieldErrors?.map((f) => f.field)).toEqual(['desiredCount', 'deploymentConfiguration.maximumPercent', 'deploymentConfiguration.minimumHealthyPercent']);
  });

  it('refuses a revision whose container the load balancer cannot reach', () => {
    const run = world({ desired: 1, lb: true });
    run.sim.dispatch(register({ ...revision('nginx:1.28'), containerDefinitions: [{ name: 'app', image: 'nginx:1.28', portMappings: [{ containerPort: 8080 }] }] }));
    const { outcome } = run.sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:3' });
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(/the container name web is not in web:3/) } });
  });
});

describe('event fidelity (issue 9; spec §5.12, §12)', () => {
  const stopOne = (sim: Simulation) => sim.dispatch({ type: 'stopTask', task: live(sim)[0]!.taskArn });

  it('steady state comes while the stopped task still drains (sequence B), not after it stops', () => {
    const run = world({ desired: 2, lb: true, drainSeconds: 300 });
    run.advanceTo(120);
    const stopped = live(run.sim)[0]!;
    stopOne(run.sim);
    run.advanceTo(600);
    const steadyAt = run.log.find((e) => e.type === 'ServiceEvent' && e.at > 120_000 && e.message.endsWith('steady state.'))!.at;
    const drainedAt = run.log.find((e) => e.type === 'TargetHealthChanged' && e.taskArn === stopped.taskArn && e.state === 'unused')!.at;
    expect(steadyAt).toBeLessThan(drainedAt);
    expect(gist(messagesSince(run.log, 120))).toEqual(['started 1', 'steady']);
  });

  it('an unhealthy target is replaced first, then stopped, and steady state follows its deregistration (sequence C)', () => {
    const run = world({ desired: 2, lb: true, drainSeconds: 300 });
    run.advanceTo(120);
    const sick = live(run.sim)[0]!;
    run.sim.dispatch({ type: 'failHealthChecks', task: sick.taskArn });
    run.advanceTo(900);
    const kinds = messagesSince(run.log, 120).map((m) =>
      m.includes('has started') ? 'started' : m.includes('registered 1') && !m.includes('deregistered') ? 'registered' : m.includes('is unhealthy in') ? 'unhealthy'
        : m.includes('has stopped') ? 'stopped' : m.includes('deregistered') ? 'deregistered' : m.includes('begun draining') ? 'draining' : m.endsWith('steady state.') ? 'steady' : m,
    );
    expect(kinds).toEqual(['started', 'registered', 'unhealthy', 'stopped', 'deregistered', 'draining', 'steady']);
    const steadyAt = run.log.find((e) => e.type === 'ServiceEvent' && e.at > 120_000 && e.message.endsWith('steady state.'))!.at;
    const goneAt = run.log.find((e) => e.type === 'TargetHealthChanged' && e.taskArn === sick.taskArn && e.state === 'unused')!.at;
    expect(steadyAt).toBeLessThan(goneAt);
  });

  it('a scheduler stop reaches the load balancer about 10 s later (E2 → E4)', () => {
    const { log } = deploy({ desired: 1, lb: true });
    const e2 = log.find((e) => e.type === 'ServiceEvent' && e.message.includes('has stopped'))!.at;
    const e4 = log.find((e) => e.type === 'ServiceEvent' && e.message.includes('deregistered'))!.at;
    expect(e4 - e2).toBeGreaterThanOrEqual(10_000);
    expect(e4 - e2).toBeLessThanOrEqual(11_000);
  });

  it('an app that hangs fails its target with Target.Timeout ("Request timed out" in E8), clients get 504, and the replacement says why (E1 suffix)', () => {
    const run = world({ desired: 2, lb: true });
    run.advanceTo(120);
    const hung = live(run.sim)[0]!;
    expect(run.sim.dispatch({ type: 'hangContainer', task: hung.taskArn }).outcome.ok).toBe(true);
    const servedAtHang = run.sim.world.traffic.perTask.get(hung.taskArn)!.served;
    run.advanceTo(600);
    const messages = messagesSince(run.log, 120);
    const unhealthyAt = run.log.find((e) => e.type === 'TargetHealthChanged' && e.taskArn === hung.taskArn && e.state === 'unhealthy')!;
    expect(unhealthyAt).toMatchObject({ reason: 'Target.Timeout' });
    const started = run.log.find((e) => e.type === 'ServiceEvent' && e.at > unhealthyAt.at && e.message.includes('has started'))!;
    // The scheduler reacts some 35 s after the target turned unhealthy (spec §5.12 C).
    expect(started.at - unhealthyAt.at).toBeGreaterThanOrEqual(35_000);
    expect((started as { message: string }).message).toMatch(/^\(service web\) has started 1 tasks: \(task [0-9a-f]{32}\)\. Amazon ECS replaced 1 tasks due to an unhealthy status\.$/);
    expect(messages.some((m) => m.startsWith(`(service web) (task ${hung.taskId}) (port 80) is unhealthy in (target-group `) && m.endsWith('due to (reason Request timed out)'))).toBe(true);
    expect(run.sim.world.traffic.seconds.reduce((n, s) => n + s.status5xx['504'], 0)).toBeGreaterThan(0);
    // A hung app serves nothing: its count stops when it hangs, though requests still reach it.
    expect(run.sim.world.traffic.perTask.get(hung.taskArn)!.served).toBe(servedAtHang);
    expect(run.sim.world.tasks.get(hung.taskArn)).toMatchObject({ desiredStatus: 'STOPPED', stoppedReason: expect.stringMatching(/^Task failed ELB health checks in \(target-group /) });
  });

  it('when a hung task stops, its hung requests stay 504s: none is moved from ok to 502', () => {
    const run = world({ desired: 1, lb: true });
    run.advanceTo(120);
    const hung = live(run.sim)[0]!;
    run.sim.dispatch({ type: 'hangContainer', task: hung.taskArn });
    for (let s = 121; run.sim.world.tasks.get(hung.taskArn)!.containers[0]!.lastStatus === 'RUNNING'; s++) run.advanceTo(s);
    // The whole run fits the per-second window, so the totals must equal the seconds' sums: moving
    // a hung request from ok to 502 would take it from the total but not from any second's ok.
    const t = run.sim.world.traffic;
    expect(t.seconds[0]!.second).toBe(0);
    expect(t.total.ok).toBe(t.seconds.reduce((n, s) => n + s.ok, 0));
    expect(t.total.failed).toBe(t.seconds.reduce((n, s) => n + s.requests - s.ok, 0));
    expect(t.seconds.reduce((n, s) => n + s.status5xx['504'], 0)).toBeGreaterThan(0);
    expect(run.sim.world.traffic.perTask.get(hung.taskArn)!.inFlight).toEqual([]);
  });
});

/** Tasks by revision, for readable failures. */
export const revisions = (tasks: readonly Task[]) => tasks.map((t) => `${t.family}:${t.revision}`);
