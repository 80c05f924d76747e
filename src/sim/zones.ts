// Availability Zones and their faults (issue 13; spec §5.3, §5.9, §7.3): a zone can go down — its
// tasks stop with their host, and nothing launches there until it comes back — and Fargate can
// run out of capacity in a zone, so that launches there fail. The zone states live in
// `world.zones` (replaced, never edited, so checkpoints share them); the scheduler's plan is told
// which zones are up (scheduler/plan.ts), and the shell learns where capacity is short by trying
// (service.ts), as ECS does.

import { emit, type Step } from './events.ts';
import { requestReconcile } from './service.ts';
import { loseHost } from './task.ts';
import { schedule } from './timers.ts';
import { SECOND } from './time.ts';
import type { Millis, World, ZoneState } from './model/index.ts';

/** The longest a fault given a duration lasts: a day. */
export const MAX_FAULT_SECONDS = 86_400;

export const zoneOf = (world: World, az: string): ZoneState | undefined => world.zones.get(az);

/** Zones a task can be placed in now, in config order. */
export function upZones(world: World): string[] {
  const out: string[] = [];
  for (const az of world.config.availabilityZones) if (world.zones.get(az)?.up !== false) out.push(az);
  return out;
}

/** Fargate can start a task in the zone now: it is up and not short of capacity. */
export function canLaunchIn(world: World, az: string): boolean {
  const zone = world.zones.get(az);
  return zone === undefined || (zone.up && !zone.capacityShort);
}

/** Why a zone fault's fields are wrong (null: they are right). */
export function zoneFaultProblem(world: World, availabilityZone: unknown, durationSeconds: unknown, optionalZone: boolean): string | null {
  if (availabilityZone === undefined && optionalZone) {
    /* every zone */
  } else if (typeof availabilityZone !== 'string' || !world.zones.has(availabilityZone))
    return `There is no Availability Zone ${typeof availabilityZone === 'string' ? availabilityZone.slice(0, 40) : String(availabilityZone)} in the playground: its zones are ${world.config.availabilityZones.join(', ')}.`;
  if (durationSeconds !== undefined && (typeof durationSeconds !== 'number' || !Number.isInteger(durationSeconds) || durationSeconds < 1 || durationSeconds > MAX_FAULT_SECONDS))
    return `durationSeconds must be a whole number of seconds from 1 to ${MAX_FAULT_SECONDS} (leave it out for a fault that lasts until you end it).`;
  return null;
}

function putZone(step: Step, zone: ZoneState, changes: Partial<ZoneState>): ZoneState {
  const next = { ...zone, ...changes };
  step.world.zones.set(zone.availabilityZone, next);
  emit(step, { type: 'ZoneStateChanged', availabilityZone: next.availabilityZone, up: next.up, capacityShort: next.capacityShort });
  return next;
}

function until(step: Step, az: string, fault: 'outage' | 'capacityShortage', durationSeconds: number | undefined): Millis | null {
  if (durationSeconds === undefined) return null;
  const at = step.world.now + durationSeconds * SECOND;
  schedule(step.world, at, { kind: 'zoneFaultEnds', availabilityZone: az, fault });
  return at;
}

/** Every service looks again at its next tick: a zone back (or capacity back) is room to launch
 *  and, for rebalancing, a reason to move tasks (spec §5.9). */
function wakeServices(step: Step): void {
  for (const service of step.world.services.values()) if (service.status === 'ACTIVE') requestReconcile(step, service.serviceName);
}

/**
 * The zone goes down: the hosts of its tasks go with it. Each task there stops (task.ts
 * `loseHost`); the services see their tasks stop and replace them in the zones that are up; a
 * standalone task is simply gone, and nothing replaces it (spec §3.3, DG23/task-maintenance).
 */
export function zoneOutage(step: Step, az: string, durationSeconds?: number): void {
  const zone = step.world.zones.get(az)!;
  putZone(step, zone, { up: false, downUntil: until(step, az, 'outage', durationSeconds) });
  for (const task of [...step.world.tasks.values()]) if (task.availabilityZone === az) loseHost(step, task);
}

export function zoneRecovery(step: Step, az: string): void {
  const zone = step.world.zones.get(az)!;
  putZone(step, zone, { up: true, downUntil: null });
  wakeServices(step);
}

/** Fargate runs out of capacity in the zones named (all when none is): tasks already running
 *  there keep running; new launches there fail (E12, RunTask's RESOURCE:FARGATE). */
export function capacityShortage(step: Step, zones: readonly string[], durationSeconds?: number): void {
  for (const az of zones) putZone(step, step.world.zones.get(az)!, { capacityShort: true, shortUntil: until(step, az, 'capacityShortage', durationSeconds) });
}

export function capacityRecovery(step: Step, zones: readonly string[]): void {
  for (const az of zones) putZone(step, step.world.zones.get(az)!, { capacityShort: false, shortUntil: null });
  wakeServices(step);
}

/** A fault's duration ran out — unless it was ended, or given another end, since. */
export function zoneFaultEnds(step: Step, az: string, fault: 'outage' | 'capacityShortage', at: Millis): void {
  const zone = step.world.zones.get(az);
  if (!zone) return;
  if (fault === 'outage' && !zone.up && zone.downUntil === at) zoneRecovery(step, az);
  if (fault === 'capacityShortage' && zone.capacityShort && zone.shortUntil === at) capacityRecovery(step, [az]);
}
