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

