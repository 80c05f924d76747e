// Commands are intents: what a user (or a lesson script) asks ECS to do, plus the faults the
// playground can inject. The shapes live here, on the floor; commands.ts checks and applies them.

import type { AppBehaviour, AvailabilityZoneRebalancing, ScheduleState, DependencyCondition, HealthCheck, KeyValuePair, RoutingAlgorithm, TargetGroupHealthCheck, TaskStatus } from './entities.ts';

export type Command =
  | { type: 'registerTaskDefinition'; taskDefinition: TaskDefinitionInput }
  | { type: 'deregisterTaskDefinition'; taskDefinition: string }
  | { type: 'runTask'; taskDefinition: string; count?: number; startedBy?: string; group?: string; loadBalancers?: unknown }
  | { type: 'stopTask'; task: string; reason?: string }
  | {
      type: 'createService';
      serviceName: string;
      taskDefinition: string;
      desiredCount: number;
      healthCheckGracePeriodSeconds?: number;
      deploymentConfiguration?: DeploymentConfigurationInput;
      /** Target group (ARN or name), container and port (API:CreateServiceRequest.loadBalancers). */
      loadBalancers?: { targetGroup: string; containerName: string; containerPort: number }[];
      /** Default ENABLED (spec §5.9). */
      availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
    }
  | { type: 'createLoadBalancer'; name: string; listenerPort?: number; targetGroup: CreateLoadBalancerOptions['targetGroup'] }
  | {
      type: 'modifyTargetGroup';
      targetGroup: string;
      healthCheck?: Partial<TargetGroupHealthCheck>;
      deregistrationDelaySeconds?: number;
      algorithm?: RoutingAlgorithm;
    }
  | { type: 'setTraffic'; loadBalancer: string; ratePerSecond: number }
  | {
      /** UpdateService (spec §5.5): a new task definition or forceNewDeployment starts a
       *  deployment; desiredCount alone scales the current one; the rest are settings. */
      type: 'updateService';
      service: string;
      desiredCount?: number;
      taskDefinition?: string;
      forceNewDeployment?: boolean;
      deploymentConfiguration?: DeploymentConfigurationInput;
      healthCheckGracePeriodSeconds?: number;
      /** Unspecified keeps the service's value; changing it starts no deployment (spec §5.9). */
      availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
    }
  /** Push a new build to an image tag: the registry's digest for it changes (nothing else does). */
  | { type: 'pushImage'; image: string }
  | { type: 'deleteService'; service: string; force?: boolean }
  // Faults: things that happen to a running task.
  | { type: 'crashContainer'; task: string; container?: string; exitCode?: number }
  | { type: 'oomKillContainer'; task: string; container?: string }
  | { type: 'failHealthChecks'; task: string; container?: string }
  | { type: 'hangContainer'; task: string; container?: string }
  // Faults: things that happen to a zone (zones.ts). A duration ends the fault by itself.
  | { type: 'zoneOutage'; availabilityZone: string; durationSeconds?: number }
  | { type: 'zoneRecovery'; availabilityZone: string }
  /** Fargate has no capacity in the zone (every zone when none is named). */
  | { type: 'capacityShortage'; availabilityZone?: string; durationSeconds?: number }
  | { type: 'capacityRecovery'; availabilityZone?: string }
  // EventBridge Scheduler (scheduledTasks.ts, spec §4.1): a schedule whose target is RunTask.
  | {
      type: 'createSchedule';
      name: string;
      scheduleExpression: string;
      /** IANA time zone; UTC by default. */
      scheduleExpressionTimezone?: string;
      state?: ScheduleState;
      target: { taskDefinition: string; taskCount?: number };
    }
  /** Fields left out keep their value (the Scheduler's UpdateSchedule replaces the whole schedule;
   *  the playground's form sends only what changed). */
  | { type: 'updateSchedule'; name: string; state?: ScheduleState; scheduleExpression?: string; scheduleExpressionTimezone?: string; target?: { taskDefinition?: string; taskCount?: number } }
  | { type: 'deleteSchedule'; name: string }
  /** The playground's shortcut: invoke the schedule's target now, as a firing would. */
  | { type: 'runScheduleNow'; name: string };

export type CommandType = Command['type'];

/** deploymentConfiguration as CreateService and UpdateService take it: any field may be left out
 *  (AWS's defaults, or on update the service's current value). */
export type DeploymentConfigurationInput = {
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  deploymentCircuitBreaker?: { enable: boolean; rollback: boolean };
};

export type ErrorCode =
  | 'ClientException'
  | 'InvalidParameterException'
  | 'ServiceNotFoundException'
  | 'ServiceNotActiveException'
  | 'InvalidStateException'
  // EventBridge Scheduler's
  | 'ValidationException'
  | 'ConflictException'
  | 'ResourceNotFoundException';

export type CommandError = { code: ErrorCode; message: string; fieldErrors?: FieldError[] };

/** A task RunTask could not place (API:Failure): the call still succeeds, with these beside the
 *  tasks it did start (spec §4). */
export type Failure = { arn?: string; reason: string; detail?: string };

export type CommandOutcome =
  | { ok: true; taskArns?: string[]; taskDefinitionArn?: string; failures?: Failure[] }
  | { ok: false; error: CommandError };

/** A task definition as a user writes it: the register-task-definition JSON, plus the
 *  playground's `app` and `sigterm` on a container (how its simulated program behaves; pasted JSON
 *  carries them as dockerLabels instead, see taskDefinitionJson.ts). Fields AWS takes and the
 *  playground does not simulate are accepted and kept (taskDefinition.ts, TASK_FIELDS); any other is refused. */
export type TaskDefinitionInput = {
  family: string;
  cpu?: string | number;
  memory?: string | number;
  networkMode?: string;
  requiresCompatibilities?: string[];
  /** The role ECS itself uses for the task (pulling from a private registry, shipping awslogs). */
  executionRoleArn?: string;
  containerDefinitions: ContainerDefinitionInput[];
  /** Any other RegisterTaskDefinition field (taskRoleArn, volumes, tags, …): accepted, not simulated. */
  [ignored: string]: unknown;
};

export type ContainerDefinitionInput = {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  essential?: boolean;
  portMappings?: { containerPort: number; protocol?: 'tcp' | 'udp' }[];
  environment?: KeyValuePair[];
  secrets?: { name: string; valueFrom: string }[];
  healthCheck?: Partial<HealthCheck> & { command: string[] };
  /** Where the container's stdout and stderr go (spec §2.5). The playground models the awslogs
   *  driver only; its options are a JSON object, read with Object.hasOwn (a user's key is never
   *  looked up bare). */
  logConfiguration?: LogConfigurationInput;
  dependsOn?: { containerName: string; condition: DependencyCondition }[];
  startTimeout?: number;
  restartPolicy?: { enabled: boolean; ignoredExitCodes?: number[]; restartAttemptPeriod?: number };
  stopTimeout?: number;
  sigterm?: 'exit' | 'ignore';
  app?: AppBehaviour;
  /** Any other ContainerDefinition field (command, mountPoints, dockerLabels, …): accepted, not
   *  simulated; `links` and `hostname` are refused, as awsvpc refuses them. */
  [ignored: string]: unknown;
};

/** logConfiguration as register-task-definition takes it: `{"logDriver": "awslogs", "options":
 *  {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}`. */
export type LogConfigurationInput = { logDriver: 'awslogs'; options: Readonly<Record<string, string>> };

/** A problem with one field; `field` is a path like containerDefinitions[0].memory. */
export type FieldError = { field: string; message: string };

export type CreateLoadBalancerOptions = {
  name: string;
  listenerPort?: number;
  targetGroup: {
    name: string;
    port?: number;
    healthCheck?: Partial<TargetGroupHealthCheck>;
    deregistrationDelaySeconds?: number;
    algorithm?: RoutingAlgorithm;
  };
};

// ---- Scripts: timed commands that name tasks by what they are ----------------------------------

/** Which task a script step means, resolved when the step runs (task IDs are random). */
export type TaskSelector = {
  service?: string; // a task of this service
  family?: string; // a task of this task definition family
  standalone?: boolean; // true: started by RunTask, not by a service
  lastStatus?: TaskStatus; // default RUNNING
  pick?: 'oldest' | 'newest' | 'random'; // default oldest; random draws from the sim's seeded RNG
};

type WithSelector<C> = C extends { task: string } ? Omit<C, 'task'> & { task: string | TaskSelector } : C;
/** A command whose `task` may be a selector instead of an ID. */
export type ScriptCommand = WithSelector<Command>;
export type ScriptStep = { at: number; command: ScriptCommand }; // at: seconds of sim time
