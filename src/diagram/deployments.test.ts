import { describe, expect, it } from 'vitest';
import { Simulation, tasksOfService, webTaskDefinition, type Task } from '../sim/index.ts';
import { deploymentsView, deploymentTag, rolloutLabel, rolloutOf } from './deployments.ts';

const at = (scenario: string, seconds: number) => {
  const sim = Simulation.create({ seed: 1, scenario });
  sim.advanceTo(seconds * 1000);
  const service = sim.world.services.get('web')!;
  const tasks = tasksOfService(sim.world, 'web');
  const view = deploymentsView(service, tasks);
  const live = tasks.filter((t) => t.lastStatus !== 'STOPPED');
  const tags = (revision: number) => [...new Set(live.filter((t) => t.revision === revision).map((t) => deploymentTag(view, t)))];
  return { sim, service, tasks, view, rollout: rolloutOf(service, tasks, view), tags };
};

describe('rolloutOf and the deployment tags, through a rolling deployment', () => {
  it('at rest: COMPLETED, nothing to tell apart', () => {
    const { rollout, tags } = at('rolling', 80);
    expect(rollout).toEqual({ state: 'COMPLETED', stateText: 'COMPLETED', progress: 'web:1 — 4 of 4 running', deploying: false, stuck: false });
    expect(tags(1)).toEqual([null]);
  });

  it('while the new tasks start beside the old: IN_PROGRESS, new and old tagged by their revision', () => {
    const { rollout, tags } = at('rolling', 100);
    expect(rollout.state).toBe('IN_PROGRESS');
    expect(rollout.progress).toBe('web:2 — 0 of 4 running, 4 starting, 4 old running');
    expect(rollout.deploying).toBe(true);
    expect(tags(2)).toEqual(['new']);
    expect(tags(1)).toEqual(['old']);
    expect(rolloutLabel(rollout)).toBe('deployment IN_PROGRESS: web:2 — 0 of 4 running, 4 starting, 4 old running');
  });

  it('while the old tasks drain: the count of new ones running, and the old ones draining', () => {
    expect(at('rolling', 160).rollout.progress).toBe('web:2 — 4 of 4 running, 4 old draining');
  });

  it('COMPLETED once only the new deployment is listed; the old tasks keep their tag while they stop, then it goes', () => {
    const stopping = at('rolling', 200);
    expect(stopping.rollout.state).toBe('COMPLETED');
    expect(stopping.service.deployments).toHaveLength(1);
    expect(stopping.tags(1)).toEqual(['old']);
    const done = at('rolling', 240);
    expect(done.rollout).toMatchObject({ state: 'COMPLETED', progress: 'web:2 — 4 of 4 running', deploying: false });
    expect(done.tags(2)).toEqual([null]);
  });
});

describe('a rollback', () => {
  it('reads FAILED · rolling back; the bad revision stays "new" until its last task has stopped', () => {
    const failing = at('bad-deploy', 130);
    expect(failing.rollout.state).toBe('ROLLING_BACK');
    expect(failing.rollout.stateText).toBe('FAILED · rolling back');
    expect(failing.rollout.progress).toBe('to web:1 — 3 of 3 running, 3 new draining');
    expect(failing.tags(2)).toEqual(['new']);
    expect(failing.tags(1)).toEqual(['old']);
    // Completed again on web:1, the failed deployment off the list: its tasks are still "new".
    const after = at('bad-deploy', 160);
    expect(after.rollout.state).toBe('COMPLETED');
    expect(after.service.deployments.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
    expect(after.tags(2)).toEqual(['new']);
    expect(at('bad-deploy', 200).rollout).toMatchObject({ progress: 'web:1 — 3 of 3 running', deploying: false });
  });
});

describe('a stuck deployment', () => {
  it('says so when minimumHealthyPercent and maximumPercent leave no room (E16)', () => {
    const sim = Simulation.create({ seed: 1 });
    sim.advanceTo(80_000);
    expect(sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() }).outcome.ok).toBe(true);
    const outcome = sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { maximumPercent: 100 } }).outcome;
    expect(outcome.ok).toBe(true);
    sim.advanceBy(5_000);
    const service = sim.world.services.get('web')!;
    const rollout = rolloutOf(service, tasksOfService(sim.world, 'web'));
    expect(rollout).toMatchObject({ state: 'IN_PROGRESS', stuck: true, progress: 'web:2 — 0 of 3 running, 3 old running' });
    expect(rolloutLabel(rollout)).toMatch(/, stuck$/);
  });
});

describe('deploymentTag', () => {
  it('never tags a standalone task', () => {
    const { view, sim } = at('rolling', 100);
    const standalone = { ...[...sim.world.tasks.values()][0]!, serviceName: undefined } as unknown as Task;
    expect(deploymentTag(view, standalone)).toBeNull();
    expect(deploymentTag(undefined, [...sim.world.tasks.values()][0]!)).toBeNull();
  });
});

describe('rolloutOf after a deployment FAILED without rollback', () => {
  it('a new deployment then is IN_PROGRESS, not "rolling back"', () => {
    const td = webTaskDefinition('web', { kind: 'crash', afterSeconds: 5, exitCode: 1 });
    const sim = Simulation.create({
      seed: 1,
      scenario: {
        name: 't', title: '', description: '', script: [],
        setup: [
          { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() },
          { type: 'registerTaskDefinition', taskDefinition: td },
          { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() },
          { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } },
        ],
      },
    });
    sim.advanceTo(120_000);
    sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:2' });
    sim.advanceTo(400_000);
    expect(rolloutOf(sim.world.services.get('web')!, tasksOfService(sim.world, 'web'), deploymentsView(sim.world.services.get('web')!, tasksOfService(sim.world, 'web'))).state).toBe('FAILED');
    sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:3' });
    sim.advanceTo(410_000);
    const service = sim.world.services.get('web')!;
    const tasks = tasksOfService(sim.world, 'web');
    expect(rolloutOf(service, tasks, deploymentsView(service, tasks))).toMatchObject({ state: 'IN_PROGRESS', stateText: 'IN_PROGRESS' });
  });
});
