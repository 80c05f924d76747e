import { describe, expect, it } from 'vitest';
import { Simulation, type ScriptCommand, type Task, type World } from '../sim/index.ts';
import { CHECKPOINT_EVERY, Session } from './session.ts';
import type { LogEntry } from './record.ts';

const web = (world: World): Task[] => [...world.tasks.values()].filter((t) => t.serviceName === 'web');
const runningWeb = (world: World) => web(world).filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
const standalone = (world: World) => [...world.tasks.values()].find((t) => t.serviceName === undefined)!;

/** The world an uninterrupted run of these commands reaches at `t`: what every seek must equal. */
function straightRun(scenario: string, seed: number, log: readonly LogEntry[], t: number): World {
  const sim = Simulation.create({ scenario, seed });
  for (const e of log.filter((e) => e.at <= t)) {
    sim.advanceTo(e.at);
    expect(sim.dispatch(e.command).outcome.ok).toBe(true);
  }
  sim.advanceTo(t);
  return sim.snapshot();
}

function sessionAt(t: number, seed = 1) {
  const session = new Session({ scenario: 'basic', seed });
  session.advanceTo(t);
  return session;
}

describe('Session: recording and seeking', () => {
  it('records each accepted command with its sim time, and nothing for a rejected one', () => {
    const session = sessionAt(40_000);
    const task = runningWeb(session.world)[0]!;
    expect(session.dispatch({ type: 'stopTask', task: task.taskArn }).outcome.ok).toBe(true);
    expect(session.dispatch({ type: 'updateService', service: 'nope', desiredCount: 2 }).outcome.ok).toBe(false);
    expect(session.entries).toEqual([{ at: 40_000, command: { type: 'stopTask', task: task.taskArn } }]);
  });

  it('seeks back before a stop (the task runs again) and forward past it (stopped, replaced)', () => {
    const session = sessionAt(40_000);
    const task = runningWeb(session.world)[0]!;
    session.dispatch({ type: 'stopTask', task: task.taskArn });
    session.advanceTo(200_000);
    expect(session.world.tasks.get(task.taskArn)!.lastStatus).toBe('STOPPED');

    session.seek(30_000);
    expect(session.now).toBe(30_000);
    expect(session.world.tasks.get(task.taskArn)!.lastStatus).toBe('RUNNING');
    expect(session.live).toBe(false);
    expect(session.timeline.cause).toBe('seek');

    session.seek(200_000);
    expect(session.world.tasks.get(task.taskArn)!.lastStatus).toBe('STOPPED');
    expect(runningWeb(session.world)).toHaveLength(3);
    expect(session.live).toBe(true);
  });

  it('a seek equals an uninterrupted run to that moment, across checkpoints and at a command\'s exact time', () => {
    const session = sessionAt(70_000, 3);
    session.dispatch({ type: 'stopTask', task: runningWeb(session.world)[0]!.taskArn });
    session.advanceTo(CHECKPOINT_EVERY * 3 + 500);
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 5 });
    session.advanceTo(CHECKPOINT_EVERY * 5);
    for (const t of [0, 1, 69_999, 70_000, 70_001, CHECKPOINT_EVERY, CHECKPOINT_EVERY * 3 + 500, 250_000, CHECKPOINT_EVERY * 5]) {
      session.seek(t);
      expect(session.simulation.snapshot(), `seek to ${t}`).toEqual(straightRun('basic', 3, session.entries, t));
    }
  });

  it('playing from the past replays the recorded commands at their times', () => {
    const session = sessionAt(40_000);
    const task = runningWeb(session.world)[1]!;
    session.dispatch({ type: 'stopTask', task: task.taskArn });
    session.advanceTo(100_000);
    const atEnd = session.simulation.snapshot();
    session.seek(10_000);
    for (let t = 10_000; t < 100_000; t += 100) session.advanceTo(t + 100);
    expect(session.simulation.snapshot()).toEqual(atEnd);
    expect(session.entries).toHaveLength(1);
  });

  it('keeps the newest events up to the moment shown', () => {
    const session = sessionAt(120_000);
    const before = session.recent.map((e) => e.seq);
    session.seek(60_000);
    const recent = session.recent;
    expect(recent.at(-1)!.at).toBeLessThanOrEqual(60_000);
    expect(recent.map((e) => e.seq)).toEqual(before.filter((_, i) => before[i]! <= recent.at(-1)!.seq));
  });

  it('marks what the user did and how ECS answered', () => {
    const session = sessionAt(40_000);
    session.dispatch({ type: 'stopTask', task: runningWeb(session.world)[0]!.taskArn });
    session.advanceTo(150_000);
    const kinds = session.markers.map((m) => m.kind);
    expect(kinds).toContain('action');
    expect(kinds).toContain('replacement');
    expect(kinds).toContain('steady');
    expect(session.markers.find((m) => m.kind === 'action')!.label).toMatch(/^You stopped task [0-9a-f]{8}$/);
  });
});

describe('Session: a moment between two commands of one millisecond', () => {
  it('seek(t, before) shows the moment before the log\'s command `before`, and acting there forks', () => {
    const session = new Session({ scenario: 'basic', seed: 3 });
    session.advanceTo(60_000);
    const stoppedBy = (r: ReturnType<Session['dispatch']>) => r.events.flatMap((e) => (e.type === 'TaskStateChanged' && e.desiredStatus === 'STOPPED' ? [e.taskArn] : []));
    const first = stoppedBy(session.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'oldest' } }));
    const second = stoppedBy(session.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'oldest' } }));
    expect(session.appliedCount).toBe(2);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);

    session.seek(60_000, 1);
    expect(session.now).toBe(60_000);
    expect(session.appliedCount).toBe(1);
    expect([...session.world.tasks.values()].filter((t) => t.desiredStatus === 'STOPPED').map((t) => t.taskArn)).toEqual(first);
    expect(session.live).toBe(false); // the end's moment, but before one of its commands: the past

    // Time running on from here replays the command left out, as playing in the past does.
    session.advanceTo(61_000);
    expect(session.appliedCount).toBe(2);
    session.seek(60_000, 1);
    // Acting here forks: the second stop goes to the other future, this one takes its place.
    session.dispatch({ type: 'crashContainer', task: { service: 'web', pick: 'newest' }, exitCode: 1 });
    expect(session.entries.map((e) => e.command.type)).toEqual(['stopTask', 'crashContainer']);
    expect(session.otherFuture?.forkedAt).toBe(60_000);
  });
});

describe('Session: forks and the other future', () => {
  function forked() {
    const session = sessionAt(40_000);
    const [a, b] = runningWeb(session.world);
    session.dispatch({ type: 'stopTask', task: a!.taskArn });
    session.advanceTo(120_000);
    session.seek(30_000);
    session.dispatch({ type: 'stopTask', task: b!.taskArn });
    return { session, a: a!, b: b! };
  }

  it('acting in the past cuts the future after that moment and keeps it aside', () => {
    const { session, a, b } = forked();
    expect(session.timeline.cause).toBe('fork');
    expect(session.live).toBe(true);
    expect(session.end).toBe(30_000);
    expect(session.entries.map((e) => e.command)).toEqual([{ type: 'stopTask', task: b.taskArn }]);
    expect(session.otherFuture).toEqual({ forkedAt: 30_000, end: 120_000, replaced: true });
    session.advanceTo(120_000);
    expect(session.world.tasks.get(a.taskArn)!.lastStatus).toBe('RUNNING');
  });

  it('returns to the other future, and back again: the two branches swap', () => {
    const { session, a, b } = forked();
    session.advanceTo(90_000);
    const newBranch = session.simulation.snapshot();
    expect(session.returnToOtherFuture()).toBe(true);
    expect(session.timeline.cause).toBe('return');
    expect(session.now).toBe(90_000);
    expect(session.end).toBe(120_000);
    expect(session.world.tasks.get(a.taskArn)!.desiredStatus).toBe('STOPPED');
    expect(session.world.tasks.get(b.taskArn)!.desiredStatus).toBe('RUNNING');
    expect(session.simulation.snapshot()).toEqual(straightRun('basic', 1, session.entries, 90_000));

    expect(session.otherFuture).toEqual({ forkedAt: 30_000, end: 90_000, replaced: false });
    expect(session.returnToOtherFuture()).toBe(true);
    expect(session.otherFuture).toEqual({ forkedAt: 30_000, end: 120_000, replaced: true });
    expect(session.end).toBe(90_000);
    expect(session.simulation.snapshot()).toEqual(newBranch);
  });

  it('acting again lets the other future go', () => {
    const { session } = forked();
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    expect(session.otherFuture).toBeNull();
    expect(session.returnToOtherFuture()).toBe(false);
  });

  it('a rejected command in the past neither forks nor forgets', () => {
    const session = sessionAt(60_000);
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 2 });
    session.advanceTo(90_000);
    session.seek(10_000);
    expect(session.dispatch({ type: 'updateService', service: 'web', desiredCount: -1 }).outcome.ok).toBe(false);
    expect(session.end).toBe(90_000);
    expect(session.entries).toHaveLength(1);
  });

});

describe('Session: a long session', () => {
  it('thins its checkpoints past MAX_CHECKPOINTS, doubling their spacing, and still seeks exactly', () => {
    const session = sessionAt(60_000, 2);
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    for (let t = 0; t < 5 * 60 * 60_000; t += 10 * 60_000) session.advanceTo(t + 10 * 60_000);
    const { checkpoints, every } = (session as unknown as { branch: { checkpoints: { at: number }[]; every: number } }).branch;
    expect(every).toBe(2 * CHECKPOINT_EVERY);
    expect(checkpoints.length).toBe(Math.floor(session.end / every) + 1);
    expect(checkpoints.every((c, i) => c.at === i * every)).toBe(true);
    for (const t of [59_999, 60_000, 3 * 60 * 60_000 + 61_000]) {
      session.seek(t);
      expect(session.simulation.snapshot()).toEqual(straightRun('basic', 2, session.entries, t));
    }
  });

});

describe('Session: records', () => {
  it('opens a record at its playhead, with the same tasks, IDs and events', () => {
    const session = sessionAt(40_000, 9);
    session.dispatch({ type: 'stopTask', task: standalone(session.world).taskArn });
    session.advanceTo(95_000);
    session.dispatch({ type: 'crashContainer', task: runningWeb(session.world)[0]!.taskArn, exitCode: 2 });
    session.advanceTo(180_000);
    session.seek(100_000);
    const opened = Session.open(session.toRecord(8));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.session.timeline.cause).toBe('open');
    expect(opened.session.now).toBe(100_000);
    expect(opened.session.end).toBe(180_000);
    expect(opened.session.simulation.snapshot()).toEqual(session.simulation.snapshot());
    expect(opened.session.recent).toEqual(session.recent);
    expect(opened.session.markers).toEqual(session.markers);
  });

  it('refuses a record whose commands no longer apply, naming the step', () => {
    const command: ScriptCommand = { type: 'updateService', service: 'ghost', desiredCount: 1 };
    const opened = Session.open({ version: 3, scenario: 'basic', seed: 1, log: [{ at: 5_000, command }], playhead: 5_000, end: 5_000, speed: 8 });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(/^Step 1 of the session \(at T\+00:05\) no longer applies: Service not found/) });
  });

  it('samples once per whole sim second as the branch is recorded, and cuts them at a fork', () => {
    const session = new Session({ scenario: 'basic', seed: 1, sample: (w) => ({ now: w.now, running: runningWeb(w).length }) });
    session.advanceTo(61_500);
    expect(session.samplesUpToNow(1000).map((s) => s.now)).toEqual(Array.from({ length: 62 }, (_, i) => i * 1000));
    session.seek(20_400);
    expect(session.samplesUpToNow(3).map((s) => s.now)).toEqual([18_000, 19_000, 20_000]);
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 1 });
    session.advanceTo(23_000);
    expect(session.samplesUpToNow(1000)).toHaveLength(24);
  });
});
