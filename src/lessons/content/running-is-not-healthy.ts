// Lesson 6: RUNNING means the containers started, nothing more. The three health signals — the
// container health check (task healthStatus), the load balancer's target health, and the 40 s
// rule for a task with neither — and the grace period, which pauses ECS's reaction and no check.
// A service replaces an unhealthy task; a standalone copy runs on, UNHEALTHY.
// Spec §2.6, §5.3, §5.4, §6.2–6.5, §8.2–8.4.

import type { Task, World } from '../../sim/index.ts';
import type { Lesson } from '../model.ts';
import { healthy, launchedSince, live, running, steady, stopsSince, tasks } from '../queries.ts';

const WEB = { service: 'web' } as const;
const API = { service: 'api' } as const;
const MINE = { family: 'web', standalone: true } as const;

/** The standalone copy of web:1 that the scene started. */
const copy = (world: World): Task | undefined => tasks(world, MINE)[0];

export const runningIsNotHealthy: Lesson = {
  id: 'running-is-not-healthy',
  title: 'RUNNING is not healthy',
  summary: 'Watch three separate health signals, make a task fail its checks, and see that a service replaces it while a standalone copy runs on, UNHEALTHY.',
  scene: 'lesson-health',
  steps: [
    {
      id: 'running',
      title: 'RUNNING: the containers started',
      text: 'Three tasks start: service web’s (web:1 has a container health check, and the task sits behind load balancer web-alb), a standalone copy of web:1, and service api’s (no health check, no load balancer). Wait until all three are RUNNING. RUNNING says their containers have started — and nothing about whether they work.',
      done: ({ world }) => running(world, WEB).length === 1 && running(world, MINE).length === 1 && running(world, API).length === 1,
      doneText: 'All three RUNNING. Look at healthStatus: UNKNOWN so far.',
    },
    {
      id: 'signals',
      title: 'Three signals',
      text: 'web:1’s container health check (curl, every 30 s) sets the task’s healthStatus: UNKNOWN until it passes, then HEALTHY. The load balancer checks port 80 on its own, every 30 s, and shows the target as initial, then healthy, in web-tg — not in healthStatus. Service api’s task has neither: it stays UNKNOWN, and the scheduler counts it healthy 40 s after it reached RUNNING.',
      done: ({ world }) => healthy(world, WEB).length === 1 && copy(world)?.healthStatus === 'HEALTHY' && steady(world, 'web') && steady(world, 'api'),
      doneText: 'web’s task passed both its checks; api’s counted healthy after 40 s. Both services reached a steady state.',
    },
    {
      id: 'fail-both',
      title: 'Fail the checks in both copies',
      text: 'Now make web’s server fail in both copies of web:1: it answers its health checks, and its clients, with 500.',
      predict: {
        question: 'Both copies of web:1 now fail their health checks. What does ECS do?',
        choices: [
          {
            text: 'Service web replaces its task; the standalone copy keeps running, UNHEALTHY.',
            happened: (ctx) => {
              const mine = copy(ctx.world);
              const replaced = stopsSince(ctx, WEB).some((e) => e.stopCode === 'ServiceSchedulerInitiated') && launchedSince(ctx, WEB).length > 0;
              return replaced && mine?.lastStatus === 'RUNNING' && mine.desiredStatus === 'RUNNING' && mine.healthStatus === 'UNHEALTHY';
            },
          },
          {
            text: 'Both are stopped and replaced.',
            happened: (ctx) => copy(ctx.world)?.desiredStatus === 'STOPPED' || launchedSince(ctx, { standalone: true }).length > 0,
          },
          {
            text: 'Nothing: both are still RUNNING, so ECS leaves them alone.',
            happened: (ctx) => launchedSince(ctx, WEB).length === 0 && stopsSince(ctx, WEB).length === 0,
          },
        ],
        answer: 0,
        explain:
          'Both checks failed: the load balancer’s after 2 failures 30 s apart, the container’s after 3. Service web acted on the first: it started a replacement first (“Amazon ECS replaced 1 tasks due to an unhealthy status.”), and once that was healthy it stopped the sick task with stoppedReason “Task failed ELB health checks in (target-group …)”. Nothing acts on a standalone task’s health: ECS reports UNHEALTHY and lets it run.',
        revealWhen: (ctx) => stopsSince(ctx, WEB).some((e) => e.stopCode === 'ServiceSchedulerInitiated') && copy(ctx.world)?.healthStatus === 'UNHEALTHY',
      },
      task: {
        text: 'Select service web’s task and press Fail health check (H). Then select the standalone task and press H.',
        controls: ['fail-health'],
        spotlight: { kind: 'tasks', family: 'web' },
        solution: [{ command: { type: 'failHealthChecks', task: WEB } }, { command: { type: 'failHealthChecks', task: MINE } }],
      },
      done: (ctx) => stopsSince(ctx, WEB).some((e) => e.stopCode === 'ServiceSchedulerInitiated'),
      doneText: 'Service web replaced its task. The standalone copy runs on, UNHEALTHY.',
    },
    {
      id: 'replace-first',
      title: 'Replace first, then stop',
      text: 'In the Events tab, oldest first: “has started 1 tasks: (task …). Amazon ECS replaced 1 tasks due to an unhealthy status.”, “registered 1 targets in (target-group …)”, then “(task …) (port 80) is unhealthy in (target-group …) due to (reason Health checks failed with these codes: [500])” and “has stopped 1 running tasks”. maximumPercent 200 left room to start the new task before stopping the old one.',
    },
    {
      id: 'grace',
      title: 'The grace period',
      text: 'A slow-starting app may fail its first checks. healthCheckGracePeriodSeconds tells the scheduler to ignore failing checks for that long after a task starts. It pauses ECS’s reaction, not the checks: the target still turns unhealthy and the task UNHEALTHY.',
      task: {
        text: 'Select service web, press Update service (U) and set the health check grace period to 300 s. Then select service web’s RUNNING task and press Fail health check (H).',
        controls: ['update-service', 'fail-health'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [
          { command: { type: 'updateService', service: 'web', healthCheckGracePeriodSeconds: 300 } },
          { command: { type: 'failHealthChecks', task: { service: 'web', pick: 'newest' } } },
        ],
      },
      // Replaced, and not before the grace period was over: the replacement started at least 300 s
      // after the task it replaces did.
      done: (ctx) => {
        const sick = stopsSince(ctx, WEB).find((e) => e.stopCode === 'ServiceSchedulerInitiated');
        const startedAt = sick && ctx.world.tasks.get(sick.taskArn)?.startedAt;
        if (startedAt === undefined) return false;
        return launchedSince(ctx, WEB).some((arn) => (ctx.world.tasks.get(arn)?.createdAt ?? 0) >= startedAt + 300_000);
      },
      doneText: 'Replaced — but not before 300 s had passed since that task started, however long it had been failing.',
    },
    {
      id: 'independent',
      title: 'Three signals, one reaction',
      text: 'The container health check sets healthStatus; the load balancer’s check sets target health, which healthStatus never shows; a task with neither counts healthy 40 s after RUNNING. Either failing check makes a service replace its task, once any grace period is over. A standalone task is never stopped for its health.',
    },
  ],
  practice: {
    text: 'The standalone copy of web:1 is still UNHEALTHY, and nothing will fix it. Fix it yourself: end with a healthy standalone task of web:1 and no unhealthy one running.',
    hint: 'Stop the standalone task (S), then run a new task of web:1 (T), and wait for its first health check.',
    goal: ({ world }) => {
      const mine = live(world, MINE);
      return mine.length > 0 && mine.every((t) => t.healthStatus === 'HEALTHY');
    },
    solution: [{ command: { type: 'stopTask', task: MINE } }, { command: { type: 'runTask', taskDefinition: 'web:1', count: 1 } }],
  },
  quiz: [
    {
      id: 'running-means',
      question: 'A service task’s lastStatus is RUNNING. What does that tell you?',
      choices: ['It passes its health checks.', 'Its containers have started; nothing about its health.', 'The load balancer is sending it requests.'],
      answer: 1,
      explain: 'RUNNING means the essential containers started. Health is separate: a container check needs a pass (and up to retries × interval of failures to say UNHEALTHY), a new target needs one passing load balancer check.',
    },
    {
      id: 'standalone-unhealthy',
      question: 'A standalone task’s container health check fails. What does ECS do?',
      choices: ['Stops it and runs another.', 'Nothing: it keeps running, UNHEALTHY.', 'Restarts its container.'],
      answer: 1,
      explain: 'A standalone task continues its lifecycle whatever its health. Only a service acts on health, by replacing its own tasks.',
    },
    {
      id: 'grace',
      question: 'A service has healthCheckGracePeriodSeconds 120. A new task fails its load balancer checks from the start. What happens in its first 120 s?',
      choices: ['The load balancer does not check it yet.', 'The load balancer marks it unhealthy, but ECS does not replace it yet.', 'ECS replaces it at once.'],
      answer: 1,
      explain: 'The grace period only makes the scheduler ignore failing checks after a task starts; the checks run, and the load balancer acts on them, as always.',
    },
    {
      id: 'no-checks',
      question: 'A service task has no container health check and no load balancer. When does the scheduler count it healthy?',
      choices: ['As soon as it is RUNNING.', '40 s after it reaches RUNNING.', 'Never.'],
      answer: 1,
      explain: 'With nothing to check it, ECS waits 40 s of RUNNING before counting the task healthy — for steady state and for minimumHealthyPercent in a deployment.',
    },
  ],
};
