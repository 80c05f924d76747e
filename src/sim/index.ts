// The engine's public surface. The UI store, lessons, the headless runner and the tests import
// from here and nowhere deeper, so the inside of src/sim can change freely.

export { Simulation, type SimulationOptions, type DispatchOutcome } from './simulation.ts';
export { findTask } from './commands.ts';
export { SCENARIOS, LISTED_SCENARIOS, findScenario, usesSchedules, webTaskDefinition, reportTaskDefinition, type Scenario } from './scenarios.ts';
export { anatomyWeb } from './lessonScenes/basics.ts';
export { selectTasks, describeSelector } from './script.ts';
export { validateTaskDefinition, resolveTaskDefinition, HEALTH_CHECK_DEFAULTS, DEFAULT_STOP_TIMEOUT } from './taskDefinition.ts';
export { FARGATE_SIZES, isValidFargateSize } from './fargate.ts';
export { TASK_STATUS_ORDER, TASK_TRANSITIONS, canTransition, isPendingStatus } from './lifecycle.ts';
export { countsHealthy, circuitBreakerThreshold, orderDeployments, rollingBounds, NO_HEALTH_CHECK_SETTLE } from './scheduler/plan.ts';
export { rolloutReasons, isRollingBack, isDeploymentStuck, isSteady } from './deployments.ts';
export { currentImage, shortDigest, isPinned, pushImageProblem } from './images.ts';
export { serviceMessages, serviceEventGist, MAX_SERVICE_EVENTS, type ServiceEventGist } from './serviceEvents.ts';
export { throttleDelay, DEFAULT_DEPLOYMENT_CONFIGURATION, CAPACITY_RETRY } from './service.ts';
export { DEFAULT_TIMINGS, DEFAULT_CONFIG, tasksOfService } from './world.ts';
export { shortId, familyRevision, taskIdOf, clusterArn, arnPrefix, SCHEDULED_BY, scheduleNameOf } from './ids.ts';
export {
  activeTargetsOf,
  targetHealthOf,
  countTargetStates,
  TARGET_GROUP_HEALTH_CHECK_DEFAULTS,
  DEFAULT_DEREGISTRATION_DELAY,
  HEALTH_CHECK_LIMITS,
  REASON_DESCRIPTIONS,
} from './loadBalancer.ts';
export { TRAFFIC_WINDOW, MAX_RATE } from './traffic.ts';
export { RUN_TASK_NO_LOAD_BALANCER } from './commands.ts';
export { FARGATE_CAPACITY_FAILURE } from './placement.ts';
export { upZones, canLaunchIn, MAX_FAULT_SECONDS } from './zones.ts';
export { HOST_LOST } from './task.ts';
export { isoTimestamp, clockLabel, millisOfSeconds, SECOND, MINUTE, HOUR } from './time.ts';
export type * from './model/index.ts';
// Container logs (awslogs streams). The register-task-definition JSON, in and out, is src/sim/json.ts:
// only the views that show or take JSON need it, and they load after the first screen.
export { logEvents, logGroups, containerLogs, awslogsStreamName, MAX_LOG_LINES, MAX_LOG_STREAMS, ACCESS_SAMPLE_EVERY, type LogGroup, type ContainerLogs } from './logs.ts';
