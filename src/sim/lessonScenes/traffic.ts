// Scenes for lessons 5, 8, 9, 10 and 11 (src/lessons/content/partB.ts). Each sets up only what its
// lesson needs and leaves the doing to the learner: no timed commands. A scene that shortens the
// deregistration delay says so in its description.

import type { TaskDefinitionInput } from '../model/index.ts';
import type { Scenario } from '../scenarios.ts';
import { register, webBehindAlb, webTaskDefinition } from '../sceneParts.ts';

/** The image the immutable-revision lesson pushes to: your own repository, a moving tag. */
export const LESSON_WEB_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest';

/** A worker with no health check that crashes 30 s after it starts (exit 1). */
const crashingWorker: TaskDefinitionInput = {
  family: 'worker',
  cpu: '256',
  memory: '512',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [{ name: 'worker', image: 'public.ecr.aws/docker/library/node:22-slim', essential: true, app: { kind: 'crash', afterSeconds: 30, exitCode: 1 } }],
};

export const TRAFFIC_SCENES: readonly Scenario[] = [
  {
    name: 'lesson-load-balancer',
    title: 'Lesson: a service behind a load balancer',
    description:
      'Clients send 10 requests a second to load balancer web-alb from the first moment. Service web is about to start 2 tasks of web:1 and register them in target group web-tg. (The deregistration delay is shortened to 20 s from the default 300 s, so a stopped task leaves sooner.)',
    setup: [register(webTaskDefinition()), ...webBehindAlb({ desiredCount: 2, ratePerSecond: 10, drainSeconds: 20 })],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-rolling',
    title: 'Lesson: roll out a new revision',
    description:
      'Service web runs 4 tasks of web:1 behind web-alb at 20 requests a second, with the default deploymentConfiguration (minimumHealthyPercent 100, maximumPercent 200). web:2, the same server on nginx 1.28, is registered and not yet deployed. (The deregistration delay is shortened to 30 s from the default 300 s, so the old tasks leave sooner.)',
    setup: [
      register(webTaskDefinition()),
      register(webTaskDefinition('web', undefined, 'public.ecr.aws/nginx/nginx:1.28')),
      ...webBehindAlb({ desiredCount: 4, ratePerSecond: 20, drainSeconds: 30 }),
    ],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-circuit-breaker',
    title: 'Lesson: a bad revision and the circuit breaker',
    description:
      'Service web runs 1 task of web:1 behind web-alb, with the deployment circuit breaker on (enable and rollback). web:2 is registered: its server crashes 5 seconds after it starts (exit 1). (The deregistration delay is shortened to 10 s from the default 300 s.)',
    setup: [
      register(webTaskDefinition()),
      register(webTaskDefinition('web', { kind: 'crash', afterSeconds: 5, exitCode: 1 }, 'public.ecr.aws/nginx/nginx:1.28-broken')),
      ...webBehindAlb({ desiredCount: 1, ratePerSecond: 10, drainSeconds: 10, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }),
    ],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-crash-vs-start',
    title: "Lesson: a crash loop and a task that won't start",
    description:
      "Two services of one task each. Service worker's task starts, runs for 30 seconds and exits with code 1. Service api's image tag does not exist, so its task never gets past PENDING (CannotPullContainerError).",
    setup: [
      register(crashingWorker),
      register(webTaskDefinition('api', { kind: 'pullError' }, 'public.ecr.aws/nginx/nginx:1.99-typo')),
      { type: 'createService', serviceName: 'worker', taskDefinition: 'worker:1', desiredCount: 1 },
      { type: 'createService', serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 },
    ],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-immutable',
    title: 'Lesson: a revision is immutable',
    description: `Service web runs 2 tasks of web:1, whose image is the tag ${LESSON_WEB_IMAGE}: a tag you push new builds to. No load balancer, so deployments are quick.`,
    setup: [register(webTaskDefinition('web', undefined, LESSON_WEB_IMAGE)), { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 }],
    script: [],
    listed: false,
  },
];
