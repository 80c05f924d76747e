// Lesson 7: a stop is a sequence, not a moment. SIGTERM and exit 143; a container that ignores it
// killed at its stopTimeout with 137; behind a load balancer, DEACTIVATING while the target drains
// for the deregistration delay before SIGTERM is even sent. Spec §3.3, §3.5, §3.6, §6.4, §8.9–8.10.

import type { Task, World } from '../../sim/index.ts';
import type { Lesson, LessonContext } from '../model.ts';
import { exitCode, healthy, running, stoppedSince, stopsSince, targetsIn, tasks } from '../queries.ts';
import { containerExits, drainedSince, reachedAt, stopTook } from '../queriesA.ts';

const WEB = { service: 'web' } as const;
const MINE = { family: 'web', standalone: true } as const;
const LEGACY = { family: 'legacy', standalone: true } as const;

const first = (world: World, w: typeof MINE | typeof LEGACY): Task | undefined => tasks(world, w)[0];

/** How long the service task stopped since the step began took, from Stop to STOPPED. */
function serviceStopTook(ctx: LessonContext): number | null {
  const stop = stopsSince(ctx, WEB)[0];
  return stop ? stopTook(ctx, stop.taskArn) : null;
}

/** legacy's container: its exit code, and how long after SIGTERM (STOPPING) it came. */
function legacyEnd(ctx: LessonContext): { code: number | null; afterSigterm: number } | null {
  const t = first(ctx.world, LEGACY);
  if (!t) return null;
  const exit = containerExits(ctx, t.taskArn)[0];
  const sigterm = reachedAt(ctx, t.taskArn, 'STOPPING');
  return exit && sigterm !== null ? { code: exit.exitCode, afterSigterm: exit.at - sigterm } : null;
}

export const stoppingTakesTime: Lesson = {
  id: 'stopping-takes-time',
  title: 'Stopping takes time',
  summary: 'Stop three tasks — one that exits on SIGTERM, one that ignores it, one behind a load balancer — and time each stop.',
  scene: 'lesson-stop',
  steps: [
    {
      id: 'all-up',
      title: 'Three tasks to stop',
      text: 'Service web’s task sits behind web-alb. Beside it run two standalone tasks: one of web:1, and one of legacy:1, an old server that ignores SIGTERM. A stop is a sequence: desiredStatus turns STOPPED at once; ECS sends each container SIGTERM, waits up to its stopTimeout (30 s unless the container sets one), then sends SIGKILL. Wait until all three are RUNNING and web’s target is healthy.',
      done: ({ world }) => running(world, WEB).length === 1 && running(world, MINE).length === 1 && running(world, LEGACY).length === 1 && targetsIn(world, 'web-tg', 'healthy') === 1,
      doneText: 'All three RUNNING; web’s target is healthy.',
    },
    {
      id: 'graceful',
      title: 'A clean stop',
      text: 'Stop the standalone web task. Its server handles SIGTERM: it exits two seconds later with code 143 — 128 + 15, the number of SIGTERM. Then Fargate removes the task’s network interface (DEPROVISIONING), and the task is STOPPED about a minute after you pressed Stop.',
      task: {
        text: 'Select the standalone web task, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', family: 'web', standalone: true },
        solution: [{ command: { type: 'stopTask', task: MINE } }],
      },
      done: ({ world }) => {
        const t = first(world, MINE);
        return t?.lastStatus === 'STOPPED' && exitCode(t) === 143;
      },
      doneText: 'STOPPED, exit code 143: a clean shutdown.',
    },
    {
      id: 'ignores-sigterm',
      title: 'A server that ignores SIGTERM',
      text: 'Now stop legacy. Its server ignores SIGTERM.',
      predict: {
        question: 'legacy ignores SIGTERM. What happens after you press Stop?',
        choices: [
          { text: 'It exits with code 143 like web, just as fast.', happened: (ctx) => legacyEnd(ctx)?.code === 143 },
          {
            text: 'ECS waits its stopTimeout, 30 s, then kills it with SIGKILL: exit code 137.',
            happened: (ctx) => {
              const end = legacyEnd(ctx);
              return end !== null && end.code === 137 && end.afterSigterm >= 30_000;
            },
          },
          { text: 'It keeps running: a task cannot be stopped against its will.', happened: ({ world }) => first(world, LEGACY)?.lastStatus !== 'STOPPED' },
        ],
        answer: 1,
        explain:
          'ECS sent SIGTERM when the task went STOPPING; the server ignored it, so at the container’s stopTimeout — 30 s by default, at most 120 s on Fargate — ECS sent SIGKILL. 137 is 128 + 9, the number of SIGKILL: the same code an out-of-memory kill gives, which is why a server that ignores SIGTERM looks as if it crashed on every deployment.',
        revealWhen: ({ world }) => first(world, LEGACY)?.lastStatus === 'STOPPED',
      },
      task: {
        text: 'Select the legacy task, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', family: 'legacy', standalone: true },
        solution: [{ command: { type: 'stopTask', task: LEGACY } }],
      },
      done: ({ world }) => first(world, LEGACY)?.lastStatus === 'STOPPED',
      doneText: 'STOPPED, exit code 137: killed, 30 s after SIGTERM.',
    },
    {
      id: 'behind-lb',
      title: 'A stop behind a load balancer',
      text: 'Last, stop service web’s task, the one behind web-alb. Watch its lastStatus, and the target in web-tg.',
      predict: {
        question: 'How long from pressing Stop until service web’s task is STOPPED?',
        choices: [
          { text: 'About a minute, like the standalone web task.', happened: (ctx) => (serviceStopTook(ctx) ?? Infinity) < 90_000 },
          {
            text: 'About 30 s more than that: its stopTimeout.',
            happened: (ctx) => {
              const took = serviceStopTook(ctx);
              return took !== null && took >= 90_000 && took < 300_000;
            },
          },
          { text: 'Over 5 minutes: the load balancer drains it for 300 s before it even gets SIGTERM.', happened: (ctx) => (serviceStopTook(ctx) ?? 0) >= 300_000 },
        ],
        answer: 2,
        explain:
          'Behind a load balancer a stop begins with deregistration. The task sat in DEACTIVATING while its target was draining for the target group’s deregistration delay — 300 s, the AWS default — so requests in flight could finish. Only then did it go STOPPING and get SIGTERM (exit 143 two seconds later), then DEPROVISIONING and STOPPED. Service web did not wait: it started a replacement the moment you pressed Stop.',
        revealWhen: (ctx) => serviceStopTook(ctx) !== null,
      },
      task: {
        text: 'Select service web’s task, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [{ command: { type: 'stopTask', task: WEB } }],
      },
      done: (ctx) => serviceStopTook(ctx) !== null,
      doneText: 'STOPPED, more than five minutes after you pressed Stop.',
    },
    {
      id: 'what-it-said',
      title: 'What the service said',
      text: 'In the Events tab, within a second of your Stop: “(service web) deregistered 1 targets in (target-group …)” and “(service web, taskSet ecs-svc/…) has begun draining connections on 1 tasks.” Then nothing about it for 300 s. A rolling deployment pays this for every old task it stops: the deregistration delay, plus up to the stopTimeout, plus the new tasks’ health checks. That, not ECS, is what makes most deployments slow.',
    },
  ],
  practice: {
    text: 'Make a stop of service web’s task, from Stop to STOPPED, take under 2 minutes. The task must be behind the load balancer when you stop it.',
    hint: 'Select web-alb and lower its deregistration delay — AWS suggests as little as 5 s for a service whose requests finish in under a second — then stop service web’s task.',
    goal: (ctx) =>
      stoppedSince(ctx, WEB).some((e) => {
        const took = stopTook(ctx, e.taskArn);
        return took !== null && took < 120_000 && drainedSince(ctx, e.taskArn);
      }),
    solution: [
      { command: { type: 'modifyTargetGroup', targetGroup: 'web-tg', deregistrationDelaySeconds: 5 } },
      { command: { type: 'stopTask', task: WEB }, after: ({ world }) => healthy(world, WEB).length === 1 },
    ],
  },
  quiz: [
    {
      id: 'exit-137',
      question: 'You stop a task, and 30 s after it went STOPPING its container shows exit code 137. What happened?',
      choices: ['It crashed while shutting down.', 'It ignored SIGTERM and was killed with SIGKILL at its stopTimeout.', 'It shut down cleanly.'],
      answer: 1,
      explain: '137 is 128 + 9: killed by SIGKILL. 30 s after SIGTERM is the default stopTimeout. A server that handles SIGTERM exits with 143 instead, and no SIGKILL is sent.',
    },
    {
      id: 'slow-deployment',
      question: 'Each batch of your rolling deployment behind a load balancer takes over 5 minutes, though the app starts in seconds. The usual cause?',
      choices: ['ECS is slow to place tasks.', 'The target group’s deregistration delay, 300 s by default, before each old task gets SIGTERM.', 'The container image is large.'],
      answer: 1,
      explain: 'ECS drains an old task’s target for the whole deregistration delay before it stops the containers. Lower it (AWS suggests 5 s for quick requests) to speed every deployment and scale-in up.',
    },
    {
      id: 'exit-143',
      question: 'What does exit code 143 mean on a stopped task’s container?',
      choices: ['It handled SIGTERM and exited: 128 + 15.', 'It ran out of memory.', 'It was killed with SIGKILL.'],
      answer: 0,
      explain: 'A stop sends SIGTERM (15); a process that exits on it reports 128 + 15 = 143. SIGKILL (9) gives 137.',
    },
  ],
};
