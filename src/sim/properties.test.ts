// Property-based tests: random worlds, random schedules of commands and faults, and the
// invariants that must hold after every step. fast-check prints the seed and the shrunk
// schedule of any failure; PROPERTY_RUNS=10000 npm run test:unit runs more of them.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isPendingStatus, statusRank } from './lifecycle.ts';
import { MAX_SERVICE_EVENTS } from './serviceEvents.ts';
import { Simulation } from './simulation.ts';
import type { Scenario } from './scenarios.ts';
import { firstDifference } from './testing/firstDifference.ts';
import { MINUTE, SECOND } from './time.ts';
import { chooseTarget } from './traffic.ts';
import type { AppBehaviour, Command, RoutingAlgorithm, ScriptCommand, SimEvent, Task, TargetGroup, World } from './model/index.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const STEP = 5 * SECOND;

type ServiceSpec = { app: 'serve' | 'serveChecked' | 'crash' | 'pullError'; desired: number; lb: boolean };
type Pick = 'oldest' | 'newest' | 'random';
type Op =
  | { op: 'stop' | 'crash' | 'oom' | 'failHealth'; target: number; pick: Pick }
  | { op: 'scale'; target: number; desired: number }
  | { op: 'run'; count: number; job: 'serve' | 'exit0' | 'exit1' | 'pullError' }
  | { op: 'algorithm'; algorithm: RoutingAlgorithm }
  // Commands that are refused, most of them after a selector has drawn from the RNG.
  | { op: 'stopStopped' | 'badExitCode'; target: number; pick: Pick }
  | { op: 'badScale'; target: number; desired: number }
  | { op: 'noSuchService' };
type Timed = Op & { at: number }; // seconds

const serviceSpec: fc.Arbitrary<ServiceSpec> = fc.record({
  app: fc.constantFrom('serve', 'serveChecked', 'crash', 'pullError'),
  desired: fc.integer({ min: 0, max: 6 }),
  lb: fc.boolean(),
});
const pick = fc.constantFrom<Pick>('oldest', 'newest', 'random');
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constantFrom('stop', 'crash', 'oom', 'failHealth'), target: fc.nat(9), pick }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('scale'), target: fc.nat(9), desired: fc.integer({ min: 0, max: 8 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('run'), count: fc.integer({ min: 1, max: 3 }), job: fc.constantFrom('serve', 'exit0', 'exit1', 'pullError') }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('algorithm'), algorithm: fc.constantFrom<RoutingAlgorithm>('round_robin', 'least_outstanding_requests') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constantFrom('stopStopped', 'badExitCode'), target: fc.nat(9), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('badScale'), target: fc.nat(9), desired: fc.constantFrom(-1, 1001, 2.5) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('noSuchService') }), weight: 1 },
) as fc.Arbitrary<Op>;
const schedule = fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), op).map(([at, o]) => ({ ...o, at }) as Timed), { maxLength: 12 });

const APPS: Record<ServiceSpec['app'] | 'exit0' | 'exit1', AppBehaviour> = {
  serve: { kind: 'serve' },
  serveChecked: { kind: 'serve' },
  crash: { kind: 'crash', afterSeconds: 50, exitCode: 1 },
  pullError: { kind: 'pullError' },
  exit0: { kind: 'exit', afterSeconds: 40, exitCode: 0 },
  exit1: { kind: 'exit', afterSeconds: 40, exitCode: 1 },
};
const td = (family: string, app: keyof typeof APPS, checked: boolean): Command => ({
  type: 'registerTaskDefinition',
  taskDefinition: {
    family,
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'app',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        portMappings: [{ containerPort: 80 }],
        app: APPS[app],
        ...(checked ? { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10, retries: 2 } } : {}),
      },
    ],
  },
});

function worldOf(services: ServiceSpec[]): Scenario {
  // Some services sit behind a load balancer with light traffic (a short deregistration delay
  // keeps schedules short; the delay itself is tested in loadBalancer.test.ts).
  const setup: Command[] = [{ type: 'createLoadBalancer', name: 'alb', targetGroup: { name: 'tg', deregistrationDelaySeconds: 20, healthCheck: { intervalSeconds: 10 } } }];
  services.forEach((s, i) => {
    setup.push(td(`svc${i}`, s.app, s.app === 'serveChecked'));
    const loadBalancers = s.lb ? [{ targetGroup: 'tg', containerName: 'app', containerPort: 80 }] : undefined;
    setup.push({ type: 'createService', serviceName: `s${i}`, taskDefinition: `svc${i}:1`, desiredCount: s.desired, ...(loadBalancers ? { loadBalancers } : {}) });
  });
  setup.push({ type: 'setTraffic', loadBalancer: 'alb', ratePerSecond: 2 });
  for (const job of ['serve', 'exit0', 'exit1', 'pullError'] as const) setup.push(td(`job-${job}`, job, job === 'serve'));
  return { name: 'random', title: 'random', description: '', setup, script: [] };
}

function toCommand(o: Timed, serviceCount: number): ScriptCommand {
  const service = `s${'target' in o ? o.target % serviceCount : 0}`;
  switch (o.op) {
    case 'stop':
      return { type: 'stopTask', task: { service, pick: o.pick } };
    case 'crash':
      return { type: 'crashContainer', task: { service, pick: o.pick }, exitCode: 1 };
    case 'oom':
      return { type: 'oomKillContainer', task: { pick: o.pick } };
    case 'failHealth':
      return { type: 'failHealthChecks', task: { service, pick: o.pick } };
    case 'scale':
      return { type: 'updateService', service, desiredCount: o.desired };
    case 'run':
      return { type: 'runTask', taskDefinition: `job-${o.job}`, count: o.count };
    case 'algorithm':
      return { type: 'modifyTargetGroup', targetGroup: 'tg', algorithm: o.algorithm };
    case 'stopStopped':
      return { type: 'stopTask', task: { service, lastStatus: 'STOPPED', pick: o.pick } };
    case 'badExitCode':
      return { type: 'crashContainer', task: { service, pick: o.pick }, exitCode: 256 };
    case 'badScale':
      return { type: 'updateService', service, desiredCount: o.desired };
    case 'noSuchService':
      return { type: 'updateService', service: 'constructor', desiredCount: 1 };
  }
}

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Apply a command; a refused one must leave the world exactly as it was (RNG included). */
function dispatchChecked(sim: Simulation, command: ScriptCommand): ReturnType<Simulation['dispatch']> {
  const before = sim.snapshot();
  const result = sim.dispatch(command);
  if (!result.outcome.ok) {
    const { message } = result.outcome.error;
    check(result.events.length === 0, () => `rejected ${command.type} produced ${result.events.length} events`);
    const changed = firstDifference(before, sim.world);
    check(changed === null, () => `rejected ${command.type} (${message}) changed ${changed}`);
  }
  return result;
}

/** Events are numbered in order, and their sim times are whole ms that never go backwards. */
function checkEventTimes(events: readonly SimEvent[], last: { seq: number; at: number }): void {
  for (const e of events) {
    check(e.seq === last.seq + 1, () => `event ${e.seq} (${e.type}) follows event ${last.seq}`);
    check(Number.isSafeInteger(e.at), () => `event ${e.seq} (${e.type}) at ${e.at} ms: not a whole ms`);
    check(e.at >= last.at, () => `event ${e.seq} (${e.type}) at ${e.at} ms is before the one at ${last.at} ms`);
    last.seq = e.seq;
    last.at = e.at;
  }
}

/** runningCount and pendingCount are the service's tasks in RUNNING and before it (spec §5.1;
 *  service.ts refreshCounts), on the service and on its PRIMARY deployment. */
function checkCounts(world: World): void {
  for (const service of world.services.values()) {
    let running = 0;
    let pending = 0;
    for (const t of world.tasks.values()) {
      if (t.serviceName !== service.serviceName) continue;
      if (t.lastStatus === 'RUNNING') running++;
      else if (isPendingStatus(t.lastStatus)) pending++;
    }
    check(service.runningCount === running && service.pendingCount === pending,
      () => `${service.serviceName}: runningCount ${service.runningCount}, pendingCount ${service.pendingCount}, but its tasks are ${running} RUNNING and ${pending} pending`);
    const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
    check(primary.runningCount === running && primary.pendingCount === pending, () => `${service.serviceName}: the PRIMARY deployment's counts are stale`);
  }
}

/** What traffic.ts's router picks, from every round-robin position and by least outstanding
 *  requests: a healthy target while there is one, an unhealthy one only when failing open, and
 *  never an initial, draining or unused target. */
function checkRouting(tg: TargetGroup): void {
  const states = [...tg.targets.values()].map((t) => t.state);
  const wanted = states.includes('healthy') ? 'healthy' : states.includes('unhealthy') ? 'unhealthy' : null;
  const load = (taskArn: string) => taskArn.charCodeAt(taskArn.length - 1) % 7;
  for (const algorithm of ['round_robin', 'least_outstanding_requests'] as const) {
    for (let cursor = 0; cursor < Math.max(1, tg.targets.size); cursor++) {
      const chosen = chooseTarget({ targets: tg.targets, algorithm }, cursor, load);
      check((chosen?.state ?? null) === wanted, () => `${tg.targetGroupName} (${states.join(', ')}): ${algorithm} at cursor ${cursor} routes to a ${chosen?.state ?? 'nothing'} target, not a ${wanted ?? 'nothing'} one`);
    }
  }
}

function runSchedule(seed: number, services: ServiceSpec[], ops: Timed[]): void {
  const sim = Simulation.create({ seed, scenario: worldOf(services) });
  const timed = [...ops].sort((a, b) => a.at - b.at);
  const lastCommandAt = timed.length ? timed[timed.length - 1]!.at * SECOND : 0;
  const end = Math.max(lastCommandAt, 60 * SECOND) + 10 * MINUTE;
  const rank = new Map<string, number>();
  const desiredStopped = new Set<string>();
  let standaloneLaunched = 0;
  let next = 0;
  const lastEvent = { seq: -1, at: 0 };
  checkEventTimes(sim.setupEvents, lastEvent);

  for (let t = 0; t <= end; t += STEP) {
    const liveBefore = new Map([...sim.world.services.keys()].map((name) => [name, liveOf(sim, name).length]));
    const launchedBy = new Set<string>();
    const noteLaunches = (events: readonly SimEvent[]) => {
      checkEventTimes(events, lastEvent);
      for (const e of events) if (e.type === 'TaskStateChanged' && e.lastStatus === 'PROVISIONING' && e.group.startsWith('service:')) launchedBy.add(e.group.slice(8));
    };
    while (next < timed.length && timed[next]!.at * SECOND <= t) {
      const command = toCommand(timed[next++]!, services.length);
      const { outcome, events } = dispatchChecked(sim, command);
      if (outcome.ok && command.type === 'runTask') standaloneLaunched += outcome.taskArns?.length ?? 0;
      noteLaunches(events);
    }
    noteLaunches(sim.advanceTo(t));
    checkCounts(sim.world);
    for (const tg of sim.world.targetGroups.values()) checkRouting(tg);

    const tasks = [...sim.world.tasks.values()];
    for (const task of tasks) {
      // Every STOPPED task says why.
      if (task.lastStatus === 'STOPPED') check(!!task.stopCode && !!task.stoppedReason, () => `STOPPED task ${task.taskId} has no stopCode/stoppedReason`);
      // lastStatus only moves forward; desiredStatus never goes back to RUNNING.
      const r = statusRank(task.lastStatus);
      check(r >= (rank.get(task.taskArn) ?? -1), () => `task ${task.taskId} went back to ${task.lastStatus}`);
      rank.set(task.taskArn, r);
      if (desiredStopped.has(task.taskArn)) check(task.desiredStatus === 'STOPPED', () => `task ${task.taskId} was un-stopped`);
      if (task.desiredStatus === 'STOPPED') desiredStopped.add(task.taskArn);
    }
    // No standalone task is ever replaced: every one came from a RunTask call.
    const standalone = [...rank.keys()].filter((arn) => !sim.world.tasks.get(arn) || sim.world.tasks.get(arn)!.serviceName === undefined).length;
    check(standalone === standaloneLaunched, () => `${standalone} standalone tasks exist but RunTask started ${standaloneLaunched}`);

    // Only services register targets; a target's task is running or draining, and a draining
    // target's task is on its way out. Every request is counted once.
    for (const tg of sim.world.targetGroups.values()) {
      for (const target of tg.targets.values()) {
        const task = sim.world.tasks.get(target.taskArn);
        check(!!task && task.serviceName !== undefined && sim.world.services.get(task.serviceName)!.loadBalancers.length > 0, () => `target ${target.id} is not a task of a service with a load balancer`);
        check(task!.lastStatus === 'RUNNING' || task!.lastStatus === 'DEACTIVATING', () => `target ${target.id}'s task is ${task!.lastStatus}`);
        if (target.state === 'draining') check(task!.desiredStatus === 'STOPPED', () => `target ${target.id} drains but its task is not stopping`);
      }
    }
    const total = sim.world.traffic.total;
    check(total.ok + total.failed === total.requests, () => `traffic: ${total.ok} ok + ${total.failed} failed ≠ ${total.requests} requests`);

    for (const service of sim.world.services.values()) {
      const max = Math.floor((service.desiredCount * service.deploymentConfiguration.maximumPercent) / 100);
      const live = liveOf(sim, service.serviceName).length;
      // The scheduler never launches past maximumPercent of desiredCount.
      if (launchedBy.has(service.serviceName))
        check(live <= Math.max(max, liveBefore.get(service.serviceName) ?? 0), () => `${service.serviceName}: ${live} live tasks after a launch, maximum ${max}`);
      check(service.events.length <= MAX_SERVICE_EVENTS, () => `${service.serviceName} keeps ${service.events.length} events`);
    }
  }

  // A task asked to stop gets there: drain (20 s here) + SIGTERM/SIGKILL (≤ 30 s) + deprovisioning
  // take well under five minutes.
  for (const task of sim.world.tasks.values()) {
    if (task.desiredStatus === 'STOPPED' && (task.stoppingAt ?? end) < end - 5 * MINUTE)
      check(task.lastStatus === 'STOPPED', () => `task ${task.taskId} was asked to stop at ${task.stoppingAt} ms and is still ${task.lastStatus}`);
  }

  // Ten quiet minutes after the last command (or the start): every service whose app can run is at desiredCount.
  services.forEach((spec, i) => {
    if (spec.app === 'crash' || spec.app === 'pullError') return;
    const service = sim.world.services.get(`s${i}`)!;
    const running = liveOf(sim, service.serviceName).filter((t) => t.lastStatus === 'RUNNING').length;
    check(running === service.desiredCount && service.runningCount === service.desiredCount && service.pendingCount === 0,
      () => `s${i} (${spec.app}) has ${running} RUNNING tasks (runningCount ${service.runningCount}, pending ${service.pendingCount}) for desiredCount ${service.desiredCount} after 10 quiet minutes`);
  });
}

const liveOf = (sim: Simulation, serviceName: string): Task[] =>
  [...sim.world.tasks.values()].filter((t) => t.serviceName === serviceName && t.desiredStatus === 'RUNNING');

describe('invariants over random worlds and fault schedules', () => {
  it(`hold after every step (${RUNS} schedules)`, { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(serviceSpec, { minLength: 1, maxLength: 3 }), schedule, (seed, services, ops) =>
        runSchedule(seed, services, ops),
      ),
      { numRuns: RUNS },
    );
  });
});
