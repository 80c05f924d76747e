// Where RunTask's tasks go (spec §4, §5.8): each to the zone its task group has fewest in, among
// the zones Fargate can launch in now; when none can, the task is a failure, not an error. RunTask
// and the Scheduler's firings (scheduledTasks.ts) both place tasks this way.

import type { Step } from './events.ts';
import { launchTask } from './task.ts';
import { canLaunchIn, upZones } from './zones.ts';
import type { Failure, TaskDefinition, World } from './model/index.ts';

/** What RunTask returns for a task Fargate has no capacity for in any zone it may use (spec §4:
 *  HTTP 200, the task in `failures`, not an exception). The reason is the one AWS's placement
 *  failure events carry for Fargate (DG23/ecs_cwe_events); the detail is the message AWS gives for
 *  it (KC ecs-fargate-runtask-capacity). A Fargate failure names no container instance, so there
 *  is no arn. Whether today's RunTask answers this way or with an exception carrying that message
 *  is not settled in the sources reached (the KC and a CloudTrail report read like the latter). */
export const FARGATE_CAPACITY_FAILURE: Failure = {
  reason: 'RESOURCE:FARGATE',
  detail: 'Capacity is unavailable at this time. Please try again later or in a different availability zone',
};

/** RunTask's placement, once its parameters are checked: each task goes to the zone its group has
 *  fewest in, or into `failures` when Fargate has no capacity anywhere it may go. */
export function startStandaloneTasks(step: Step, td: TaskDefinition, count: number, group: string, startedBy: string): { taskArns: string[]; failures: Failure[] } {
  const taskArns: string[] = [];
  const failures: Failure[] = [];
  for (let i = 0; i < count; i++) {
    const az = spreadWithinGroup(step.world, group);
    if (az === null) failures.push(FARGATE_CAPACITY_FAILURE);
    else taskArns.push(launchTask(step, td, { group, startedBy, availabilityZone: az }).taskArn);
  }
  return { taskArns, failures };
}

/** Standalone tasks spread over AZs within their task group (spec §4, §5.8), over the zones
 *  Fargate can launch in now: RunTask is given subnets in every zone, and Fargate places the task
 *  where there is capacity (KC ecs-fargate-runtask-capacity: capacity is managed per zone, so
 *  several zones' subnets give it more). Null: no zone can take it. */
function spreadWithinGroup(world: World, group: string): string | null {
  const usable = upZones(world).filter((az) => canLaunchIn(world, az));
  if (usable.length === 0) return null;
  const counts = new Map(usable.map((az) => [az, 0]));
  for (const t of world.tasks.values())
    if (t.group === group && t.desiredStatus === 'RUNNING' && counts.has(t.availabilityZone)) counts.set(t.availabilityZone, counts.get(t.availabilityZone)! + 1);
  let best = usable[0]!;
  for (const [az, n] of counts) if (n < counts.get(best)!) best = az;
  return best;
}
