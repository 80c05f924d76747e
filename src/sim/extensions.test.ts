// The schedule mechanic loads with its first use (extensions.ts). This file does not import
// src/sim/schedules.ts (vitest gives each test file its own modules), so here it is not loaded.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { reportTaskDefinition } from './sceneParts.ts';

describe('a schedule command without its mechanic', () => {
  it('fails loudly, naming the module to import, rather than being refused (which would make a log mean two things)', () => {
    const sim = Simulation.create({ seed: 1, scenario: { name: 'x', title: '', description: '', setup: [{ type: 'registerTaskDefinition', taskDefinition: reportTaskDefinition }], script: [] } });
    expect(() => sim.dispatch({ type: 'createSchedule', name: 'nightly', scheduleExpression: 'rate(5 minutes)', target: { taskDefinition: 'report' } })).toThrow(/import src\/sim\/schedules\.ts/);
  });

  it('leaves every other command as it was', async () => {
    const sim = Simulation.create({ seed: 1, scenario: { name: 'x', title: '', description: '', setup: [{ type: 'registerTaskDefinition', taskDefinition: reportTaskDefinition }], script: [] } });
    expect(sim.dispatch({ type: 'runTask', taskDefinition: 'report' }).outcome.ok).toBe(true);
    sim.advanceTo(10 * 60_000);
    await import('./schedules.ts');
    expect(sim.dispatch({ type: 'createSchedule', name: 'nightly', scheduleExpression: 'rate(5 minutes)', target: { taskDefinition: 'report' } }).outcome).toEqual({ ok: true });
  });
});
