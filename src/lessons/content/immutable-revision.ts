// Lesson 11: a revision is immutable. Pushing a new build to the tag a revision names changes
// nothing that runs — not even a replacement, which runs the digest its deployment resolved —
// until a new deployment resolves the tag again; deregistering a revision stops nothing (spec
// §2.2, §2.5, §8.5–6; src/sim/images.ts).

import { webTaskDefinition } from '../../sim/index.ts';
import type { Lesson, LessonContext } from '../model.ts';
import { launchedSince, live, running, serviceSaid, steady, stopsSince } from '../queries.ts';
import { digestOf, registryDigest } from '../queriesB.ts';

const WEB = { service: 'web' } as const;
/** The tag web:1 names in the lesson-immutable scene: a repository of your own, a moving tag. */
const LESSON_WEB_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest';

const pushedAt = (ctx: LessonContext) => ctx.events.find((e) => e.type === 'ImagePushed')?.at;
const deregisteredAt = (ctx: LessonContext) => ctx.events.find((e) => e.type === 'TaskDefinitionDeregistered')?.at;
const onNewBuild = (ctx: LessonContext) => live(ctx.world, WEB).filter((t) => digestOf(t) === registryDigest(ctx.world, LESSON_WEB_IMAGE));
const registeredSince = (ctx: LessonContext) => ctx.events.some((e) => e.type === 'TaskDefinitionRegistered');
/** The replacement launched in this step, once it is RUNNING. */
const replacement = (ctx: LessonContext) => {
  const arn = launchedSince(ctx, WEB)[0];
  const t = arn ? ctx.world.tasks.get(arn) : undefined;
  return t && t.lastStatus === 'RUNNING' ? t : undefined;
};

export const immutableRevision: Lesson = {
  id: 'immutable-revision',
  title: 'A revision is immutable',
  summary: 'Push a new build to the tag web:1 names and see what changes (nothing that runs), what does (a new deployment), and what deregistering a revision stops (nothing).',
  scene: 'lesson-immutable',
  steps: [
    {
      id: 'tag-and-digest',
      title: 'A tag, and the build behind it',
      text: 'web:1 names its image by a tag, web:latest, in your own repository. When service web’s deployment started, ECS resolved the tag to a digest — one exact build — and both tasks run it. Select web:1: under images, “registry now” and “running tasks” show the same digest. Wait for a steady state.',
      done: ({ world }) => steady(world, 'web') && running(world, WEB).length === 2,
      doneText: 'Both tasks run the digest web:latest pointed at when the deployment started.',
    },
    {
      id: 'push',
      title: 'Push a new build to the same tag',
      text: 'You build a fix and push it to web:latest, the tag web:1 names. The registry now points the tag at a new digest.',
      predict: {
        question: 'You push a new build to web:latest. What happens to service web’s running tasks?',
        choices: [
          { text: 'ECS notices and replaces them with the new build.', happened: (ctx) => launchedSince(ctx, WEB).length > 0 || stopsSince(ctx, WEB).length > 0 },
          { text: 'ECS registers web:2 with the new build.', happened: (ctx) => registeredSince(ctx) },
          {
            text: 'Nothing: they keep running the build they started with.',
            happened: (ctx) => launchedSince(ctx, WEB).length === 0 && running(ctx.world, WEB).length === 2 && onNewBuild(ctx).length === 0,
          },
        ],
        answer: 2,
        explain:
          'A task pulls its image once, when it starts, and runs that digest until it stops: updates to a repository image are not passed on to running tasks. ECS does not watch the registry, and web:1 still says web:latest, as it always will — a revision never changes.',
        revealWhen: (ctx) => {
          const at = pushedAt(ctx);
          return at !== undefined && ctx.world.now - at >= 60_000;
        },
      },
      task: {
        text: 'Select web:1 and press Push a new build.',
        controls: ['push-image'],
        spotlight: { kind: 'taskDefinition', id: 'web:1' },
        solution: [{ command: { type: 'pushImage', image: LESSON_WEB_IMAGE } }],
      },
      done: (ctx) => {
        const at = pushedAt(ctx);
        return at !== undefined && ctx.world.now - at >= 60_000;
      },
      doneText: 'A minute later both tasks still run the old digest.',
    },
    {
      id: 'replacement',
      title: 'And a replacement?',
      text: 'Stop one of the two tasks. Service web starts a replacement of web:1, a brand-new task.',
      predict: {
        question: 'Which build does the replacement run?',
        choices: [
          { text: 'The new build: a new task pulls the tag again.', happened: (ctx) => { const t = replacement(ctx); return t !== undefined && digestOf(t) === registryDigest(ctx.world, LESSON_WEB_IMAGE); } },
          { text: 'The old build: it belongs to the same deployment, which resolved the tag once.', happened: (ctx) => { const t = replacement(ctx); return t !== undefined && digestOf(t) !== registryDigest(ctx.world, LESSON_WEB_IMAGE); } },
        ],
        answer: 1,
        explain:
          'ECS resolves a tag to a digest when a deployment starts, and every task of that deployment runs that digest, replacements too, so a service never runs a mix of builds by accident. The new build only arrives with a new deployment.',
        revealWhen: (ctx) => replacement(ctx) !== undefined,
      },
      task: {
        text: 'Select a task of service web, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [{ command: { type: 'stopTask', task: WEB } }],
      },
      done: (ctx) => replacement(ctx) !== undefined,
      doneText: 'The replacement runs the old digest, like its sibling.',
    },
    {
      id: 'force',
      title: 'A new deployment picks up the build',
      text: 'To run the new build, start a new deployment: forceNewDeployment deploys the same revision again, and resolves web:latest afresh.',
      task: {
        text: 'Select service web and press Force new deployment.',
        controls: ['force-deployment'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', forceNewDeployment: true }, after: ({ world }) => steady(world, 'web') }],
      },
      done: (ctx) => serviceSaid(ctx, 'web', 'deploymentCompleted') && onNewBuild(ctx).length === 2 && live(ctx.world, WEB).length === 2,
      doneText: 'Both tasks run the new build now: same revision, web:1, new deployment.',
    },
    {
      id: 'deregister',
      title: 'Deregister the revision',
      text: 'One more thing people expect to stop tasks: deregistering the revision they run, as DeregisterTaskDefinition does.',
      predict: {
        question: 'You deregister web:1, the revision both of web’s tasks run. What happens to them?',
        choices: [
          { text: 'They stop: their task definition is gone.', happened: (ctx) => stopsSince(ctx, WEB).length > 0 },
          { text: 'Service web moves them to another revision.', happened: (ctx) => ctx.events.some((e) => e.type === 'ServiceUpdated' || e.type === 'DeploymentStateChanged') },
          {
            text: 'Nothing: they keep running. web:1 is INACTIVE, so it can’t start new tasks or services.',
            happened: (ctx) => stopsSince(ctx, WEB).length === 0 && running(ctx.world, WEB).length === 2 && [...ctx.world.taskDefinitions.values()].some((td) => td.family === 'web' && td.revision === 1 && td.status === 'INACTIVE'),
          },
        ],
        answer: 2,
        explain:
          'Deregistering marks a revision INACTIVE: RunTask and CreateService refuse it from then on, but nothing that runs it stops, and a service on it still scales by desiredCount. Deleting it is a further step, and even then ECS waits until no task or deployment uses it.',
        revealWhen: (ctx) => {
          const at = deregisteredAt(ctx);
          return at !== undefined && ctx.world.now - at >= 60_000;
        },
      },
      task: {
        text: 'Select the task definition web:1 on the diagram, then press Deregister in its inspector.',
        controls: ['deregister'],
        spotlight: { kind: 'taskDefinition', id: 'web:1' },
        solution: [{ command: { type: 'deregisterTaskDefinition', taskDefinition: 'web:1' } }],
      },
      done: (ctx) => {
        const at = deregisteredAt(ctx);
        return at !== undefined && ctx.world.now - at >= 60_000;
      },
      doneText: 'web:1 is INACTIVE, and its two tasks are still RUNNING.',
    },
  ],
  practice: {
    text: 'Move service web off the INACTIVE web:1: register a new revision of web and roll it out, keeping 2 tasks running all along.',
    keep: { text: 'service web keeps 2 tasks running', holds: ({ world }) => running(world, WEB).length >= 2 },
    hint: 'Select web:1 and press Register new revision (E): web:2 is a new, immutable revision. Then deploy it with Update service (U).',
    goal: (ctx) => {
      const now = live(ctx.world, WEB);
      return serviceSaid(ctx, 'web', 'deploymentCompleted') && now.length === 2 && now.every((t) => t.revision > 1);
    },
    solution: [
      {
        command: {
          type: 'registerTaskDefinition',
          taskDefinition: webTaskDefinition('web', undefined, LESSON_WEB_IMAGE),
        },
      },
      { command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } },
    ],
  },
  quiz: [
    {
      id: 'same-tag',
      question: 'You push a fix to the same tag your task definition names. How do you get it onto service web’s running tasks?',
      choices: ['Wait: running tasks pick it up at their next health check.', 'Start a new deployment: forceNewDeployment, or a new revision.', 'Stop one task: its replacement pulls the new build.'],
      answer: 1,
      explain: 'A task runs the digest it started with, and a replacement runs its deployment’s digest. Only a new deployment resolves the tag again.',
    },
    {
      id: 'edit-revision',
      question: 'You need to change the memory of web:3. What do you do?',
      choices: ['Edit web:3 and restart the tasks.', 'Register web:4 with the new memory and deploy it.', 'Deregister web:3 and register it again.'],
      answer: 1,
      explain: 'A revision is immutable. Registering makes the next revision; revision numbers are never reused. A service moves to it only when you update the service.',
    },
    {
      id: 'deregister',
      question: 'You deregister the revision a service runs. What happens?',
      choices: ['Its tasks stop within a minute.', 'Nothing stops; the revision is INACTIVE and can’t be used for new tasks or services.', 'The service switches to the latest ACTIVE revision.'],
      answer: 1,
      explain: 'Deregistering stops nothing. Running tasks and services keep the revision, and the service can still scale on it.',
    },
  ],
};
