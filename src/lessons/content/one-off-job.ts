// Lesson 2: a standalone task as a batch job — its whole life from RunTask to STOPPED with exit
// code 0, and nothing starting it again. Spec §3.1, §3.3–3.5, §3.8, §4, §8.2, §9 (ACTIVATING).

import type { Task, World } from '../../sim/index.ts';
import type { Lesson } from '../model.ts';
import { exitCode, launchedSince, running, tasks } from '../queries.ts';

const JOB = { family: 'report', standalone: true } as const;

/** The first run of the job (the lesson runs one). */
const firstRun = (world: World): Task | undefined => tasks(world, JOB)[0];

const finishedCleanly = (t: Task | undefined) => t !== undefined && t.lastStatus === 'STOPPED' && t.stopCode === 'EssentialContainerExited' && exitCode(t) === 0;

export const oneOffJob: Lesson = {
  id: 'one-off-job',
  title: 'A one-off job',
  summary: 'Run a batch job as a standalone task, follow it from PROVISIONING to STOPPED with exit code 0, and see that nothing starts it again.',
  scene: 'lesson-job',
  steps: [
    {
      id: 'the-job',
      title: 'A job’s blueprint',
      text: 'report:1 is the task definition of a batch job: one container, report, that works for about a minute and then exits with code 0. (Its docker label ecs-playground.app, the playground’s own, says what the simulated program does: exit 0 after 60s.) Nothing runs yet. A job like this runs as a standalone task: you start it, it does its work, it stops.',
    },
    {
      id: 'run-it',
      title: 'Run it',
      text: 'Start one task of report:1. RunTask answers at once with a task whose lastStatus is PROVISIONING and whose desiredStatus is RUNNING: ECS has accepted the job; nothing has started yet.',
      task: {
        text: 'Press Run task (T), choose report:1, one task, and run it.',
        controls: ['run-task'],
        spotlight: { kind: 'taskDefinition', id: 'report:1' },
        solution: [{ command: { type: 'runTask', taskDefinition: 'report:1', count: 1 } }],
      },
      done: (ctx) => launchedSince(ctx, JOB).length > 0,
      doneText: 'A task of report:1, PROVISIONING.',
    },
    {
      id: 'starting',
      title: 'PROVISIONING, PENDING, RUNNING',
      text: 'Watch its lastStatus (at high speed the states fly by: pause, then press Step to go one change at a time). PROVISIONING while Fargate attaches the task’s network interface (about 22 s here), PENDING while the image is pulled and the container created (about 5 s), then RUNNING: its essential container has started. Real ECS may show ACTIVATING between PENDING and RUNNING; the playground skips it, as its footer says.',
      done: ({ world }) => firstRun(world)?.startedAt !== undefined,
      doneText: 'RUNNING: the job is at work.',
    },
    {
      id: 'finishes',
      title: 'The job finishes',
      text: 'In about a minute the report container finishes its work and exits.',
      predict: {
        question: 'The job’s only container exits with code 0. What happens next?',
        choices: [
          {
            text: 'The task stops for good: STOPPED, stopCode EssentialContainerExited.',
            happened: ({ world }) => finishedCleanly(firstRun(world)) && tasks(world, JOB).length === 1,
          },
          {
            text: 'ECS starts it again: a container that exits is restarted.',
            happened: ({ world }) => tasks(world, JOB).length > 1 || (firstRun(world)?.containers.some((c) => c.lastStatus === 'RUNNING' && c.exitCode !== null) ?? false),
          },
          {
            text: 'The task stays RUNNING, idle, until you stop it.',
            happened: ({ world }) => {
              const t = firstRun(world);
              return t !== undefined && t.desiredStatus === 'RUNNING' && exitCode(t) !== null;
            },
          },
        ],
        answer: 0,
        explain:
          'A task lives as long as its essential container. When report exited, ECS set desiredStatus to STOPPED with stopCode EssentialContainerExited (“Essential container in task exited”) and took the task down: STOPPING, DEPROVISIONING (its network interface removed), STOPPED. Exit code 0 means the job succeeded, but a finished job is still a stopped task, and nothing runs it again.',
        // Answered once the task is STOPPED and half a minute has passed with nothing started.
        revealWhen: ({ world }) => {
          const t = firstRun(world);
          return t?.lastStatus === 'STOPPED' && t.stoppedAt !== undefined && world.now - t.stoppedAt >= 30_000;
        },
      },
      done: ({ world }) => firstRun(world)?.lastStatus === 'STOPPED',
      doneText: 'STOPPED, exit code 0. Nothing else happened.',
    },
    {
      id: 'read-it',
      title: 'Read the stopped task',
      look: ['tasks-table'],
      text: 'Find the stopped task in the Tasks table (it leaves the diagram a minute after it stops) and select it: lastStatus STOPPED, desiredStatus STOPPED, stopCode EssentialContainerExited, stoppedReason “Essential container in task exited”, and container report with exit code 0. ECS keeps a stopped task visible for at least an hour, so you can read why it stopped.',
    },
    {
      id: 'again',
      title: 'Nothing runs it again',
      text: 'No service watches a task you run yourself, so nothing starts another: not after a success, and not after a failure either. To run a job again, something must call RunTask again — you, or a schedule (in AWS, an EventBridge Scheduler schedule that calls RunTask). A service would be wrong for a job: it would start a new task every time one finished.',
    },
  ],
  practice: {
    text: 'Make a run of the job fail: get a task of report:1 to stop with a non-zero exit code. Then see what runs it again.',
    hint: 'Run a task of report:1 (T), slow the clock (−) or pause and Step until it is RUNNING, then select it and press Crash (C): its container exits with code 1.',
    goal: ({ world, since }) =>
      tasks(world, JOB).some((t) => t.createdAt >= since && t.lastStatus === 'STOPPED' && t.stopCode === 'EssentialContainerExited' && (exitCode(t) ?? 0) !== 0),
    solution: [
      { command: { type: 'runTask', taskDefinition: 'report:1', count: 1 } },
      { command: { type: 'crashContainer', task: { family: 'report', standalone: true }, exitCode: 1 }, after: ({ world }) => running(world, JOB).length > 0 },
    ],
  },
  quiz: [
    {
      id: 'exit-zero-code',
      question: 'A standalone job’s container exits with code 0. Which stopCode does its task show?',
      choices: ['UserInitiated', 'EssentialContainerExited', 'TaskFailedToStart'],
      answer: 1,
      explain: 'The task stopped because its essential container did, whatever the exit code. UserInitiated is for StopTask; TaskFailedToStart is for a task that never reached RUNNING.',
    },
    {
      id: 'retry',
      question: 'A standalone job exits with code 1 at 3 a.m. What does ECS do?',
      choices: ['Starts it again after a back-off.', 'Nothing: it stays STOPPED until something runs another task.', 'Runs it again in the next Availability Zone.'],
      answer: 1,
      explain: 'Nothing watches a standalone task. Only a container restartPolicy, which you must turn on in the task definition, restarts a container in place; without one, a failed job stays failed until you or a schedule call RunTask again.',
    },
    {
      id: 'first-status',
      question: 'RunTask has just returned your Fargate task. What is its lastStatus?',
      choices: ['PENDING', 'PROVISIONING', 'RUNNING'],
      answer: 1,
      explain: 'A Fargate task starts in PROVISIONING (its network interface is being attached), then PENDING, then RUNNING. desiredStatus is RUNNING from the start.',
    },
  ],
};
