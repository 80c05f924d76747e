// aws ecs: services (CreateService … DescribeServices).

import type { Command, DeploymentConfigurationInput } from '../sim/index.ts';
import { serviceError } from './format.ts';
import { act, clusterProblem, findTaskDefinition, get, launchTypeProblem, networkProblem, str, type Context, type Handler, type Input } from './context.ts';
import { serviceShape } from './shapes.ts';

const serviceNow = (ctx: Context, name: string) => {
  const world = ctx.host.world();
  return serviceShape(world, world.services.get(name)!);
};

/** A service by name or ARN, as UpdateService and DeleteService take it. */
const serviceNameOf = (ref: string) => (ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref);

const optional = <K extends string>(key: K, value: unknown) => (value !== undefined ? ({ [key]: value } as Record<K, never>) : {});

export const createService: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx) ?? launchTypeProblem(input, ctx, 'run');
  if (problem) return problem;
  const serviceName = str(input, 'serviceName') ?? '';
  const taskDefinition = str(input, 'taskDefinition');
  if (taskDefinition === undefined)
    return serviceError('InvalidParameterException', ctx.operation, 'A task definition must be specified for a service that uses the ECS deployment controller.');
  // API:CreateServiceRequest.desiredCount: required for a REPLICA service (every service here).
  const desiredCount = get(input, 'desiredCount');
  if (typeof desiredCount !== 'number')
    return serviceError('InvalidParameterException', ctx.operation, 'desiredCount is required for a REPLICA service: add --desired-count N, e.g. --desired-count 2.');
  if (findTaskDefinition(ctx.host.world(), taskDefinition)) {
    const network = networkProblem(input, ctx);
    if (network) return network;
  }
  const loadBalancers: { targetGroup: string; containerName: string; containerPort: number }[] = [];
  for (const lb of (get(input, 'loadBalancers') as Input[] | undefined) ?? []) {
    if (get(lb, 'loadBalancerName') !== undefined && get(lb, 'targetGroupArn') === undefined)
      return serviceError('InvalidParameterException', ctx.operation, 'loadBalancerName is for Classic Load Balancers; the playground has an Application Load Balancer: give targetGroupArn.');
    loadBalancers.push({ targetGroup: str(lb, 'targetGroupArn') ?? '', containerName: str(lb, 'containerName') ?? '', containerPort: (get(lb, 'containerPort') as number | undefined) ?? 0 });
  }
  const command: Command = {
    type: 'createService',
    serviceName,
    taskDefinition,
    desiredCount,
    ...optional('healthCheckGracePeriodSeconds', get(input, 'healthCheckGracePeriodSeconds')),
    ...optional('deploymentConfiguration', deploymentConfiguration(input)),
    ...(loadBalancers.length ? { loadBalancers } : {}),
  };
  const done = act(ctx, command);
  if (!done.ok) return done.result;
  return { response: { service: serviceNow(ctx, serviceName) } };
};

/** The deploymentConfiguration members the playground simulates (the others are not accepted). */
function deploymentConfiguration(input: Input): DeploymentConfigurationInput | undefined {
  const dc = get(input, 'deploymentConfiguration') as Input | undefined;
  if (dc === undefined) return undefined;
  const out: DeploymentConfigurationInput = {};
  const max = get(dc, 'maximumPercent');
  const min = get(dc, 'minimumHealthyPercent');
  const cb = get(dc, 'deploymentCircuitBreaker') as Input | undefined;
  if (typeof max === 'number') out.maximumPercent = max;
  if (typeof min === 'number') out.minimumHealthyPercent = min;
  if (cb !== undefined) out.deploymentCircuitBreaker = { enable: get(cb, 'enable') === true, rollback: get(cb, 'rollback') === true };
  return out;
}

export const updateService: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx);
  if (problem) return problem;
  const service = serviceNameOf(str(input, 'service') ?? '');
  if (get(input, 'networkConfiguration') !== undefined) {
    const network = networkProblem(input, ctx);
    if (network) return network;
  }
  const command: Command = {
    type: 'updateService',
    service,
    ...optional('desiredCount', get(input, 'desiredCount')),
    ...optional('taskDefinition', str(input, 'taskDefinition')),
    ...optional('forceNewDeployment', get(input, 'forceNewDeployment')),
    ...optional('deploymentConfiguration', deploymentConfiguration(input)),
    ...optional('healthCheckGracePeriodSeconds', get(input, 'healthCheckGracePeriodSeconds')),
  };
  const done = act(ctx, command);
  if (!done.ok) return done.result;
  return { response: { service: serviceNow(ctx, service) } };
};

export const deleteService: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx);
  if (problem) return problem;
  const service = serviceNameOf(str(input, 'service') ?? '');
  const force = get(input, 'force');
  const done = act(ctx, { type: 'deleteService', service, ...(typeof force === 'boolean' ? { force } : {}) });
  if (!done.ok) return done.result;
  return { response: { service: serviceNow(ctx, service) } };
};

export const listServices: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx) ?? launchTypeProblem(input, ctx, 'filter');
  if (problem) return problem;
  const launchType = str(input, 'launchType');
  const strategy = str(input, 'schedulingStrategy');
  // DRAINING and INACTIVE services are not listed (spec §5.1); every service here is a Fargate REPLICA one.
  const arns = [...ctx.host.world().services.values()]
    .filter((s) => s.status === 'ACTIVE' && (launchType === undefined || launchType === s.launchType) && (strategy === undefined || strategy === s.schedulingStrategy))
    .map((s) => s.serviceArn);
  return { response: { serviceArns: arns } };
};

export const describeServices: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx);
  if (problem) return problem;
  const world = ctx.host.world();
  const refs = (get(input, 'services') as string[] | undefined) ?? [];
  if (refs.length > 10) return serviceError('InvalidParameterException', ctx.operation, 'services can have at most 10 items.');
  const services: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (const ref of refs) {
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    const service = world.services.get(name);
    if (service && (!ref.startsWith('arn:') || service.serviceArn === ref)) services.push(serviceShape(world, service));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : `arn:aws:ecs:${world.config.region}:${world.config.accountId}:service/${world.config.clusterName}/${ref}`, reason: 'MISSING' });
  }
  return { response: { services, failures } };
};
