// Lesson 10: two services failing in two ways. A task that starts and later crashes is replaced
// at once, every time; a task that never reaches RUNNING engages the service throttle, which
// spaces the retries out (spec §5.7; the curve is the playground's assumption). Scenes crash-loop
// and bad-image show each alone; lesson-crash-vs-start puts them side by side.

import { webTaskDefinition, type World } from '../../sim/index.ts';
import type { Lesson, LessonContext } from '../model.ts';
import { healthy, live, running, serviceSaid, stopsSince } from '../queries.ts';
import { restartGaps } from '../queriesB.ts';

const WORKER = { service: 'worker' } as const;
const API = { service: 'api' } as const;

/** The service waited 10 s or more before a retry since the step began, or said it is throttled. */
const backsOff = (ctx: LessonContext, service: string) => serviceSaid(ctx, service, 'unableToStart') || restartGaps(ctx, service).some((gap) => gap >= 10_000);
const failedWith = (ctx: LessonContext, service: string, stopCode: string) => stopsSince(ctx, { service }).some((e) => e.stopCode === stopCode);

export const crashLoopVsWontStart: Lesson = {
  id: 'crash-loop-vs-wont-start',
  title: "Crash loop vs won't start",
  summary: 'Two services fail in two ways: one task crashes after it starts, the other never starts. See which one ECS slows down, and why.',
  scene: 'lesson-crash-vs-start',
  steps: [
    {
      id: 'two-failures',
      title: 'Two services, two failures',
      text: 'Service worker’s task starts, runs for 30 s, then its essential container exits with code 1. Service api’s image tag does not exist, so its task never gets past PENDING. Press Play and wait until each has failed once.',
      done: (ctx) => failedWith(ctx, 'worker', 'EssentialContainerExited') && failedWith(ctx, 'api', 'TaskFailedToStart'),
      doneText: 'Both have failed once, and both services started another task.',
    },
    {
      id: 'read-stop-codes',
      title: 'Read the stop codes',
      text: 'Open the tasks table. Worker’s stopped task reached RUNNING, then stopped: stopCode EssentialContainerExited, exit code 1. Api’s never reached RUNNING: stopCode TaskFailedToStart, stoppedReason “CannotPullContainerError: …”. Both services replace them — but not in the same way.',
    },
    {
      id: 'which-backs-off',
      title: 'Which one does ECS slow down?',
      text: 'Let both run for a few minutes and watch when each service starts its next task.',
      predict: {
        question: 'Both services keep failing. Which one does ECS wait longer and longer to retry?',
        choices: [
          { text: 'worker, whose task keeps crashing.', happened: (ctx) => backsOff(ctx, 'worker') && !backsOff(ctx, 'api') },
          { text: 'api, whose task never reaches RUNNING.', happened: (ctx) => backsOff(ctx, 'api') && !backsOff(ctx, 'worker') },
          { text: 'Both.', happened: (ctx) => backsOff(ctx, 'worker') && backsOff(ctx, 'api') },
          { text: 'Neither: each failed task is replaced at once.', happened: (ctx) => !backsOff(ctx, 'worker') && !backsOff(ctx, 'api') },
        ],
        answer: 1,
        explain:
          'The service throttle applies only to tasks that fail to reach RUNNING: after repeated failures api said “is unable to consistently start tasks successfully.” and waited longer before each try. Worker’s tasks reach RUNNING before they crash, so each is replaced at once, forever: a crash loop is not throttled. ECS never gives up on either.',
        revealWhen: (ctx) => restartGaps(ctx, 'api').some((gap) => gap >= 40_000) && stopsSince(ctx, WORKER).length >= 3,
      },
      doneText: 'api now waits 40 s and more between tries; worker is replaced within a second, every time.',
    },
    {
      id: 'the-curve',
      title: 'How long the throttle waits',
      text: 'AWS documents that the wait grows, up to 27 minutes between tries, and that ECS never stops trying; it does not publish the curve. The playground assumes one: no wait after the first failure, then 10 s, doubling each time (20 s, 40 s, 80 s …), capped at 27 minutes. Treat the exact numbers as ours, not AWS’s.',
    },
    {
      id: 'update-lifts',
      title: 'An update lifts the throttle',
      text: 'Wait until api has no task starting: the Why tab says it is waiting out the throttle. Then force a new deployment of api — same revision, same missing image.',
      predict: {
        question: 'You force a new deployment of api while it waits out its back-off. When does it try again?',
        choices: [
          { text: 'At once: updating the service resets the throttle.', happened: (ctx) => firstLaunchAt(ctx) - updatedAt(ctx) <= 5_000 },
          { text: 'Only when the current back-off ends.', happened: (ctx) => triedAfterUpdate(ctx) && firstLaunchAt(ctx) - updatedAt(ctx) > 5_000 },
        ],
        answer: 0,
        explain:
          'Updating a service — a new revision, forceNewDeployment, even another setting — returns it to the un-throttled state at once, so api tried within a second. The image is still missing, so this task fails like the others, and the back-off builds up again from the start.',
        revealWhen: triedAfterUpdate,
      },
      task: {
        text: 'Select service api and press Force new deployment.',
        controls: ['force-deployment'],
        spotlight: { kind: 'service', id: 'api' },
        solution: [{ command: { type: 'updateService', service: 'api', forceNewDeployment: true }, after: ({ world }) => live(world, API).length === 0 && throttledFor(world) >= 20_000 }],
      },
      done: triedAfterUpdate,
      doneText: 'api started a task straight away.',
    },
  ],
  practice: {
    text: 'Fix service api: register a revision of api whose image can be pulled, deploy it, and get api to 1 healthy task.',
    hint: 'Select api:1 and press Register new revision (E): set the image to public.ecr.aws/nginx/nginx:1.27 and the program to “Serves forever”. Then deploy the new revision to service api with Update service (U).',
    goal: ({ world }) => {
      const now = live(world, API);
      return now.length === 1 && now.every((t) => t.revision > 1) && healthy(world, API).length === 1 && running(world, API).length === 1;
    },
    solution: [
      {
        command: {
          type: 'registerTaskDefinition',
          taskDefinition: webTaskDefinition('api'),
        },
      },
      { command: { type: 'updateService', service: 'api', taskDefinition: 'api:2' } },
    ],
  },
  quiz: [
    {
      id: 'which-throttled',
      question: 'Which service does the ECS service throttle slow down?',
      choices: ['One whose tasks reach RUNNING and then crash.', 'One whose tasks never reach RUNNING, such as an image that can’t be pulled.', 'Any service whose tasks stop often.'],
      answer: 1,
      explain: 'The throttle is for tasks that go from PENDING straight to STOPPED. Tasks that reach RUNNING and then crash, or fail health checks, are replaced at once.',
    },
    {
      id: 'gives-up',
      question: 'An image tag is wrong and nobody notices for a day. What has ECS done?',
      choices: ['Given up after 10 tries.', 'Kept trying, at most 27 minutes apart.', 'Deleted the service.'],
      answer: 1,
      explain: 'ECS never gives up on a service; the throttle only spaces out the tries, up to 27 minutes apart. A deployment with the circuit breaker on would fail instead.',
    },
    {
      id: 'crash-loop-code',
      question: 'A service task crashed 30 s after it started. Which stopCode does it show?',
      choices: ['TaskFailedToStart', 'EssentialContainerExited', 'ServiceSchedulerInitiated'],
      answer: 1,
      explain: 'It reached RUNNING, then its essential container exited, which stops the task. TaskFailedToStart is for a task that never reached RUNNING.',
    },
  ],
};

/** How much longer api's start throttle holds back its next task (0 when it does not). */
function throttledFor(world: World): number {
  const s = world.services.get('api');
  return s ? Math.max(0, s.throttledUntil - world.now) : 0;
}
function updatedAt(ctx: LessonContext): number {
  const e = ctx.events.find((x) => x.type === 'ServiceUpdated' && x.serviceName === 'api');
  return e?.at ?? Number.POSITIVE_INFINITY;
}
/** When api first launched a task after the learner updated it (never, before an update). */
function firstLaunchAt(ctx: LessonContext): number {
  const since = updatedAt(ctx);
  const e = ctx.events.find((x) => x.type === 'TaskStateChanged' && x.group === 'service:api' && x.lastStatus === 'PROVISIONING' && x.at >= since);
  return e?.at ?? Number.POSITIVE_INFINITY;
}
/** api was updated since the step began, and has launched a task since. */
function triedAfterUpdate(ctx: LessonContext): boolean {
  return firstLaunchAt(ctx) < Number.POSITIVE_INFINITY;
}
