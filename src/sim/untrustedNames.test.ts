// Names a user chooses that are also the names of Object.prototype's members. With plain objects
// keyed by them, "constructor" as a load balancer made every request fail and a family
// "__proto__" reused an ARN. Each must either work (AWS accepts it) or be refused with a message
// a person can act on — and leave the rest of the world working.

import { describe, expect, it } from 'vitest';
import { parseCommand, parseScript } from './scriptParse.ts';
import { webTaskDefinition } from './scenarios.ts';
import { Simulation } from './simulation.ts';
import { liveTasksOf, run, tasksWhere } from './testing/run.ts';
import type { Command, ScriptCommand, World } from './model/index.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

const register = (family: string): Command => ({ type: 'registerTaskDefinition', taskDefinition: webTaskDefinition(family) });
const rejection = (sim: Simulation, command: ScriptCommand) => {
  const { outcome } = sim.dispatch(command);
  return outcome.ok ? null : outcome.error;
};

/** Nothing leaked onto the prototype every plain object shares. */
function expectPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ['desiredCount', 'serviceName', 'family', 'targets', 'loadBalancerArn', 'served']) expect(probe[key]).toBeUndefined();
}

/** Service web (behind web-alb in the default scene) still heals and its traffic still succeeds. */
function expectDefaultSceneHealthy(sim: Simulation): void {
  const web = liveTasksOf(sim, 'web');
  expect(web.filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(3);
  expect(sim.world.services.get('web')).toMatchObject({ runningCount: 3, pendingCount: 0 });
  const lastMinute = sim.world.traffic.seconds.slice(-61, -1);
  expect(lastMinute.reduce((n, s) => n + s.requests, 0)).toBeGreaterThan(1000);
  expect(lastMinute.every((s) => s.ok === s.requests)).toBe(true);
}

const stopOneWebTask = (sim: Simulation) => expect(sim.dispatch({ type: 'stopTask', task: { service: 'web' } }).outcome.ok).toBe(true);

describe.each(NAMES)('the name %s', (name) => {
  it('is a legal service name: the service runs, heals and scales, and so do the others', () => {
    const { sim, advance } = run();
    expect(rejection(sim, { type: 'createService', serviceName: name, taskDefinition: 'web:1', desiredCount: 2 })).toBeNull();
    advance(120);
    expect(sim.world.services.get(name)).toMatchObject({ serviceName: name, status: 'ACTIVE', runningCount: 2 });
    expect(liveTasksOf(sim, name).every((t) => t.group === `service:${name}`)).toBe(true);
    // A selector naming the service finds its tasks; stopping one gets it replaced.
    expect(rejection(sim, { type: 'stopTask', task: { service: name, pick: 'random' } })).toBeNull();
    stopOneWebTask(sim);
    advance(120);
    expect(sim.world.services.get(name)!.runningCount).toBe(2);
    expect(rejection(sim, { type: 'updateService', service: name, desiredCount: 3 })).toBeNull();
    expect(rejection(sim, { type: 'createService', serviceName: name, taskDefinition: 'web:1', desiredCount: 1 })?.message).toMatch(
      `a service named ${name} already exists (ACTIVE)`,
    );
    advance(120);
    expect(sim.world.services.get(name)!.runningCount).toBe(3);
    expect(rejection(sim, { type: 'deleteService', service: name, force: true })).toBeNull();
    advance(600);
    expect(sim.world.services.get(name)!.status).toBe('INACTIVE');
    expectDefaultSceneHealthy(sim);
    expectPrototypeClean();
  });

  it('is refused as a service that does not exist, for every command that names one', () => {
    const sim = Simulation.create({ seed: 1 });
    const before = sim.snapshot();
    expect(rejection(sim, { type: 'updateService', service: name, desiredCount: 1 })).toEqual({ code: 'ServiceNotFoundException', message: `Service not found: ${name}.` });
    expect(rejection(sim, { type: 'deleteService', service: name, force: true })).toEqual({ code: 'ServiceNotFoundException', message: `Service not found: ${name}.` });
    expect(rejection(sim, { type: 'stopTask', task: { service: name, pick: 'random' } })?.message).toBe(`No task matches the script's selector: a RUNNING task of service ${name}.`);
    expect(sim.snapshot()).toEqual(before);
  });

  it('is a legal family: revisions 1 and 2 with distinct ARNs, both runnable', () => {
    const { sim, advance } = run();
    const first = sim.dispatch(register(name)).outcome;
    const second = sim.dispatch(register(name)).outcome;
    expect(first).toEqual({ ok: true, taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}:1` });
    expect(second).toEqual({ ok: true, taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}:2` });
    expect(sim.world.familyRevisions.get(name)).toBe(2);
    expect(rejection(sim, { type: 'runTask', taskDefinition: `${name}:1` })).toBeNull();
    expect(rejection(sim, { type: 'runTask', taskDefinition: name })).toBeNull(); // the latest: revision 2
    expect(rejection(sim, { type: 'createService', serviceName: 'svc', taskDefinition: name, desiredCount: 1 })).toBeNull();
    advance(60);
    const standalone = tasksWhere(sim, (t) => t.family === name && t.serviceName === undefined);
    expect(standalone.map((t) => t.revision).sort()).toEqual([1, 2]);
    expect(standalone.every((t) => t.group === `family:${name}`)).toBe(true);
    // A selector naming the family finds them.
    expect(rejection(sim, { type: 'crashContainer', task: { family: name, standalone: true, pick: 'newest' } })).toBeNull();
    expect(rejection(sim, { type: 'deregisterTaskDefinition', taskDefinition: `${name}:1` })).toBeNull();
    expect(rejection(sim, { type: 'runTask', taskDefinition: `${name}:1` })?.message).toMatch(`${name}:1 was deregistered`);
    expect(rejection(sim, { type: 'runTask', taskDefinition: `${name}:3` })?.message).toMatch(`Unable to find task definition '${name}:3'`);
    advance(120);
    expect(sim.world.services.get('svc')!.runningCount).toBe(1);
    stopOneWebTask(sim);
    advance(120);
    expectDefaultSceneHealthy(sim);
    expectPrototypeClean();
  });

  it('is refused as a family or task definition that does not exist', () => {
    const sim = Simulation.create({ seed: 1 });
    expect(rejection(sim, { type: 'runTask', taskDefinition: name })?.message).toBe(`Unable to find task definition '${name}'. Register it first.`);
    expect(rejection(sim, { type: 'createService', serviceName: 'x', taskDefinition: name, desiredCount: 1 })?.code).toBe('ClientException');
    expect(rejection(sim, { type: 'deregisterTaskDefinition', taskDefinition: `${name}:1` })?.code).toBe('ClientException');
    expect(rejection(sim, { type: 'stopTask', task: { family: name } })?.message).toBe(`No task matches the script's selector: a RUNNING task of family ${name}.`);
  });

  it('is refused as a task ID, by every command that takes one', () => {
    const sim = Simulation.create({ seed: 1 });
    sim.advanceBy(60_000);
    const before = sim.snapshot();
    for (const type of ['stopTask', 'crashContainer', 'oomKillContainer', 'failHealthChecks'] as const)
      expect(rejection(sim, { type, task: name })).toEqual({ code: 'InvalidParameterException', message: `The referenced task was not found: ${name}.` });
    expect(sim.snapshot()).toEqual(before);
  });

  it('as a load balancer or target group that does not exist is refused, and traffic goes on', () => {
    const { sim, advance } = run();
    advance(60);
    const before = sim.snapshot();
    expect(rejection(sim, { type: 'setTraffic', loadBalancer: name, ratePerSecond: 50 })).toEqual({ code: 'InvalidParameterException', message: `There is no load balancer ${name}.` });
    expect(rejection(sim, { type: 'modifyTargetGroup', targetGroup: name, deregistrationDelaySeconds: 5 })?.message).toBe(`There is no target group ${name}.`);
    expect(rejection(sim, { type: 'createService', serviceName: 'api', taskDefinition: 'web:1', desiredCount: 1, loadBalancers: [{ targetGroup: name, containerName: 'web', containerPort: 80 }] })?.message).toMatch(
      `there is no target group ${name}`,
    );
    expect(sim.snapshot()).toEqual(before);
    stopOneWebTask(sim);
    advance(120);
    expectDefaultSceneHealthy(sim);
  });

  it('as a load balancer or target group name is accepted where the ALB accepts it (letters, digits, hyphens)', () => {
    const { sim, advance } = run({ scenario: 'basic' });
    const legal = /^[A-Za-z0-9-]+$/.test(name);
    const created = rejection(sim, { type: 'createLoadBalancer', name, targetGroup: { name: `${name.replace(/_/g, '')}-tg` } });
    if (!legal) {
      expect(created?.message).toBe('A load balancer name has up to 32 letters, numbers and hyphens, and cannot begin or end with a hyphen.');
      expect(rejection(sim, { type: 'createLoadBalancer', name: 'alb', targetGroup: { name } })?.message).toBe('A target group name has up to 32 letters, numbers and hyphens.');
      return;
    }
    expect(created).toBeNull();
    expect(rejection(sim, { type: 'createLoadBalancer', name: 'alb', targetGroup: { name } })).toBeNull();
    expect(rejection(sim, { type: 'createService', serviceName: 'api', taskDefinition: 'web:1', desiredCount: 2, loadBalancers: [{ targetGroup: name, containerName: 'web', containerPort: 80 }] })).toBeNull();
    expect(rejection(sim, { type: 'modifyTargetGroup', targetGroup: name, deregistrationDelaySeconds: 5 })).toBeNull();
    expect(rejection(sim, { type: 'setTraffic', loadBalancer: 'alb', ratePerSecond: 20 })).toBeNull();
    advance(180);
    const tg = [...sim.world.targetGroups.values()].find((g) => g.targetGroupName === name)!;
    expect([...tg.targets.values()].map((t) => t.state)).toEqual(['healthy', 'healthy']);
    const lastMinute = sim.world.traffic.seconds.slice(-61, -1);
    expect(lastMinute.every((s) => s.requests > 0 && s.ok === s.requests)).toBe(true);
    // The load balancer named like a prototype member is an ordinary one too.
    expect(rejection(sim, { type: 'setTraffic', loadBalancer: name, ratePerSecond: 5 })).toBeNull();
    expect(sim.world.traffic.loadBalancerArn).toBe([...sim.world.loadBalancers.values()].find((lb) => lb.loadBalancerName === name)!.loadBalancerArn);
    expectPrototypeClean();
  });

  it('is not a command type, nor a field of one, in a script', () => {
    expect(parseScript({ steps: [{ at: 1, type: name }] })).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^steps\\[0\\]: unknown command type "${name}" \\(known: registerTaskDefinition, `)) });
    // As JSON.parse makes it: "__proto__" is then an own field, not the prototype.
    const extra = JSON.parse(`{"at": 1, "type": "stopTask", "task": "abc", "${name}": 1}`) as unknown;
    expect(parseScript({ steps: [extra] })).toEqual({ ok: false, error: `steps[0]: stopTask has an unknown field "${name}" (it takes task, reason)` });
    const selector = JSON.parse(`{"type": "stopTask", "task": {"service": "web", "${name}": 1}}`) as unknown;
    expect(parseCommand(selector)).toEqual({ ok: false, error: `stopTask: task selector has an unknown field "${name}" (known: service, family, standalone, lastStatus, pick)` });
    // A field found only on the prototype is not there.
    const inherited = Object.assign(Object.create({ task: 'abc', [name]: 1 }) as object, { type: 'stopTask' });
    expect(parseCommand(inherited)).toEqual({ ok: false, error: 'stopTask needs "task"' });
  });

  it('in a script works end to end: parsed, scheduled and applied like any other name', () => {
    const parsed = parseScript({
      steps: [
        { at: 0, type: 'registerTaskDefinition', taskDefinition: webTaskDefinition(name) },
        { at: 0, type: 'registerTaskDefinition', taskDefinition: webTaskDefinition(name) },
        { at: 1, type: 'createService', serviceName: name, taskDefinition: `${name}:2`, desiredCount: 2 },
        { at: 90, type: 'stopTask', task: { service: name, family: name, pick: 'random' } },
        { at: 95, type: 'setTraffic', loadBalancer: name, ratePerSecond: 100 },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const { sim, log, advance } = run({ script: parsed.value });
    advance(240);
    expect(log.filter((e) => e.type === 'CommandRejected')).toEqual([
      expect.objectContaining({ command: 'setTraffic', message: `There is no load balancer ${name}.` }),
    ]);
    expect(log.filter((e) => e.type === 'TaskStateChanged' && e.group === `service:${name}` && e.stopCode === 'UserInitiated' && e.lastStatus === 'STOPPED')).toHaveLength(1);
    expect(sim.world.services.get(name)).toMatchObject({ runningCount: 2, taskDefinition: expect.stringMatching(`task-definition/${name}:2$`) });
    expectDefaultSceneHealthy(sim);
  });
});

describe('the world after a run full of such names', () => {
  it('snapshots and restores like any other (the Maps survive structuredClone)', () => {
    const sim = Simulation.create({ seed: 3 });
    for (const name of NAMES) {
      sim.dispatch(register(name));
      sim.dispatch({ type: 'createService', serviceName: name, taskDefinition: name, desiredCount: 1 });
    }
    sim.advanceBy(90_000);
    const restored = Simulation.restore(sim.snapshot());
    const world: World = restored.world;
    expect([...world.services.keys()]).toEqual(['web', ...NAMES]);
    expect([...world.familyRevisions.keys()]).toEqual(['web', 'report', ...NAMES]);
    restored.advanceBy(60_000);
    sim.advanceBy(60_000);
    expect(restored.world).toEqual(sim.world);
  });
});
