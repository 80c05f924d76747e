// Lesson 5: a service behind an Application Load Balancer. 503 before any target is registered;
// no failed request while a task is replaced (draining); fail-open when every target is
// unhealthy; and a task you run yourself never joins. Spec §0, §6, §8.2, §8.8.

import type { Lesson } from '../model.ts';
import { failuresFrom, healthy, launchedSince, live, responsesSince, running, runningSince, stoppedSince, stopsSince, targetsIn, targetState, tasks } from '../queries.ts';

const WEB = { service: 'web' } as const;
const MINE = { family: 'web', standalone: true } as const;
const TG = 'web-tg';

export const behindALoadBalancer: Lesson = {
  id: 'behind-a-load-balancer',
  title: 'Behind a load balancer',
  summary: 'Send requests through web-alb while tasks start, stop and fail, and see which answer clients get: 200, 503 or the app’s own 500.',
  scene: 'lesson-load-balancer',
  steps: [
    {
      id: 'no-targets-yet',
      title: 'Requests before any task is up',
      text: 'Clients send 10 requests a second to load balancer web-alb, and its target group web-tg is empty. Service web has just asked for 2 tasks of web:1; on Fargate they take about half a minute to reach RUNNING. Press Play and watch the Traffic tab.',
      predict: {
        question: 'No task is RUNNING yet, and requests are already arriving. What do clients get?',
        choices: [
          {
            text: 'HTTP 503 from the load balancer, until a task is ready.',
            happened: (ctx) => responsesSince(ctx, 503) > 0,
          },
          {
            text: 'HTTP 502 Bad Gateway.',
            happened: (ctx) => responsesSince(ctx, 502) > 0,
          },
          {
            text: 'The load balancer holds them until a task is ready, then they all succeed.',
            happened: (ctx) => responsesSince(ctx, 503) + responsesSince(ctx, 502) + responsesSince(ctx, 504) + responsesSince(ctx, 500) === 0,
          },
        ],
        answer: 0,
        explain:
          'Service web registers a task as a target only once it is RUNNING, and a new target gets requests only after it passes one health check. Until then web-tg had no target to send a request to, and the ALB answered each one at once with 503 Service Temporarily Unavailable. It does not queue requests.',
        revealWhen: ({ world }) => targetsIn(world, TG, 'healthy') === 2,
      },
      done: (ctx) => targetsIn(ctx.world, TG, 'healthy') === 2 && responsesSince(ctx, 200) > 0,
      doneText: 'Both tasks are healthy targets, and clients get 200.',
    },
    {
      id: 'stop-one',
      title: 'Stop a task while requests flow',
      text: 'Requests now go to both tasks in turn. Stop one of them, as StopTask would, and keep an eye on the Traffic tab.',
      predict: {
        question: 'You stop one of the two tasks. What do clients see while service web replaces it?',
        choices: [
          {
            text: 'Nothing fails: the other task takes every request until the replacement joins.',
            happened: (ctx) => failuresFrom(ctx.world, ctx.since) === 0 && responsesSince(ctx, 200) > 0,
          },
          {
            text: 'Some requests fail with 502 as the stopped task shuts down.',
            happened: (ctx) => responsesSince(ctx, 502) > 0,
          },
          {
            text: 'Clients get 503 until the replacement is healthy.',
            happened: (ctx) => responsesSince(ctx, 503) > 0,
          },
        ],
        answer: 0,
        explain:
          'ECS deregisters a service task before it stops it: the target goes draining, the ALB sends it no new requests, and the ones in flight finish. Only after the deregistration delay (20 s here, 300 s by default) does the container get SIGTERM. Meanwhile the healthy target takes every request, and the replacement joins once it passes a health check.',
        revealWhen: (ctx) => stoppedSince(ctx, WEB).length > 0 && targetsIn(ctx.world, TG, 'healthy') === 2,
      },
      task: {
        text: 'Select a task of service web, then press Stop (S).',
        controls: ['stop-task', 'traffic-tab'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [{ command: { type: 'stopTask', task: WEB } }],
      },
      done: (ctx) => stoppedSince(ctx, WEB).length > 0 && targetsIn(ctx.world, TG, 'healthy') === 2,
      doneText: 'The old task drained and stopped; its replacement is a healthy target. No request failed.',
    },
    {
      id: 'break-both',
      title: 'Make both tasks fail their health checks',
      text: 'Now the opposite case: tasks that are registered but failing. Make both tasks fail: their app answers 500, so the ALB’s health checks fail too. A target turns unhealthy after 2 failed checks in a row, 30 s apart.',
      task: {
        text: 'Select a task of service web and press Fail health check (H). Then select the other one and press H again.',
        controls: ['fail-health'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [
          { command: { type: 'failHealthChecks', task: { service: 'web', pick: 'oldest' } } },
          { command: { type: 'failHealthChecks', task: { service: 'web', pick: 'newest' } } },
        ],
      },
      done: ({ world }) => targetsIn(world, TG, 'unhealthy') === 2,
      doneText: 'Both targets in web-tg are unhealthy.',
    },
    {
      id: 'fail-open',
      title: 'Every target unhealthy',
      text: 'Both targets are unhealthy, and the load balancer still has requests to route.',
      predict: {
        question: 'Every target in web-tg is unhealthy. What do clients get now?',
        choices: [
          {
            text: '503: there is no healthy target to send them to.',
            happened: (ctx) => responsesSince(ctx, 503) > 0,
          },
          {
            text: 'The ALB sends them to both tasks anyway, and clients get the app’s 500.',
            happened: (ctx) => responsesSince(ctx, 500) > 0 && responsesSince(ctx, 503) === 0,
          },
          {
            text: 'No answer at all: the ALB holds requests until a target is healthy again.',
            happened: (ctx) => responsesSince(ctx, 200) + responsesSince(ctx, 500) + responsesSince(ctx, 502) + responsesSince(ctx, 503) + responsesSince(ctx, 504) === 0,
          },
        ],
        answer: 1,
        explain:
          'When every registered target is unhealthy the ALB fails open: it routes to all of them, since a struggling app may still answer some requests. Clients get whatever the tasks return, here 500. A 503 means something else: no registered targets at all, as at the start.',
        revealWhen: ({ world, since }) => world.now - since >= 10_000,
      },
      doneText: 'Requests still reach the unhealthy tasks: the ALB fails open.',
    },
    {
      id: 'replaced',
      title: 'The service replaces unhealthy targets',
      text: 'The ALB only reports health; service web acts on it. About 35 s after a target turns unhealthy it starts a replacement first (“Amazon ECS replaced 2 tasks due to an unhealthy status.”). Once the new tasks are healthy targets, it stops the old ones: “Task failed ELB health checks in (target-group …)”.',
      done: (ctx) => stopsSince(ctx, WEB).length >= 2 && targetsIn(ctx.world, TG, 'healthy') === 2 && healthy(ctx.world, WEB).length === 2,
      doneText: 'Two new healthy targets; the unhealthy tasks are draining, then stopping.',
    },
    {
      id: 'your-own-task',
      title: 'A task you run yourself',
      text: 'Run one more copy of web:1 yourself, with RunTask. It is the same task definition, serving on the same port.',
      predict: {
        question: 'Your standalone task of web:1 reaches RUNNING. Does web-alb send it requests?',
        choices: [
          {
            text: 'Yes: it becomes a third target and gets a share of the requests.',
            happened: ({ world }) => tasks(world, MINE).some((t) => targetState(world, t) !== null),
          },
          {
            text: 'No: it is not a target; only service web’s tasks are.',
            happened: ({ world }) => running(world, MINE).length > 0 && tasks(world, MINE).every((t) => targetState(world, t) === null),
          },
          {
            text: 'Service web sees a third copy of web:1 and stops one of its own.',
            happened: (ctx) => stopsSince(ctx, WEB).length > 0 || live(ctx.world, WEB).length !== 2,
          },
        ],
        answer: 1,
        explain:
          'Only a service registers tasks with a target group: its own tasks, once they are RUNNING, and it deregisters them before they stop. RunTask has no loadBalancers parameter. Tick “Put it behind web-alb” in Run task, or press “Put behind the load balancer” on your task, and the playground refuses with that reason.',
        revealWhen: (ctx) => {
          const up = runningSince(ctx, MINE)[0];
          return up !== undefined && ctx.world.now - up.at >= 15_000;
        },
      },
      task: {
        text: 'Press Run task (T), choose web:1 and press Run task.',
        controls: ['run-task'],
        solution: [{ command: { type: 'runTask', taskDefinition: 'web:1', count: 1 } }],
      },
      done: (ctx) => launchedSince(ctx, { standalone: true }).length > 0 && running(ctx.world, MINE).length > 0,
      doneText: 'Your task runs, and web-tg still has only service web’s 2 targets.',
    },
    {
      id: 'summary',
      title: 'Three answers a client can get',
      text: '200 when at least one target is healthy. 503 when the target group has no target to send to: none registered yet, or all gone. The app’s own answer (500 here) when every target is unhealthy, because the ALB fails open. And only a service puts tasks behind the load balancer.',
    },
  ],
  practice: {
    text: 'Replace both of service web’s tasks, without a single failed request.',
    keep: { text: 'no request fails (no 5xx)', holds: ({ world, since }) => failuresFrom(world, since) === 0 },
    hint: 'Stop one task, wait until its replacement is a healthy target and service web has 2 healthy tasks again, then stop the other.',
    goal: ({ world, since }) => {
      const now = live(world, WEB);
      return now.length === 2 && now.every((t) => t.createdAt >= since) && healthy(world, WEB).length === 2 && targetsIn(world, TG, 'healthy') === 2;
    },
    solution: [0, 1].map((replaced) => ({
      command: { type: 'stopTask', task: { service: 'web', pick: 'oldest' } },
      after: ({ world, since }) => healthy(world, WEB).length === 2 && targetsIn(world, TG, 'healthy') === 2 && tasks(world, WEB).filter((t) => t.createdAt >= since).length === replaced,
    })),
  },
  quiz: [
    {
      id: 'what-503-means',
      question: 'Clients of your ALB get HTTP 503 Service Temporarily Unavailable. What does it tell you?',
      choices: ['Every target is failing its health checks.', 'The target group has no registered targets to send the request to.', 'The app threw an error.'],
      answer: 1,
      explain: 'The ALB answers 503 itself when its target group has no registered targets. If targets are registered but all unhealthy, it fails open and clients get the app’s own answer.',
    },
    {
      id: 'all-unhealthy',
      question: 'Every target in the target group is unhealthy. Does the ALB still send them requests?',
      choices: ['No: it answers 503 until one is healthy.', 'Yes: it fails open and routes to all of them.', 'Only to the one that turned unhealthy last.'],
      answer: 1,
      explain: 'With no healthy target the ALB routes to all registered targets anyway. The service, not the ALB, replaces unhealthy tasks.',
    },
    {
      id: 'standalone-behind-lb',
      question: 'How do you get a task you started with RunTask behind the load balancer?',
      choices: ['Pass loadBalancers to RunTask.', 'You don’t: only a service registers its tasks. Create a service with loadBalancers.', 'Use the same task definition as the service.'],
      answer: 1,
      explain: 'RunTask has no loadBalancers parameter. A service registers its own tasks with its target group when they are RUNNING and deregisters them before they stop.',
    },
  ],
};
