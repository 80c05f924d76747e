// Scenes for lessons 1, 2, 4, 6 and 7 (src/lessons/content/partA.ts).

import type { ContainerDefinitionInput, TaskDefinitionInput } from '../model/index.ts';
import type { Scenario } from '../scenarios.ts';
import { register, reportTaskDefinition, webBehindAlb, webTaskDefinition, webWithSidecar } from '../sceneParts.ts';

const withContainer = (td: TaskDefinitionInput, change: (c: ContainerDefinitionInput) => ContainerDefinitionInput): TaskDefinitionInput => ({
  ...td,
  containerDefinitions: td.containerDefinitions.map(change),
});

/**
 * web:1 for lesson 1: the web server and its X-Ray sidecar (sceneParts' webWithSidecar), at the
 * smallest Fargate size, 0.25 vCPU and 512 MiB (spec §2.4), so the lesson's new revisions stay
 * within the pairs it teaches. The containers' own cpu must fit in the task's (spec §2.4), so web
 * reserves 224 units beside the daemon's 32. web dependsOn the daemon having STARTed and stops
 * before it (spec §2.5); the daemon is not essential; both ship awslogs with the execution role.
 */
export const anatomyWeb: TaskDefinitionInput = {
  ...webWithSidecar,
  cpu: '256',
  memory: '512',
  containerDefinitions: webWithSidecar.containerDefinitions.map((c) =>
    c.name === 'web' ? { ...c, cpu: 224, environment: [{ name: 'APP_ENV', value: 'production' }, ...(c.environment ?? [])] } : c,
  ),
};

/** The report job, a minute of work instead of two. */
export const shortReport: TaskDefinitionInput = withContainer(reportTaskDefinition, (c) => ({ ...c, app: { kind: 'exit', afterSeconds: 60, exitCode: 0 } }));

/** A server with no container health check: the scheduler counts its tasks healthy 40 s after RUNNING. */
const apiWithoutHealthCheck: TaskDefinitionInput = withContainer(webTaskDefinition('api'), (c) => ({
  name: 'api',
  image: c.image,
  essential: true,
  portMappings: c.portMappings ?? [],
  app: { kind: 'serve' },
}));

/** An old server that ignores SIGTERM: it is killed at its stopTimeout (30 s by default). */
const legacy: TaskDefinitionInput = {
  family: 'legacy',
  cpu: '256',
  memory: '512',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [{ name: 'legacy', image: 'public.ecr.aws/docker/library/node:22-slim', essential: true, sigterm: 'ignore', app: { kind: 'serve' } }],
};

export const BASICS_SCENES: readonly Scenario[] = [
  {
    name: 'lesson-anatomy',
    title: 'Lesson: a task definition and a task of it',
    description:
      'Task definition web:1 — 0.25 vCPU and 512 MiB for two containers: web, running nginx (essential), and its sidecar xray-daemon, the AWS X-Ray daemon (not essential), which web waits for to START; both send their output to CloudWatch Logs with the awslogs driver — and one task of it, started with RunTask.',
    setup: [register(anatomyWeb), { type: 'runTask', taskDefinition: 'web:1', count: 1 }],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-job',
    title: 'Lesson: a one-off job',
    description: 'Task definition report:1, a batch job: its container works for a minute and exits 0. Nothing runs yet. (The job is shortened from the two minutes of the other scenes.)',
    setup: [register(shortReport)],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-scale',
    title: 'Lesson: scale across Availability Zones',
    description: 'Service web keeps 3 tasks of web:1 running, one in each of the three Availability Zones.',
    setup: [register(webTaskDefinition()), { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3 }],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-health',
    title: 'Lesson: RUNNING is not healthy',
    description:
      'Service web keeps 1 task of web:1 behind load balancer web-alb (5 requests a second); web:1 has a container health check. Beside it, a standalone task of web:1, and service api, whose task definition has no health check and which no load balancer checks. (The deregistration delay is shortened to 10 s from the default 300 s, so stopped tasks leave sooner.)',
    setup: [
      register(webTaskDefinition()),
      register(apiWithoutHealthCheck),
      ...webBehindAlb({ desiredCount: 1, ratePerSecond: 5, drainSeconds: 10 }),
      { type: 'runTask', taskDefinition: 'web:1', count: 1 },
      { type: 'createService', serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 },
    ],
    script: [],
    listed: false,
  },
  {
    name: 'lesson-stop',
    title: 'Lesson: stopping takes time',
    description:
      'Service web keeps 1 task of web:1 behind load balancer web-alb (5 requests a second), with the default deregistration delay of 300 s. Beside it, two standalone tasks: one of web:1, whose server exits promptly on SIGTERM, and one of legacy:1, whose server ignores SIGTERM.',
    setup: [
      register(webTaskDefinition()),
      register(legacy),
      ...webBehindAlb({ desiredCount: 1, ratePerSecond: 5 }),
      { type: 'runTask', taskDefinition: 'web:1', count: 1 },
      { type: 'runTask', taskDefinition: 'legacy:1', count: 1 },
    ],
    script: [],
    listed: false,
  },
];
