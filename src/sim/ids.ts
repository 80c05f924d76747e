// Identifiers in ECS's own formats (spec §1), drawn from the world's seeded RNG.

import { digits, hex } from './rng.ts';
import type { World } from './model/index.ts';

export const arnPrefix = (w: World, service: string) => `arn:aws:${service}:${w.config.region}:${w.config.accountId}`;

export const clusterArn = (w: World) => `${arnPrefix(w, 'ecs')}:cluster/${w.config.clusterName}`;

export const taskDefinitionArn = (w: World, family: string, revision: number) =>
  `${arnPrefix(w, 'ecs')}:task-definition/${family}:${revision}`;

export const serviceArn = (w: World, name: string) =>
  `${arnPrefix(w, 'ecs')}:service/${w.config.clusterName}/${name}`;

/** A new task: 32 lowercase hex characters, and its long-format ARN. */
export function newTaskIds(w: World): { taskId: string; taskArn: string } {
  const taskId = hex(w.rng, 32);
  return { taskId, taskArn: `${arnPrefix(w, 'ecs')}:task/${w.config.clusterName}/${taskId}` };
}

/** ecs-svc/ followed by 19 decimal digits. */
export const newDeploymentId = (w: World) => `ecs-svc/${digits(w.rng, 19)}`;

/** A version-4 UUID, as service event ids are. */
export function newUuid(w: World): string {
  const h = hex(w.rng, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16]!, 16) & 3]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The short id the console and the UI show: the first 8 characters of the task ID. */
export const shortId = (taskId: string) => taskId.slice(0, 8);

/** The 32-hex task ID at the end of a task ARN. */
export const taskIdOf = (taskArn: string) => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/** "family:revision" from a task definition ARN. */
export const familyRevision = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** What `startedBy` says on a task EventBridge Scheduler started (spec §4.1, OBS-13). */
export const SCHEDULED_BY = 'chronos-schedule/';

/** The schedule a task was started by, if any (its name, from `startedBy`). */
export const scheduleNameOf = (startedBy: string): string | null => (startedBy.startsWith(SCHEDULED_BY) ? startedBy.slice(SCHEDULED_BY.length) : null);
