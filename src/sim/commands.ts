// Commands are intents: what a user (or a lesson script) asks ECS to do, plus the faults the
// playground can inject. A command is checked in full before anything changes; an impossible one
// is rejected as a value with AWS's exception name and a message a person can act on — never an
// exception, never half applied.

import type { Step } from './events.ts';
import { emit } from './events.ts';
import { shortId } from './ids.ts';
import { createService, DEFAULT_DEPLOYMENT_CONFIGURATION, putService, requestReconcile } from './service.ts';
import { startDeployment } from './deployments.ts';
import { pushImage, pushImageProblem } from './images.ts';
import { resolveCause } from './serviceEvents.ts';
import { containerExited, failHealthChecks, hangContainer, OOM_REASON, requestStop, STOPPED_REASONS } from './task.ts';
import { IMAGE, registerTaskDefinition, resolveTaskDefinition, validateTaskDefinition } from './taskDefinition.ts';
import { activeTargetsOf, createLoadBalancer, findLoadBalancer, findTargetGroup, HEALTH_CHECK_LIMITS } from './loadBalancer.ts';
import { MAX_RATE, setTraffic } from './traffic.ts';
import { capacityRecovery, capacityShortage, zoneFaultProblem, zoneOutage, zoneRecovery } from './zones.ts';
import { startStandaloneTasks } from './placement.ts';
import { scheduleMechanicOf } from './extensions.ts';
import type { AvailabilityZoneRebalancing, Command, CommandOutcome, DeploymentConfiguration, Service, DeploymentConfigurationInput, ErrorCode, FieldError, RoutingAlgorithm, ServiceLoadBalancer, TargetGroupHealthCheck, Task, TaskDefinition, World } from './model/index.ts';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const STARTED_BY = /^[A-Za-z0-9\-/_]{1,128}$/; // spec §4
const reject = (code: ErrorCode, message: string, fieldErrors?: FieldError[]): CommandOutcome => ({
  ok: false,
  error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) },
});
const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** Why a standalone task can't go behind a load balancer (spec §4, §6.1). */
export const RUN_TASK_NO_LOAD_BALANCER =
  'RunTask has no loadBalancers parameter: only a service registers its tasks with a target group (and deregisters them before they stop). Create a service to put tasks behind the load balancer.';

/** Settings of a target group, checked against the ALB's ranges (spec §6.3, §6.4). */
function targetGroupProblem(o: { healthCheck?: Partial<TargetGroupHealthCheck> | undefined; deregistrationDelaySeconds?: number | undefined; algorithm?: RoutingAlgorithm | undefined }): string | null {
  for (const [key, [min, max]] of Object.entries(HEALTH_CHECK_LIMITS)) {
    const v = o.healthCheck?.[key as keyof typeof HEALTH_CHECK_LIMITS];
    if (v !== undefined && !isWhole(v, min, max)) return `${key} must be a whole number from ${min} to ${max}.`;
  }
  const hc = o.healthCheck;
  if (hc?.timeoutSeconds !== undefined && hc.intervalSeconds !== undefined && hc.timeoutSeconds >= hc.intervalSeconds)
    return 'timeoutSeconds must be smaller than intervalSeconds.';
  if (o.deregistrationDelaySeconds !== undefined && !isWhole(o.deregistrationDelaySeconds, 0, 3600))
    return 'The deregistration delay must be a whole number of seconds from 0 to 3600.';
  if (o.algorithm !== undefined && o.algorithm !== 'round_robin' && o.algorithm !== 'least_outstanding_requests')
    return "The routing algorithm must be 'round_robin' or 'least_outstanding_requests'.";
  return null;
}

/** Find a task by ARN, full ID or an unambiguous ID prefix of at least 8 characters. */
export function findTask(world: World, ref: string): Task | undefined {
  const direct = world.tasks.get(ref);
  if (direct) return direct;
  const id = ref.includes('/') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  if (id.length < 8) return undefined;
  const matches = [...world.tasks.values()].filter((t) => t.taskId.startsWith(id));
  return matches.length === 1 ? matches[0] : undefined;
}

export function applyCommand(step: Step, command: Command): CommandOutcome {
  const { world } = step;
  switch (command.type) {
    case 'registerTaskDefinition': {
      const errors = validateTaskDefinition(command.taskDefinition);
      if (errors.length) return reject('ClientException', errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n'), errors);
      const td = registerTaskDefinition(world, command.taskDefinition);
      emit(step, { type: 'TaskDefinitionRegistered', taskDefinitionArn: td.taskDefinitionArn, family: td.family, revision: td.revision });
      return { ok: true, taskDefinitionArn: td.taskDefinitionArn };
    }

    case 'deregisterTaskDefinition': {
      const td = resolveTaskDefinition(world, command.taskDefinition);
      if (!td || !command.taskDefinition.includes(':'))
        return reject('ClientException', `Unable to find task definition '${command.taskDefinition}': name it as family:revision.`);
      if (td.status === 'INACTIVE') return reject('ClientException', `${td.family}:${td.revision} is already INACTIVE.`);
      // Deregistering stops nothing: running tasks and services keep using it (spec §2.2).
      world.taskDefinitions.set(td.taskDefinitionArn, { ...td, status: 'INACTIVE', deregisteredAt: world.now });
      emit(step, { type: 'TaskDefinitionDeregistered', taskDefinitionArn: td.taskDefinitionArn });
      return { ok: true, taskDefinitionArn: td.taskDefinitionArn };
    }

    case 'runTask': {
      if (command.loadBalancers !== undefined)
        return reject('InvalidParameterException', RUN_TASK_NO_LOAD_BALANCER);
      const count = command.count ?? 1;
      if (!isWhole(count, 1, 10)) return reject('InvalidParameterException', 'count must be a whole number from 1 to 10: RunTask starts at most 10 tasks per call.');
      const td = resolveTaskDefinition(world, command.taskDefinition);
      if (!td) return reject('ClientException', `Unable to find task definition '${command.taskDefinition}'. Register it first.`);
      if (td.status !== 'ACTIVE') return reject('ClientException', `TaskDefinition is inactive: ${td.family}:${td.revision} was deregistered and cannot run new tasks.`);
      if (command.startedBy !== undefined && !STARTED_BY.test(command.startedBy))
        return reject('InvalidParameterException', 'startedBy can have up to 128 letters, numbers, hyphens, forward slashes and underscores.');
      const group = command.group ?? `family:${td.family}`; // spec §4: default group
      if (group.startsWith('service:')) return reject('InvalidParameterException', "A standalone task's group cannot start with 'service:': that group belongs to a service.");
      const { taskArns, failures } = startStandaloneTasks(step, td, count, group, command.startedBy ?? 'you');
      return { ok: true, taskArns, ...(failures.length ? { failures } : {}) };
    }

    case 'stopTask': {
      const task = findTask(world, command.task);
      if (!task) return reject('InvalidParameterException', `The referenced task was not found: ${command.task}.`);
      if (task.desiredStatus === 'STOPPED')
        return reject('InvalidStateException', `Task ${shortId(task.taskId)} is already ${task.lastStatus === 'STOPPED' ? 'STOPPED' : 'stopping'}: there is nothing to stop.`);
      if (command.reason !== undefined && command.reason.length > 255) return reject('InvalidParameterException', 'reason can be at most 255 characters.');
      requestStop(step, task, 'UserInitiated', command.reason || STOPPED_REASONS.userInitiated);
      return { ok: true, taskArns: [task.taskArn] };
    }

    case 'createService': {
      const { serviceName, desiredCount } = command;
      if (typeof serviceName !== 'string' || !NAME.test(serviceName))
        return reject('InvalidParameterException', 'serviceName can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.');
      const existing = world.services.get(serviceName);
      if (existing && existing.status !== 'INACTIVE')
        return reject('InvalidParameterException', `Creation of service was not idempotent: a service named ${serviceName} already exists (${existing.status}).`);
      const max = world.config.maxDesiredCount;
      if (!isWhole(desiredCount, 0, max)) return reject('InvalidParameterException', `desiredCount must be a whole number from 0 to ${max} in the playground.`);
      const td = resolveTaskDefinition(world, command.taskDefinition);
      if (!td) return reject('ClientException', `Unable to find task definition '${command.taskDefinition}'. Register it first.`);
      if (td.status !== 'ACTIVE') return reject('ClientException', `TaskDefinition is inactive: ${td.family}:${td.revision} cannot be used for a new service.`);
      const grace = command.healthCheckGracePeriodSeconds;
      if (grace !== undefined && !isWhole(grace, 0, 2147483647)) return reject('InvalidParameterException', 'healthCheckGracePeriodSeconds must be a whole number of seconds, 0 or more.');
      const dc = deploymentConfigurationOf(command.deploymentConfiguration, DEFAULT_DEPLOYMENT_CONFIGURATION);
      if (Array.isArray(dc)) return reject('InvalidParameterException', dc.map((p) => p.message).join('\n'), dc);
      const wiring: ServiceLoadBalancer[] = [];
      for (const [i, lb] of (command.loadBalancers ?? []).entries()) {
        const tg = findTargetGroup(world, lb.targetGroup);
        if (!tg) return reject('InvalidParameterException', `loadBalancers[${i}]: there is no target group ${lb.targetGroup}. Create the load balancer and its target group first.`);
        wiring.push({ targetGroupArn: tg.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort });
      }
      const wiringProblem = loadBalancerProblem(world, wiring, td);
      if (wiringProblem) return reject('InvalidParameterException', wiringProblem);
      const rebalancing = command.availabilityZoneRebalancing ?? 'ENABLED'; // spec §5.9: the default for new services
      if (!isRebalancing(rebalancing)) return reject('InvalidParameterException', REBALANCING_VALUES);
      createService(step, {
        availabilityZoneRebalancing: rebalancing,
        serviceName,
        taskDefinition: td,
        desiredCount,
        loadBalancers: wiring,
        ...(grace !== undefined ? { healthCheckGracePeriodSeconds: grace } : {}),
        deploymentConfiguration: dc,
      });
      return { ok: true };
    }

    case 'updateService':
      return updateService(step, command);

    case 'pushImage': {
      const image = command.image;
      if (typeof image !== 'string' || !IMAGE.test(image)) return reject('InvalidParameterException', 'image must be a repository and tag, like public.ecr.aws/nginx/nginx:1.27.');
      const pinned = pushImageProblem(image);
      if (pinned) return reject('InvalidParameterException', pinned);
      const record = pushImage(world, image, world.now);
      emit(step, { type: 'ImagePushed', image, digest: record.digest });
      return { ok: true };
    }

    case 'deleteService': {
      const service = world.services.get(command.service);
      if (!service || service.status === 'INACTIVE') return reject('ServiceNotFoundException', `Service not found: ${command.service}.`);
      if (service.status === 'DRAINING') return reject('ServiceNotActiveException', `Service ${command.service} is already being deleted (DRAINING).`);
      if (service.desiredCount > 0 && !command.force)
        return reject('InvalidParameterException', 'The service cannot be stopped while it is scaled above 0. Set desiredCount to 0 first, or delete with force.');
      const deployments = service.deployments.map((d) => (d.status === 'PRIMARY' ? { ...d, desiredCount: 0, updatedAt: world.now } : d));
      putService(step, service, { status: 'DRAINING', desiredCount: 0, deployments });
      emit(step, { type: 'ServiceStatusChanged', serviceName: service.serviceName, status: 'DRAINING' });
      requestReconcile(step, service.serviceName);
      return { ok: true };
    }

    case 'createLoadBalancer': {
      if (typeof command.name !== 'string' || !/^[A-Za-z0-9-]{1,32}$/.test(command.name) || command.name.startsWith('-') || command.name.endsWith('-'))
        return reject('InvalidParameterException', 'A load balancer name has up to 32 letters, numbers and hyphens, and cannot begin or end with a hyphen.');
      if (findLoadBalancer(world, command.name)) return reject('InvalidParameterException', `A load balancer named ${command.name} already exists.`);
      const tgName = command.targetGroup?.name;
      if (typeof tgName !== 'string' || !/^[A-Za-z0-9-]{1,32}$/.test(tgName)) return reject('InvalidParameterException', 'A target group name has up to 32 letters, numbers and hyphens.');
      if (findTargetGroup(world, tgName)) return reject('InvalidParameterException', `A target group named ${tgName} already exists.`);
      const problem = targetGroupProblem(command.targetGroup);
      if (problem) return reject('InvalidParameterException', problem);
      createLoadBalancer(step, { name: command.name, targetGroup: command.targetGroup, ...(command.listenerPort !== undefined ? { listenerPort: command.listenerPort } : {}) });
      return { ok: true };
    }

    case 'modifyTargetGroup': {
      const tg = findTargetGroup(world, command.targetGroup);
      if (!tg) return reject('InvalidParameterException', `There is no target group ${command.targetGroup}.`);
      // Checked as it will be: a new interval must still exceed the group's current timeout.
      const problem = targetGroupProblem({ ...command, healthCheck: { ...tg.healthCheck, ...command.healthCheck } });
      if (problem) return reject('InvalidParameterException', problem);
      world.targetGroups.set(tg.targetGroupArn, {
        ...tg,
        healthCheck: { ...tg.healthCheck, ...command.healthCheck },
        ...(command.deregistrationDelaySeconds !== undefined ? { deregistrationDelaySeconds: command.deregistrationDelaySeconds } : {}),
        ...(command.algorithm !== undefined ? { algorithm: command.algorithm } : {}),
      });
      emit(step, { type: 'TargetGroupModified', targetGroupArn: tg.targetGroupArn });
      return { ok: true };
    }

    case 'setTraffic': {
      const lb = findLoadBalancer(world, command.loadBalancer);
      if (!lb) return reject('InvalidParameterException', `There is no load balancer ${command.loadBalancer}.`);
      if (!isWhole(command.ratePerSecond, 0, MAX_RATE)) return reject('InvalidParameterException', `The request rate must be a whole number of requests per second from 0 to ${MAX_RATE}.`);
      setTraffic(world, lb.loadBalancerArn, command.ratePerSecond);
      emit(step, { type: 'TrafficChanged', loadBalancerArn: lb.loadBalancerArn, ratePerSecond: command.ratePerSecond });
      return { ok: true };
    }

    case 'crashContainer':
    case 'oomKillContainer': {
      const found = runningContainer(world, command.task, command.container);
      if ('error' in found) return found.error;
      const exitCode = command.type === 'oomKillContainer' ? 137 : (command.exitCode ?? 1);
      if (!isWhole(exitCode, 0, 255)) return reject('InvalidParameterException', 'exitCode must be a whole number from 0 to 255.');
      containerExited(step, found.task, found.container, exitCode, command.type === 'oomKillContainer' ? OOM_REASON : undefined);
      return { ok: true, taskArns: [found.task.taskArn] };
    }

    case 'failHealthChecks':
    case 'hangContainer': {
      const found = runningContainer(world, command.task, command.container, true);
      if ('error' in found) return found.error;
      (command.type === 'hangContainer' ? hangContainer : failHealthChecks)(step, found.task, found.container);
      return { ok: true, taskArns: [found.task.taskArn] };
    }

    case 'zoneOutage':
    case 'zoneRecovery': {
      const problem = zoneFaultProblem(world, command.availabilityZone, command.type === 'zoneOutage' ? command.durationSeconds : undefined, false);
      if (problem) return reject('InvalidParameterException', problem);
      const zone = world.zones.get(command.availabilityZone)!;
      const down = command.type === 'zoneOutage';
      if (zone.up !== down) return reject('InvalidStateException', `${zone.availabilityZone} is already ${down ? 'down' : 'up'}.`);
      if (command.type === 'zoneOutage') zoneOutage(step, zone.availabilityZone, command.durationSeconds);
      else zoneRecovery(step, zone.availabilityZone);
      return { ok: true };
    }

    case 'capacityShortage':
    case 'capacityRecovery': {
      const problem = zoneFaultProblem(world, command.availabilityZone, command.type === 'capacityShortage' ? command.durationSeconds : undefined, true);
      if (problem) return reject('InvalidParameterException', problem);
      const short = command.type === 'capacityShortage';
      const named = command.availabilityZone !== undefined ? [command.availabilityZone] : world.config.availabilityZones;
      const zones = named.filter((az) => world.zones.get(az)!.capacityShort !== short);
      const where = command.availabilityZone ?? 'any Availability Zone';
      if (zones.length === 0) return reject('InvalidStateException', short ? `Fargate is already short of capacity in ${where}.` : `Fargate is not short of capacity in ${where}.`);
      if (command.type === 'capacityShortage') capacityShortage(step, zones, command.durationSeconds);
      else capacityRecovery(step, zones);
      return { ok: true };
    }

    // Loaded with their first use (extensions.ts).
    case 'createSchedule':
      return scheduleMechanicOf().createSchedule(step, command);
    case 'updateSchedule':
      return scheduleMechanicOf().updateSchedule(step, command);
    case 'deleteSchedule':
      return scheduleMechanicOf().deleteSchedule(step, command.name);
    case 'runScheduleNow':
      return scheduleMechanicOf().runScheduleNow(step, command.name);
  }
}


const REBALANCING_VALUES = "availabilityZoneRebalancing must be 'ENABLED' or 'DISABLED'.";
const isRebalancing = (v: unknown): v is AvailabilityZoneRebalancing => v === 'ENABLED' || v === 'DISABLED';

/**
 * UpdateService. Every field is checked and every problem reported at once (a form shows each by
 * its field); only then does anything change.
 */
function updateService(step: Step, command: Extract<Command, { type: 'updateService' }>): CommandOutcome {
  const { world } = step;
  const service = world.services.get(command.service);
  if (!service) return reject('ServiceNotFoundException', `Service not found: ${command.service}.`);
  if (service.status !== 'ACTIVE') return reject('ServiceNotActiveException', `Service ${command.service} is ${service.status}: you can't update a service that isn't active.`);
  const problems: FieldError[] = [];
  let code: ErrorCode = 'InvalidParameterException';
  const max = world.config.maxDesiredCount;
  const desiredCount = command.desiredCount ?? service.desiredCount;
  if (!isWhole(desiredCount, 0, max)) problems.push({ field: 'desiredCount', message: `desiredCount must be a whole number from 0 to ${max} in the playground.` });
  let td: TaskDefinition | undefined;
  if (command.taskDefinition !== undefined) {
    td = resolveTaskDefinition(world, command.taskDefinition);
    const tdProblem = !td
      ? `Unable to find task definition '${command.taskDefinition}'. Register it first.`
      : td.status !== 'ACTIVE'
        ? `TaskDefinition is inactive: ${td.family}:${td.revision} was deregistered and cannot be deployed.`
        : null;
    if (tdProblem) {
      code = 'ClientException';
      problems.push({ field: 'taskDefinition', message: tdProblem });
    } else {
      const wiring = loadBalancerProblem(world, service.loadBalancers, td!);
      if (wiring) problems.push({ field: 'taskDefinition', message: wiring });
    }
  }
  if (command.forceNewDeployment !== undefined && typeof command.forceNewDeployment !== 'boolean')
    problems.push({ field: 'forceNewDeployment', message: 'forceNewDeployment must be true or false.' });
  const grace = command.healthCheckGracePeriodSeconds ?? service.healthCheckGracePeriodSeconds;
  if (!isWhole(grace, 0, 2147483647)) problems.push({ field: 'healthCheckGracePeriodSeconds', message: 'healthCheckGracePeriodSeconds must be a whole number of seconds, 0 or more.' });
  const dc = deploymentConfigurationOf(command.deploymentConfiguration, service.deploymentConfiguration);
  if (Array.isArray(dc)) problems.push(...dc);
  const rebalancing = command.availabilityZoneRebalancing ?? service.availabilityZoneRebalancing; // unspecified keeps it (spec §5.9)
  if (rebalancing !== undefined && !isRebalancing(rebalancing)) problems.push({ field: 'availabilityZoneRebalancing', message: REBALANCING_VALUES });
  if (problems.length > 0 || Array.isArray(dc)) return reject(code, problems.map((p) => p.message).join('\n'), problems);

  // A new task definition or forceNewDeployment starts a deployment; desiredCount alone is a
  // scaling event within the current one, and the other fields (availabilityZoneRebalancing too)
  // are settings (spec §5.5, §5.9). Any update lifts the start throttle (spec §5.7).
  const deploys = (td !== undefined && td.taskDefinitionArn !== service.taskDefinition) || command.forceNewDeployment === true;
  const deployments = service.deployments.map((d) => (d.status === 'PRIMARY' ? { ...d, desiredCount, updatedAt: world.now } : d));
  // A rebalancing under way is called off by a new count or a new deployment, or by turning it
  // off (the docs' SERVICE_REBALANCING_STOPPED); the next steady state looks again.
  const keepsRebalancing = !deploys && desiredCount === service.desiredCount && rebalancing === 'ENABLED';
  const { rebalancingSince: _r, ...rest } = service;
  let next = putService(step, keepsRebalancing ? service : (rest as Service), {
    desiredCount,
    deployments,
    healthCheckGracePeriodSeconds: grace,
    deploymentConfiguration: dc,
    startFailures: 0,
    throttledUntil: 0,
    ...(rebalancing !== undefined ? { availabilityZoneRebalancing: rebalancing } : {}),
  });
  next = resolveCause(step, next, 'throttled');
  if (deploys) next = startDeployment(step, next, td ?? world.taskDefinitions.get(service.taskDefinition)!);
  const primary = next.deployments.find((d) => d.status === 'PRIMARY')!;
  emit(step, {
    type: 'ServiceUpdated',
    serviceName: service.serviceName,
    desiredCount,
    taskDefinition: next.taskDefinition,
    ...(deploys ? { deploymentId: primary.id } : {}),
  });
  requestReconcile(step, service.serviceName);
  return { ok: true };
}

/** A deploymentConfiguration as given, over `base` (AWS's defaults, or the service's current
 *  one), or every problem with it, by field. */
function deploymentConfigurationOf(input: DeploymentConfigurationInput | undefined, base: DeploymentConfiguration): DeploymentConfiguration | FieldError[] {
  if (input === undefined) return base;
  const problem = (field: string, message: string): FieldError[] => [{ field: `deploymentConfiguration${field ? `.${field}` : ''}`, message }];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return problem('', 'deploymentConfiguration must be an object.');
  // Untrusted (a script, a link): own fields only, and a misspelt one is named rather than ignored.
  const known = ['maximumPercent', 'minimumHealthyPercent', 'deploymentCircuitBreaker'];
  const extra = Object.keys(input).find((k) => !known.includes(k));
  if (extra !== undefined) return problem('', `deploymentConfiguration has an unknown field "${extra.slice(0, 40)}" (it takes ${known.join(', ')}).`);
  const own = (o: object, k: string): unknown => (Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);
  const max = own(input, 'maximumPercent') ?? base.maximumPercent;
  const min = own(input, 'minimumHealthyPercent') ?? base.minimumHealthyPercent;
  const problems: FieldError[] = [];
  if (!isWhole(max, 100, 200)) problems.push(...problem('maximumPercent', 'maximumPercent must be a whole number from 100 to 200 for a REPLICA service on Fargate.'));
  if (!isWhole(min, 0, 100)) problems.push(...problem('minimumHealthyPercent', 'minimumHealthyPercent must be a whole number from 0 to 100.'));
  const cb = own(input, 'deploymentCircuitBreaker');
  const enable = typeof cb === 'object' && cb !== null ? own(cb, 'enable') : undefined;
  const rollback = typeof cb === 'object' && cb !== null ? own(cb, 'rollback') : undefined;
  if (cb !== undefined && (typeof enable !== 'boolean' || typeof rollback !== 'boolean'))
    problems.push(...problem('deploymentCircuitBreaker', 'deploymentCircuitBreaker needs both enable and rollback, each true or false.'));
  if (problems.length > 0) return problems;
  return {
    maximumPercent: max as number,
    minimumHealthyPercent: min as number,
    deploymentCircuitBreaker: cb === undefined ? base.deploymentCircuitBreaker : { enable: enable as boolean, rollback: rollback as boolean },
  };
}

/** A service's load balancer wiring must still fit the task definition it deploys (spec §6.1). */
function loadBalancerProblem(world: World, wiring: readonly ServiceLoadBalancer[], td: TaskDefinition): string | null {
  for (const [i, lb] of wiring.entries()) {
    const name = world.targetGroups.get(lb.targetGroupArn)?.targetGroupName ?? lb.targetGroupArn;
    const container = td.containerDefinitions.find((c) => c.name === lb.containerName);
    if (!container)
      return `loadBalancers[${i}] (${name}): the container name ${lb.containerName} is not in ${td.family}:${td.revision} (it has ${td.containerDefinitions.map((c) => c.name).join(', ')}).`;
    if (!container.portMappings.some((p) => p.containerPort === lb.containerPort))
      return `loadBalancers[${i}] (${name}): container ${lb.containerName} of ${td.family}:${td.revision} does not map port ${lb.containerPort} (it maps ${container.portMappings.map((p) => p.containerPort).join(', ') || 'no ports'}).`;
  }
  return null;
}

/** The container a fault targets: the one named, or the task's first essential (checked) one. */
function runningContainer(world: World, ref: string, name: string | undefined, needsHealthCheck = false):
  { task: Task; container: string } | { error: CommandOutcome } {
  const task = findTask(world, ref);
  if (!task) return { error: reject('InvalidParameterException', `The referenced task was not found: ${ref}.`) };
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING')
    return { error: reject('InvalidStateException', `Task ${shortId(task.taskId)} is ${task.lastStatus}${task.desiredStatus === 'STOPPED' ? ' and stopping' : ''}: faults hit RUNNING tasks only.`) };
  const defs = world.taskDefinitions.get(task.taskDefinitionArn)!.containerDefinitions;
  const def = name !== undefined
    ? defs.find((d) => d.name === name)
    : defs.find((d) => d.essential && (!needsHealthCheck || d.healthCheck)) ?? defs.find((d) => d.essential);
  if (!def) return { error: reject('InvalidParameterException', `Task ${shortId(task.taskId)} has no container named ${name}.`) };
  // Behind a load balancer the ALB's health check notices the app failing, even with no container check.
  if (needsHealthCheck && !def.healthCheck && activeTargetsOf(world, task.taskArn).length === 0)
    return { error: reject('InvalidParameterException', `Container ${def.name} has no health check in its task definition and no load balancer checks it, so nothing would notice it failing. Add a healthCheck and run a new revision.`) };
  if (task.containers.find((c) => c.name === def.name)?.lastStatus !== 'RUNNING')
    return { error: reject('InvalidStateException', `Container ${def.name} of task ${shortId(task.taskId)} has already stopped.`) };
  return { task, container: def.name };
}
