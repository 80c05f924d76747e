// Scheduled tasks (issue 13; spec §4.1): EventBridge Scheduler schedules whose target is RunTask.
// Every test runs the real engine from commands. Sim time 0 is Monday 2026-01-05 09:00:00 UTC.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { reportTaskDefinition } from './sceneParts.ts';
import { FARGATE_CAPACITY_FAILURE } from './placement.ts';
import { MAX_SCHEDULE_RUNS } from './schedules.ts'; // installs the mechanic
import { SCHEDULED_BY } from './ids.ts';
import type { Command, SimEvent, TaskDefinitionInput } from './model/index.ts';

const MIN = 60_000;
const job = (afterSeconds: number, exitCode = 0): TaskDefinitionInput => ({
  ...reportTaskDefinition,
  containerDefinitions: [{ ...reportTaskDefinition.containerDefinitions[0]!, app: { kind: 'exit', afterSeconds, exitCode } }],
});

function world(td: TaskDefinitionInput = reportTaskDefinition) {
  const sim = Simulation.create({ seed: 13, scenario: { name: 'schedules', title: '', description: '', setup: [{ type: 'registerTaskDefinition', taskDefinition: td }], script: [] } });
  const log: SimEvent[] = [...sim.setupEvents];
  const dispatch = (command: Command) => {
    const r = sim.dispatch(command);
    log.push(...r.events);
    return r.outcome;
  };
  const create = (scheduleExpression: string, more: Partial<Extract<Command, { type: 'createSchedule' }>> = {}) =>
    dispatch({ type: 'createSchedule', name: 'nightly', scheduleExpression, target: { taskDefinition: 'report' }, ...more });
  return { sim, log, dispatch, create, advanceTo: (ms: number) => log.push(...sim.advanceTo(ms)) };
}

const fired = (log: readonly SimEvent[]) => log.filter((e): e is Extract<SimEvent, { type: 'ScheduleFired' }> => e.type === 'ScheduleFired');
const scheduledTasks = (sim: Simulation) => [...sim.world.tasks.values()].filter((t) => t.startedBy.startsWith(SCHEDULED_BY));

describe('a rate schedule', () => {
  it('fires at the next whole minute after it is created, then every period, each run one RunTask started by chronos-schedule/<name>', () => {
    const w = world();
    w.advanceTo(12_345);
    expect(w.create('rate(5 minutes)')).toEqual({ ok: true });
    expect(w.sim.world.schedules.get('nightly')!.nextRunAt).toBe(1 * MIN);
    w.advanceTo(12 * MIN);
    expect(fired(w.log).map((e) => e.at)).toEqual([1 * MIN, 6 * MIN, 11 * MIN]);
    const tasks = scheduledTasks(w.sim);
    expect(tasks).toHaveLength(3);
    for (const t of tasks) expect(t).toMatchObject({ startedBy: 'chronos-schedule/nightly', group: 'family:report', family: 'report' });
    expect(w.sim.world.schedules.get('nightly')).toMatchObject({ runCount: 3, nextRunAt: 16 * MIN });
  });

  it("records each run's exit code once its task has stopped", () => {
    const w = world();
    w.create('rate(5 minutes)');
    w.advanceTo(7 * MIN);
    const [first, second] = w.sim.world.schedules.get('nightly')!.runs;
    expect(first!.outcomes).toEqual([{ taskArn: first!.taskArns[0], exitCode: 0, stopCode: 'EssentialContainerExited', stoppedReason: expect.stringContaining('Essential container') }]);
    expect(second!.outcomes).toEqual([]); // fired at 6:00, still running its two minutes of work
  });

  it('does not retry a run that fails: the failed task stays STOPPED and the next run is the next firing', () => {
    const w = world(job(10, 1));
    w.create('rate(5 minutes)');
    w.advanceTo(5 * MIN + 59_999);
    const tasks = scheduledTasks(w.sim);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ lastStatus: 'STOPPED' });
    expect(w.sim.world.schedules.get('nightly')!.runs[0]!.outcomes[0]).toMatchObject({ exitCode: 1, stopCode: 'EssentialContainerExited' });
    w.advanceTo(6 * MIN);
    expect(scheduledTasks(w.sim)).toHaveLength(2);
  });

  it('overlaps a run still going when the next one fires', () => {
    const w = world(job(150));
    w.create('rate(1 minute)');
    w.advanceTo(3 * MIN + 30_000);
    const running = scheduledTasks(w.sim).filter((t) => t.lastStatus === 'RUNNING');
    expect(running.length).toBeGreaterThanOrEqual(2);
  });

  it('starts taskCount tasks a firing, spread over the zones', () => {
    const w = world();
    w.create('rate(10 minutes)', { target: { taskDefinition: 'report:1', taskCount: 3 } });
    w.advanceTo(1 * MIN);
    expect(new Set(scheduledTasks(w.sim).map((t) => t.availabilityZone)).size).toBe(3);
  });
});

describe('cron and at schedules', () => {
  it('cron(0 2 * * ? *) fires at 02:00 UTC, the next morning', () => {
    const w = world();
    w.create('cron(0 2 * * ? *)');
    expect(w.sim.world.schedules.get('nightly')!.nextRunAt).toBe(17 * 60 * MIN); // Mon 09:00 → Tue 02:00
  });

  it('reads the expression in its time zone: 02:00 in New York is 07:00 UTC in January', () => {
    const w = world();
    w.create('cron(0 2 * * ? *)', { scheduleExpressionTimezone: 'America/New_York' });
    expect(w.sim.world.schedules.get('nightly')!.nextRunAt).toBe(22 * 60 * MIN);
    w.advanceTo(22 * 60 * MIN);
    w.advanceTo(46 * 60 * MIN);
    expect(fired(w.log).map((e) => e.at)).toEqual([22 * 60 * MIN, 46 * 60 * MIN]);
  });

  it('at() fires once, at the second it names, and then has no next run', () => {
    const w = world();
    w.create('at(2026-01-05T09:30:15)');
    w.advanceTo(3 * 60 * MIN);
    expect(fired(w.log).map((e) => e.at)).toEqual([30 * MIN + 15_000]);
    expect(w.sim.world.schedules.get('nightly')!.nextRunAt).toBeNull();
  });
});

describe('enable, disable, delete, run now', () => {
  it('a DISABLED schedule does not fire; enabled again, it fires from the next period on', () => {
    const w = world();
    w.create('rate(5 minutes)');
    w.advanceTo(2 * MIN);
    expect(w.dispatch({ type: 'updateSchedule', name: 'nightly', state: 'DISABLED' })).toEqual({ ok: true });
    expect(w.sim.world.schedules.get('nightly')!.nextRunAt).toBeNull();
    w.advanceTo(20 * MIN);
    expect(fired(w.log)).toHaveLength(1);
    w.dispatch({ type: 'updateSchedule', name: 'nightly', state: 'ENABLED' });
    w.advanceTo(30 * MIN);
    expect(fired(w.log).map((e) => e.at)).toEqual([1 * MIN, 21 * MIN, 26 * MIN]);
  });

  it('deleting a schedule stops its firings but not its tasks; a new one of the same name is its own', () => {
    const w = world(job(1200));
    w.create('rate(5 minutes)');
    w.advanceTo(2 * MIN);
    expect(w.dispatch({ type: 'deleteSchedule', name: 'nightly' })).toEqual({ ok: true });
    w.advanceTo(3 * MIN);
    w.create('rate(10 minutes)');
    w.advanceTo(15 * MIN);
    expect(fired(w.log).map((e) => e.at)).toEqual([1 * MIN, 4 * MIN, 14 * MIN]);
    expect(scheduledTasks(w.sim).filter((t) => t.desiredStatus === 'RUNNING')).toHaveLength(3);
  });

  it('run now invokes the target at once, marked manual, and leaves the timetable as it was', () => {
    const w = world();
    w.create('rate(5 minutes)');
    w.advanceTo(30_000);
    const outcome = w.dispatch({ type: 'runScheduleNow', name: 'nightly' });
    expect(outcome).toMatchObject({ ok: true, taskArns: [expect.any(String)] });
    w.advanceTo(6 * MIN);
    expect(fired(w.log).map((e) => [e.at, e.manual])).toEqual([[30_000, true], [1 * MIN, false], [6 * MIN, false]]);
  });

  it('keeps the latest runs and counts them all', () => {
    const w = world(job(5));
    w.create('rate(1 minute)');
    w.advanceTo((MAX_SCHEDULE_RUNS + 10) * MIN);
    const s = w.sim.world.schedules.get('nightly')!;
    expect(s.runCount).toBe(MAX_SCHEDULE_RUNS + 10);
    expect(s.runs).toHaveLength(MAX_SCHEDULE_RUNS);
    expect(s.runs[0]!.at).toBe(11 * MIN);
  });
});

describe('what a run meets', () => {
  it('no Fargate capacity: RunTask returns failures (RESOURCE:FARGATE) and the Scheduler does not try again', () => {
    const w = world();
    w.create('rate(5 minutes)');
    w.dispatch({ type: 'capacityShortage' });
    w.advanceTo(5 * MIN);
    const [run] = w.sim.world.schedules.get('nightly')!.runs;
    expect(run).toMatchObject({ taskArns: [], failures: [FARGATE_CAPACITY_FAILURE] });
    expect(fired(w.log)).toHaveLength(1);
    expect(scheduledTasks(w.sim)).toHaveLength(0);
  });

  it('a task definition deregistered since: the run is refused, and the schedule goes on trying at each firing', () => {
    const w = world();
    w.create('rate(5 minutes)', { target: { taskDefinition: 'report:1' } });
    w.dispatch({ type: 'deregisterTaskDefinition', taskDefinition: 'report:1' });
    w.advanceTo(6 * MIN);
    expect(fired(w.log).map((e) => e.refused)).toEqual([expect.stringContaining('inactive'), expect.stringContaining('inactive')]);
  });

  it('a zone outage takes the run in that zone with it, and the next firing starts a fresh task', () => {
    const w = world(job(600));
    w.create('rate(5 minutes)');
    w.advanceTo(2 * MIN);
    const [first] = scheduledTasks(w.sim);
    w.dispatch({ type: 'zoneOutage', availabilityZone: first!.availabilityZone });
    w.advanceTo(6 * MIN);
    const after = scheduledTasks(w.sim);
    expect(after.find((t) => t.taskArn === first!.taskArn)).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'InfrastructureHealth' });
    const fresh = after.find((t) => t.taskArn !== first!.taskArn)!;
    expect(fresh.availabilityZone).not.toBe(first!.availabilityZone);
    expect(fresh.desiredStatus).toBe('RUNNING');
  });
});

describe('refused schedules, with the field named', () => {
  const cases: [string, Partial<Extract<Command, { type: 'createSchedule' }>>, RegExp][] = [
    ['a cron with five fields', { scheduleExpression: 'cron(0 2 * * ?)' }, /six fields/],
    ['both day fields given', { scheduleExpression: 'cron(0 2 1 * MON *)' }, /day-of-month|day-of-week/],
    ['a rate in seconds', { scheduleExpression: 'rate(30 seconds)' }, /minutes at the finest/],
    ['an unknown time zone', { scheduleExpression: 'rate(1 hour)', scheduleExpressionTimezone: 'Mars/Olympus' }, /Mars\/Olympus/],
    ['a name with a space', { name: 'nightly job', scheduleExpression: 'rate(1 hour)' }, /1 to 64 letters/],
    ['eleven tasks', { scheduleExpression: 'rate(1 hour)', target: { taskDefinition: 'report', taskCount: 11 } }, /taskCount must be a whole number from 1 to 10/],
    ['a task definition never registered', { scheduleExpression: 'rate(1 hour)', target: { taskDefinition: 'nope' } }, /Unable to find task definition 'nope'/],
  ];
  it.each(cases)('%s', (_, more, message) => {
    const w = world();
    const before = w.sim.snapshot();
    const outcome = w.create(more.scheduleExpression ?? 'rate(1 hour)', more);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'ValidationException', message: expect.stringMatching(message) } });
    expect(w.sim.snapshot()).toEqual(before);
  });

  it('a second schedule of the same name is a ConflictException; an unknown one is not found', () => {
    const w = world();
    w.create('rate(1 hour)');
    expect(w.create('rate(2 hours)')).toMatchObject({ ok: false, error: { code: 'ConflictException' } });
    for (const type of ['deleteSchedule', 'runScheduleNow'] as const)
      expect(w.dispatch({ type, name: 'toString' })).toMatchObject({ ok: false, error: { code: 'ResourceNotFoundException' } });
  });

  it('names people type, like __proto__ and constructor, are names like any other', () => {
    const w = world();
    for (const name of ['__proto__', 'constructor']) expect(w.dispatch({ type: 'createSchedule', name, scheduleExpression: 'rate(5 minutes)', target: { taskDefinition: 'report' } })).toEqual({ ok: true });
    w.advanceTo(1 * MIN);
    expect(scheduledTasks(w.sim).map((t) => t.startedBy).sort()).toEqual(['chronos-schedule/__proto__', 'chronos-schedule/constructor']);
  });
});

describe('determinism', () => {
  it('advancing in one jump or minute by minute gives the same events, and a restored snapshot goes on the same way', () => {
    const run = (step: number) => {
      const w = world(job(90, 1));
      w.create('rate(2 minutes)');
      w.dispatch({ type: 'createSchedule', name: 'hourly', scheduleExpression: 'cron(*/7 * * * ? *)', target: { taskDefinition: 'report', taskCount: 2 } });
      for (let t = step; t <= 30 * MIN; t += step) w.advanceTo(t);
      return w;
    };
    const once = run(30 * MIN);
    expect(run(MIN).log).toEqual(once.log);
    const restored = Simulation.restore(once.sim.snapshot());
    expect(restored.advanceTo(40 * MIN)).toEqual(once.sim.advanceTo(40 * MIN));
  });
});
