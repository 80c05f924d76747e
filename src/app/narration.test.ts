import { describe, expect, it } from 'vitest';
import { Simulation, webTaskDefinition } from '../sim/index.ts';
import { announcement, narrate } from './narration.ts';

describe('narrate', () => {
  it('tells a stopped service task, its replacement and the steady state, in order', () => {
    const sim = Simulation.create({ seed: 2, scenario: 'basic' });
    sim.advanceBy(120_000);
    const victim = [...sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    const events = [...sim.dispatch({ type: 'stopTask', task: victim.taskArn }).events, ...sim.advanceBy(180_000)];
    const lines = narrate(events);
    const id = victim.taskId.slice(0, 8);
    const stoppedAt = lines.indexOf(`Task ${id} of service web stopped (UserInitiated).`);
    const started = lines.findIndex((l) => /^Service web saw 2 of 3 tasks running or starting and started one in us-east-1[abc]\.$/.test(l));
    const steady = lines.lastIndexOf('Service web reached a steady state.');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(stoppedAt).toBeGreaterThan(started); // the replacement starts before the old task is gone
    expect(steady).toBeGreaterThan(started);
    expect(lines.some((l) => /^Task [0-9a-f]{8} of service web is running in us-east-1[abc]\.$/.test(l))).toBe(true);
  });

  it('says why nothing replaces a task you ran yourself', () => {
    const sim = Simulation.create({ seed: 2, scenario: 'basic' });
    const lines = narrate(sim.advanceBy(300_000));
    const job = [...sim.world.tasks.values()].find((t) => t.family === 'report')!;
    expect(lines).toContain(
      `report's task ${job.taskId.slice(0, 8)} stopped (EssentialContainerExited: Essential container in task exited). Nothing replaces it: a task you run yourself has no service watching it.`,
    );
  });

  it('says a new service started its tasks, across the zones', () => {
    const sim = Simulation.create({ seed: 2, scenario: 'basic' });
    expect(narrate([...sim.setupEvents, ...sim.advanceBy(2_000)])).toContain('Service web saw 0 of 3 tasks running or starting and started 3 in us-east-1a, us-east-1b and us-east-1c.');
  });

  it('says a replacement for an unhealthy task starts before it stops', () => {
    const sim = Simulation.create({ seed: 2, scenario: 'unhealthy' });
    const lines = narrate(sim.advanceBy(400_000));
    expect(lines.some((l) => /^Service web started a replacement for unhealthy task [0-9a-f]{8} in us-east-1[abc], before stopping it\.$/.test(l))).toBe(true);
  });

  it('says nothing for a health check that passes quietly', () => {
    const sim = Simulation.create({ seed: 2 });
    sim.advanceBy(120_000);
    expect(narrate(sim.advanceBy(60_000))).toEqual([]);
  });
});

describe('narrate a deployment', () => {
  it('says it started, failed, rolled back and completed, in plain words and in order', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'bad-deploy' });
    sim.advanceTo(80_000);
    const lines = narrate(sim.advanceTo(200_000)).filter((l) => /deploy|rolling back/.test(l));
    expect(lines).toEqual([
      'Service web started deploying web:2.',
      'Service web started 3 tasks of its new deployment (3 of desiredCount 3).',
      "Service web's deployment of web:2 failed: the circuit breaker tripped, tasks failed to start.",
      'Service web is rolling back to web:1.',
      'Service web finished deploying web:1: the deployment completed.',
    ]);
  });

  it('says a push changes nothing that runs', () => {
    const sim = Simulation.create({ seed: 1 });
    const { events } = sim.dispatch({ type: 'pushImage', image: 'public.ecr.aws/nginx/nginx:1.27' });
    expect(narrate(events)).toEqual([expect.stringMatching(/^A new build of public\.ecr\.aws\/nginx\/nginx:1\.27 was pushed \(sha256:[0-9a-f]{12}\)\. Running tasks keep the image they started with\.$/)]);
  });

  it('says a deployment is stuck', () => {
    const sim = Simulation.create({ seed: 1 });
    sim.advanceTo(80_000);
    sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() });
    sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { maximumPercent: 100 } });
    expect(narrate(sim.advanceBy(5_000))).toContain("Service web's deployment is stuck: minimumHealthyPercent and maximumPercent leave no room to start or stop a task.");
  });
});

describe('announcement', () => {
  it('keeps a burst short', () => {
    expect(announcement(['a.', 'b.'])).toBe('a. b.');
    expect(announcement(['a.', 'b.', 'c.', 'd.', 'e.'])).toBe('a. b. c. And 2 more changes.');
  });
});
