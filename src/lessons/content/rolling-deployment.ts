// Lesson 8: a rolling deployment of a new revision. The minimumHealthyPercent / maximumPercent
// arithmetic (spec §5.5), PRIMARY and ACTIVE deployments, the old tasks draining, and where a
// "slow" deployment's time goes (spec §6.4, §8.9).

import type { Lesson } from '../model.ts';
import { healthy, live, serviceSaid, steady, tasks } from '../queries.ts';
import { maxLiveSince, serviceEventOf } from '../queriesB.ts';

const WEB = { service: 'web' } as const;

export const rollingDeployment: Lesson = {
  id: 'rolling-deployment',
  title: 'Roll out a new revision',
  summary: 'Update service web from web:1 to web:2 and watch the rolling deployment count: how many tasks start, when the old ones stop, and why it takes the time it does.',
  scene: 'lesson-rolling',
  steps: [
    {
      id: 'steady',
      title: 'Four tasks of web:1',
      text: 'Service web runs 4 tasks of web:1 behind web-alb. Select the service: its deploymentConfiguration is AWS’s default, minimumHealthyPercent 100 and maximumPercent 200. web:2, the same server on nginx 1.28, is registered but runs nothing yet. Wait for a steady state.',
      done: ({ world }) => steady(world, 'web') && healthy(world, WEB).length === 4,
      doneText: 'Service web has reached a steady state: 4 healthy tasks of web:1.',
    },
    {
      id: 'deploy',
      title: 'Deploy web:2',
      text: 'A deployment replaces every task with one of the new revision. The two percentages say how: maximumPercent caps the tasks running or starting, minimumHealthyPercent sets how many must stay healthy.',
      predict: {
        question: 'desiredCount is 4, minimumHealthyPercent 100, maximumPercent 200. During the deployment, at most how many of web’s tasks are running or starting at once?',
        choices: [
          { text: '4: never more than desiredCount.', happened: (ctx) => maxLiveSince(ctx, WEB) === 4 },
          { text: '5: one extra task at a time.', happened: (ctx) => maxLiveSince(ctx, WEB) === 5 },
          { text: '8: four new tasks start beside the four old ones.', happened: (ctx) => maxLiveSince(ctx, WEB) === 8 },
        ],
        answer: 2,
        explain:
          'maximumPercent allows floor(4 × 200 / 100) = 8 tasks running or starting, so ECS started all 4 web:2 tasks at once. minimumHealthyPercent keeps ceil(4 × 100 / 100) = 4 healthy: no web:1 task could stop until web:2 tasks counted healthy (container health check HEALTHY and a healthy target). Then it stopped the 4 old ones.',
        revealWhen: (ctx) => serviceSaid(ctx, 'web', 'stopped'),
      },
      task: {
        text: 'Select service web, press Update service (U), choose web:2 and press Update.',
        controls: ['update-service'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } }],
      },
      done: (ctx) => serviceSaid(ctx, 'web', 'stopped'),
      doneText: '4 web:2 tasks are healthy, and service web has stopped the 4 web:1 tasks.',
    },
    {
      id: 'two-deployments',
      title: 'Two deployments at once',
      text: 'Select service web. Under deployments: the PRIMARY one, web:2 with rolloutState IN_PROGRESS, is where the service is going. The ACTIVE one, web:1, still has tasks: they were deregistered from web-tg and are draining.',
      predict: {
        question: 'The 4 new tasks are healthy and the 4 old ones have been told to stop. When does ECS say “deployment completed”?',
        choices: [
          {
            text: 'At once: all 4 new tasks are healthy.',
            happened: (ctx) => {
              const done = serviceEventOf(ctx, 'web', 'deploymentCompleted');
              const drained = ctx.events.find((e) => e.type === 'TargetHealthChanged' && e.state === 'unused');
              return done !== undefined && (drained === undefined || done.seq < drained.seq);
            },
          },
          {
            text: 'Once the old tasks have drained and their containers have exited.',
            happened: (ctx) => {
              const done = serviceEventOf(ctx, 'web', 'deploymentCompleted');
              if (!done) return false;
              const old = tasks(ctx.world, WEB).filter((t) => t.revision === 1 && t.desiredStatus === 'STOPPED');
              const exited = new Set(ctx.events.filter((e) => e.type === 'ContainerStateChanged' && e.lastStatus === 'STOPPED' && e.seq < done.seq).map((e) => (e.type === 'ContainerStateChanged' ? e.taskArn : '')));
              return old.length === 4 && old.every((t) => exited.has(t.taskArn));
            },
          },
          {
            text: 'Never by itself: someone has to remove the old deployment.',
            happened: (ctx) => !serviceSaid(ctx, 'web', 'deploymentCompleted'),
          },
        ],
        answer: 1,
        explain:
          'A deployment is complete when only its own tasks remain, at desiredCount and healthy. Behind a load balancer an old task leaves slowly: its target drains for the deregistration delay (30 s here, 300 s by default), then its container gets SIGTERM and has up to its stopTimeout (30 s) to exit. Only then did ECS say “deployment completed.” and “has reached a steady state.”',
        revealWhen: (ctx) => serviceSaid(ctx, 'web', 'deploymentCompleted'),
      },
      doneText: 'The web:1 deployment is gone; web:2 is the only one, COMPLETED.',
    },
    {
      id: 'events',
      title: 'The deployment in AWS’s words',
      text: 'Open the Events tab and read it from the bottom: “has started 4 tasks”, “registered 4 targets”, “has stopped 4 running tasks”, “deregistered 4 targets”, “has begun draining connections on 4 tasks”, “deployment completed.”, “has reached a steady state.” The Why tab gives the numbers behind each launch and stop.',
    },
    {
      id: 'where-the-time-went',
      title: 'Where the time went',
      text: 'Deployments feel slow, and it is mostly waiting, not ECS. Here: about 27 s for Fargate to start each task, up to 30 s for the first container health check, about 10 s for the stop to reach the old tasks, the 30 s deregistration delay, then SIGTERM. With the default 300 s delay the same deployment takes over 6 minutes; an app that ignores SIGTERM adds its 30 s stopTimeout.',
    },
  ],
  practice: {
    text: 'Roll out a fresh deployment of web:2 (forceNewDeployment) that never runs more than 5 tasks at once and never has fewer than 4 healthy.',
    keep: { text: 'at most 5 tasks running or starting, and at least 4 healthy', holds: ({ world }) => live(world, WEB).length <= 5 && healthy(world, WEB).length >= 4 },
    hint: 'maximumPercent 125 of 4 allows 5 tasks: one new task at a time. Keep minimumHealthyPercent at 100. In Update service (U), set maximumPercent to 125 and tick forceNewDeployment.',
    goal: (ctx) => {
      const now = live(ctx.world, WEB);
      return serviceSaid(ctx, 'web', 'deploymentCompleted') && now.length === 4 && now.every((t) => t.createdAt >= ctx.since);
    },
    solution: [{ command: { type: 'updateService', service: 'web', forceNewDeployment: true, deploymentConfiguration: { maximumPercent: 125 } } }],
  },
  quiz: [
    {
      id: 'half-and-full',
      question: 'desiredCount 4, minimumHealthyPercent 50, maximumPercent 100. What does a deployment do first?',
      choices: ['Starts 4 new tasks.', 'Stops 2 old tasks, then starts 2 new ones.', 'Nothing: it is stuck.'],
      answer: 1,
      explain: 'maximumPercent allows floor(4 × 100 / 100) = 4 tasks, so there is no room to start one first; minimumHealthyPercent needs only ceil(4 × 50 / 100) = 2 healthy, so 2 old tasks may stop to make room.',
    },
    {
      id: 'hundred-hundred',
      question: 'minimumHealthyPercent 100 and maximumPercent 100. What happens when you deploy a new revision?',
      choices: ['It replaces one task at a time.', 'Nothing can start or stop: the deployment never progresses, and the service says it was unable to stop or start tasks.', 'ECS ignores the percentages.'],
      answer: 1,
      explain: 'No task may start (4 of 4 allowed are running) and none may stop (all 4 must stay healthy), so the deployment is stuck until you change one of the percentages.',
    },
    {
      id: 'slow-deploy',
      question: 'Deploying a small web app behind an ALB takes over 6 minutes. What is the usual reason?',
      choices: ['ECS schedules tasks slowly.', 'The old tasks drain for the 300 s default deregistration delay before they get SIGTERM.', 'Each task pulls the image again.'],
      answer: 1,
      explain: 'ECS waits for draining before it stops an old task. For short requests, AWS suggests lowering the deregistration delay (e.g. to 5 s); the health check interval and stopTimeout add the rest.',
    },
  ],
};
