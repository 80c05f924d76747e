// Lesson 3: the core lesson. The same task definition run twice — once by a service, once by you —
// and the same stop, with two outcomes. Spec §0, §3.4, §5.3, §8.1–2.

import type { Lesson } from '../model.ts';
import { desiredCount, healthy, launchedSince, live, running, stoppedSince, stopsSince, tasks } from '../queries.ts';

const WEB = { service: 'web' } as const;
const MINE = { family: 'web', standalone: true } as const;

export const killATask: Lesson = {
  id: 'kill-a-task',
  title: 'Kill a task: service vs standalone',
  summary: 'Stop a task a service runs and a task you ran yourself, and see why only one comes back.',
  scene: 'lesson-kill',
  steps: [
    {
      id: 'two-kinds',
      title: 'Four copies of one blueprint',
      text: 'All four tasks run the same task definition, web:1. Three belong to service web, which keeps desiredCount 3 of them running. The fourth you started yourself with RunTask: a standalone task. Wait until all four are RUNNING.',
      done: ({ world }) => running(world, WEB).length === 3 && running(world, MINE).length === 1,
      doneText: 'All four are RUNNING: three of service web, one of your own.',
    },
    {
      id: 'stop-service-task',
      title: "Stop one of the service's tasks",
      text: 'Select one of service web’s tasks and stop it, as StopTask would.',
      predict: {
        question: 'You stop one of service web’s three tasks. What does ECS do next?',
        choices: [
          {
            text: 'Service web starts a new task to take its place.',
            happened: (ctx) => launchedSince(ctx, WEB).length > 0,
          },
          {
            text: 'ECS starts the same task again.',
            happened: (ctx) => stopsSince(ctx, WEB).some((e) => ctx.world.tasks.get(e.taskArn)?.desiredStatus === 'RUNNING'),
          },
          {
            text: 'Nothing: service web now runs two tasks.',
            happened: (ctx) => launchedSince(ctx, WEB).length === 0,
          },
        ],
        answer: 0,
        explain:
          'A service compares what runs with desiredCount on every tick. It saw 2 of 3 running and launched a new task — a new task with a new ID, never the old one restarted. The stopped task stays STOPPED with stopCode UserInitiated.',
        revealWhen: (ctx) => stoppedSince(ctx, WEB).length > 0 && running(ctx.world, WEB).length === 3,
      },
      task: {
        text: 'Select a task of service web, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [{ command: { type: 'stopTask', task: WEB } }],
      },
      done: (ctx) => stoppedSince(ctx, WEB).length > 0 && running(ctx.world, WEB).length === 3,
      doneText: 'Service web is back to 3 of 3 running, with a new task.',
    },
    {
      id: 'read-events',
      title: 'What the service said',
      text: 'Open the Events tab, newest first, in AWS’s words: “(service web) has reached a steady state.” above “(service web) has started 1 tasks: (task …).” The Why tab shows the scheduler’s reason: it saw fewer tasks running than desiredCount. A service keeps only its newest 100 events and does not repeat a message while its cause lasts (for up to six hours), so a gap in the list is expected.',
      look: ['events-tab', 'why-tab'],
    },
    {
      id: 'stop-your-task',
      title: 'Now stop the task you ran yourself',
      text: 'Select the standalone task (it sits in its own row, under web:1 but outside service web) and stop it.',
      predict: {
        question: 'You stop the task you started with RunTask. What happens?',
        choices: [
          {
            text: 'It is replaced, like the service’s task was.',
            happened: (ctx) => launchedSince(ctx, { standalone: true }).length > 0,
          },
          {
            text: 'It stays STOPPED, and nothing starts another.',
            happened: (ctx) => stoppedSince(ctx, MINE).length > 0 && launchedSince(ctx, { standalone: true }).length === 0,
          },
          {
            text: 'Service web takes it over and runs four tasks.',
            happened: (ctx) => desiredCount(ctx.world, 'web') !== 3 || live(ctx.world, WEB).length > 3,
          },
        ],
        answer: 1,
        explain:
          'Nothing watches a task you run yourself. RunTask starts tasks and forgets them: when one stops — for any reason, yours or a crash — it stays STOPPED. ECS keeps it on the list for about an hour so you can read its stopCode and exit codes.',
        // The engine has answered once the task is STOPPED and half a minute has gone by with no replacement.
        revealWhen: (ctx) => {
          const gone = stoppedSince(ctx, MINE)[0];
          return gone !== undefined && ctx.world.now - gone.at >= 30_000;
        },
      },
      task: {
        text: 'Select your standalone task, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', family: 'web', standalone: true },
        solution: [{ command: { type: 'stopTask', task: MINE } }],
      },
      done: (ctx) => stoppedSince(ctx, MINE).length > 0,
      doneText: 'Your task is STOPPED, and it stays that way.',
    },
    {
      id: 'why',
      title: 'Why',
      text: 'Use a service for anything that must keep running, like a web server: it replaces tasks that stop and is the only thing that puts tasks behind a load balancer. Use a standalone task for a job with a start and an end. If a job fails, nothing runs it again unless you do.',
    },
  ],
  practice: {
    text: 'Replace every task of service web, one at a time, without ever letting it drop below 2 running tasks.',
    keep: { text: 'service web keeps at least 2 tasks running', holds: ({ world }) => running(world, WEB).length >= 2 },
    hint: 'Stop one task, wait until service web is back to 3 healthy tasks, then stop the next.',
    goal: ({ world, since }) => {
      const now = live(world, WEB);
      return now.length === 3 && now.every((t) => t.createdAt >= since) && healthy(world, WEB).length === 3;
    },
    solution: [0, 1, 2].map((replaced) => ({
      command: { type: 'stopTask', task: { service: 'web', pick: 'oldest' } },
      after: ({ world, since }) => healthy(world, WEB).length === 3 && tasks(world, WEB).filter((t) => t.createdAt >= since).length === replaced,
    })),
  },
  quiz: [
    {
      id: 'job-fails',
      question: 'A task you started with RunTask exits with code 1 at 3 a.m. What happens?',
      choices: ['ECS starts it again after a back-off.', 'Nothing: it stays STOPPED until someone runs another.', 'The service that uses its task definition replaces it.'],
      answer: 1,
      explain: 'A standalone task has nothing watching it. A service replaces only its own tasks — a task is a service’s because the service started it, not because it shares the task definition.',
    },
    {
      id: 'what-a-service-does',
      question: 'What does a service do that a task definition does not?',
      choices: ['It runs containers.', 'It keeps desiredCount tasks running and replaces any that stop.', 'It pins the image version.'],
      answer: 1,
      explain: 'A task definition is a blueprint and runs nothing; tasks run it. A service is a controller that keeps desiredCount tasks of it running.',
    },
    {
      id: 'missing-event',
      question: 'Service api has failed to start its tasks all afternoon. Its Events tab says “is unable to consistently start tasks successfully” once, hours ago. Why not again?',
      choices: ['It recovered, and then failed again without saying so.', 'ECS does not repeat a service event while its cause lasts, for up to six hours.', 'The Events tab shows only the first hour.'],
      answer: 1,
      explain: 'Service events are deduplicated: a message is not said again while its cause lasts, for up to six hours, and only the newest 100 are kept. A missing message is not a missing event.',
    },
    {
      id: 'stop-code',
      question: 'You stop a service’s task yourself with StopTask. Which stopCode does the stopped task show?',
      choices: ['ServiceSchedulerInitiated', 'UserInitiated', 'EssentialContainerExited'],
      answer: 1,
      explain: 'StopTask gives UserInitiated (“Task stopped by user”), whoever owns the task. ServiceSchedulerInitiated is for tasks the service stops itself, during a deployment or a scale-in.',
    },
  ],
};
