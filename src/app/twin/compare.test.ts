// The sentences per fault, against real sessions of the two scenes: each part must say what the
// engine did on that side (the task's own id, its exit code, the replacement the scheduler really
// started and why), and change when the engine's story does.

import { describe, expect, it } from 'vitest';
import { shortId, type Task, type World } from '../../sim/index.ts';
import { compareFaults, comparisonText } from './compare.ts';
import { checkFault, FAULTS, SIDE_SELECTOR, type FaultId } from './faults.ts';
import { sideStatus } from './sideStatus.ts';
import { newTwinSession } from './twinSessions.ts';

const fault = (id: FaultId) => FAULTS.find((f) => f.id === id)!;

function twins(seed = 1) {
  const left = newTwinSession('left', seed);
  const right = newTwinSession('right', seed);
  const both = [left, right];
  return {
    left,
    right,
    advanceTo: (t: number) => both.forEach((s) => s.advanceTo(t)),
    seek: (t: number) => both.forEach((s) => s.seek(t)),
    /** Apply a fault of the bar to both, as the bar does; returns the two tasks hit. */
    apply(id: FaultId): { left: Task; right: Task } {
      const check = checkFault(left.world, right.world, fault(id));
      if (!check.enabled) throw new Error(check.reason);
      expect(left.dispatch(fault(id).command(check.left.taskArn)).outcome.ok).toBe(true);
      expect(right.dispatch(fault(id).command(check.right.taskArn)).outcome.ok).toBe(true);
      return { left: check.left, right: check.right };
    },
    comparisons: () => compareFaults({ entries: left.entries, events: left.recent, world: left.world }, { entries: right.entries, events: right.recent, world: right.world }),
  };
}

const id = (t: Task) => shortId(t.taskId);
/** The service's task that is not `old`: the replacement the engine started. */
const replacementOf = (world: World, old: Task) => [...world.tasks.values()].find((t) => t.serviceName === 'web' && t.taskArn !== old.taskArn)!;
const exitCodeOf = (world: World, task: Task) => world.tasks.get(task.taskArn)!.containers[0]!.exitCode;

describe('the fault bar (checked against the engine)', () => {
  it('waits for both tasks to reach RUNNING, saying where each is', () => {
    const t = twins();
    const check = checkFault(t.left.world, t.right.world, fault('stop'));
    expect(check).toEqual({ enabled: false, reason: expect.stringMatching(/^Left: task [0-9a-f]{8} is PROVISIONING, not RUNNING yet\. Right: service web has not started a task yet\.$/) });
    t.advanceTo(60_000);
    for (const f of FAULTS) expect(checkFault(t.left.world, t.right.world, f).enabled).toBe(true);
  });

  it('is closed once the standalone task has stopped, because nothing replaces it', () => {
    const t = twins();
    t.advanceTo(60_000);
    const hit = t.apply('stop');
    t.advanceTo(240_000);
    for (const f of FAULTS) {
      const check = checkFault(t.left.world, t.right.world, f);
      expect(check.enabled).toBe(false);
      if (!check.enabled) expect(check.reason).toBe(`Left: task ${id(hit.left)} is STOPPED, and nothing starts another: a task you run yourself is not replaced. Start over, or go back on the timeline to before the fault.`);
    }
    // …and the engine agrees: there is no RUNNING standalone task to hit.
    expect(t.left.dispatch({ type: 'stopTask', task: SIDE_SELECTOR.left }).outcome.ok).toBe(false);
    expect(t.left.dispatch({ type: 'crashContainer', task: SIDE_SELECTOR.left }).outcome.ok).toBe(false);
  });
});

describe('one sentence per fault, from both sides’ events', () => {
  it('stop the task: the left stays STOPPED, the right starts a replacement, with the scheduler’s reason', () => {
    const t = twins();
    t.advanceTo(60_000);
    const hit = t.apply('stop');
    t.advanceTo(61_000);
    const early = t.comparisons();
    expect(early).toHaveLength(1);
    expect(early[0]!.left).toBe(`Task ${id(hit.left)} is STOPPING on its way to STOPPED (UserInitiated): nothing replaces it — a task you run yourself has no service watching it`);
    const replacement = replacementOf(t.right.world, hit.right);
    expect(early[0]!.right).toBe(
      `Task ${id(hit.right)} is DEACTIVATING on its way to STOPPED (UserInitiated) while its target drains; service web started task ${id(replacement)} because desiredCount is 1 but 0 tasks are running or starting, now PROVISIONING`,
    );
    t.advanceTo(240_000);
    const [done] = t.comparisons();
    expect(t.left.world.tasks.get(hit.left.taskArn)!.lastStatus).toBe('STOPPED');
    expect(done!.left).toMatch(new RegExp(`^Task ${id(hit.left)} stayed STOPPED \\(exit code ${exitCodeOf(t.left.world, hit.left)}, UserInitiated\\): nothing replaces it`));
    expect(t.right.world.tasks.get(replacement.taskArn)!.lastStatus).toBe('RUNNING');
    expect(done!.right).toContain(`service web started task ${id(replacement)} because desiredCount is 1 but 0 tasks are running or starting, now RUNNING, a healthy target of the load balancer`);
    expect(comparisonText(done!)).toMatch(/^Stop the task at T\+01:00\. Left: Task .* Right: Task .*\.$/);
  });

  it.each([
    ['crash', 1],
    ['oom', 137],
    ['jobDone', 0],
  ] as const)('%s: each side gives the exit code its container really had', (faultId, code) => {
    const t = twins(4);
    t.advanceTo(45_000);
    const hit = t.apply(faultId);
    t.advanceTo(240_000);
    expect(exitCodeOf(t.left.world, hit.left)).toBe(code);
    expect(exitCodeOf(t.right.world, hit.right)).toBe(code);
    const [c] = t.comparisons();
    expect(c!.left).toMatch(new RegExp(`^Task ${id(hit.left)} stayed STOPPED \\(exit code ${code}, EssentialContainerExited\\)`));
    expect(c!.right).toMatch(new RegExp(`^Task ${id(hit.right)} is STOPPED \\(exit code ${code}, EssentialContainerExited\\); service web started task ${id(replacementOf(t.right.world, hit.right))} because`));
    // A job that finished is the one case a service "heals" what was not broken: the sentence says so.
    expect(c!.left.includes('a job you run yourself is done when it exits 0')).toBe(code === 0);
    expect(c!.right.includes('replaces even a task whose job finished')).toBe(code === 0);
  });

  it('the health check fails: the left runs on UNHEALTHY, the right is replaced for failing its load balancer checks', () => {
    const t = twins();
    t.advanceTo(60_000);
    const hit = t.apply('failHealth');
    t.advanceTo(61_000);
    expect(t.comparisons()[0]!.right).toBe(`Task ${id(hit.right)} is RUNNING with its health check failing; it is not counted UNHEALTHY yet; service web has not acted yet`);
    t.advanceTo(300_000);
    const [c] = t.comparisons();
    const left = t.left.world.tasks.get(hit.left.taskArn)!;
    expect([left.lastStatus, left.healthStatus]).toEqual(['RUNNING', 'UNHEALTHY']);
    expect(c!.left).toBe(`Task ${id(hit.left)} is still RUNNING, health UNHEALTHY: ECS lets a task you run yourself run on whatever its health; only a service replaces an unhealthy task`);
    expect(c!.right).toContain(`service web started task ${id(replacementOf(t.right.world, hit.right))} because task ${id(hit.right)} failed its load balancer health checks`);
    expect(c!.right).toMatch(/\(exit code 143, ServiceSchedulerInitiated\)/);
  });

  it('tells each fault from its own events, and follows the moment shown: a seek back, a fork', () => {
    const t = twins();
    t.advanceTo(60_000);
    const first = t.apply('failHealth');
    t.advanceTo(300_000);
    const second = t.apply('stop'); // the left's unhealthy task; the right's replacement
    expect(second.left.taskArn).toBe(first.left.taskArn);
    expect(second.right.taskArn).not.toBe(first.right.taskArn);
    t.advanceTo(420_000);
    const both = t.comparisons();
    expect(both.map((c) => c.fault.id)).toEqual(['failHealth', 'stop']);
    // The first story ends where the second fault begins: the left was still RUNNING then.
    expect(both[0]!.left).toMatch(/is still RUNNING, health UNHEALTHY/);
    expect(both[1]!.left).toMatch(/stayed STOPPED \(exit code 143, UserInitiated\)/);
    // Back before the second fault, only the first is told; a different fault there replaces it.
    t.seek(200_000);
    expect(t.comparisons().map((c) => c.fault.id)).toEqual(['failHealth']);
    t.seek(250_000);
    t.apply('jobDone');
    t.advanceTo(400_000);
    expect(t.comparisons().map((c) => [c.at, c.fault.id])).toEqual([[60_000, 'failHealth'], [250_000, 'jobDone']]);
    expect(t.comparisons()[1]!.left).toMatch(/stayed STOPPED \(exit code 0, EssentialContainerExited\): a job you run yourself is done/);
  });

  it('tells a fault given to one side only apart: it is not one of the bar’s pairs', () => {
    const t = twins();
    t.advanceTo(60_000);
    t.right.dispatch({ type: 'stopTask', task: { service: 'web' } });
    t.advanceTo(120_000);
    expect(t.comparisons()).toEqual([]);
  });
});

describe('each side in words', () => {
  it('says each task’s status, and a stopped one’s exit code and stopCode, newest first', () => {
    const t = twins();
    t.advanceTo(60_000);
    const hit = t.apply('jobDone');
    t.advanceTo(240_000);
    expect(sideStatus(t.left.world, 'left')).toEqual([`Task ${id(hit.left)}: STOPPED (exit code 0, EssentialContainerExited)`]);
    const replacement = replacementOf(t.right.world, hit.right);
    expect(sideStatus(t.right.world, 'right')).toEqual([
      'Service web: desired 1, running 1, pending 0',
      `Task ${id(replacement)}: RUNNING, health HEALTHY`,
      `Task ${id(hit.right)}: STOPPED (exit code 0, EssentialContainerExited)`,
    ]);
  });
});
