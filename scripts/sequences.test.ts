// Real ECS event sequences (spec §5.12), replayed through the headless runner. Each fixture in
// fixtures/sequences is a script (`npm run sim -- --scenario empty --script <file>`) and the
// service events a real service produced in the same situation, copied from the spec. Ids
// differ, so both sides are masked the same way: each task, deployment and target group becomes
// a number in order of first appearance — which still checks which task or deployment each event
// names (the draining taskSet is the old deployment, the completed one the new).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = join(process.cwd(), 'fixtures/sequences');

/** Replace ids by their order of appearance, per kind. */
export function mask(messages: readonly string[]): string[] {
  const seen = new Map<string, Map<string, number>>();
  const id = (kind: string, raw: string) => {
    const ids = seen.get(kind) ?? new Map<string, number>();
    seen.set(kind, ids);
    if (!ids.has(raw)) ids.set(raw, ids.size + 1);
    return `${kind}${ids.get(raw)}`;
  };
  return messages.map((m) =>
    m
      .replace(/^\(service [^,)]+/, '(service S')
      .replace(/\(task ([^)]+)\)/g, (_, t: string) => `(task ${id('T', t)})`)
      .replace(/ecs-svc\/[A-Za-z0-9_]+/g, (d) => id('D', d))
      .replace(/\(target-group ([^)]+)\)/g, (_, g: string) => `(target-group ${id('G', g)})`),
  );
}

/** The service events the runner prints after the script's updateService. */
function runFixture(name: string): string[] {
  const { stdout, status, stderr } = spawnSync(tsx, ['scripts/sim.ts', '--scenario', 'empty', '--seed', '7', '--duration', '1800', '--script', join(dir, `${name}.script.json`)], { encoding: 'utf8' });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; message?: string });
  const from = events.findIndex((e) => e.type === 'ServiceUpdated');
  expect(from).toBeGreaterThan(0);
  return events.slice(from).flatMap((e) => (e.type === 'ServiceEvent' ? [e.message!] : []));
}

const expected = (name: string) => readFileSync(join(dir, `${name}.expected.txt`), 'utf8').trim().split('\n');

describe('real event sequences (spec §5.12)', () => {
  it('A: a rolling deployment behind a load balancer gives exactly the real sequence', () => {
    expect(mask(runFixture('A-rolling-deployment'))).toEqual(mask(expected('A-rolling-deployment')));
  });

  it('D: a bad deployment ends the way the real one did — the last failure, the breaker, the rollback', () => {
    const ours = runFixture('D-circuit-breaker-rollback');
    const real = mask(expected('D-circuit-breaker-rollback'));
    // The real excerpt starts at the task that tripped the breaker: find it as a run of our events.
    const windows = ours.map((_, i) => mask(ours.slice(i, i + real.length)));
    expect(windows).toContainEqual(real);
    // And after the rollback only its own progress: the deployment rolled back to completes.
    const all = mask(ours);
    const rolledBackTo = /rolling back to deployment (D\d+)\./.exec(all.find((m) => m.includes('rolling back'))!)![1];
    expect(all.slice(-2)).toEqual([`(service S) (deployment ${rolledBackTo}) deployment completed.`, '(service S) has reached a steady state.']);
    expect(all.find((m) => m.includes('deployment failed'))).not.toContain(`(deployment ${rolledBackTo})`);
  });

  it('masks ids by order of appearance, so a different id in the same place still differs', () => {
    expect(mask(['(service a) has started 1 tasks: (task x).', '(service a) has stopped 1 running tasks: (task y).'])).not.toEqual(
      mask(['(service a) has started 1 tasks: (task x).', '(service a) has stopped 1 running tasks: (task x).']),
    );
  });
});
