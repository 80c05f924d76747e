// The whole simulated state, as one plain value (objects, arrays and Maps, which structuredClone
// copies): what a snapshot copies and a checkpoint keeps.

import type { ImageRecord, LoadBalancer, Millis, Schedule, Service, TargetGroup, Task, TaskDefinition, Traffic, ZoneState } from './entities.ts';
import type { Timer } from './timers.ts';
import type { LogStore } from './logs.ts';

// ---- The world -------------------------------------------------------------------------------

/** Durations of the simulated lifecycle, in ms. Defaults are real Fargate observations (spec §3.8). */
export type Timings = {
  provisioning: Millis; // PROVISIONING → PENDING (ENI attach): 22 s
  imagePull: Millis; // pull inside PENDING: 3 s
  pending: Millis; // PENDING → RUNNING in all: 5 s
  stopNotice: Millis; // stop decided → STOPPING (agent picks up the desired status): 1 s
  stopping: Millis; // stop decided → DEPROVISIONING, at the least: 23 s
  deprovisioning: Millis; // DEPROVISIONING → STOPPED: 33 s
  sigtermExit: Millis; // a well-behaved app exits this long after SIGTERM: 2 s
  schedulerInterval: Millis; // the service scheduler's reconcile period: 1 s
  stoppedTaskRetention: Millis; // STOPPED tasks stay visible at least 1 h (spec §3.4)
  targetRegistration: Millis; // RegisterTargets → the first ALB health check can run
  serviceStopNotice: Millis; // the scheduler stops a task → it deregisters and stops: 10 s (spec §5.12 A, C)
  unhealthyReaction: Millis; // a task turns unhealthy → the scheduler acts on it: 35 s (spec §5.12 C)
};

export type WorldConfig = {
  region: string;
  accountId: string;
  clusterName: string;
  availabilityZones: string[];
  /** Wall-clock time of sim time 0, for display only (ISO timestamps in the UI and log). */
  epochMs: number;
  timings: Timings;
  /** Largest desiredCount the playground accepts (AWS allows 5,000 tasks per service). */
  maxDesiredCount: number;
};

export type RngState = [number, number, number, number];

export type World = {
  config: WorldConfig;
  now: Millis;
  rng: RngState;
  /** Next event sequence number. */
  seq: number;
  /** Next timer sequence number (ties between timers due at the same ms go in creation order). */
  timerSeq: number;
  timers: Timer[];
  // The containers are Maps, not objects: their keys are, or embed, names a user chose, and a
  // service named "constructor" or a family "__proto__" must be just another key. A Map also
  // iterates in insertion order, which the engine's determinism relies on.
  taskDefinitions: Map<string, TaskDefinition>; // by ARN
  /** Latest revision number ever registered per family: revisions are never reused (spec §2.1). */
  familyRevisions: Map<string, number>;
  tasks: Map<string, Task>; // by ARN
  services: Map<string, Service>; // by name
  loadBalancers: Map<string, LoadBalancer>; // by ARN
  targetGroups: Map<string, TargetGroup>; // by ARN
  /** The registry: what each image tag points at (by the image as written, e.g. nginx:1.27). */
  images: Map<string, ImageRecord>;
  traffic: Traffic;
  /** Container logs (awslogs streams), which outlive their tasks (logs.ts). */
  logs: LogStore;
  /** Each Availability Zone's state (zones.ts), by name, in config order. */
  zones: Map<string, ZoneState>;
  /** EventBridge Scheduler schedules with an ECS RunTask target (scheduledTasks.ts), by name. */
  schedules: Map<string, Schedule>;
};
