// The load balancer and traffic (spec §6): registration, ALB health checks, draining, routing,
// and what clients see while the service heals.

import { describe, expect, it } from 'vitest';
import { RUN_TASK_NO_LOAD_BALANCER } from './commands.ts';
import { REASON_DESCRIPTIONS } from './loadBalancer.ts';
import { serviceMessages } from './serviceEvents.ts';
import { Simulation } from './simulation.ts';
import { liveTasksOf, run, serviceMessagesOf, tasksWhere } from './testing/run.ts';
import type { SimEvent, TargetGroup, TrafficSecond, World } from './model/index.ts';

const tg = (world: World): TargetGroup => [...world.targetGroups.values()][0]!;
const seconds = (world: World, from: number, to: number) => world.traffic.seconds.filter((s) => s.second >= from && s.second < to);
const sum = (list: TrafficSecond[], pick: (s: TrafficSecond) => number) => list.reduce((n, s) => n + pick(s), 0);
/** From the task's target starting to drain to the task's SIGTERM (it enters STOPPING), in ms. */
const drainTime = (log: SimEvent[], taskArn: string) =>
  log.find((e) => e.type === 'TaskStateChanged' && e.taskArn === taskArn && e.lastStatus === 'STOPPING')!.at -
  log.find((e) => e.type === 'TargetHealthChanged' && e.taskArn === taskArn && e.state === 'draining')!.at;
const failures = (s: TrafficSecond) => s.status5xx['500'] + s.status5xx['502'] + s.status5xx['503'];

describe('the default scene: service web behind web-alb, 20 requests a second', () => {
  it('registers the tasks that start together in one event (E3), and sends traffic only once the targets are healthy', () => {
    const { sim, log, advance } = run();
    advance(120);
    const web = liveTasksOf(sim, 'web');
    const group = tg(sim.world);
    expect([...group.targets.keys()].sort()).toEqual(web.map((t) => t.taskArn).sort());
    expect([...group.targets.values()].every((t) => t.state === 'healthy' && t.port === 80 && /^10\.0\.\d+\.\d+$/.test(t.id))).toBe(true);
    // The three tasks were launched together, so they reached RUNNING and were registered together.
    expect(serviceMessagesOf(log, 'web').filter((m) => m.startsWith('(service web) registered'))).toEqual([
      serviceMessages.registeredTargets('web', 3, group.targetGroupArn),
    ]);
    // The scene starts warm: the clients start sending at 40 s, once every target is healthy, so
    // no request meets a 503 (and none was sent before).
    const lastHealthy = Math.max(...log.flatMap((e) => (e.type === 'TargetHealthChanged' && e.state === 'healthy' ? [e.at] : [])));
    const trafficStarts = log.find((e) => e.type === 'TrafficChanged' && e.ratePerSecond > 0)!.at;
    expect(lastHealthy).toBeLessThan(trafficStarts);
    expect(sum(seconds(sim.world, 0, trafficStarts / 1000), (s) => s.requests)).toBe(0);
    const after = seconds(sim.world, trafficStarts / 1000, 120);
    expect(sum(after, (s) => s.requests)).toBeGreaterThan(1000);
    expect(sum(after, failures)).toBe(0);
    // Round robin spreads the requests evenly.
    const served = web.map((t) => sim.world.traffic.perTask.get(t.taskArn)!.served);
    expect(Math.max(...served) - Math.min(...served)).toBeLessThan(0.2 * Math.max(...served));
    // The standalone job never joins the load balancer.
    const report = tasksWhere(sim, (t) => t.family === 'report')[0]!;
    expect(group.targets.get(report.taskArn)).toBeUndefined();
    expect(sim.world.traffic.perTask.get(report.taskArn)).toBeUndefined();
  });

  it('gives a new task no traffic until its first passing health check', () => {
    const { sim, log, advance } = run();
    advance(120);
    sim.dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    let newcomer: string | undefined;
    for (let s = 0; s < 120; s++) {
      log.push(...sim.advanceBy(1000));
      newcomer ??= liveTasksOf(sim, 'web').find((t) => !tg(sim.world).targets.has(t.taskArn) || tg(sim.world).targets.get(t.taskArn)!.state !== 'healthy')?.taskArn;
      if (!newcomer) continue;
      const target = tg(sim.world).targets.get(newcomer);
      const served = sim.world.traffic.perTask.get(newcomer)?.served ?? 0;
      if (target?.state !== 'healthy') expect(served).toBe(0);
    }
    expect(tg(sim.world).targets.get(newcomer!)!.state).toBe('healthy');
    expect(sim.world.traffic.perTask.get(newcomer!)!.served).toBeGreaterThan(0);
  });

  it('stopping a target: deregister (E4), drain (E5), SIGTERM only after the 300 s delay — and no failed request', () => {
    const { sim, log, advance } = run();
    advance(120);
    const victim = liveTasksOf(sim, 'web')[0]!;
    const mark = log.length;
    sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    advance(2);
    const group = tg(sim.world);
    expect(sim.world.tasks.get(victim.taskArn)!.lastStatus).toBe('DEACTIVATING');
    expect(group.targets.get(victim.taskArn)).toMatchObject({ state: 'draining', reason: 'Target.DeregistrationInProgress' });
    const deployment = sim.world.services.get('web')!.deployments[0]!.id;
    expect(serviceMessagesOf(log.slice(mark), 'web').slice(0, 3)).toEqual([
      serviceMessages.deregisteredTargets('web', 1, group.targetGroupArn),
      serviceMessages.drainingConnections('web', deployment, 1),
      serviceMessages.started('web', [liveTasksOf(sim, 'web').find((t) => t.createdAt > victim.createdAt)!.taskId]),
    ]);
    const servedAtDrain = sim.world.traffic.perTask.get(victim.taskArn)!.served;
    advance(290);
    expect(sim.world.tasks.get(victim.taskArn)!.lastStatus).toBe('DEACTIVATING'); // still draining
    expect(sim.world.traffic.perTask.get(victim.taskArn)!.served).toBe(servedAtDrain); // no new requests
    advance(100);
    const stopped = sim.world.tasks.get(victim.taskArn)!;
    expect(drainTime(log, victim.taskArn)).toBe(300_000);
    expect(stopped.lastStatus).toBe('STOPPED');
    expect(tg(sim.world).targets.get(victim.taskArn)).toBeUndefined();
    expect(sim.world.traffic.total.failed - sum(seconds(sim.world, 0, 60), failures)).toBe(0);
  });

  it('honours a shorter deregistration delay set on the target group', () => {
    const { sim, log, advance } = run();
    advance(120);
    expect(sim.dispatch({ type: 'modifyTargetGroup', targetGroup: 'web-tg', deregistrationDelaySeconds: 10 }).outcome.ok).toBe(true);
    const victim = liveTasksOf(sim, 'web')[0]!;
    sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    advance(15);
    expect(drainTime(log, victim.taskArn)).toBe(10_000);
  });

  it('a crashed target costs a few failed requests, then everything succeeds again', () => {
    const { sim, advance } = run();
    advance(120);
    const victim = liveTasksOf(sim, 'web')[1]!;
    sim.dispatch({ type: 'crashContainer', task: victim.taskArn, exitCode: 1 });
    advance(120);
    const during = seconds(sim.world, 120, 125);
    expect(sum(during, failures)).toBeGreaterThan(0);
    expect(sum(during, failures)).toBeLessThanOrEqual(15);
    expect(sum(seconds(sim.world, 126, 240), failures)).toBe(0);
  });

  it('with every task stopped, clients get 503 until a replacement passes its check', () => {
    const { sim, advance } = run();
    advance(120);
    for (const t of liveTasksOf(sim, 'web')) sim.dispatch({ type: 'stopTask', task: t.taskArn });
    advance(300);
    const list = seconds(sim.world, 122, 420);
    const firstOk = list.find((s) => s.ok > 0)!;
    expect(sum(list.filter((s) => s.second < firstOk.second), (s) => s.status5xx['503'])).toBeGreaterThan(100);
    expect(sum(list.filter((s) => s.second > firstOk.second + 1), failures)).toBe(0);
    // The replacements registered, passed one check, and took the traffic.
    expect([...tg(sim.world).targets.values()].filter((t) => t.state === 'healthy')).toHaveLength(3);
  });

  it('fails open when every registered target is unhealthy: requests still reach them (500s, not 503s)', () => {
    const { sim, log, advance } = run();
    advance(120);
    for (const t of liveTasksOf(sim, 'web')) sim.dispatch({ type: 'failHealthChecks', task: t.taskArn });
    let sawFailOpen = false;
    for (let s = 0; s < 200; s++) {
      log.push(...sim.advanceBy(1000));
      const targets = [...tg(sim.world).targets.values()].filter((t) => t.state !== 'draining');
      if (targets.length && targets.every((t) => t.state === 'unhealthy')) {
        const last = sim.world.traffic.seconds.at(-2)!;
        if (last.requests > 0 && last.status5xx['500'] === last.requests) sawFailOpen = true;
        expect(last.status5xx['503']).toBe(0);
      }
    }
    expect(sawFailOpen).toBe(true);
  });

  it('replaces a task that fails its ELB health checks first, then stops it with E8 and the ELB reason', () => {
    const { sim, log, advance } = run();
    advance(120);
    const sick = liveTasksOf(sim, 'web')[2]!;
    const mark = log.length;
    sim.dispatch({ type: 'failHealthChecks', task: sick.taskArn });
    advance(240);
    const group = tg(sim.world);
    const messages = serviceMessagesOf(log.slice(mark), 'web');
    const e8 = serviceMessages.unhealthyInTargetGroup('web', sick.taskId, 80, group.targetGroupArn, REASON_DESCRIPTIONS['Target.ResponseCodeMismatch']);
    expect(e8).toBe(`(service web) (task ${sick.taskId}) (port 80) is unhealthy in (target-group ${group.targetGroupArn}) due to (reason Health checks failed with these codes: [500])`);
    const started = messages.findIndex((m) => m.startsWith('(service web) has started 1 tasks'));
    expect(started).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf(e8)).toBeGreaterThan(started); // replacement first
    expect(sim.world.tasks.get(sick.taskArn)).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: `Task failed ELB health checks in (target-group ${group.targetGroupArn})`,
    });
  });

  it('ignores an unhealthy target inside the health check grace period', () => {
    const { sim, advance } = run({
      scenario: {
        name: 'grace', title: '', description: '', script: [],
        setup: [
          { type: 'registerTaskDefinition', taskDefinition: { family: 'web', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }] } },
          { type: 'createLoadBalancer', name: 'alb', targetGroup: { name: 'tg' } },
          { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, healthCheckGracePeriodSeconds: 600, loadBalancers: [{ targetGroup: 'tg', containerName: 'web', containerPort: 80 }] },
        ],
      },
    });
    advance(90);
    const [task] = liveTasksOf(sim, 'web');
    sim.dispatch({ type: 'failHealthChecks', task: task!.taskArn });
    advance(200);
    expect(tg(sim.world).targets.get(task!.taskArn)!.state).toBe('unhealthy');
    expect(sim.world.tasks.get(task!.taskArn)!.desiredStatus).toBe('RUNNING'); // ECS ignores it for now
    advance(400); // the grace period (from startedAt) is over
    expect(sim.world.tasks.get(task!.taskArn)!.desiredStatus).toBe('STOPPED');
  });
});

describe('what the engine refuses', () => {
  it('puts no standalone task behind a load balancer: RunTask has no such parameter', () => {
    const sim = Simulation.create({ seed: 1 });
    const { outcome } = sim.dispatch({ type: 'runTask', taskDefinition: 'web:1', loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }] });
    expect(outcome).toEqual({ ok: false, error: { code: 'InvalidParameterException', message: RUN_TASK_NO_LOAD_BALANCER } });
  });

  it('checks a service\'s container name and port against its task definition', () => {
    const sim = Simulation.create({ seed: 1 });
    const bad = (containerName: string, containerPort: number) =>
      sim.dispatch({ type: 'createService', serviceName: 'api', taskDefinition: 'web:1', desiredCount: 1, loadBalancers: [{ targetGroup: 'web-tg', containerName, containerPort }] }).outcome;
    expect(bad('nginx', 80)).toMatchObject({ ok: false, error: { message: 'loadBalancers[0] (web-tg): the container name nginx is not in web:1 (it has web).' } });
    expect(bad('web', 8080)).toMatchObject({ ok: false, error: { message: 'loadBalancers[0] (web-tg): container web of web:1 does not map port 8080 (it maps 80).' } });
    expect(sim.world.services.get('api')).toBeUndefined();
  });

  it('keeps health check settings within the ALB\'s ranges', () => {
    const sim = Simulation.create({ seed: 1 });
    const modify = (healthCheck: object) => sim.dispatch({ type: 'modifyTargetGroup', targetGroup: 'web-tg', healthCheck }).outcome;
    expect(modify({ intervalSeconds: 3 })).toMatchObject({ ok: false, error: { message: 'intervalSeconds must be a whole number from 5 to 300.' } });
    expect(modify({ unhealthyThresholdCount: 11 })).toMatchObject({ ok: false, error: { message: 'unhealthyThresholdCount must be a whole number from 2 to 10.' } });
    expect(modify({ intervalSeconds: 10, healthyThresholdCount: 2 })).toEqual({ ok: true });
    expect(tg(sim.world).healthCheck).toMatchObject({ intervalSeconds: 10, healthyThresholdCount: 2, timeoutSeconds: 5, unhealthyThresholdCount: 2, matcher: '200' });
  });
});

describe('traffic is deterministic', () => {
  it('gives the same requests, outcomes and targets for the same seed, however time is sliced', () => {
    const a = Simulation.create({ seed: 9 });
    const b = Simulation.create({ seed: 9 });
    a.advanceTo(400_000);
    for (let t = 0; t < 400_000; t += 333) b.advanceTo(t);
    b.advanceTo(400_000);
    expect(b.snapshot().traffic).toEqual(a.snapshot().traffic);
    const restored = Simulation.restore(a.snapshot());
    a.advanceBy(100_000);
    restored.advanceBy(100_000);
    expect(restored.snapshot()).toEqual(a.snapshot());
  });
});

describe('routing (property)', () => {
  it('never picks a draining, initial or unregistered target, and an unhealthy one only when failing open', async () => {
    const fc = (await import('fast-check')).default;
    const { chooseTarget } = await import('./traffic.ts');
    const states = ['initial', 'healthy', 'unhealthy', 'draining', 'unused'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...states), { maxLength: 12 }),
        fc.constantFrom('round_robin' as const, 'least_outstanding_requests' as const),
        fc.nat(1000),
        fc.array(fc.nat(20), { minLength: 12, maxLength: 12 }),
        (list, algorithm, cursor, loads) => {
          const targets = new Map(
            list.map((state, i) => [`task${i}`, { id: `10.0.0.${i}`, port: 80, taskArn: `task${i}`, serviceName: 'web', availabilityZone: 'a', state, registeredAt: 0, consecutiveSuccesses: 0, consecutiveFailures: 0 }]),
          );
          const chosen = chooseTarget({ targets, algorithm }, cursor, (arn) => loads[Number(arn.slice(4))]!);
          const anyHealthy = list.includes('healthy');
          const anyUnhealthy = list.includes('unhealthy');
          if (!anyHealthy && !anyUnhealthy) return chosen === null; // → 503
          if (algorithm === 'least_outstanding_requests' && chosen) {
            const wanted = anyHealthy ? 'healthy' : 'unhealthy';
            const least = Math.min(...list.flatMap((st, i) => (st === wanted ? [loads[i]!] : [])));
            if (loads[Number(chosen.taskArn.slice(4))] !== least) return false;
          }
          if (anyHealthy) return chosen?.state === 'healthy';
          return chosen?.state === 'unhealthy'; // fail-open
        },
      ),
      { numRuns: 2000 },
    );
  });
});
