// Lesson 1: what a task definition holds — here two containers, a web server and its sidecar, one
// waiting for the other (dependsOn), both logging with awslogs — that a task runs them together,
// each with its own status, and that only an essential one's exit stops it; where their output
// goes; that a revision is a new blueprint and never an edit, and that a task is one running copy
// of one revision for its whole life. Spec §0, §2.1–2.8, §3.5–3.6, §8.1, §8.6, §8.12.

import { anatomyWeb, type TaskDefinitionInput } from '../../sim/index.ts';
import type { Lesson } from '../model.ts';
import { launchedSince, running, stopsSince } from '../queries.ts';
import { containerExits, containerOf, firstTaskOf, revisionOf } from '../queriesA.ts';

const MINE = { family: 'web', standalone: true } as const;

/** web:1 as the scene registers it (lesson-anatomy), with another size: a new revision. */
const webRevision = (cpu: string, memory: string): TaskDefinitionInput => ({ ...anatomyWeb, cpu, memory });

/** The task the scene started from web:1. */
const original = (world: Parameters<typeof firstTaskOf>[0]) => firstTaskOf(world, 'web', 1);

/** web:1's sidecar, the one container the learner crashes. */
const SIDECAR = 'xray-daemon';

export const anatomy: Lesson = {
  id: 'anatomy',
  title: 'Anatomy: task definition, revision, task',
  summary: 'Read a task definition of two containers, see them run together in a task, each with its own status and log stream, then register a new revision and see that a running task keeps the revision it started with.',
  scene: 'lesson-anatomy',
  steps: [
    {
      id: 'blueprint',
      title: 'A blueprint: web:1',
      text: 'Select the task definition web:1. It is a blueprint: family web, revision 1. It asks Fargate for 256 CPU units (0.25 vCPU) and 512 MiB for the whole task, and lists two containers that share them. web runs nginx on port 80: it is essential, reserves 224 of the units and has two environment variables. xray-daemon, the AWS X-Ray daemon, is a sidecar: not essential, 32 units and 256 MiB. web dependsOn xray-daemon with condition START: it starts once the daemon has started. Both send their output to CloudWatch Logs (driver awslogs), so web:1 names an executionRoleArn, the role ECS uses to ship those logs. A task definition runs nothing by itself.',
    },
    {
      id: 'a-task',
      title: 'A task: one running copy',
      text: 'The task beside it was started from web:1 with RunTask. It has its own ID and its own life: PROVISIONING, PENDING, then RUNNING. Select it: its task definition is web:1, and its cpu and memory are web:1’s. A task is RUNNING only once none of its containers is still waiting to start: here web starts as soon as xray-daemon has. Wait until it is RUNNING.',
      done: ({ world }) => running(world, MINE).length >= 1,
      doneText: 'RUNNING: one copy of web:1, both containers started.',
    },
    {
      id: 'containers',
      title: 'Inside the task: its containers',
      text: 'A task runs all the containers of its revision together, on one network interface: they share localhost, which is how web reaches the daemon at localhost:2000. Select the task and read its containers table: each container has its own lastStatus and, once it stops, its own exitCode. Order counts at both ends: web starts once the daemon has, and when the task stops web stops first, the daemon last (shutdown runs in reverse dependency order). web is essential: if it exits, for any reason, ECS stops the whole task. xray-daemon is not.',
      predict: {
        question: 'You crash xray-daemon, which is not essential. What happens to the task?',
        choices: [
          {
            text: 'It keeps running: xray-daemon shows STOPPED with exit code 1, and web serves on.',
            happened: (ctx) => {
              const t = original(ctx.world);
              const sidecar = containerOf(t, SIDECAR);
              return (
                t?.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && sidecar?.lastStatus === 'STOPPED' && sidecar.exitCode === 1 && containerOf(t, 'web')?.lastStatus === 'RUNNING' && stopsSince(ctx).length === 0
              );
            },
          },
          {
            text: 'It stops: ECS stops web too, and the task goes to STOPPED.',
            happened: (ctx) => {
              const t = original(ctx.world);
              return t === undefined || t.desiredStatus === 'STOPPED' || containerOf(t, 'web')?.lastStatus !== 'RUNNING' || stopsSince(ctx).length > 0;
            },
          },
          {
            text: 'ECS restarts xray-daemon in the same task.',
            happened: ({ world }) => {
              const sidecar = containerOf(original(world), SIDECAR);
              return sidecar !== undefined && ((sidecar.restartCount ?? 0) > 0 || sidecar.lastStatus !== 'STOPPED');
            },
          },
        ],
        answer: 0,
        explain:
          'Only an essential container’s exit stops its task (stopCode EssentialContainerExited). A container that is not essential just stops: its lastStatus is STOPPED, with its exit code, and the task stays RUNNING without it. Nothing starts it again either; only a restartPolicy in its container definition would restart it in place. web serves on, with no daemon to take its traces. That is why a sidecar you can live without is marked essential: false.',
        // The engine has answered once the sidecar has ended (or been restarted in place) and a little time has passed.
        revealWhen: (ctx) => {
          const t = original(ctx.world);
          const ended = t && (containerExits(ctx, t.taskArn).find((e) => e.containerName === SIDECAR)?.at ?? containerOf(t, SIDECAR)?.lastRestartAt);
          return ended !== undefined && ctx.world.now - ended >= 15_000;
        },
      },
      task: {
        text: 'Select the task, and in its containers table press Crash xray-daemon.',
        controls: ['crash-container'],
        spotlight: { kind: 'tasks', family: 'web', standalone: true },
        solution: [{ command: { type: 'crashContainer', task: { family: 'web', standalone: true }, container: SIDECAR, exitCode: 1 } }],
      },
      done: ({ world }) => containerOf(original(world), SIDECAR)?.lastStatus === 'STOPPED',
      doneText: 'xray-daemon is STOPPED with exit code 1; the task is still RUNNING.',
    },
    {
      id: 'logs',
      title: 'Where its output went: the logs',
      look: ['logs-tab'],
      text: 'Each container with the awslogs driver writes its output to a log stream of its own, named prefix/container/task ID: here ecs/web/<task ID> and ecs/xray-daemon/<task ID>, both in the log group /ecs/web. Open the Logs tab with the task selected: web’s stream shows nginx starting up; xray-daemon’s ends with its crash, “daemon stopped unexpectedly (exit code 1)”. The logs outlive what wrote them: a stream stays after its container stops, and after ECS has forgotten its task, an hour after the task stopped. When a task has stopped and you want to know why, read its logs.',
    },
    {
      id: 'new-revision',
      title: 'Change the blueprint: a new revision',
      text: 'Say web needs more memory. You cannot edit web:1: a registered revision never changes. You register a new one, and it becomes web:2.',
      predict: {
        question: 'You register web:2 with 1024 MiB. What happens to the task running web:1?',
        choices: [
          {
            text: 'Nothing: it keeps running web:1, with 512 MiB.',
            happened: (ctx) => {
              const t = original(ctx.world);
              return t !== undefined && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && t.memory === '512' && t.revision === 1 && launchedSince(ctx).length === 0;
            },
          },
          {
            text: 'Its memory grows to 1024 MiB where it runs.',
            happened: ({ world }) => {
              const t = original(world);
              return t !== undefined && (t.memory !== '512' || t.revision !== 1);
            },
          },
          {
            text: 'ECS stops it and starts a task of web:2 in its place.',
            happened: (ctx) => original(ctx.world)?.desiredStatus === 'STOPPED' || launchedSince(ctx).length > 0,
          },
        ],
        answer: 0,
        explain:
          'Registering a revision only adds a blueprint: web:2 sits beside web:1, and nothing runs it until you ask. A task is made from one revision when it starts and keeps it for life — its cpu and memory, and its containers with their images, environment, dependencies and log configuration. To move work to web:2 you start new tasks from it (a service’s deployment does that for you).',
        // The engine has answered once web:2 is registered and a little time has passed with the task untouched.
        revealWhen: ({ world }) => {
          const next = revisionOf(world, 'web', 2);
          return next !== undefined && world.now - next.registeredAt >= 15_000;
        },
      },
      task: {
        text: 'Select web:1 and press New revision (E). Set memory to 1024 and register it.',
        controls: ['new-revision'],
        spotlight: { kind: 'taskDefinition', id: 'web:1' },
        solution: [{ command: { type: 'registerTaskDefinition', taskDefinition: webRevision('256', '1024') } }],
      },
      done: ({ world }) => {
        const next = revisionOf(world, 'web', 2);
        return next !== undefined && next.memory !== revisionOf(world, 'web', 1)?.memory;
      },
      doneText: 'web:2 is registered, and the web:1 task runs on as it was.',
    },
    {
      id: 'immutable',
      title: 'web:1 did not change',
      text: 'Select web:1 again: still ACTIVE, still 512 MiB. Revisions are never edited and their numbers never reused. Deregistering web:1 would not stop its task either: the revision would turn INACTIVE, so nothing new could start from it, and the task already running would carry on.',
    },
    {
      id: 'run-web-2',
      title: 'Run the new revision',
      text: 'To use web:2, start a task of it. RunTask takes family:revision; a bare family name, web, means its latest ACTIVE revision, now web:2.',
      task: {
        text: 'Select web:2 and press Run task (T), one task.',
        controls: ['run-task'],
        spotlight: { kind: 'taskDefinition', id: 'web:2' },
        solution: [{ command: { type: 'runTask', taskDefinition: 'web:2', count: 1 } }],
      },
      done: ({ world }) => running(world, MINE).some((t) => t.revision === 2) && original(world)?.lastStatus === 'RUNNING',
      doneText: 'Two tasks of family web: one of web:1, one of web:2.',
    },
    {
      id: 'side-by-side',
      title: 'Two revisions side by side',
      text: 'Select each task: one runs web:1 with 512 MiB, the other web:2 with 1024 MiB. A task keeps the revision it started with until it stops. That is why changing a task definition is two moves: register a new revision, then start tasks of it — and stop the old ones.',
    },
  ],
  practice: {
    text: 'Get a task running from a revision of web with 0.5 vCPU (cpu 512) and 1024 MiB, and leave the web:1 task running.',
    keep: { text: 'the web:1 task keeps running', holds: ({ world }) => original(world)?.desiredStatus === 'RUNNING' },
    hint: 'New revision (E) with cpu 512 and memory 1024, then Run task (T) on it. Fargate takes only some pairs: cpu 512 allows 1024 to 4096 MiB.',
    goal: ({ world }) => running(world, { family: 'web' }).some((t) => t.cpu === '512' && t.memory === '1024'),
    solution: [
      { command: { type: 'registerTaskDefinition', taskDefinition: webRevision('512', '1024') } },
      { command: { type: 'runTask', taskDefinition: 'web:3', count: 1 } },
    ],
  },
  quiz: [
    {
      id: 'what-runs',
      question: 'Which of these runs your containers?',
      choices: ['The task definition web:1', 'A task of web:1', 'The family web'],
      answer: 1,
      explain: 'A task definition, in any revision, is a blueprint and runs nothing. A task is one running copy of one revision; there can be many tasks of the same revision.',
    },
    {
      id: 'init-container',
      question: 'A job has an init container, fetch-config, that must exit with code 0 before the job container starts. How do you write that in the task definition?',
      choices: [
        'job dependsOn fetch-config with condition START; both essential.',
        'job dependsOn fetch-config with condition SUCCESS; fetch-config has essential: false.',
        'job dependsOn fetch-config with condition SUCCESS; both essential.',
      ],
      answer: 1,
      explain:
        'SUCCESS waits for an exit with code 0 (COMPLETE takes any exit code; START only waits for the container to start). A container that is meant to exit cannot be essential, or its exit would stop the task, so ECS refuses it when you register: “A dependency container with SUCCESS or COMPLETE condition cannot be an essential container.” If fetch-config exits non-zero, job never starts and the task fails to start.',
    },
    {
      id: 'fargate-size',
      question: 'You register a Fargate task definition with cpu 256 and memory 4096. What happens?',
      choices: ['It is registered and Fargate gives it 2048 MiB.', 'RegisterTaskDefinition refuses it: “No Fargate configuration exists for given values.”', 'It is registered, and its tasks fail to start.'],
      answer: 1,
      explain: 'Fargate sizes come in fixed pairs, set at the task level: cpu 256 takes 512, 1024 or 2048 MiB; cpu 512 takes 1024 to 4096. Anything else is a ClientException when you register.',
    },
    {
      id: 'stream-prefix',
      question: 'A Fargate container’s logConfiguration uses awslogs with a log group and a Region but no awslogs-stream-prefix. What happens?',
      choices: ['Its logs go to a stream named after the container.', 'RegisterTaskDefinition refuses it: “Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.”', 'The task starts but writes no logs.'],
      answer: 1,
      explain: 'On Fargate the stream prefix is required: ECS names each stream prefix/container/task-ID, so you can find a task’s logs by its ID.',
    },
  ],
};
