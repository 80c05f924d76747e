// The building blocks of scenes: the task definitions and wiring that the built-in scenarios and
// the lessons' scenes share.

import type { Command, ContainerDefinitionInput, DeploymentConfigurationInput, ScriptStep, TaskDefinitionInput } from './model/index.ts';

const nginx = (app: ContainerDefinitionInput['app'] = { kind: 'serve' }, image = 'public.ecr.aws/nginx/nginx:1.27'): ContainerDefinitionInput => ({
  name: 'web',
  image,
  essential: true,
  portMappings: [{ containerPort: 80, protocol: 'tcp' }],
  // AWS's own example health check (spec §2.7).
  healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
  app,
});

/** A web server's task definition; `image` for another build of it (a new revision to deploy). */
export const webTaskDefinition = (family = 'web', app?: ContainerDefinitionInput['app'], image?: string): TaskDefinitionInput => ({
  family,
  cpu: '256',
  memory: '512',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [nginx(app, image)],
});

/** A batch job: does two minutes of work and exits 0. */
export const reportTaskDefinition: TaskDefinitionInput = {
  family: 'report',
  cpu: '256',
  memory: '512',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [
    {
      name: 'report',
      image: 'public.ecr.aws/docker/library/python:3.13-slim',
      essential: true,
      environment: [{ name: 'REPORT_DATE', value: '2026-01-04' }],
      app: { kind: 'exit', afterSeconds: 120, exitCode: 0 },
    },
  ],
};

export const register = (taskDefinition: TaskDefinitionInput): Command => ({ type: 'registerTaskDefinition', taskDefinition });

/** The role ECS uses to ship awslogs (and fetch secrets): Fargate refuses awslogs without one (spec §2.8). */
export const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

/** awslogs to a group in us-east-1: each container's stream is <prefix>/<container>/<task ID>. */
export const awslogs = (group: string, prefix = 'ecs'): NonNullable<ContainerDefinitionInput['logConfiguration']> => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': prefix },
});

/**
 * A web server and its sidecar, the AWS X-Ray daemon: the server sends traces to it on
 * localhost:2000 (containers of one awsvpc task share localhost), so it depends on the daemon
 * having STARTed, and it stops first (shutdown runs in reverse dependency order), leaving the
 * daemon to flush what it holds. The daemon is not essential: if it dies the server serves on.
 */
export const webWithSidecar: TaskDefinitionInput = {
  family: 'web',
  cpu: '512',
  memory: '1024',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: EXECUTION_ROLE,
  containerDefinitions: [
    {
      ...nginx(),
      cpu: 448,
      environment: [{ name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'localhost:2000' }],
      dependsOn: [{ containerName: 'xray-daemon', condition: 'START' }],
      logConfiguration: awslogs('/ecs/web'),
    },
    {
      name: 'xray-daemon',
      image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.14',
      essential: false,
      cpu: 32,
      memory: 256,
      portMappings: [{ containerPort: 2000, protocol: 'udp' }],
      logConfiguration: awslogs('/ecs/web'),
      app: { kind: 'serve' },
    },
  ],
};

/**
 * A nightly job with an init container: fetch-config must exit 0 (SUCCESS) before the job
 * starts, and is not essential (ECS refuses SUCCESS on an essential container). `initExit` 1 is
 * the broken night: the job never starts.
 */
export const nightlyJob = (initExit = 0): TaskDefinitionInput => ({
  family: 'nightly',
  cpu: '256',
  memory: '512',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: EXECUTION_ROLE,
  containerDefinitions: [
    {
      name: 'fetch-config',
      image: 'public.ecr.aws/aws-cli/aws-cli:2.22.0',
      essential: false,
      environment: [{ name: 'CONFIG_URI', value: initExit === 0 ? 's3://nightly-config/prod.json' : 's3://nightly-config/prod.jsn' }],
      logConfiguration: awslogs('/ecs/nightly'),
      app: initExit === 0 ? { kind: 'exit', afterSeconds: 8, exitCode: 0 } : { kind: 'exit', afterSeconds: 4, exitCode: initExit },
    },
    {
      name: 'job',
      image: 'public.ecr.aws/docker/library/python:3.13-slim',
      essential: true,
      environment: [{ name: 'REPORT_DATE', value: '2026-01-04' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:nightly-db-AbCdEf' }],
      dependsOn: [{ containerName: 'fetch-config', condition: 'SUCCESS' }],
      logConfiguration: awslogs('/ecs/nightly'),
      app: { kind: 'exit', afterSeconds: 90, exitCode: 0 },
    },
  ],
});

/** Service web behind load balancer web-alb, with clients: a scene that shortens the
 *  deregistration delay says so in its description. */
export function webBehindAlb(o: { desiredCount: number; ratePerSecond: number; drainSeconds?: number; deploymentConfiguration?: DeploymentConfigurationInput }): Command[] {
  return [
    { type: 'createLoadBalancer', name: 'web-alb', targetGroup: { name: 'web-tg', port: 80, ...(o.drainSeconds !== undefined ? { deregistrationDelaySeconds: o.drainSeconds } : {}) } },
    {
      type: 'createService',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: o.desiredCount,
      ...(o.deploymentConfiguration ? { deploymentConfiguration: o.deploymentConfiguration } : {}),
      loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }],
    },
    { type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: o.ratePerSecond },
  ];
}

export const deployWeb2At = (at: number): ScriptStep => ({ at, command: { type: 'updateService', service: 'web', taskDefinition: 'web:2' } });

