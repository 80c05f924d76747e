// Property-based tests for scheduled tasks (issue 13): random schedules (rate, cron, at, in UTC or
// New York), switched off and on, run by hand and deleted, among random zone outages and capacity
// shortages. Checked: every firing is exactly one RunTask — its tasks and failures add up to the
// schedule's taskCount, and every task started by chronos-schedule/<name> came from one; a schedule
// fires only while it exists and is ENABLED; one left alone fires at exactly the times its
// expression gives (asked of nextFiring one by one, the oracle beside the engine's timer chain); no
// scheduled task is launched into a zone that is down; and the same commands replayed in larger
// time steps give the same world. PROPERTY_RUNS and PROPERTY_SEED work as in properties.test.ts.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { reportTaskDefinition } from './sceneParts.ts';
import { nextFiring, parseScheduleExpression } from './schedules.ts';
import { scheduleNameOf } from './ids.ts';
import { replayDifference } from './testing/firstDifference.ts';
import { MINUTE, SECOND } from './time.ts';
import type { Scenario } from './scenarios.ts';
import type { Command, ScriptCommand, SimEvent } from './model/index.ts';

const RUNS = Math.max(20, Math.floor(Number(process.env.PROPERTY_RUNS ?? 500) / 5));
const STEP = 20 * SECOND;
const END = 150 * MINUTE;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

type Spec = { expression: string; timeZone: 'UTC' | 'America/New_York'; count: number; exitCode: number; seconds: number };
type Op =
  | { op: 'toggle'; schedule: number; state: 'ENABLED' | 'DISABLED' }
  | { op: 'runNow'; schedule: number }
  | { op: 'delete'; schedule: number }
  | { op: 'outage'; zone: number; lasts: number }
  | { op: 'shortage'; zone: number | null; lasts: number };

const expression = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `rate(${n} minute${n === 1 ? '' : 's'})`),
  fc.constantFrom('rate(1 hour)', 'cron(*/7 * * * ? *)', 'cron(0,30 9-11 * * ? *)', 'cron(15 10 ? * MON *)', 'cron(5 * 5 1 ? 2026)', 'cron(0 5 ? * 2#1 *)'),
  fc.integer({ min: 0, max: 140 }).map((m) => `at(2026-01-05T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:30)`),
);
const spec: fc.Arbitrary<Spec> = fc.record({
  expression,
  timeZone: fc.constantFrom('UTC' as const, 'UTC' as const, 'America/New_York' as const),
  count: fc.integer({ min: 1, max: 3 }),
  exitCode: fc.constantFrom(0, 0, 1),
  seconds: fc.integer({ min: 20, max: 900 }),
});
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('toggle' as const), schedule: fc.nat(3), state: fc.constantFrom('ENABLED' as const, 'DISABLED' as const) }),
  fc.record({ op: fc.constant('runNow' as const), schedule: fc.nat(3) }),
  fc.record({ op: fc.constant('delete' as const), schedule: fc.nat(3) }),
  fc.record({ op: fc.constant('outage' as const), zone: fc.nat(2), lasts: fc.integer({ min: 30, max: 1800 }) }),
  fc.record({ op: fc.constant('shortage' as const), zone: fc.option(fc.nat(2), { nil: null }), lasts: fc.integer({ min: 30, max: 900 }) }),
);
const timedOps = fc.array(fc.tuple(fc.integer({ min: 0, max: 120 * 60 }), op), { maxLength: 8 });

function scenarioOf(specs: Spec[]): Scenario {
  const setup: Command[] = specs.map((s, i) => ({
    type: 'registerTaskDefinition',
    taskDefinition: { ...reportTaskDefinition, family: `job${i}`, containerDefinitions: [{ ...reportTaskDefinition.containerDefinitions[0]!, app: { kind: 'exit', afterSeconds: s.seconds, exitCode: s.exitCode } }] },
  }));
  specs.forEach((s, i) =>
    setup.push({ type: 'createSchedule', name: `s${i}`, scheduleExpression: s.expression, scheduleExpressionTimezone: s.timeZone, target: { taskDefinition: `job${i}`, taskCount: s.count } }),
  );
  return { name: 'schedules', title: 'schedules', description: '', setup, script: [] };
}

function commandOf(o: Op, scheduleCount: number): ScriptCommand[] {
  const name = 'schedule' in o ? `s${o.schedule % scheduleCount}` : '';
  switch (o.op) {
    case 'toggle':
      return [{ type: 'updateSchedule', name, state: o.state }];
    case 'runNow':
      return [{ type: 'runScheduleNow', name }];
    case 'delete':
      return [{ type: 'deleteSchedule', name }];
    case 'outage':
      return [{ type: 'zoneOutage', availabilityZone: ZONES[o.zone]!, durationSeconds: o.lasts }];
    case 'shortage':
      return [{ type: 'capacityShortage', ...(o.zone === null ? {} : { availabilityZone: ZONES[o.zone]! }), durationSeconds: o.lasts }];
  }
}

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** The firings the expression gives from creation to the end, one nextFiring at a time. */
function expectedFirings(world: Simulation['world'], s: Spec): number[] {
  const parsed = parseScheduleExpression(s.expression);
  if (!parsed.ok) throw new Error(`the generator made a bad expression: ${s.expression}`);
  const epoch = world.config.epochMs;
  const out: number[] = [];
  for (let after = epoch; ; ) {
    const next = nextFiring(parsed.expression, { afterEpochMs: after, startEpochMs: epoch, timeZone: s.timeZone });
    if (next === null || next - epoch > END) return out;
    out.push(next - epoch);
    after = next;
  }
}

function run(seed: number, specs: Spec[], ops: [number, Op][]): void {
  const scenario = scenarioOf(specs);
  const sim = Simulation.create({ seed, scenario });
  const commands = ops.flatMap(([at, o]) => commandOf(o, specs.length).map((command) => ({ at: at * SECOND, command }))).sort((a, b) => a.at - b.at);
  const log: { at: number; command: ScriptCommand }[] = [];
  const events: SimEvent[] = [...sim.setupEvents];
  let next = 0;
  for (let t = 0; t <= END; t += STEP) {
    while (next < commands.length && commands[next]!.at <= t) {
      const { command } = commands[next++]!;
      log.push({ at: sim.now, command });
      events.push(...sim.dispatch(command).events);
    }
    events.push(...sim.advanceTo(t));
  }

  const touched = new Set(commands.filter((c) => c.command.type === 'updateSchedule' || c.command.type === 'deleteSchedule').map((c) => (c.command as { name: string }).name));
  const state = new Map<string, 'ENABLED' | 'DISABLED' | 'gone'>(specs.map((_, i) => [`s${i}`, 'ENABLED']));
  const up = new Map<string, boolean>(ZONES.map((z) => [z, true]));
  const startedBy = new Map<string, string[]>(); // schedule → the tasks its firings started
  const launched = new Map<string, string>(); // task → schedule, from the tasks' own startedBy
  const fired = new Map<string, number[]>();
  for (const e of events) {
    if (e.type === 'ScheduleChanged') state.set(e.scheduleName, e.change === 'deleted' ? 'gone' : e.state);
    if (e.type === 'ZoneStateChanged') up.set(e.availabilityZone, e.up);
    if (e.type === 'ScheduleFired') {
      const i = Number(e.scheduleName.slice(1));
      if (!e.manual) {
        check(state.get(e.scheduleName) === 'ENABLED', () => `${e.scheduleName} fired at ${e.at} ms while ${state.get(e.scheduleName)}`);
        fired.set(e.scheduleName, [...(fired.get(e.scheduleName) ?? []), e.at]);
      }
      check(e.refused === undefined && e.taskArns.length + e.failures === specs[i]!.count, () => `${e.scheduleName} fired at ${e.at} ms: ${e.taskArns.length} tasks and ${e.failures} failures for a taskCount of ${specs[i]!.count}`);
      startedBy.set(e.scheduleName, [...(startedBy.get(e.scheduleName) ?? []), ...e.taskArns]);
    }
    if (e.type === 'TaskStateChanged' && e.lastStatus === 'PROVISIONING' && e.desiredStatus === 'RUNNING') {
      check(up.get(e.availabilityZone) === true, () => `task ${e.taskId} launched at ${e.at} ms into ${e.availabilityZone}, which is down`);
      const task = sim.world.tasks.get(e.taskArn);
      const name = task ? scheduleNameOf(task.startedBy) : null;
      if (name !== null) launched.set(e.taskArn, name);
    }
  }
  // Every task a schedule started came from one of its firings, and nothing else started one.
  for (const [arn, name] of launched) check(startedBy.get(name)?.includes(arn) === true, () => `task ${arn} says chronos-schedule/${name} but no firing of ${name} started it`);
  for (const [name, arns] of startedBy) check(new Set(arns).size === arns.length, () => `${name} started the same task twice`);
  // A schedule left alone fires exactly when its expression says.
  specs.forEach((s, i) => {
    const name = `s${i}`;
    if (touched.has(name)) return;
    const want = expectedFirings(sim.world, s);
    const got = fired.get(name) ?? [];
    check(JSON.stringify(got) === JSON.stringify(want), () => `${name} (${s.expression}, ${s.timeZone}) fired at ${got.join(', ')} ms; its expression gives ${want.join(', ')}`);
  });
  if (seed % 3 !== 0) return;
  const diff = replayDifference({ seed, scenario }, log, sim.world);
  check(diff === null, () => `a replay in larger time steps differs at ${diff}`);
}

describe('scheduled tasks over random schedules and faults', () => {
  it(`fire only while enabled, exactly when their expressions say, one RunTask a firing (${RUNS} worlds)`, { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(spec, { minLength: 1, maxLength: 4 }), timedOps, (seed, specs, ops) => run(seed, specs, ops)),
      { numRuns: RUNS, ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
  });
});
