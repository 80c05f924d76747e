// Engine benchmark: npm run bench. Prints sim-time/wall-time ratios and heap over a day of sim
// time for the reference world and a 1,000-task world. Goals (issue #2): reference ≥ 20,000×
// real time (1 h in ≤ 180 ms); 1,000 tasks ≥ 1,000×; heap bounded over 24 h. Issue #4 adds a
// traffic world: the reference world behind a load balancer at 50 req/s, ≥ 5,000×. Issue #9 adds a
// deployment world: a 10-task service behind the load balancer at 50 req/s, updated to a new
// revision every 10 minutes, ≥ 5,000×. Issue #13 adds a zone outage every hour to the worlds
// `drive` runs (10 minutes down, then AZ rebalancing), and a schedule firing every minute.

import '../src/sim/schedules.ts'; // the mechanic of schedule commands (src/sim/extensions.ts)
import { HOUR, MINUTE, SECOND, Simulation, webTaskDefinition, type Command, type Scenario, type SimEvent, type TaskDefinitionInput } from '../src/sim/index.ts';
import { measureSessions } from './bench-session.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('(run with node --expose-gc for heap figures: npm run bench does)');

function world(services: number, tasksPerService: number, requestsPerSecond = 0): Scenario {
  const setup: Command[] = [
    { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition('web') },
    {
      type: 'registerTaskDefinition',
      taskDefinition: { family: 'job', cpu: '256', memory: '512', containerDefinitions: [{ name: 'job', image: 'python:3.13', app: { kind: 'exit', afterSeconds: 90, exitCode: 0 } }] },
    },
  ];
  if (requestsPerSecond > 0) setup.push({ type: 'createLoadBalancer', name: 'alb', targetGroup: { name: 'tg' } });
  const loadBalancers = requestsPerSecond > 0 ? [{ targetGroup: 'tg', containerName: 'web', containerPort: 80 }] : undefined;
  for (let i = 0; i < services; i++)
    setup.push({ type: 'createService', serviceName: `svc${i}`, taskDefinition: 'web:1', desiredCount: tasksPerService, ...(loadBalancers ? { loadBalancers } : {}) });
  if (requestsPerSecond > 0) setup.push({ type: 'setTraffic', loadBalancer: 'alb', ratePerSecond: requestsPerSecond });
  // Issue 13: a schedule that runs the job every minute (each run overlaps the last: it takes 90 s).
  setup.push({ type: 'createSchedule', name: 'every-minute', scheduleExpression: 'rate(1 minute)', target: { taskDefinition: 'job' } });
  return { name: `${services}x${tasksPerService}`, title: '', description: '', setup, script: [] };
}

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** Run `duration` of sim time in 250 ms frames (16× playback at 60 fps is ~270 ms a frame),
 *  killing a random service task every 30 s, starting a standalone job every 2 minutes, and
 *  (issue 13) taking one zone down for 10 minutes every hour, at half past: the services heal in
 *  the other zones and rebalance when it is back. */
function drive(sim: Simulation, duration: number, services: number): number {
  const frame = 250;
  let events = 0;
  const end = sim.now + duration;
  while (sim.now < end) {
    const t = sim.now + frame;
    if (t % (30 * SECOND) === 0) sim.dispatch({ type: 'stopTask', task: { service: `svc${(t / (30 * SECOND)) % services}`, pick: 'random' } });
    if (t % (2 * MINUTE) === 0) sim.dispatch({ type: 'runTask', taskDefinition: 'job' });
    if (t % HOUR === 30 * MINUTE) sim.dispatch({ type: 'zoneOutage', availabilityZone: ZONES[Math.floor(t / HOUR) % ZONES.length]!, durationSeconds: 600 });
    events += sim.advanceTo(t).length;
  }
  return events;
}

const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function measure(name: string, services: number, perService: number, goal: number, requestsPerSecond = 0) {
  const sim = Simulation.create({ seed: 1, scenario: world(services, perService, requestsPerSecond) });
  drive(sim, 10 * MINUTE, services); // warm up: reach steady state, let the JIT settle
  const t0 = performance.now();
  const events = drive(sim, HOUR, services);
  const wall = performance.now() - t0;
  const ratio = HOUR / wall;
  const heap: string[] = [];
  const tasks: number[] = [];
  for (let h = 1; h <= 24; h++) {
    if (h > 1) drive(sim, HOUR, services);
    if ([1, 6, 12, 24].includes(h)) {
      heap.push(`${h} h ${heapMb().toFixed(1)} MB`);
      tasks.push(sim.world.tasks.size);
    }
  }
  const verdict = ratio >= goal ? 'meets' : 'MISSES';
  console.log(`${name}`);
  console.log(`  1 h of sim time in ${wall.toFixed(0)} ms wall: ${Math.round(ratio).toLocaleString('en')}× real time (${verdict} the ${goal.toLocaleString('en')}× goal); ${events.toLocaleString('en')} events`);
  console.log(`  heap after ${heap.join(', ')}; tasks kept (live + stopped < 1 h): ${tasks.join(', ')}`);
  if (requestsPerSecond > 0) {
    const { requests, ok, failed } = sim.world.traffic.total;
    console.log(`  ${requests.toLocaleString('en')} requests over 25 h: ${ok.toLocaleString('en')} ok, ${failed.toLocaleString('en')} failed (${((100 * ok) / requests).toFixed(3)} % success)`);
  }
}

/** web:1, and web:2 and web:3 with other image tags: what a team pushing builds registers. */
const webRevision = (image: string): TaskDefinitionInput => {
  const td = webTaskDefinition('web');
  return { ...td, containerDefinitions: td.containerDefinitions.map((c) => ({ ...c, image })) };
};

/**
 * Service web: 10 tasks behind the load balancer at 50 requests a second, with the defaults a
 * console user gets — minimumHealthyPercent 100, maximumPercent 200, and the target group's
 * deregistration delay of 300 s (AWS's default; teams often shorten it, which only makes each
 * rollout quicker). Each rollout takes about six minutes here, most of it the old tasks draining.
 */
function deploymentWorld(): Scenario {
  const setup: Command[] = [
    { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition('web') },
    { type: 'registerTaskDefinition', taskDefinition: webRevision('public.ecr.aws/nginx/nginx:1.28') },
    { type: 'registerTaskDefinition', taskDefinition: webRevision('public.ecr.aws/nginx/nginx:1.29') },
    { type: 'createLoadBalancer', name: 'alb', targetGroup: { name: 'tg' } },
    { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 10, loadBalancers: [{ targetGroup: 'tg', containerName: 'web', containerPort: 80 }] },
    { type: 'setTraffic', loadBalancer: 'alb', ratePerSecond: 50 },
  ];
  return { name: 'deployments', title: '', description: '', setup, script: [] };
}

type Rollouts = { started: number; completed: number; failed: number; took: number[] };

/** Run `duration` of sim time in 250 ms frames, updating the service to the other revision
 *  (web:2, web:3, web:2, …) on every tenth minute. */
function driveDeployments(sim: Simulation, duration: number, rollouts: Rollouts): number {
  const frame = 250;
  let events = 0;
  const startedAt = new Map<string, number>();
  const count = (list: readonly SimEvent[]) => {
    for (const e of list) {
      if (e.type !== 'DeploymentStateChanged') continue;
      if (e.eventName === 'SERVICE_DEPLOYMENT_IN_PROGRESS') startedAt.set(e.deploymentId, e.at);
      else if (startedAt.has(e.deploymentId)) {
        rollouts[e.eventName === 'SERVICE_DEPLOYMENT_COMPLETED' ? 'completed' : 'failed']++;
        rollouts.took.push(e.at - startedAt.get(e.deploymentId)!);
        startedAt.delete(e.deploymentId);
      }
    }
    events += list.length;
  };
  const end = sim.now + duration;
  while (sim.now < end) {
    const t = sim.now + frame;
    if (t % (10 * MINUTE) === 0) {
      const n = t / (10 * MINUTE);
      const { outcome, events: now } = sim.dispatch({ type: 'updateService', service: 'web', taskDefinition: `web:${2 + (n % 2)}` });
      if (!outcome.ok) throw new Error(`updateService was refused: ${outcome.error.message}`);
      rollouts.started++;
      count(now);
    }
    count(sim.advanceTo(t));
  }
  return events;
}

const clock = (ms: number) => `${Math.floor(ms / MINUTE)}:${String(Math.round((ms % MINUTE) / SECOND)).padStart(2, '0')}`;

function measureDeployments(name: string, hours: number, goal: number) {
  const sim = Simulation.create({ seed: 1, scenario: deploymentWorld() });
  sim.advanceTo(5 * MINUTE); // steady state; the first rollout begins at 10 minutes
  const before = { ...sim.world.traffic.total };
  const rollouts: Rollouts = { started: 0, completed: 0, failed: 0, took: [] };
  const t0 = performance.now();
  const events = driveDeployments(sim, hours * HOUR, rollouts);
  const wall = performance.now() - t0;
  const ratio = (hours * HOUR) / wall;
  const heap = heapMb();
  const verdict = ratio >= goal ? 'meets' : 'MISSES';
  const [fastest, slowest] = rollouts.took.length ? [clock(Math.min(...rollouts.took)), clock(Math.max(...rollouts.took))] : [];
  const took = fastest === undefined ? '' : `, each in ${fastest === slowest ? fastest : `${fastest}–${slowest}`}`;
  const requests = sim.world.traffic.total.requests - before.requests;
  const ok = sim.world.traffic.total.ok - before.ok;
  console.log(`${name}`);
  console.log(`  ${hours} h of sim time in ${wall.toFixed(0)} ms wall: ${Math.round(ratio).toLocaleString('en')}× real time (${verdict} the ${goal.toLocaleString('en')}× goal); ${events.toLocaleString('en')} events`);
  const rolling = rollouts.started - rollouts.completed - rollouts.failed;
  console.log(`  ${rollouts.started} deployments: ${rollouts.completed} completed${took}, ${rollouts.failed} failed, ${rolling} still rolling out at the end (the 300 s deregistration delay is most of each)`);
  console.log(`  heap after ${hours} h ${heap.toFixed(1)} MB; tasks kept (live + stopped < 1 h): ${sim.world.tasks.size}`);
  console.log(`  ${requests.toLocaleString('en')} requests over ${hours} h: ${ok.toLocaleString('en')} ok, ${(requests - ok).toLocaleString('en')} failed (${((100 * ok) / requests).toFixed(3)} % success)`);
}

console.log(`ECS Playground engine benchmark — node ${process.version}\n`);
measure('Reference world: 3 services × 10 tasks, a standalone job every 2 min, a scheduled one every minute, a task killed every 30 s, a zone down 10 min every hour', 3, 10, 20_000);
measure('1,000-task world: 10 services × 100 tasks, same faults', 10, 100, 1_000);
measure('Traffic world: the reference world behind a load balancer, 50 requests a second', 3, 10, 5_000, 50);
measureDeployments('Deployment world: 10 tasks behind a load balancer at 50 requests a second, a new revision every 10 minutes', 3, 5_000);
console.log();
measureSessions();
