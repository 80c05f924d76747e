// Query helpers for lessons 5, 8, 9, 10 and 11 (content/partB.ts), in the style of queries.ts:
// each reads the world or the events since the step began, nothing else.

import { currentImage, serviceEventGist, type Millis, type ServiceEventGist, type SimEvent, type Task, type World } from '../sim/index.ts';
import type { LessonContext } from './model.ts';
import { stopsSince, tasks, type Which } from './queries.ts';

type TaskChange = Extract<SimEvent, { type: 'TaskStateChanged' }>;

const isTaskChange = (e: SimEvent): e is TaskChange => e.type === 'TaskStateChanged';

/**
 * The most tasks of `which` that were live (desiredStatus RUNNING: what maximumPercent counts) at
 * any one moment since the step began, replaying the task events in the engine's order.
 */
export function maxLiveSince(ctx: LessonContext, which: Which): number {
  const chosen = new Set(tasks(ctx.world, which).map((t) => t.taskArn));
  const changes = ctx.events.filter((e): e is TaskChange => isTaskChange(e) && chosen.has(e.taskArn));
  const launchedHere = new Set(changes.filter((e) => e.lastStatus === 'PROVISIONING').map((e) => e.taskArn));
  const flips = new Set(stopsSince(ctx));
  const stopSeen = new Set([...flips].map((e) => e.taskArn));
  // Live when the step began: launched before it, and not yet told to stop by then.
  let count = [...chosen].filter((arn) => {
    if (launchedHere.has(arn)) return false;
    const t = ctx.world.tasks.get(arn)!;
    return t.desiredStatus === 'RUNNING' || stopSeen.has(arn);
  }).length;
  let max = count;
  for (const e of changes) {
    if (e.lastStatus === 'PROVISIONING' && e.desiredStatus === 'RUNNING') count++;
    else if (flips.has(e)) count--;
    max = Math.max(max, count);
  }
  return max;
}

/** For each task of the service told to stop since the step began, how long until the service
 *  launched its next task (ms); a stop not yet followed by a launch is left out. */
export function restartGaps(ctx: LessonContext, service: string): Millis[] {
  const group = `service:${service}`;
  const gaps: Millis[] = [];
  let waitingSince: Millis | null = null;
  const flips = new Set(stopsSince(ctx));
  for (const e of ctx.events) {
    if (!isTaskChange(e) || e.group !== group) continue;
    if (flips.has(e)) {
      waitingSince ??= e.at;
    } else if (e.lastStatus === 'PROVISIONING' && waitingSince !== null) {
      gaps.push(e.at - waitingSince);
      waitingSince = null;
    }
  }
  return gaps;
}

/** The first service event (in AWS's words) of this kind since the step began: its time and seq. */
export const serviceEventOf = (ctx: LessonContext, service: string, kind: ServiceEventGist['kind']): SimEvent | undefined =>
  ctx.events.find((e) => e.type === 'ServiceEvent' && e.serviceName === service && serviceEventGist(e.message)?.kind === kind);

/** The digest a task's essential container runs. */
export const digestOf = (t: Task): string | undefined => t.containers.find((c) => c.essential)?.imageDigest;
/** The digest the image's tag points at now in the registry. */
export const registryDigest = (world: World, image: string): string => currentImage(world, image).digest;
