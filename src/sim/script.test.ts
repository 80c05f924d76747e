import { describe, expect, it } from 'vitest';
import { parseScript } from './scriptParse.ts';
import { run, serviceMessagesOf } from './testing/run.ts';

describe('parseScript', () => {
  it('reads timed commands with task selectors', () => {
    const parsed = parseScript({ steps: [{ at: 30, type: 'stopTask', task: { service: 'web', pick: 'random' } }, { at: 60, type: 'updateService', service: 'web', desiredCount: 4 }] });
    expect(parsed).toEqual({
      ok: true,
      value: [
        { at: 30, command: { type: 'stopTask', task: { service: 'web', pick: 'random' } } },
        { at: 60, command: { type: 'updateService', service: 'web', desiredCount: 4 } },
      ],
    });
  });

  it.each([
    [{ steps: 'x' }, /a script is \{"steps": \[\.\.\.\]\}/],
    [{ steps: [{ type: 'stopTask', task: 'abc' }] }, /steps\[0\]: "at" must be a number/],
    [{ steps: [{ at: 1, type: 'explode' }] }, /steps\[0\]: unknown command type "explode"/],
    [{ steps: [{ at: 1, type: 'updateService', desiredCount: 3 }] }, /updateService needs "service"/],
    [{ steps: [{ at: 1, type: 'updateService', service: 'web', desiredCount: '3' }] }, /"desiredCount" must be a whole number/],
    [{ steps: [{ at: 1, type: 'stopTask', task: { servce: 'web' } }] }, /unknown field "servce"/],
    [{ steps: [{ at: 1, type: 'stopTask', task: 'x', colour: 'red' }] }, /stopTask has an unknown field "colour"/],
    [{ steps: [{ at: -5, type: 'stopTask', task: 'x' }] }, /"at" must be a number of seconds, 0 or more/],
  ])('rejects %j with a clear message', (raw, message) => {
    const parsed = parseScript(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });
});

describe('task selectors', () => {
  it('resolve when the step runs, and a step that matches nothing is logged, not thrown', () => {
    const { sim, log, advance } = run({
      scenario: 'twins',
      script: [{ at: 10, command: { type: 'stopTask', task: { service: 'nope' } } }],
    });
    advance(300);
    const rejected = log.filter((e) => e.type === 'CommandRejected');
    expect(rejected).toMatchObject([{ command: 'stopTask', message: 'No task matches the script\'s selector: a RUNNING task of service nope.' }]);
    expect(serviceMessagesOf(log, 'web').some((m) => m.startsWith('(service web) has started 1 tasks'))).toBe(true);
    expect(sim.world.services.get('web')!.runningCount).toBe(1);
  });
});
