// Built-in scenarios: a named starting world plus timed commands. The first is what a visitor
// sees on arrival; the others are the failure modes the lessons build on.

import { LESSON_SCENES } from './lessonScenes.ts';
import type { Command, ScriptStep } from './model/index.ts';
import { deployWeb2At, nightlyJob, register, reportTaskDefinition, webBehindAlb, webTaskDefinition, webWithSidecar } from './sceneParts.ts';

export { reportTaskDefinition, webTaskDefinition } from './sceneParts.ts';

export type Scenario = {
  name: string;
  title: string;
  description: string;
  /** Applied at time 0, in order. */
  setup: Command[];
  /** Timed commands (seconds of sim time). */
  script: ScriptStep[];
  /** false: a part of something else (a lesson's start, a half of the twin view), so the scene
   *  picker leaves it out; a link may still open it. */
  listed?: boolean;
  /** What a newcomer might try first in it: the "try this" card's one or two things to do. */
  tryThis?: readonly string[];
  /** Seconds of sim time the page runs the scene before showing it, so it opens on a working
   *  system rather than on tasks still starting; the start stays on the timeline to scrub back to. */
  opensAt?: number;
};

const BUSY_SERVICES = ['web', 'api', 'cart', 'search'];

const BUILT_IN: readonly Scenario[] = [
  {
    name: 'default',
    title: 'A service behind a load balancer, and a job',
    tryThis: [
      "Select a task of service web and press Stop (S): watch the service start a replacement while the load balancer keeps serving.",
      "Then wait for report's task to finish its job, or stop it: nothing starts it again.",
    ],
    description:
      'Service web keeps 3 copies of web:1 running across three Availability Zones, registered with load balancer web-alb, which spreads 20 requests a second over them. Beside it, a standalone task of report:1 does its job and exits 0 — nothing starts it again, and it never joins the load balancer. The scene opens a minute in, once web has reached a steady state and its clients are being served: scrub back to T+00:00 to watch the service start its tasks.',
    setup: [
      register(webTaskDefinition()),
      register(reportTaskDefinition),
      ...webBehindAlb({ desiredCount: 3, ratePerSecond: 0 }),
      { type: 'runTask', taskDefinition: 'report:1', count: 1 },
    ],
    // The targets are healthy at 34 s (22 s provisioning, the first check 5 s after RUNNING, one
    // pass for a new target); the clients start once they are, so no request meets a 503. The
    // service reaches a steady state at 59 s, and the page opens just after.
    script: [{ at: 40, command: { type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 20 } }],
    opensAt: 65,
  },
  {
    name: 'basic',
    title: 'A service and a job, no load balancer',
    tryThis: [
      "Stop a task of service web (select it, then S). Then stop the task you started yourself.",
      "Select service web and press ] to raise desiredCount: see where the new task goes.",
    ],
    description:
      'Service web keeps 3 copies of web:1 running across three Availability Zones; a standalone task of report:1 does its job and exits 0. The core lesson without the load balancer: a stopped service task is replaced within seconds.',
    setup: [
      register(webTaskDefinition()),
      register(reportTaskDefinition),
      { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3 },
      { type: 'runTask', taskDefinition: 'report:1', count: 1 },
    ],
    script: [],
  },
  {
    name: 'rolling',
    title: 'A rolling deployment behind the load balancer',
    tryThis: [
      "Watch the deployment from 1:30: new tasks start before old ones stop, so the count never drops below 4.",
      "Open the Why tab to read the scheduler's arithmetic: maximumPercent 200 % of 4 allows 8.",
    ],
    description:
      'Service web runs 4 tasks of web:1 behind web-alb at 50 requests a second. At 1 minute 30 it is updated to web:2 with the default deploymentConfiguration (minimumHealthyPercent 100, maximumPercent 200): ECS starts 4 new tasks, and as each becomes healthy in the target group it deregisters, drains and stops an old one. No request fails during the deployment (the 503s in the first half minute came before any task was healthy). (The deregistration delay is shortened to 30 s from the default 300 s, so the old tasks leave sooner.)',
    setup: [
      register(webTaskDefinition()),
      register(webTaskDefinition('web', undefined, 'public.ecr.aws/nginx/nginx:1.28')),
      ...webBehindAlb({ desiredCount: 4, ratePerSecond: 50, drainSeconds: 30 }),
    ],
    script: [deployWeb2At(90)],
  },
  {
    name: 'bad-deploy',
    title: 'A bad deployment, and the circuit breaker rolls it back',
    tryThis: [
      "Watch web:2's tasks fail from 1:30 while web:1's keep serving.",
      "Open the Events tab when the deployment fails: the circuit breaker's words, then the rollback.",
    ],
    description:
      'Service web runs 3 tasks of web:1 behind web-alb, with the deployment circuit breaker on (enable and rollback). At 1 minute 30 it is updated to web:2, whose server crashes 5 seconds after it starts. The old tasks keep serving while the new ones fail; when 3 have failed (the threshold: half of desiredCount, at least 3) the deployment FAILED and ECS rolls back to the last one that completed.',
    setup: [
      register(webTaskDefinition()),
      register(webTaskDefinition('web', { kind: 'crash', afterSeconds: 5, exitCode: 1 }, 'public.ecr.aws/nginx/nginx:1.28-broken')),
      ...webBehindAlb({ desiredCount: 3, ratePerSecond: 20, drainSeconds: 30, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }),
    ],
    script: [deployWeb2At(90)],
  },
  {
    name: 'sidecar',
    title: 'A web server with a sidecar',
    tryThis: [
      "Select a task: two containers. Crash xray-daemon from the containers table — it is not essential, so the task serves on.",
      "Stop a task and watch its containers: web gets SIGTERM first, the sidecar only once web has stopped.",
    ],
    description:
      'Service web runs 2 tasks of web:1 behind web-alb. Each task has two containers: nginx (web, essential) and the AWS X-Ray daemon (xray-daemon, a sidecar, not essential). web depends on xray-daemon having STARTed, so the daemon starts first and stops last — shutdown runs in reverse dependency order. Both send their output to CloudWatch Logs (awslogs, group /ecs/web): read it in the Logs tab. (The deregistration delay is shortened to 30 s from the default 300 s.)',
    setup: [register(webWithSidecar), ...webBehindAlb({ desiredCount: 2, ratePerSecond: 0, drainSeconds: 30 })],
    // Clients once the targets are healthy, as in the default scene.
    script: [{ at: 40, command: { type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 10 } }],
    opensAt: 65,
  },
  {
    name: 'init-job',
    title: 'A job with an init container',
    tryThis: [
      "Select the first task: fetch-config runs and exits 0, then job starts — the task stays PENDING until it does.",
      "At 3:00 nightly:2 runs with a bad config path: fetch-config exits 1 and job never starts. Its logs say why.",
    ],
    description:
      'Task definition nightly:1 has two containers: fetch-config, an init container that must succeed (dependsOn condition SUCCESS, so it cannot be essential), and job, the essential one, which does 90 seconds of work and exits 0. At 3 minutes nightly:2 — the same with a typo in the config path — is run: fetch-config exits 1, so job can never start, and the task stops (TaskFailedToStart). Nothing retries a standalone task. The logs of both runs outlive their tasks.',
    setup: [register(nightlyJob()), register(nightlyJob(1)), { type: 'runTask', taskDefinition: 'nightly:1', count: 1 }],
    script: [{ at: 180, command: { type: 'runTask', taskDefinition: 'nightly:2', count: 1 } }],
  },
  {
    name: 'twins',
    title: 'Twin worlds: the same stop, two outcomes',
    tryThis: [
      "At 2:00 both copies of web:1 are stopped. Which one comes back?",
      "Drag the timeline back before 2:00 and stop the standalone task yourself.",
    ],
    description:
      'Two copies of web:1: one run by service web, one run by you. At 2 minutes both are stopped. The service starts a replacement; the standalone task stays STOPPED.',
    setup: [
      register(webTaskDefinition()),
      { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 },
      { type: 'runTask', taskDefinition: 'web:1', count: 1 },
    ],
    script: [
      { at: 120, command: { type: 'stopTask', task: { service: 'web' } } },
      { at: 120, command: { type: 'stopTask', task: { family: 'web', standalone: true } } },
    ],
  },
  {
    name: 'twin-task',
    title: 'Twin view, left: a task you run yourself',
    description: 'One standalone task of web:1, started with RunTask. No service watches it, and it is not behind a load balancer: whatever stops it, it stays stopped.',
    setup: [register(webTaskDefinition()), { type: 'runTask', taskDefinition: 'web:1', count: 1 }],
    script: [],
    listed: false,
  },
  {
    name: 'twin-service',
    title: 'Twin view, right: a service of one task',
    description: 'Service web keeps 1 task of web:1 running behind load balancer web-alb. Whatever stops its task, the scheduler starts a replacement.',
    setup: [register(webTaskDefinition()), ...webBehindAlb({ desiredCount: 1, ratePerSecond: 5, drainSeconds: 30 })],
    script: [],
    listed: false,
  },
  {
    name: 'bad-image',
    title: "A task that can't start",
    tryThis: [
      "Watch the gaps between tries grow: the service throttle backs off tasks that never start.",
      "Select a stopped task: stopCode TaskFailedToStart and the CannotPullContainerError say why.",
    ],
    description:
      'Service api points at an image tag that does not exist. Each task fails to start (TaskFailedToStart, CannotPullContainerError) and the service throttle spaces out the retries.',
    setup: [
      register(webTaskDefinition('api', { kind: 'pullError' }, 'public.ecr.aws/nginx/nginx:1.99-typo')),
      { type: 'createService', serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 },
    ],
    script: [],
  },
  {
    name: 'crash-loop',
    title: 'A server that keeps crashing',
    tryThis: [
      "Each task crashes after 45 s and is replaced at once: a crash after RUNNING is not throttled.",
      "Compare with the scene \u201cA task that can't start\u201d, where the retries slow down.",
    ],
    description: 'Each task of service worker runs for 45 seconds, then its essential container exits with code 1. The service replaces every one.',
    setup: [
      register({
        family: 'worker',
        cpu: '512',
        memory: '1024',
        containerDefinitions: [{ name: 'worker', image: 'public.ecr.aws/docker/library/node:22-slim', app: { kind: 'crash', afterSeconds: 45, exitCode: 1 } }],
      }),
      { type: 'createService', serviceName: 'worker', taskDefinition: 'worker:1', desiredCount: 2 },
    ],
    script: [],
  },
  {
    name: 'unhealthy',
    title: 'RUNNING is not healthy',
    tryThis: [
      "At 3:00 every copy starts failing its health check. Watch which ones ECS replaces.",
      "Select the standalone copy: RUNNING and UNHEALTHY, and nothing acts on it.",
    ],
    description:
      "Service web's tasks start failing their container health check after 3 minutes. A standalone copy fails the same way and keeps running: ECS acts on health only for services.",
    setup: [
      register(webTaskDefinition('web', { kind: 'failHealthCheck', afterSeconds: 180 })),
      { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 },
      { type: 'runTask', taskDefinition: 'web:1', count: 1 },
    ],
    script: [],
  },
  {
    name: 'busy',
    title: 'A busy cluster: 200 tasks',
    tryThis: [
      "A task is killed every 15 seconds: the four services heal themselves.",
      "Open the Tasks table and sort by lastStatus to find the replacements.",
    ],
    description:
      'Four services of 50 tasks each, spread over three Availability Zones, and a random task killed every 15 seconds for an hour. How the picture looks at scale, and the benchmark world for the diagram.',
    setup: [
      ...BUSY_SERVICES.map((name) => register(webTaskDefinition(name))),
      ...BUSY_SERVICES.map((name): Command => ({ type: 'createService', serviceName: name, taskDefinition: `${name}:1`, desiredCount: 50 })),
    ],
    script: Array.from({ length: 240 }, (_, i) => ({
      at: 120 + i * 15,
      command: { type: 'stopTask' as const, task: { service: BUSY_SERVICES[i % BUSY_SERVICES.length]!, pick: 'random' as const } },
    })),
  },
  {
    name: 'rush',
    title: 'Rush hour: 30 tasks, 200 requests a second',
    tryThis: [
      "A task is killed every 20 seconds: watch the Traffic tab. Requests keep flowing.",
      "Press Stop on a task yourself and watch it drain from the load balancer first.",
    ],
    description:
      'Service web runs 30 tasks behind web-alb (deregistration delay shortened to 30 s, and said so) under 200 requests a second; a task is killed every 20 seconds. Requests keep flowing while the service heals.',
    setup: [
      register(webTaskDefinition()),
      ...webBehindAlb({ desiredCount: 30, ratePerSecond: 200, drainSeconds: 30 }),
    ],
    script: Array.from({ length: 180 }, (_, i) => ({ at: 120 + i * 20, command: { type: 'stopTask' as const, task: { service: 'web', pick: 'random' as const } } })),
  },
  {
    name: 'empty',
    title: 'An empty cluster',
    tryThis: [
      "Press N to create a service, or T to run a task: registering a task definition comes first (E).",
    ],
    description: 'Nothing registered, nothing running: build it yourself.',
    setup: [],
    script: [],
  },
];

// The lessons' scenes (lessonScenes.ts) come last: a lesson starts from one, the picker leaves them out.
export const SCENARIOS: readonly Scenario[] = [...BUILT_IN, ...LESSON_SCENES];
export const findScenario = (name: string) => SCENARIOS.find((s) => s.name === name);

const SCHEDULE_COMMANDS: ReadonlySet<string> = new Set(['createSchedule', 'updateSchedule', 'deleteSchedule', 'runScheduleNow']);
/** The scene creates schedules, so its session needs src/sim/schedules.ts loaded (extensions.ts). */
export const usesSchedules = (scenario: Scenario | undefined): boolean =>
  scenario !== undefined && (scenario.setup.some((c) => SCHEDULE_COMMANDS.has(c.type)) || scenario.script.some((s) => SCHEDULE_COMMANDS.has(s.command.type)));
/** The scenes the scene picker offers. */
export const LISTED_SCENARIOS = SCENARIOS.filter((s) => s.listed !== false);
