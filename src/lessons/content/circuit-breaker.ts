// Lesson 9: a bad revision. The deployment circuit breaker's threshold, FAILED and the rollback to
// the last COMPLETED deployment (spec §5.6, sequence D); then the same bad revision without the
// breaker, a deployment that never finishes (spec §8.7).

import type { Lesson, LessonContext } from '../model.ts';
import { healthy, isStopFlip, launchedSince, live, serviceSaid, steady, targetsIn } from '../queries.ts';
import { restartGaps, serviceEventOf } from '../queriesB.ts';

const WEB = { service: 'web' } as const;

/** web:2 tasks whose essential container exited, counted up to the "deployment failed" event
 *  (-1 when the deployment has not failed). */
function failuresWhenItFailed(ctx: LessonContext): number {
  const failed = serviceEventOf(ctx, 'web', 'deploymentFailed');
  if (!failed) return -1;
  return ctx.events.filter((e) => isStopFlip(ctx.world, e) && e.seq < failed.seq && e.stopCode === 'EssentialContainerExited' && ctx.world.tasks.get(e.taskArn)?.revision === 2).length;
}

const web2Launched = (ctx: LessonContext) => launchedSince(ctx, WEB).filter((arn) => ctx.world.tasks.get(arn)?.revision === 2).length;
const allOnWeb1 = (ctx: LessonContext) => {
  const now = live(ctx.world, WEB);
  return now.length === 1 && now.every((t) => t.revision === 1) && healthy(ctx.world, WEB).length === 1;
};

export const circuitBreaker: Lesson = {
  id: 'circuit-breaker',
  title: 'A bad deployment and the circuit breaker',
  summary: 'Deploy a revision whose server crashes, watch the circuit breaker fail it and roll back, then see what the same deployment does without the breaker.',
  scene: 'lesson-circuit-breaker',
  steps: [
    {
      id: 'steady',
      title: 'A service with a circuit breaker',
      text: 'Service web runs 1 task of web:1 behind web-alb. Select it: deploymentCircuitBreaker is on, with rollback. web:2 is a bad build: its server crashes 5 seconds after it starts. Wait for a steady state.',
      done: ({ world }) => steady(world, 'web') && healthy(world, WEB).length === 1 && targetsIn(world, 'web-tg', 'healthy') === 1,
      doneText: 'Service web has reached a steady state on web:1.',
    },
    {
      id: 'deploy-bad',
      title: 'Deploy the bad revision',
      text: 'Deploy web:2. Each of its tasks reaches RUNNING, then its essential container exits with code 1, and service web starts another.',
      predict: {
        question: 'desiredCount is 1. How many web:2 tasks fail before the circuit breaker stops the deployment?',
        choices: [
          { text: '1: the first task that crashes.', happened: (ctx) => failuresWhenItFailed(ctx) === 1 },
          { text: '3: half of desiredCount, but never fewer than 3.', happened: (ctx) => failuresWhenItFailed(ctx) === 3 },
          { text: 'It never stops: ECS keeps trying until you intervene.', happened: (ctx) => !serviceSaid(ctx, 'web', 'deploymentFailed') },
        ],
        answer: 1,
        explain:
          'The threshold is clamp(ceil(desiredCount / 2), 3, 200): ceil(1 / 2) = 1, raised to the minimum of 3. A task counts if it never reaches RUNNING, dies on its own, or fails its health checks, until one of the deployment’s tasks has counted healthy. At 3 the deployment’s rolloutState became FAILED: “deployment failed: tasks failed to start.”',
        revealWhen: (ctx) => serviceSaid(ctx, 'web', 'deploymentFailed'),
      },
      task: {
        text: 'Select service web, press Update service (U), choose web:2 and press Update.',
        controls: ['update-service'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } }],
      },
      done: (ctx) => serviceSaid(ctx, 'web', 'deploymentFailed'),
      doneText: 'The web:2 deployment FAILED after 3 failed tasks.',
    },
    {
      id: 'rollback',
      title: 'The rollback',
      text: 'With rollback on, ECS goes back to the last deployment that COMPLETED: web:1’s. Its task never stopped — minimumHealthyPercent 100 kept it serving while web:2 tasks crashed — so clients got 200 throughout. In the Events tab: “deployment failed: tasks failed to start.”, then “rolling back to deployment ecs-svc/…”.',
      done: (ctx) => serviceSaid(ctx, 'web', 'deploymentCompleted') && allOnWeb1(ctx),
      doneText: 'The rollback completed: service web is on web:1 again.',
    },
    {
      id: 'no-breaker',
      title: 'The same deployment without the breaker',
      text: 'Now turn the circuit breaker off and deploy web:2 again.',
      predict: {
        question: 'The circuit breaker is off. What happens to the web:2 deployment?',
        choices: [
          { text: 'ECS gives up after a few failures and marks it FAILED.', happened: (ctx) => serviceSaid(ctx, 'web', 'deploymentFailed') },
          { text: 'ECS rolls back to web:1 by itself.', happened: (ctx) => serviceSaid(ctx, 'web', 'rollingBack') },
          { text: 'ECS waits longer and longer between attempts.', happened: (ctx) => restartGaps(ctx, 'web').some((gap) => gap >= 10_000) },
          {
            text: 'ECS keeps starting web:2 tasks, one after another; the deployment never completes.',
            happened: (ctx) => web2Launched(ctx) >= 6 && !serviceSaid(ctx, 'web', 'deploymentCompleted') && !serviceSaid(ctx, 'web', 'deploymentFailed'),
          },
        ],
        answer: 3,
        explain:
          'Only the circuit breaker fails a rolling deployment. Without it ECS replaces each crashed task at once — these reach RUNNING before they die, so the start throttle does not slow them — and the deployment stays IN_PROGRESS for good. web:1’s task keeps serving, because minimumHealthyPercent 100 lets no old task stop until a new one is healthy.',
        revealWhen: (ctx) => web2Launched(ctx) >= 6,
      },
      task: {
        text: 'Select service web and press Update service (U). Untick deploymentCircuitBreaker enable (and rollback), choose web:2 and press Update.',
        controls: ['update-service'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } } } }],
      },
      done: (ctx) => web2Launched(ctx) >= 6,
      doneText: 'Six web:2 tasks and counting: the deployment is still IN_PROGRESS.',
    },
    {
      id: 'never-finishes',
      title: 'Deployments that never finish',
      text: 'Without the breaker, a bad revision loops until someone acts. Two more ways a deployment stalls: minimumHealthyPercent 100 with maximumPercent 100 (nothing may start or stop), and an image that can’t be pulled, where the throttle only spaces the retries out, up to 27 minutes apart; with the breaker on, that deployment fails too.',
    },
  ],
  practice: {
    text: 'End the endless deployment yourself: put service web back on web:1, without ever dropping below 1 healthy task.',
    keep: { text: 'service web keeps 1 healthy task', holds: ({ world }) => healthy(world, WEB).length >= 1 },
    hint: 'Update service (U) with web:1: a new deployment of the revision that works. It replaces the crashing web:2 task and completes.',
    goal: (ctx) => serviceSaid(ctx, 'web', 'deploymentCompleted') && allOnWeb1(ctx),
    solution: [{ command: { type: 'updateService', service: 'web', taskDefinition: 'web:1' } }],
  },
  quiz: [
    {
      id: 'threshold-ten',
      question: 'desiredCount 10, circuit breaker on. After how many failed tasks does the deployment fail?',
      choices: ['3', '5', '10'],
      answer: 1,
      explain: 'clamp(ceil(10 / 2), 3, 200) = 5. For desiredCount 1 to 6 the minimum, 3, applies; the threshold never goes above 200.',
    },
    {
      id: 'no-breaker',
      question: 'A new revision crashes a few seconds after it starts, and the circuit breaker is off. What happens?',
      choices: ['ECS rolls back after 3 failures.', 'The deployment stays IN_PROGRESS, replacing crashed tasks for good.', 'ECS deletes the service.'],
      answer: 1,
      explain: 'Nothing else fails a rolling deployment. The tasks reach RUNNING before they crash, so not even the throttle slows the retries.',
    },
    {
      id: 'rollback-to',
      question: 'The circuit breaker trips with rollback on. Which deployment does ECS go back to?',
      choices: ['The previous one, whatever state it was in.', 'The most recent one that COMPLETED.', 'The family’s first revision.'],
      answer: 1,
      explain: 'ECS rolls back to the most recent COMPLETED deployment. If there is none, the failed deployment stalls without launching tasks.',
    },
  ],
};
