// Questions about the engine that lessons 1, 2, 4, 6 and 7 ask beyond queries.ts: revisions, a
// task's containers, and how long a stop took and how its containers ended, read from the events
// since the step began.

import type { Millis, SimEvent, Task, TaskDefinition, World } from '../sim/index.ts';
import type { LessonContext } from './model.ts';
import { stopsSince } from './queries.ts';

/** One revision of a family (family:revision), if it is registered. */
export function revisionOf(world: World, family: string, revision: number): TaskDefinition | undefined {
  for (const td of world.taskDefinitions.values()) if (td.family === family && td.revision === revision) return td;
  return undefined;
}

/** The oldest task of a revision that the world still shows. */
export function firstTaskOf(world: World, family: string, revision: number): Task | undefined {
  for (const t of world.tasks.values()) if (t.family === family && t.revision === revision) return t;
  return undefined;
}

/** One container of a task, by its name in the task definition. */
export const containerOf = (task: Task | undefined, name: string): Task['containers'][number] | undefined => task?.containers.find((c) => c.name === name);

type TaskChange = Extract<SimEvent, { type: 'TaskStateChanged' }>;
type ContainerChange = Extract<SimEvent, { type: 'ContainerStateChanged' }>;

const changesOf = (ctx: LessonContext, taskArn: string): TaskChange[] =>
  ctx.events.filter((e): e is TaskChange => e.type === 'TaskStateChanged' && e.taskArn === taskArn);

/** When, since the step began, the task was told to stop (its desiredStatus turned STOPPED): not
 *  a later step of a stop decided before the step began (stopsSince). */
export const stopDecidedAt = (ctx: LessonContext, taskArn: string): Millis | null => stopsSince(ctx).find((e) => e.taskArn === taskArn)?.at ?? null;

/** When, since the step began, the task first reached a lastStatus. */
export const reachedAt = (ctx: LessonContext, taskArn: string, status: Task['lastStatus']): Millis | null => changesOf(ctx, taskArn).find((e) => e.lastStatus === status)?.at ?? null;

/** From the stop decision to STOPPED, when both happened since the step began. */
export function stopTook(ctx: LessonContext, taskArn: string): Millis | null {
  const from = stopDecidedAt(ctx, taskArn);
  const to = reachedAt(ctx, taskArn, 'STOPPED');
  return from === null || to === null ? null : to - from;
}

/** How a task's containers ended since the step began: each container's exit, with its time. */
export function containerExits(ctx: LessonContext, taskArn: string): ContainerChange[] {
  return ctx.events.filter((e): e is ContainerChange => e.type === 'ContainerStateChanged' && e.taskArn === taskArn && e.lastStatus === 'STOPPED');
}

/** Whether the task's target went draining since the step began (it was behind the load balancer when stopped). */
export const drainedSince = (ctx: LessonContext, taskArn: string): boolean => ctx.events.some((e) => e.type === 'TargetHealthChanged' && e.taskArn === taskArn && e.state === 'draining');
