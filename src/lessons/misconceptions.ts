// Spec §8's fourteen misconceptions, and where the lessons teach each one: a step, a prediction
// (named by its step) or a quiz question. One the engine cannot show says why instead.
// lessons.test.ts checks that every entry points at something that exists.

export type Taught = { lesson: string; step?: string; prediction?: string; quiz?: string };
export type Misconception = { n: number; title: string; taughtBy: readonly Taught[] } | { n: number; title: string; notShown: string };

export const MISCONCEPTIONS: readonly Misconception[] = [
  {
    n: 1,
    title: 'Task vs service vs task definition',
    taughtBy: [
      { lesson: 'anatomy', step: 'blueprint' },
      { lesson: 'anatomy', quiz: 'what-runs' },
      { lesson: 'kill-a-task', quiz: 'what-a-service-does' },
    ],
  },
  {
    n: 2,
    title: 'A standalone task is not restarted and not behind the load balancer',
    taughtBy: [
      { lesson: 'kill-a-task', prediction: 'stop-your-task' },
      { lesson: 'one-off-job', prediction: 'finishes' },
      { lesson: 'behind-a-load-balancer', prediction: 'your-own-task' },
      { lesson: 'behind-a-load-balancer', quiz: 'standalone-behind-lb' },
    ],
  },
  {
    n: 3,
    title: 'RUNNING is not ready or healthy',
    taughtBy: [
      { lesson: 'running-is-not-healthy', step: 'running' },
      { lesson: 'running-is-not-healthy', quiz: 'running-means' },
      { lesson: 'behind-a-load-balancer', prediction: 'no-targets-yet' },
    ],
  },
  {
    n: 4,
    title: 'The three health signals are independent (and the grace period only pauses the reaction)',
    taughtBy: [
      { lesson: 'running-is-not-healthy', step: 'signals' },
      { lesson: 'running-is-not-healthy', step: 'grace' },
      { lesson: 'running-is-not-healthy', quiz: 'grace' },
    ],
  },
  {
    n: 5,
    title: 'Pushing a new image to the same tag does nothing to running tasks',
    taughtBy: [
      { lesson: 'immutable-revision', prediction: 'push' },
      { lesson: 'immutable-revision', prediction: 'replacement' },
      { lesson: 'immutable-revision', quiz: 'same-tag' },
    ],
  },
  {
    n: 6,
    title: 'Task definitions are immutable, and deregistering one stops nothing',
    taughtBy: [
      { lesson: 'anatomy', prediction: 'new-revision' },
      { lesson: 'immutable-revision', prediction: 'deregister' },
      { lesson: 'immutable-revision', quiz: 'edit-revision' },
    ],
  },
  {
    n: 7,
    title: 'Deployments that never finish',
    taughtBy: [
      { lesson: 'circuit-breaker', prediction: 'no-breaker' },
      { lesson: 'rolling-deployment', quiz: 'hundred-hundred' },
      { lesson: 'crash-loop-vs-wont-start', prediction: 'which-backs-off' },
    ],
  },
  {
    n: 8,
    title: '503 means no registered targets; all unhealthy fails open',
    taughtBy: [
      { lesson: 'behind-a-load-balancer', prediction: 'no-targets-yet' },
      { lesson: 'behind-a-load-balancer', prediction: 'fail-open' },
      { lesson: 'behind-a-load-balancer', quiz: 'all-unhealthy' },
    ],
  },
  {
    n: 9,
    title: 'Slow deployments are the deregistration delay, the stop timeout and the health checks',
    taughtBy: [
      { lesson: 'rolling-deployment', step: 'where-the-time-went' },
      { lesson: 'rolling-deployment', quiz: 'slow-deploy' },
      { lesson: 'stopping-takes-time', prediction: 'behind-lb' },
    ],
  },
  {
    n: 10,
    title: 'SIGTERM, then SIGKILL after the stop timeout (exit 137)',
    taughtBy: [
      { lesson: 'stopping-takes-time', prediction: 'ignores-sigterm' },
      { lesson: 'stopping-takes-time', quiz: 'exit-137' },
    ],
  },
  {
    n: 11,
    title: 'Deleting a service needs desiredCount 0 (or force), and the name is held while DRAINING',
    taughtBy: [{ lesson: 'scale-across-zones', quiz: 'delete-a-service' }],
  },
  {
    n: 12,
    title: 'Fargate sizing and its errors',
    taughtBy: [
      { lesson: 'anatomy', quiz: 'fargate-size' },
      { lesson: 'anatomy', quiz: 'stream-prefix' },
    ],
  },
  {
    n: 13,
    title: 'Gaps in the event stream: repeats are suppressed for six hours, 100 are kept',
    taughtBy: [
      { lesson: 'kill-a-task', step: 'read-events' },
      { lesson: 'kill-a-task', quiz: 'missing-event' },
    ],
  },
  {
    n: 14,
    title: 'desiredCount drift from CloudFormation, the CDK or auto scaling',
    notShown: 'The playground has no CloudFormation, CDK or Service Auto Scaling, so nothing but the learner changes desiredCount.',
  },
];
