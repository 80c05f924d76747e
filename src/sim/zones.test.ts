// Availability Zone outages and Fargate capacity shortages (issue 13; spec §5.3, §5.9, §5.11 E12,
// E19 and the rebalancing events, §4 RunTask failures). Every test runs the real engine from
// commands.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { webTaskDefinition } from './scenarios.ts';
import { parseScript } from './scriptParse.ts';
import { serviceEventGist, serviceMessages } from './serviceEvents.ts';
import { HOST_LOST } from './task.ts';
import { FARGATE_CAPACITY_FAILURE } from './placement.ts';
import type { AvailabilityZoneRebalancing, Command, ScriptStep, SimEvent, Task } from './model/index.ts';

const [A, B, C] = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

type Options = { desired?: number; rebalancing?: AvailabilityZoneRebalancing; job?: boolean; script?: ScriptStep[]; lb?: boolean };

/** Service web (desired 6 by default), and optionally a long-running standalone task of family job. */
function world({ desired = 6, rebalancing, job = false, script = [], lb = false }: Options = {}) {
  const setup: Command[] = [
    { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() },
    { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition('job') },
    ...(lb ? [{ type: 'createLoadBalancer', name: 'web-alb', targetGroup: { name: 'web-tg', deregistrationDelaySeconds: 20 } } as const] : []),
    {
      type: 'createService',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: desired,
      ...(rebalancing ? { availabilityZoneRebalancing: rebalancing } : {}),
      ...(lb ? { loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }] } : {}),
    },
    ...(job ? [{ type: 'runTask', taskDefinition: 'job:1', count: 3 } as const] : []),
  ];
  const sim = Simulation.create({ seed: 5, scenario: { name: 'zones', title: '', description: '', setup, script } });
  const log: SimEvent[] = [...sim.setupEvents];
  const dispatch = (command: Command) => {
    const r = sim.dispatch(command);
    log.push(...r.events);
    return r;
  };
  return { sim, log, dispatch, advanceTo: (s: number) => log.push(...sim.advanceTo(s * 1000)) };
}

const live = (sim: Simulation, service = 'web') => [...sim.world.tasks.values()].filter((t) => t.serviceName === service && t.desiredStatus === 'RUNNING');
const perZone = (tasks: readonly Task[]) => [A, B, C].map((az) => tasks.filter((t) => t.availabilityZone === az).length);
const messagesSince = (log: readonly SimEvent[], at: number) => log.flatMap((e) => (e.type === 'ServiceEvent' && e.at >= at * 1000 ? [e.message] : []));
/** Tasks launched (PROVISIONING) from `at` seconds, by zone. */
const launchedSince = (log: readonly SimEvent[], at: number) =>
  log.flatMap((e) => (e.type === 'TaskStateChanged' && e.lastStatus === 'PROVISIONING' && e.at >= at * 1000 ? [e.availabilityZone] : []));

describe('a zone goes down', () => {
  it('stops every task in it with its host: no exit code, the stop code and reason of a host that went away', () => {
    const w = world({ job: true });
    w.advanceTo(120);
    const inB = [...w.sim.world.tasks.values()].filter((t) => t.availabilityZone === B);
    expect(inB.length).toBe(3); // two of web, one of job
    expect(w.dispatch({ type: 'zoneOutage', availabilityZone: B }).outcome.ok).toBe(true);
    for (const before of inB) {
      const t = w.sim.world.tasks.get(before.taskArn)!;
      expect(t).toMatchObject({ desiredStatus: 'STOPPED', stopCode: HOST_LOST.stopCode, stoppedReason: HOST_LOST.stoppedReason });
      expect(t.containers.every((c) => c.lastStatus === 'STOPPED' && c.exitCode === null)).toBe(true);
    }
    expect(HOST_LOST).toEqual({ stopCode: 'InfrastructureHealth', stoppedReason: 'ECS is performing maintenance on the underlying infrastructure hosting the task' });
    w.advanceTo(240);
    for (const before of inB) expect(w.sim.world.tasks.get(before.taskArn)!.lastStatus).toBe('STOPPED');
    expect(w.log.find((e) => e.type === 'ZoneStateChanged')).toMatchObject({ availabilityZone: B, up: false, capacityShort: false });
  });

  it('the service replaces its tasks in the zones that are up, evenly, and launches nothing in the dead zone', () => {
    const w = world();
    w.advanceTo(120);
    expect(perZone(live(w.sim))).toEqual([2, 2, 2]);
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    w.advanceTo(400);
    expect(perZone(live(w.sim))).toEqual([3, 0, 3]);
    expect(launchedSince(w.log, 120).sort()).toEqual([A, C]);
    expect(live(w.sim).every((t) => t.lastStatus === 'RUNNING')).toBe(true);
    expect(messagesSince(w.log, 120)).toContain(serviceMessages.steadyState('web'));
  });

  it('the standalone task in the dead zone stays STOPPED, and nothing replaces it', () => {
    const w = world({ job: true });
    w.advanceTo(120);
    const jobs = () => [...w.sim.world.tasks.values()].filter((t) => t.family === 'job');
    const lost = jobs().find((t) => t.availabilityZone === B)!;
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    w.advanceTo(900);
    w.dispatch({ type: 'zoneRecovery', availabilityZone: B });
    w.advanceTo(1800);
    expect(jobs()).toHaveLength(3);
    expect(w.sim.world.tasks.get(lost.taskArn)).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'InfrastructureHealth' });
    expect(jobs().filter((t) => t.lastStatus === 'RUNNING').map((t) => t.availabilityZone).sort()).toEqual([A, C]);
  });

  it('RunTask never places a task in a zone that is down', () => {
    const w = world({ desired: 0 });
    w.dispatch({ type: 'zoneOutage', availabilityZone: A });
    const { outcome } = w.dispatch({ type: 'runTask', taskDefinition: 'job:1', count: 4 });
    expect(outcome).toMatchObject({ ok: true });
    const zones = (outcome.ok ? outcome.taskArns! : []).map((arn) => w.sim.world.tasks.get(arn)!.availabilityZone);
    expect(zones).toEqual([B, C, B, C]);
    expect(outcome.ok && outcome.failures).toBeFalsy();
  });

  it('behind a load balancer, the dead tasks are deregistered and drained, and the replacements registered', () => {
    const w = world({ lb: true });
    w.advanceTo(180);
    w.dispatch({ type: 'zoneOutage', availabilityZone: C });
    w.advanceTo(600);
    const tg = [...w.sim.world.targetGroups.values()][0]!;
    const targets = [...tg.targets.values()];
    expect(targets.every((t) => t.availabilityZone !== C)).toBe(true);
    expect(targets.filter((t) => t.state === 'healthy')).toHaveLength(6);
    expect(messagesSince(w.log, 180).some((m) => m.startsWith('(service web) deregistered 2 targets'))).toBe(true);
  });

  it('a zone that is down stays down through a checkpoint and a snapshot (the world holds the zone states)', () => {
    const w = world();
    w.advanceTo(60);
    const before = w.sim.checkpoint();
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    expect(before.zones.get(B)!.up).toBe(true);
    const snap = w.sim.snapshot();
    expect(snap.zones.get(B)).toMatchObject({ up: false });
    const resumed = Simulation.resume(before);
    resumed.advanceTo(300_000);
    expect(perZone(live(resumed))).toEqual([2, 2, 2]);
  });
});

describe('a zone comes back: AZ rebalancing (spec §5.9)', () => {
  const outageThenRecovery = (rebalancing?: AvailabilityZoneRebalancing) => {
    const w = world({ ...(rebalancing ? { rebalancing } : {}) });
    w.advanceTo(120);
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    w.advanceTo(600);
    w.dispatch({ type: 'zoneRecovery', availabilityZone: B });
    w.advanceTo(1800);
    return w;
  };

  it('ENABLED (the default for a new service): start in the emptiest zone what evens them out, then stop as many in the fullest, until even', () => {
    const w = outageThenRecovery();
    expect(w.sim.world.services.get('web')!.availabilityZoneRebalancing).toBe('ENABLED');
    expect(perZone(live(w.sim))).toEqual([2, 2, 2]);
    const messages = messagesSince(w.log, 600).map((m) => m.replace(/[0-9a-f]{32}/g, 'ID'));
    expect(messages).toEqual([
      '(service web) is not AZ balanced with 3 tasks in us-east-1a, 0 in us-east-1b, and 3 in us-east-1c. AZ Rebalancing in progress.',
      '(service web) has started 2 tasks in us-east-1b to AZ Rebalance: (task ID) (task ID).',
      '(service web) has stopped 1 running tasks in us-east-1a due to AZ rebalancing: (task ID).',
      '(service web) has stopped 1 running tasks in us-east-1c due to AZ rebalancing: (task ID).',
      '(service web) is AZ balanced with 2 tasks in us-east-1a, 2 tasks in us-east-1b, and 2 tasks in us-east-1c.',
      '(service web) has reached a steady state.',
    ]);
    // Each stop waits for the new task to be RUNNING and HEALTHY (DGnow:service-rebalancing).
    const at = (m: RegExp) => w.log.filter((e): e is Extract<SimEvent, { type: 'ServiceEvent' }> => e.type === 'ServiceEvent' && m.test(e.message));
    const starts = at(/to AZ Rebalance/);
    const stops = at(/due to AZ rebalancing/);
    const ids = [...starts[0]!.message.matchAll(/\(task ([0-9a-f]{32})\)/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const healthyAt = w.log.find((e) => e.type === 'TaskHealthChanged' && e.taskId === id && e.healthStatus === 'HEALTHY')!.at;
      for (const stop of stops) expect(stop.at).toBeGreaterThanOrEqual(healthyAt);
    }
    expect(w.sim.world.services.get('web')!.rebalancingSince).toBeUndefined();
  });

  it('the rebalancing events are counted as starts and stops by the views', () => {
    expect(serviceEventGist(serviceMessages.startedToRebalance('web', B, ['a'.repeat(32)]))).toEqual({ kind: 'started', count: 1 });
    expect(serviceEventGist(serviceMessages.stoppedToRebalance('web', A, ['b'.repeat(32)]))).toEqual({ kind: 'stopped', count: 1 });
  });

  it('DISABLED: the service stays lopsided, and the plan says why', () => {
    const w = outageThenRecovery('DISABLED');
    expect(perZone(live(w.sim))).toEqual([3, 0, 3]);
    expect(messagesSince(w.log, 600).some((m) => /AZ balanced|AZ Rebalanc/.test(m))).toBe(false);
    const waits = w.log.flatMap((e) => (e.type === 'SchedulerPlanned' && e.at >= 600_000 ? e.actions.filter((a) => a.action === 'wait').map((a) => a.reason) : []));
    expect(waits.some((r) => /uneven .*3 in us-east-1a, 0 in us-east-1b, 3 in us-east-1c.*DISABLED/.test(r))).toBe(true);
  });

  it('updateService may turn it on later (no deployment), and then the service rebalances', () => {
    const w = outageThenRecovery('DISABLED');
    const deployments = w.sim.world.services.get('web')!.deployments.map((d) => d.id);
    expect(w.dispatch({ type: 'updateService', service: 'web', availabilityZoneRebalancing: 'ENABLED' }).outcome.ok).toBe(true);
    expect(w.sim.world.services.get('web')!.deployments.map((d) => d.id)).toEqual(deployments);
    w.advanceTo(2400);
    expect(perZone(live(w.sim))).toEqual([2, 2, 2]);
  });

  it('updateService without the field keeps it; a bad value is refused', () => {
    const w = world({ rebalancing: 'DISABLED' });
    w.dispatch({ type: 'updateService', service: 'web', desiredCount: 3 });
    expect(w.sim.world.services.get('web')!.availabilityZoneRebalancing).toBe('DISABLED');
    const bad = w.dispatch({ type: 'updateService', service: 'web', availabilityZoneRebalancing: 'enabled' as AvailabilityZoneRebalancing });
    expect(bad.outcome).toMatchObject({ ok: false, error: { code: 'InvalidParameterException', message: "availabilityZoneRebalancing must be 'ENABLED' or 'DISABLED'." } });
    const created = w.dispatch({ type: 'createService', serviceName: 'x', taskDefinition: 'web:1', desiredCount: 1, availabilityZoneRebalancing: 'ON' as AvailabilityZoneRebalancing });
    expect(created.outcome.ok).toBe(false);
  });
});

describe('Fargate capacity shortages', () => {
  it("a service's launch in a zone without capacity fails with E12; it tries the other zones, and that one again later", () => {
    const w = world({ desired: 3 });
    w.advanceTo(120);
    w.dispatch({ type: 'capacityShortage', availabilityZone: B });
    const inB = live(w.sim).find((t) => t.availabilityZone === B)!;
    w.dispatch({ type: 'stopTask', task: inB.taskArn });
    w.advanceTo(300);
    const messages = messagesSince(w.log, 120);
    expect(messages).toContain(serviceMessages.capacityUnavailable('web'));
    expect(serviceMessages.capacityUnavailable('web')).toBe(
      '(service web) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.',
    );
    expect(launchedSince(w.log, 120)).toHaveLength(1);
    expect(launchedSince(w.log, 120)[0]).not.toBe(B);
    expect(live(w.sim)).toHaveLength(3);
    // The shortage ends: rebalancing moves a task back to B.
    w.dispatch({ type: 'capacityRecovery', availabilityZone: B });
    w.advanceTo(900);
    expect(perZone(live(w.sim))).toEqual([1, 1, 1]);
  });

  it('a tick whose launches partly fail says how many could not launch (E19), next to E1 for those that did', () => {
    const w = world({ desired: 3 });
    w.advanceTo(120);
    w.dispatch({ type: 'capacityShortage', availabilityZone: C });
    w.dispatch({ type: 'updateService', service: 'web', desiredCount: 6 });
    w.advanceTo(125);
    const deployment = w.sim.world.services.get('web')!.deployments[0]!.id;
    const messages = messagesSince(w.log, 120);
    expect(messages.find((m) => m.includes('has started'))).toMatch(/^\(service web\) has started 2 tasks: /);
    expect(messages).toContain(serviceMessages.capacityUnavailable('web'));
    expect(messages).toContain(`(service web) could not launch 1 tasks for deployment ${deployment}.`);
    w.advanceTo(400);
    expect(live(w.sim)).toHaveLength(6);
    expect(perZone(live(w.sim))[2]).toBe(1);
  });

  it('with no capacity anywhere, the service waits and says so; E12 is not repeated while the cause lasts', () => {
    const w = world({ desired: 2 });
    w.dispatch({ type: 'capacityShortage' });
    w.advanceTo(600);
    expect(live(w.sim)).toHaveLength(0);
    expect(messagesSince(w.log, 0).filter((m) => m === serviceMessages.capacityUnavailable('web'))).toHaveLength(1);
    const waits = w.log.flatMap((e) => (e.type === 'SchedulerPlanned' ? e.actions.filter((a) => a.action === 'wait').map((a) => a.reason) : []));
    expect(waits.some((r) => r.startsWith('Fargate had no capacity'))).toBe(true);
    w.dispatch({ type: 'capacityRecovery' });
    w.advanceTo(900);
    expect(live(w.sim).filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(2);
  });

  it('RunTask with no capacity in any zone it may use: HTTP 200, no tasks, a RESOURCE:FARGATE failure for each', () => {
    const w = world({ desired: 0 });
    w.dispatch({ type: 'capacityShortage', availabilityZone: A });
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    w.dispatch({ type: 'capacityShortage', availabilityZone: C });
    const { outcome, events } = w.dispatch({ type: 'runTask', taskDefinition: 'job:1', count: 2 });
    expect(outcome).toEqual({ ok: true, taskArns: [], failures: [FARGATE_CAPACITY_FAILURE, FARGATE_CAPACITY_FAILURE] });
    expect(FARGATE_CAPACITY_FAILURE.reason).toBe('RESOURCE:FARGATE');
    expect(events.filter((e) => e.type === 'TaskStateChanged')).toEqual([]);
  });

  it('RunTask with one zone short places its tasks in the others', () => {
    const w = world({ desired: 0 });
    w.dispatch({ type: 'capacityShortage', availabilityZone: A });
    const { outcome } = w.dispatch({ type: 'runTask', taskDefinition: 'job:1', count: 2 });
    const zones = (outcome.ok ? outcome.taskArns! : []).map((arn) => w.sim.world.tasks.get(arn)!.availabilityZone);
    expect(zones).toEqual([B, C]);
  });

  it('a fault given a duration ends by itself', () => {
    const w = world({ desired: 3 });
    w.advanceTo(120);
    w.dispatch({ type: 'zoneOutage', availabilityZone: A, durationSeconds: 300 });
    w.dispatch({ type: 'capacityShortage', availabilityZone: C, durationSeconds: 60 });
    w.advanceTo(419);
    expect(w.sim.world.zones.get(A)!.up).toBe(false);
    expect(w.sim.world.zones.get(C)!.capacityShort).toBe(false);
    w.advanceTo(420);
    expect(w.sim.world.zones.get(A)!.up).toBe(true);
    w.advanceTo(1200);
    expect(perZone(live(w.sim))).toEqual([1, 1, 1]);
  });
});

describe('zone fault commands are checked before anything changes', () => {
  it.each([
    [{ type: 'zoneOutage', availabilityZone: 'us-east-1z' }, 'InvalidParameterException', /no Availability Zone us-east-1z.*us-east-1a, us-east-1b, us-east-1c/],
    [{ type: 'zoneOutage', availabilityZone: '__proto__' }, 'InvalidParameterException', /no Availability Zone __proto__/],
    [{ type: 'zoneRecovery', availabilityZone: A }, 'InvalidStateException', /already up/],
    [{ type: 'capacityRecovery' }, 'InvalidStateException', /not short of capacity/],
    [{ type: 'zoneOutage', availabilityZone: A, durationSeconds: 0 }, 'InvalidParameterException', /durationSeconds/],
    [{ type: 'capacityShortage', durationSeconds: 1.5 }, 'InvalidParameterException', /durationSeconds/],
  ] as [Command, string, RegExp][])('%o is refused', (command, code, message) => {
    const w = world({ desired: 3 });
    w.advanceTo(60);
    const before = w.sim.snapshot();
    const { outcome, events } = w.dispatch(command);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe(code);
      expect(outcome.error.message).toMatch(message);
    }
    expect(events).toEqual([]);
    expect(w.sim.snapshot()).toEqual(before);
  });

  it('a second outage of a zone that is down is refused, and so is a shortage where there is one', () => {
    const w = world({ desired: 0 });
    w.dispatch({ type: 'zoneOutage', availabilityZone: B });
    expect(w.dispatch({ type: 'zoneOutage', availabilityZone: B }).outcome).toMatchObject({ ok: false, error: { message: 'us-east-1b is already down.' } });
    w.dispatch({ type: 'capacityShortage' });
    expect(w.dispatch({ type: 'capacityShortage', availabilityZone: A }).outcome.ok).toBe(false);
  });

  it('scripts take the new commands, and name a misspelt field', () => {
    const parsed = parseScript({
      steps: [
        { at: 600, command: { type: 'zoneOutage', availabilityZone: 'us-east-1b' } },
        { at: 900, command: { type: 'capacityShortage', durationSeconds: 120 } },
        { at: 1200, command: { type: 'zoneRecovery', availabilityZone: 'us-east-1b' } },
      ].map((s) => ({ at: s.at, ...s.command })),
    });
    expect(parsed.ok).toBe(true);
    const bad = parseScript({ steps: [{ at: 1, type: 'zoneOutage', zone: 'us-east-1b' }] });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toMatch(/zoneOutage needs "availabilityZone"/);
    const run = world({ desired: 3, script: parsed.ok ? parsed.value : [] });
    run.advanceTo(700);
    expect(run.sim.world.zones.get(B)!.up).toBe(false);
  });
});
