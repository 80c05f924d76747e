// The UI's enabled/disabled rules must agree with the engine: an enabled action is accepted, a
// disabled one rejected. Checked on every task of worlds in many states.

import { describe, expect, it } from 'vitest';
import { Simulation, type ScriptCommand, type Task } from '../../sim/index.ts';
import { taskActions, type TaskActionName } from './availability.ts';

const commandFor: Record<Exclude<TaskActionName, 'scale' | 'loadBalancer'>, (t: Task) => ScriptCommand> = {
  stop: (t) => ({ type: 'stopTask', task: t.taskArn }),
  crash: (t) => ({ type: 'crashContainer', task: t.taskArn, exitCode: 1 }),
  oom: (t) => ({ type: 'oomKillContainer', task: t.taskArn }),
  failHealth: (t) => ({ type: 'failHealthChecks', task: t.taskArn }),
  hang: (t) => ({ type: 'hangContainer', task: t.taskArn }),
};

describe('taskActions', () => {
  for (const scenario of ['default', 'crash-loop', 'unhealthy', 'bad-image', 'bad-deploy']) {
    it(`agrees with the engine on every task of "${scenario}" as it runs`, () => {
      const sim = Simulation.create({ seed: 5, scenario });
      let checked = 0;
      for (let second = 0; second < 400; second += 7) {
        sim.advanceTo(second * 1000);
        if (second === 70) {
          const victim = [...sim.world.tasks.values()].find((t) => t.desiredStatus === 'RUNNING');
          if (victim) sim.dispatch({ type: 'stopTask', task: victim.taskArn });
        }
        const snapshot = sim.snapshot();
        for (const task of [...sim.world.tasks.values()]) {
          const actions = taskActions(sim.world, task);
          for (const name of Object.keys(commandFor) as (keyof typeof commandFor)[]) {
            const outcome = Simulation.restore(snapshot).dispatch(commandFor[name](task)).outcome;
            expect(outcome.ok, `${name} on ${task.taskId} (${task.lastStatus}/${task.desiredStatus}) at ${second}s`).toBe(actions[name].enabled);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(50);
      // Hundreds of restores: seconds on a busy two-core CI machine.
    }, 30_000);
  }

  it('explains why a standalone task cannot be scaled or replaced', () => {
    const sim = Simulation.create({ seed: 5 });
    const report = [...sim.world.tasks.values()].find((t) => t.family === 'report')!;
    expect(taskActions(sim.world, report).scale).toEqual({
      enabled: false,
      reason: 'A standalone task was started by you, not by a service: nothing scales it, and nothing replaces it if it stops.',
    });
  });
});
