import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/index.ts';
import { announcement, narrate } from './narration.ts';

describe('narrate', () => {
  it('tells a stopped service task, its replacement and the steady state, in order', () => {
    const sim = Simulation.create({ seed: 2, scenario: 'basic' });
    sim.advanceBy(120_000);
    const victim = [...sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    const events = [...sim.dispatch({ type: 'stopTask', task: victim.taskArn }).events, ...sim.advanceBy(180_000)];
    const lines = narrate(events);
    const id = victim.taskId.slice(0, 8);
    const stoppedAt = lines.indexOf(`Task ${id} (of service web) stopped: UserInitiated.`);
    const started = lines.indexOf('Service web started 1 task.');
    const steady = lines.lastIndexOf('Service web reached a steady state.');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(stoppedAt).toBeGreaterThan(started); // the replacement starts before the old task is gone
    expect(steady).toBeGreaterThan(started);
    expect(lines.some((l) => /^Task [0-9a-f]{8} \(of service web\) is running in us-east-1[abc]\.$/.test(l))).toBe(true);
  });

  it('says nothing for a health check that passes quietly', () => {
    const sim = Simulation.create({ seed: 2 });
    sim.advanceBy(120_000);
    expect(narrate(sim.advanceBy(60_000))).toEqual([]);
  });
});

describe('announcement', () => {
  it('keeps a burst short', () => {
    expect(announcement(['a.', 'b.'])).toBe('a. b.');
    expect(announcement(['a.', 'b.', 'c.', 'd.', 'e.'])).toBe('a. b. c. And 2 more changes.');
  });
});
