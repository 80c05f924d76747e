// Creating a world, its defaults, and the few primitives every other module uses to change it.

import { seedRng } from './rng.ts';
import { HOUR, SECOND } from './time.ts';
import type { RngState, Task, Timings, World, WorldConfig, ZoneState } from './model/index.ts';

/** Fargate timings observed in real task state histories (spec §3.8, OBS-1). */
export const DEFAULT_TIMINGS: Timings = {
  provisioning: 22 * SECOND,
  imagePull: 3 * SECOND,
  pending: 5 * SECOND,
  stopNotice: 1 * SECOND,
  stopping: 23 * SECOND,
  deprovisioning: 33 * SECOND,
  sigtermExit: 2 * SECOND,
  schedulerInterval: 1 * SECOND,
  stoppedTaskRetention: 1 * HOUR,
  targetRegistration: 5 * SECOND,
  // Reaction delays seen in one real log each (spec §5.12 A and C, §12): a scheduler stop
  // reached the load balancer ~10 s later; the scheduler acted on an unhealthy target ~35 s
  // after it turned unhealthy. AWS documents neither; they are our assumptions from those logs.
  serviceStopNotice: 10 * SECOND,
  unhealthyReaction: 35 * SECOND,
};

export const DEFAULT_CONFIG: WorldConfig = {
  region: 'us-east-1',
  accountId: '123456789012',
  clusterName: 'default',
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  epochMs: 1767603600000, // 2026-01-05T09:00:00Z, a Monday morning: a fixed, readable start
  timings: DEFAULT_TIMINGS,
  maxDesiredCount: 1000,
};

export type WorldOptions = {
  seed: number;
  config?: Partial<Omit<WorldConfig, 'timings'>> & { timings?: Partial<Timings> };
};

export function createWorld({ seed, config = {} }: WorldOptions): World {
  const full: WorldConfig = { ...DEFAULT_CONFIG, ...config, timings: { ...DEFAULT_TIMINGS, ...config.timings } };
  return {
    config: full,
    now: 0,
    rng: seedRng(seed),
    seq: 0,
    timerSeq: 0,
    timers: [],
    taskDefinitions: new Map(),
    familyRevisions: new Map(),
    tasks: new Map(),
    services: new Map(),
    loadBalancers: new Map(),
    targetGroups: new Map(),
    images: new Map(),
    traffic: { loadBalancerArn: null, perTask: new Map(), cursors: new Map(), ratePerSecond: 0, nextArrivalAt: 0, seconds: [], sample: [], total: { requests: 0, ok: 0, failed: 0 } },
    logs: { byTask: new Map(), streams: 0, deletedStreams: 0 },
    // Every zone starts up, with capacity (zones.ts has the faults).
    zones: new Map(full.availabilityZones.map((az): [string, ZoneState] => [az, { availabilityZone: az, up: true, downUntil: null, capacityShort: false, shortUntil: null }])),
    schedules: new Map(),
  };
}

/** A copy of the world that shares every entity with it, and copies only what the engine changes
 *  in place: the containers (zones too), the timer heap, the RNG state and the traffic counters. Entities
 *  (tasks, services, task definitions, load balancers, target groups, images, timers, log streams, zones, schedules) are replaced,
 *  never edited, so sharing them is safe — `properties.test.ts` runs the engine on frozen ones to
 *  keep it so. A session's checkpoint costs the 200-task world its pointers, not its tasks. */
export function shareWorld(world: World): World {
  return {
    ...world,
    rng: [...world.rng] as RngState,
    timers: world.timers.slice(),
    taskDefinitions: new Map(world.taskDefinitions),
    familyRevisions: new Map(world.familyRevisions),
    tasks: new Map(world.tasks),
    services: new Map(world.services),
    loadBalancers: new Map(world.loadBalancers),
    targetGroups: new Map(world.targetGroups),
    images: new Map(world.images),
    traffic: structuredClone(world.traffic),
    // The log streams are entities too (replaced, never edited; their lines sit in chunks that are
    // never edited): the checkpoint copies the Map of them and its counts, not a single line.
    logs: { ...world.logs, byTask: new Map(world.logs.byTask) },
    zones: new Map(world.zones), // zone states are replaced, never edited
    schedules: new Map(world.schedules), // so are schedules
  };
}

/** Replace a task with a changed copy (entities are never edited in place) and bump its version. */
export function putTask(world: World, task: Task, changes: Partial<Task>): Task {
  const next: Task = { ...task, ...changes, version: task.version + 1 };
  world.tasks.set(task.taskArn, next);
  return next;
}

/** Tasks that belong to a service, in a stable order (creation time, then id). */
export function tasksOfService(world: World, serviceName: string): Task[] {
  const group = `service:${serviceName}`;
  return [...world.tasks.values()]
    .filter((t) => t.group === group)
    .sort(byCreation);
}

export function byCreation(a: Task, b: Task): number {
  return a.createdAt - b.createdAt || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0);
}
