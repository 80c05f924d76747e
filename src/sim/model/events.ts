// Events are past-tense facts with a sequence number and a sim time: the log the UI narrates,
// the tests read and a session replays. events.ts emits them.

import type { ContainerStatus, DesiredStatus, HealthStatus, Millis, ScheduleState, StopCode, TargetHealthReason, TargetHealthState, TaskStatus } from './entities.ts';

/** One action of a scheduler plan, as the log keeps it: what and why, in plain English. 'wait' is
 *  why nothing more happens for now (a deployment waiting on health, stuck, failed, throttled). */
export type PlannedAction = {
  action: 'launch' | 'stop' | 'wait';
  taskIds?: string[];
  count?: number;
  reason: string;
  /** A launch's gist, for a caption: where, why, and the serving deployment's running or starting
   *  tasks before it against desiredCount. */
  launch?: { availabilityZone: string; why: 'desiredCount' | 'unhealthy' | 'deployment' | 'keeper' | 'rebalance'; running: number; desired: number; replaces?: string };
};

export type SimEventBody =
  | { type: 'TaskDefinitionRegistered'; taskDefinitionArn: string; family: string; revision: number }
  | { type: 'TaskDefinitionDeregistered'; taskDefinitionArn: string }
  | {
      type: 'TaskStateChanged';
      taskArn: string;
      taskId: string;
      group: string;
      lastStatus: TaskStatus;
      desiredStatus: DesiredStatus;
      availabilityZone: string;
      stopCode?: StopCode;
      stoppedReason?: string;
    }
  | {
      type: 'ContainerStateChanged';
      taskArn: string;
      taskId: string;
      containerName: string;
      lastStatus: ContainerStatus;
      exitCode: number | null;
      reason?: string;
    }
  | { type: 'TaskHealthChanged'; taskArn: string; taskId: string; healthStatus: HealthStatus }
  | { type: 'ServiceCreated'; serviceName: string; taskDefinition: string; desiredCount: number }
  | { type: 'ServiceUpdated'; serviceName: string; desiredCount: number; taskDefinition: string; deploymentId?: string }
  /** EventBridge's "ECS Deployment State Change" (spec §5.6). */
  | { type: 'DeploymentStateChanged'; serviceName: string; deploymentId: string; taskDefinition: string; eventName: DeploymentEventName; reason: string }
  | { type: 'ImagePushed'; image: string; digest: string }
  | { type: 'ServiceStatusChanged'; serviceName: string; status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' }
  | { type: 'ServiceEvent'; serviceName: string; id: string; message: string }
  | { type: 'SchedulerPlanned'; serviceName: string; actions: PlannedAction[] }
  | { type: 'LoadBalancerCreated'; loadBalancerArn: string; loadBalancerName: string; targetGroupArn: string; targetGroupName: string }
  | { type: 'TargetGroupModified'; targetGroupArn: string }
  | { type: 'TrafficChanged'; loadBalancerArn: string | null; ratePerSecond: number }
  | { type: 'TargetHealthChanged'; targetGroupArn: string; taskArn: string; taskId: string; serviceName: string; state: TargetHealthState; reason?: TargetHealthReason }
  | { type: 'CommandRejected'; command: string; code: string; message: string }
  /** A zone went down or came back, or Fargate's capacity there ran out or returned (zones.ts). */
  | { type: 'ZoneStateChanged'; availabilityZone: string; up: boolean; capacityShort: boolean }
  /** A schedule was created, enabled or disabled, changed, or deleted (scheduledTasks.ts). */
  | { type: 'ScheduleChanged'; scheduleName: string; change: 'created' | 'updated' | 'deleted'; state: ScheduleState; nextRunAt: Millis | null }
  /** A schedule invoked its target: RunTask, with the tasks it started and the ones it could not place. */
  | { type: 'ScheduleFired'; scheduleName: string; manual: boolean; taskArns: string[]; failures: number; refused?: string };

export type DeploymentEventName = 'SERVICE_DEPLOYMENT_IN_PROGRESS' | 'SERVICE_DEPLOYMENT_COMPLETED' | 'SERVICE_DEPLOYMENT_FAILED';

export type SimEvent = SimEventBody & { seq: number; at: Millis };

export type SimEventType = SimEvent['type'];
