// The simulated world's data model. Field names are AWS's own (API shapes Task, Container,
// Service, Deployment, TaskDefinition) so that what the UI shows reads like the ECS console.
// Everything here is plain data (objects, arrays, and Maps for name-keyed collections): a
// snapshot is a deep copy (structuredClone copies Maps).
//
// Entities are replaced, never edited in place (see world.ts `putTask`): a view can tell what
// changed by comparing references. The containers that hold them (world.tasks, …) are owned by
// the engine and change as the simulation runs.

import type { Failure } from './commands.ts';
import type { ScheduleExpression } from './scheduleExpression.ts';

/** Sim time in integer milliseconds since the scenario started. */
export type Millis = number;

// ---- Task definitions (spec §2) -------------------------------------------------------------

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE';

/** What the simulated program inside a container does. Not an ECS field: it is how the
 *  playground tells a web server that stays up from a batch job that finishes (or a bad image). */
export type AppBehaviour =
  | { kind: 'serve' } // serves forever; exits on SIGTERM
  | { kind: 'exit'; afterSeconds: number; exitCode: number } // a batch job
  | { kind: 'crash'; afterSeconds: number; exitCode: number } // dies unexpectedly
  | { kind: 'failHealthCheck'; afterSeconds: number } // keeps running, answers 500, health check fails
  | { kind: 'hang'; afterSeconds: number } // keeps running but stops answering: checks time out, clients get 504
  | { kind: 'pullError' }; // the image cannot be pulled

export type HealthCheck = {
  command: string[];
  interval: number; // seconds, 5–300, default 30
  timeout: number; // seconds, 2–60, default 5
  retries: number; // 1–10, default 3
  startPeriod: number; // seconds, 0–300, default 0
};

export type PortMapping = { containerPort: number; protocol: 'tcp' | 'udp' };
export type KeyValuePair = { name: string; value: string };
/** A secret handed to the container as an environment variable (API:Secret): its value comes
 *  from Secrets Manager or SSM Parameter Store when the task starts. The playground never has a
 *  value, and shows a secret by its name only. */
export type Secret = { name: string; valueFrom: string };
/** Fields of a register-task-definition document the playground accepts and does not simulate
 *  (volumes, command, ulimits, tags, …), kept as given so an exported revision is the JSON that
 *  registered it. Values are the user's JSON: never read as bare keys. */
export type IgnoredFields = Readonly<Record<string, unknown>>;

/** A container's log configuration (API:LogConfiguration, spec §2.5): the awslogs driver sends
 *  stdout and stderr to CloudWatch Logs. `options` is a plain object, as DescribeTaskDefinition
 *  returns it (so the JSON a view shows is AWS's); its names are the user's, so read it with
 *  Object.hasOwn, never as a bare key. */
export type LogConfiguration = { logDriver: 'awslogs'; options: Readonly<Record<string, string>> };

/** dependsOn conditions (API:ContainerDependency, spec §2.5): START — the dependency has started;
 *  COMPLETE — it has exited; SUCCESS — it has exited 0; HEALTHY — its health check passes. */
export type DependencyCondition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
export type ContainerDependency = { containerName: string; condition: DependencyCondition };

/** A container restarted in place when it exits (API:ContainerRestartPolicy): not when its exit
 *  code is ignored, and at most once per restartAttemptPeriod (60–1800 s, default 300) counted
 *  from its start or its last restart — so a container that dies sooner is not restarted. */
export type RestartPolicy = { enabled: boolean; ignoredExitCodes: number[]; restartAttemptPeriod: number };

export type ContainerDefinition = {
  name: string;
  image: string;
  cpu: number; // units; 0 when unset
  memory?: number; // MiB hard limit
  essential: boolean;
  portMappings: PortMapping[];
  environment: KeyValuePair[];
  secrets: Secret[];
  healthCheck?: HealthCheck;
  logConfiguration?: LogConfiguration;
  /** Containers this one waits for before it starts; its dependents stop before it does. */
  dependsOn: ContainerDependency[];
  /** Seconds the containers that depend on this one (COMPLETE, SUCCESS, HEALTHY) wait for it,
   *  from its start, before they give up (Fargate 2–120; unset: they wait for ever). */
  startTimeout?: number;
  restartPolicy?: RestartPolicy;
  stopTimeout: number; // seconds between SIGTERM and SIGKILL, default 30
  /** How the simulated app behaves on SIGTERM: exit promptly (143) or ignore it (SIGKILL, 137). */
  sigterm: 'exit' | 'ignore';
  app: AppBehaviour;
  /** Accepted and not simulated (see IgnoredFields). */
  ignored?: IgnoredFields;
};

export type TaskDefinition = {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  cpu: string; // task-level CPU units, as AWS returns it ("256")
  memory: string; // task-level MiB ("512")
  networkMode: 'awsvpc';
  requiresCompatibilities: ['FARGATE'];
  compatibilities: ['EC2', 'FARGATE'];
  executionRoleArn?: string;
  containerDefinitions: ContainerDefinition[];
  /** Accepted and not simulated (taskRoleArn, volumes, tags, …; see IgnoredFields). */
  ignored?: IgnoredFields;
  registeredAt: Millis;
  deregisteredAt?: Millis;
};

// ---- Tasks (spec §3) --------------------------------------------------------------------------

/** lastStatus, in lifecycle order (spec §3.1). ACTIVATING/DEACTIVATING are skipped for
 *  single-target-group services, as AWS itself often does (spec §9). */
export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type DesiredStatus = 'RUNNING' | 'STOPPED';
export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
export type ContainerStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export type StopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  /** The infrastructure hosting the task went away (an Availability Zone outage, zones.ts). A
   *  recent value of the TaskStopCode enum whose meaning AWS has not documented (spec §3.4 [U]). */
  | 'InfrastructureHealth';

export type Container = {
  name: string;
  image: string;
  /** The image digest the container runs (API:Container.imageDigest): fixed when the task was
   *  launched, whatever is pushed to the tag later. */
  imageDigest: string;
  essential: boolean;
  lastStatus: ContainerStatus;
  exitCode: number | null;
  reason?: string;
  healthStatus: HealthStatus;
  /** Consecutive failed health checks (sim bookkeeping behind healthStatus). */
  healthFailures: number;
  /** Set by a fault or by the app's behaviour: health checks fail from now on. */
  failingHealthChecks: boolean;
  /** The app hangs: it accepts connections and never answers (checks time out, clients get 504). */
  hung: boolean;
  /** When the container started (sim bookkeeping: a dependency's startTimeout and a health
   *  check's startPeriod count from it; the API shows only the task's startedAt). */
  startedAt?: Millis;
  /** When the agent sent it SIGTERM (sim bookkeeping: each container is signalled once, after
   *  the containers that depend on it have stopped). */
  signalledAt?: Millis;
  /** Restarts in place under its restartPolicy, and the last one's time. DescribeTasks shows
   *  neither (the container simply stays RUNNING); the task metadata endpoint's RestartCount does. */
  restartCount?: number;
  lastRestartAt?: Millis;
};

export type Task = {
  taskArn: string;
  taskId: string; // the 32-hex tail of the ARN
  clusterArn: string;
  taskDefinitionArn: string;
  family: string;
  revision: number;
  launchType: 'FARGATE';
  availabilityZone: string;
  cpu: string;
  memory: string;
  group: string; // service:<name> or family:<family>
  startedBy: string; // the deployment ID for service tasks; "you" otherwise (user-supplied tag)
  serviceName?: string;
  lastStatus: TaskStatus;
  desiredStatus: DesiredStatus;
  healthStatus: HealthStatus;
  createdAt: Millis;
  connectivityAt?: Millis;
  pullStartedAt?: Millis;
  pullStoppedAt?: Millis;
  startedAt?: Millis;
  stoppingAt?: Millis;
  executionStoppedAt?: Millis;
  stoppedAt?: Millis;
  stopCode?: StopCode;
  stoppedReason?: string;
  containers: Container[];
  /** When the task's health last turned UNHEALTHY (sim bookkeeping: the scheduler reacts to an
   *  unhealthy task some seconds later, not at once). */
  unhealthyAt?: Millis;
  /** Incremented on every change, as ECS does to de-duplicate state-change events (spec §3.7). */
  version: number;
};

// ---- Services (spec §5) -----------------------------------------------------------------------

export type ServiceStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE';

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** An image as a deployment resolved it (API:ContainerImage): every task of the deployment runs
 *  this digest, even if the tag is pushed again meanwhile (spec §5.5, container image resolution). */
export type ContainerImage = { containerName: string; image: string; imageDigest: string };

/**
 * One deployment of a service (API:Deployment; spec §5.5, §5.6). The PRIMARY is the one the
 * service is moving to; ACTIVE ones still have (or had) tasks; a deployment that is done with is
 * removed from the list, as DescribeServices stops listing INACTIVE ones.
 */
export type Deployment = {
  id: string; // ecs-svc/<19 digits>
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string; // ARN
  /** For the PRIMARY, the service's desiredCount; for an ACTIVE one, the tasks it still has. */
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  createdAt: Millis;
  updatedAt: Millis;
  containerImages: ContainerImage[];
  /** The circuit breaker stops counting once one of the deployment's tasks ran successfully
   *  (counted healthy): API:Deployment.failedTasks. Sim bookkeeping, not an AWS field. */
  succeeded: boolean;
};

export type ServiceEvent = { id: string; createdAt: Millis; message: string };

export type DeploymentCircuitBreaker = { enable: boolean; rollback: boolean };

export type DeploymentConfiguration = {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker: DeploymentCircuitBreaker;
};

/** API:Service.availabilityZoneRebalancing (spec §5.9). */
export type AvailabilityZoneRebalancing = 'ENABLED' | 'DISABLED';

/** A service's launches that failed in a zone for want of Fargate capacity: the scheduler tries
 *  another zone, and that one again only from retryAt (E12's "try again later or in a different
 *  availability zone"; sim bookkeeping, not an AWS field). */
export type CapacityFailure = { availabilityZone: string; retryAt: Millis };

/** A service's load balancer wiring (API:CreateServiceRequest.loadBalancers, spec §6.1). */
export type ServiceLoadBalancer = { targetGroupArn: string; containerName: string; containerPort: number };

export type Service = {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: ServiceStatus;
  taskDefinition: string; // ARN
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType: 'FARGATE';
  schedulingStrategy: 'REPLICA';
  deploymentConfiguration: DeploymentConfiguration;
  healthCheckGracePeriodSeconds: number;
  loadBalancers: ServiceLoadBalancer[];
  deployments: Deployment[];
  /** Newest first, at most 100 (spec §5.11). */
  events: ServiceEvent[];
  createdAt: Millis;
  /** Service throttle (spec §5.7): consecutive tasks that stopped before reaching RUNNING. */
  startFailures: number;
  /** No launches before this time while throttled. */
  throttledUntil: Millis;
  /** Duplicate-event suppression (spec §5.11): cause → when its message was last emitted. */
  activeCauses: Record<string, Millis>;
  /** When the scheduler next looks at this service (null: nothing asked it to). */
  nextReconcileAt: Millis | null;
  /** Why the scheduler last said it was waiting (announced again only when it changes). */
  waitingFor?: string;
  /** spec §5.9: ENABLED moves tasks back when the zones are uneven. Absent: never set, which ECS
   *  treats as DISABLED (createService always sets it; ENABLED by default). */
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
  /** When the AZ rebalancing now in progress started (sim bookkeeping; absent: none is). */
  rebalancingSince?: Millis;
  /** Zones where a launch failed for want of capacity, not tried again before retryAt. */
  capacityFailures?: CapacityFailure[];
};

// ---- Availability Zones -------------------------------------------------------------------------

/** One zone of the region as the playground's faults leave it: up or down (an outage), and whether
 *  Fargate has capacity there. `downUntil`/`shortUntil`: when a fault given a duration ends by
 *  itself (null: until it is ended by a command). Replaced, never edited. */
export type ZoneState = {
  availabilityZone: string;
  up: boolean;
  downUntil: Millis | null;
  capacityShort: boolean;
  shortUntil: Millis | null;
};

// ---- Scheduled tasks (EventBridge Scheduler, spec §4.1) ---------------------------------------

export type ScheduleState = 'ENABLED' | 'DISABLED';

/** One firing of a schedule: the RunTask it made and, as its tasks stop, how each ended. */
export type ScheduleRun = {
  at: Millis;
  /** The playground's "run now" (the Scheduler itself has none): the same RunTask, at once. */
  manual: boolean;
  taskArns: string[];
  /** Tasks RunTask could not place (RESOURCE:FARGATE), or why the call itself was refused. */
  failures: Failure[];
  refused?: string;
  /** By task ARN, once the task has stopped: its essential container's exit code, its stop code. */
  outcomes: { taskArn: string; exitCode: number | null; stopCode?: StopCode; stoppedReason?: string }[];
};

/** A schedule as CreateSchedule makes it, with an ECS RunTask target (in the default group).
 *  Replaced, never edited. */
export type Schedule = {
  name: string;
  arn: string;
  scheduleExpression: string; // as written
  expression: ScheduleExpression;
  scheduleExpressionTimezone: string; // IANA; UTC by default
  state: ScheduleState;
  target: { taskDefinition: string; taskCount: number };
  createdAt: Millis;
  /** The next firing in sim time; null while DISABLED or when none will come (an at() that fired). */
  nextRunAt: Millis | null;
  /** The timer that will fire it (timers are never cancelled: an older one finds it stale). */
  timerSeq: number | null;
  /** Firings so far, and the latest of them (at most MAX_SCHEDULE_RUNS), oldest first. */
  runCount: number;
  runs: ScheduleRun[];
};

// ---- The image registry -------------------------------------------------------------------------

/** What a tag points at now. Pushing the tag again gives a new digest; tasks already running keep
 *  the one they started with (spec §2.5: updates to an image "are not propagated to already
 *  running tasks"). */
export type ImageRecord = { image: string; digest: string; pushes: number; pushedAt: Millis };

// ---- Load balancing (spec §6) -------------------------------------------------------------------

export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';
export type TargetHealthReason =
  | 'Elb.RegistrationInProgress'
  | 'Elb.InitialHealthChecking'
  | 'Target.ResponseCodeMismatch'
  | 'Target.Timeout'
  | 'Target.FailedHealthChecks'
  | 'Target.DeregistrationInProgress'
  | 'Target.NotRegistered';

/** One registered task (target type ip: the task's ENI address and the container port). */
export type Target = {
  id: string; // the task ENI's private IP
  port: number;
  taskArn: string;
  serviceName: string;
  availabilityZone: string;
  state: TargetHealthState;
  reason?: TargetHealthReason; // its description is REASON_DESCRIPTIONS[reason]
  registeredAt: Millis;
  /** When the target turned unhealthy (the scheduler reacts some seconds later). */
  unhealthyAt?: Millis;
  drainingSince?: Millis;
  consecutiveSuccesses: number;
  consecutiveFailures: number;
};

export type TargetGroupHealthCheck = {
  path: string;
  intervalSeconds: number; // 5–300, default 30
  timeoutSeconds: number; // 2–120, default 5
  healthyThresholdCount: number; // 2–10, default 5
  unhealthyThresholdCount: number; // 2–10, default 2
  matcher: string; // default "200"
};

export type RoutingAlgorithm = 'round_robin' | 'least_outstanding_requests';

export type TargetGroup = {
  targetGroupArn: string;
  targetGroupName: string;
  loadBalancerArn: string;
  protocol: 'HTTP';
  port: number;
  targetType: 'ip';
  healthCheck: TargetGroupHealthCheck;
  deregistrationDelaySeconds: number; // default 300 (spec §6.4)
  algorithm: RoutingAlgorithm;
  /** By task ARN, in registration order. Draining targets stay until their delay ends. Replaced
   *  by a new Map whenever a target changes, like any entity (views and memos compare references). */
  targets: ReadonlyMap<string, Target>;
};

export type LoadBalancer = {
  loadBalancerArn: string;
  loadBalancerName: string;
  dnsName: string;
  type: 'application';
  scheme: 'internet-facing';
  listener: { port: number; protocol: 'HTTP'; defaultTargetGroupArn: string };
};

/** The errors a client can get through the ALB (spec §6.7). */
export type ErrorStatus = '500' | '502' | '503' | '504';

/** What clients saw in one second of sim time. */
export type TrafficSecond = { second: number; requests: number; ok: number; status5xx: Record<ErrorStatus, number>; latencyMs: number };

/** A sampled request, for the diagram's particles. */
export type SampledRequest = { at: Millis; target: string | null; status: number };

/** Per task: requests served so far, and when each request in flight will finish. Traffic is the
 *  hot path (thousands of requests a minute), so this part of the world is updated in place. */
export type TargetTraffic = { served: number; inFlight: Millis[] };

export type Traffic = {
  loadBalancerArn: string | null;
  perTask: Map<string, TargetTraffic>; // by task ARN
  /** Round-robin position per target group (by ARN). */
  cursors: Map<string, number>;
  ratePerSecond: number;
  nextArrivalAt: Millis;
  /** The last TRAFFIC_WINDOW seconds, oldest first. */
  seconds: TrafficSecond[];
  /** The newest requests (at most a few dozen), for animation. */
  sample: SampledRequest[];
  total: { requests: number; ok: number; failed: number };
};
