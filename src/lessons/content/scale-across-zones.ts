// Lesson 4: desiredCount up and down. Where a service places new tasks (the Availability Zone with
// the fewest), which it stops on a scale-in (keeping the zones balanced), and what it says.
// Spec §3.4, §5.3, §5.8, §5.11 (E1, E2, E7).

import type { World } from '../../sim/index.ts';
import type { Lesson, LessonContext } from '../model.ts';
import { healthy, launchedSince, live, running, spread, steady, stoppedSince, stopsSince } from '../queries.ts';

const WEB = { service: 'web' } as const;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The service's live tasks number `each` in every one of the three zones. */
const evenly = (world: World, each: number) => {
  const s = spread(world, 'web');
  return ZONES.every((az) => s.get(az) === each);
};

/** Zones of the tasks told to stop since the step began. */
const stoppedZones = (ctx: LessonContext) => stopsSince(ctx, WEB).map((e) => e.availabilityZone);

export const scaleAcrossZones: Lesson = {
  id: 'scale-across-zones',
  title: 'Scale out and in across Availability Zones',
  summary: 'Raise and lower a service’s desiredCount and see where ECS places new tasks, which ones it stops, and what it says.',
  scene: 'lesson-scale',
  steps: [
    {
      id: 'one-per-zone',
      title: 'One task in each zone',
      text: 'Service web keeps desiredCount 3 tasks of web:1. It launched them in three Availability Zones — us-east-1a, us-east-1b and us-east-1c, the three columns of the cluster — one in each: a service spreads its tasks over the zones, so losing one zone never takes them all. Wait until all three are RUNNING.',
      done: ({ world }) => running(world, WEB).length === 3 && evenly(world, 1),
      doneText: 'Three tasks, one per zone.',
    },
    {
      id: 'scale-out',
      title: 'Scale out to 6',
      text: 'Raise desiredCount to 6.',
      predict: {
        question: 'You raise desiredCount from 3 to 6. Where do the three new tasks go?',
        choices: [
          { text: 'One more in each zone: 2, 2 and 2.', happened: ({ world }) => live(world, WEB).length === 6 && evenly(world, 2) },
          { text: 'All three in us-east-1a, the first zone.', happened: ({ world }) => [...spread(world, 'web').values()].some((n) => n >= 3) },
          { text: 'ECS stops the three it has and starts six new ones.', happened: (ctx) => stopsSince(ctx, WEB).length > 0 },
        ],
        answer: 0,
        explain:
          'A service places each new task in the zone where it has the fewest tasks. From 1, 1 and 1, the three new ones went to 1a, 1b and 1c in turn (the Why tab gives each launch’s reason). The three running tasks were left alone: a new desiredCount scales the service, it does not replace anything.',
        revealWhen: (ctx) => launchedSince(ctx, WEB).length >= 3,
      },
      task: {
        text: 'Select service web and press ] three times, or Update service (U) and set desiredCount to 6.',
        controls: ['scale', 'update-service'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', desiredCount: 6 } }],
      },
      done: (ctx) => live(ctx.world, WEB).length === 6,
      doneText: 'Six tasks: two in each zone.',
    },
    {
      id: 'what-it-said',
      title: 'What the service said',
      text: 'Open the Events tab. One line for the three: “(service web) has started 3 tasks: (task …) (task …) (task …).” It is sent when they launch, before they run. Once all six count healthy — each passed its container health check — the service adds “(service web) has reached a steady state.”',
      done: ({ world }) => healthy(world, WEB).length === 6 && steady(world, 'web'),
      doneText: 'Six healthy tasks: steady state.',
    },
    {
      id: 'scale-in',
      title: 'Scale in to 3',
      text: 'Now lower desiredCount back to 3.',
      predict: {
        question: 'You lower desiredCount from 6 to 3. Which tasks does ECS stop?',
        choices: [
          {
            text: 'One in each zone, so each zone keeps one.',
            happened: (ctx) => {
              const zones = stoppedZones(ctx);
              return zones.length === 3 && new Set(zones).size === 3 && evenly(ctx.world, 1);
            },
          },
          {
            text: 'Three from the same zone.',
            happened: (ctx) => {
              const zones = stoppedZones(ctx);
              return new Set(zones).size < zones.length;
            },
          },
          { text: 'None: a lower desiredCount only means ECS stops replacing tasks as they end.', happened: (ctx) => stopsSince(ctx, WEB).length === 0 },
        ],
        answer: 0,
        explain:
          'A scale-in keeps the zones balanced: ECS stops a task in the zone with the most, then the next, so 2, 2 and 2 became 1, 1 and 1. Which task within a zone is random, old and new alike. The stopped tasks show stopCode ServiceSchedulerInitiated and “Scaling activity initiated by (deployment ecs-svc/…)”: the service’s current deployment.',
        revealWhen: (ctx) => stopsSince(ctx, WEB).length >= 3,
      },
      task: {
        text: 'Select service web and press [ three times, or Update service (U) and set desiredCount to 3.',
        controls: ['scale', 'update-service'],
        spotlight: { kind: 'service', id: 'web' },
        solution: [{ command: { type: 'updateService', service: 'web', desiredCount: 3 } }],
      },
      done: (ctx) => live(ctx.world, WEB).length === 3 && stoppedSince(ctx, WEB).length >= 3,
      doneText: 'Three stopped, one per zone; three remain, one per zone.',
    },
    {
      id: 'stopped-on-purpose',
      title: 'Stopped on purpose',
      text: 'The Events tab now says “(service web) has stopped 3 running tasks: (task …) (task …) (task …).” The service says so because it chose to stop them; a task that dies on its own gets no such line. Each went through STOPPING (SIGTERM, then its server exited), DEPROVISIONING and STOPPED, like any stopped task.',
    },
    {
      id: 'replacement-zone',
      title: 'A replacement goes where it is missing',
      text: 'Stop one task of service web yourself. The service sees 2 of 3 running and starts a replacement — in the zone that just lost one, because that zone now has the fewest.',
      task: {
        text: 'Select any task of service web, then press Stop (S).',
        controls: ['stop-task'],
        spotlight: { kind: 'tasks', service: 'web' },
        solution: [{ command: { type: 'stopTask', task: WEB } }],
      },
      done: (ctx) => {
        const gone = stopsSince(ctx, WEB)[0];
        const back = launchedSince(ctx, WEB).some((arn) => ctx.world.tasks.get(arn)?.availabilityZone === gone?.availabilityZone);
        return gone !== undefined && back && running(ctx.world, WEB).length === 3;
      },
      doneText: 'The replacement is RUNNING in the zone the stopped task left.',
    },
  ],
  practice: {
    text: 'Take service web to 9 tasks and back to 3, ending with one task in each zone — and never fewer than 3 running.',
    keep: { text: 'service web keeps at least 3 tasks running', holds: ({ world }) => running(world, WEB).length >= 3 },
    hint: 'Set desiredCount to 9 (U), wait until the new tasks are RUNNING, then set it to 3.',
    goal: (ctx) => launchedSince(ctx, WEB).length >= 6 && stopsSince(ctx, WEB).length >= 6 && live(ctx.world, WEB).length === 3 && evenly(ctx.world, 1),
    solution: [
      { command: { type: 'updateService', service: 'web', desiredCount: 9 } },
      { command: { type: 'updateService', service: 'web', desiredCount: 3 }, after: ({ world }) => running(world, WEB).length === 9 },
    ],
  },
  quiz: [
    {
      id: 'delete-a-service',
      question: 'You want to delete service web while it runs 3 tasks. What does DeleteService need first?',
      choices: ['Nothing: the service is deleted and its tasks keep running.', 'desiredCount 0 (or force): then the service drains, stops its tasks, and only then goes INACTIVE.', 'Stopping each task by hand.'],
      answer: 1,
      explain:
        'ECS refuses to delete a service scaled above 0 unless you ask with force. Deleted, it is DRAINING while it stops its tasks, and its name stays taken until it is INACTIVE.',
    },
    {
      id: 'four-tasks',
      question: 'A service of 4 tasks runs in three Availability Zones. How are they spread?',
      choices: ['All 4 in one zone', '2, 1 and 1', 'At random'],
      answer: 1,
      explain: 'Each new task goes to the zone with the fewest of the service’s tasks, so no zone holds more than one task above another.',
    },
    {
      id: 'replacement-zone',
      question: 'Service web runs 2, 2 and 2 tasks in us-east-1a, 1b and 1c. A task in us-east-1b crashes. Where does its replacement start?',
      choices: ['us-east-1a, the first zone', 'us-east-1b, now the zone with the fewest', 'Inside the crashed task, restarted'],
      answer: 1,
      explain: 'The crash left 2, 1 and 2; the scheduler launches a new task — never the old one restarted — where the service has the fewest.',
    },
    {
      id: 'scale-in-code',
      question: 'Which stopCode does a task show when a scale-in stopped it?',
      choices: ['UserInitiated', 'ServiceSchedulerInitiated', 'EssentialContainerExited'],
      answer: 1,
      explain: 'The scheduler stopped it, with stoppedReason “Scaling activity initiated by (deployment ecs-svc/…)”. UserInitiated is StopTask’s; EssentialContainerExited is a task whose container ended by itself.',
    },
  ],
};
