// What the caption line and the polite live region say: the few events a person needs (a task
// stopped, a service started a replacement and why, steady state, a deployment started,
// completed, failed or rolled back), in short plain sentences that say why where it matters
// ("Nothing replaces it: a task you run yourself has no service watching it"). Pure, so it is
// tested directly; the component rate-limits it.

import type { TimelineCause } from '../session/session.ts';
import { clockLabel, familyRevision, findScenario, rolloutReasons, serviceEventGist, shortDigest, shortId, type PlannedAction, type SimEvent } from '../sim/index.ts';
import { plural } from './format.ts';

/** Why nothing replaces a standalone task, said the same wherever it is said. */
export const NO_SERVICE_WATCHING = 'a task you run yourself has no service watching it';

export function narrate(events: readonly SimEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'TaskStateChanged') {
      const service = e.group.startsWith('service:') ? e.group.slice('service:'.length) : null;
      const id = shortId(e.taskId);
      if (e.lastStatus === 'STOPPED') {
        if (service !== null) out.push(`Task ${id} of service ${service} stopped (${e.stopCode ?? 'no stop code'}).`);
        else {
          const whose = e.group.startsWith('family:') ? `${e.group.slice('family:'.length)}'s task` : 'Standalone task';
          out.push(`${whose} ${id} stopped (${e.stopCode ?? 'no stop code'}${e.stoppedReason ? `: ${e.stoppedReason}` : ''}). Nothing replaces it: ${NO_SERVICE_WATCHING}.`);
        }
      } else if (e.lastStatus === 'RUNNING' && e.desiredStatus === 'RUNNING') out.push(`Task ${id} ${service !== null ? `of service ${service}` : '(standalone)'} is running in ${e.availabilityZone}.`);
    } else if (e.type === 'SchedulerPlanned') {
      out.push(...narratePlan(e.serviceName, e.actions));
    } else if (e.type === 'ServiceEvent') {
      const gist = serviceEventGist(e.message);
      // Starts are told from the scheduler's plan, above, which says why.
      if (gist?.kind === 'stopped') out.push(`Service ${e.serviceName} stopped ${plural(gist.count, 'running task')}.`);
      else if (gist?.kind === 'steadyState') out.push(`Service ${e.serviceName} reached a steady state.`);
      else if (gist?.kind === 'unableToStart') out.push(`Service ${e.serviceName} is unable to consistently start tasks successfully, so it waits longer between tries.`);
      else if (gist?.kind === 'deploymentStuck')
        out.push(`Service ${e.serviceName}'s deployment is stuck: minimumHealthyPercent and maximumPercent leave no room to start or stop a task.`);
      // Completed, failed and rolling back are told from the deployment's own state change, below.
    } else if (e.type === 'DeploymentStateChanged') {
      const revision = familyRevision(e.taskDefinition);
      if (e.eventName === 'SERVICE_DEPLOYMENT_COMPLETED') out.push(`Service ${e.serviceName} finished deploying ${revision}: the deployment completed.`);
      else if (e.eventName === 'SERVICE_DEPLOYMENT_FAILED') out.push(`Service ${e.serviceName}'s deployment of ${revision} failed: the circuit breaker tripped, tasks failed to start.`);
      else if (e.reason === rolloutReasons.rollingBack(e.deploymentId)) out.push(`Service ${e.serviceName} is rolling back to ${revision}.`);
      else out.push(`Service ${e.serviceName} started deploying ${revision}.`);
    } else if (e.type === 'ImagePushed') {
      out.push(`A new build of ${e.image} was pushed (${shortDigest(e.digest)}). Running tasks keep the image they started with.`);
    } else if (e.type === 'TargetHealthChanged') {
      const id = shortId(e.taskId);
      if (e.state === 'unhealthy') out.push(`Task ${id} failed its load balancer health checks.`);
      else if (e.state === 'draining') out.push(`Task ${id} is draining from the load balancer.`);
    } else if (e.type === 'ScheduleFired') {
      const how = e.manual ? 'was run now' : 'fired';
      if (e.refused) out.push(`Schedule ${e.scheduleName} ${how}, but RunTask refused it: ${e.refused}`);
      else out.push(`Schedule ${e.scheduleName} ${how}: RunTask started ${plural(e.taskArns.length, 'standalone task')}${e.failures ? `, and ${e.failures} could not be placed (no Fargate capacity)` : ''}.`);
    } else if (e.type === 'ZoneStateChanged') {
      if (!e.up) out.push(`Availability Zone ${e.availabilityZone} is down: its tasks stopped with their hosts, and nothing launches there.`);
      else if (e.capacityShort) out.push(`Fargate has no capacity in ${e.availabilityZone}: launches there fail; tasks already running there carry on.`);
      else out.push(`Availability Zone ${e.availabilityZone} is up, with Fargate capacity.`);
    } else if (e.type === 'CommandRejected') {
      out.push(`Rejected: ${e.message}`);
    }
  }
  return out;
}

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** One plan's launches in a sentence or two, with the reason in plain words: "Service web saw 2 of
 *  3 tasks running or starting and started one in us-east-1a." Stops are told by the service's own event. */
function narratePlan(service: string, actions: readonly PlannedAction[]): string[] {
  const out: string[] = [];
  const launches = actions.flatMap((a) => (a.action === 'launch' && a.launch ? [a.launch] : []));
  const counted = launches.filter((l) => l.why === 'desiredCount' || l.why === 'keeper');
  if (counted.length > 0) {
    const { running, desired } = counted[0]!;
    const zones = list([...new Set(counted.map((l) => l.availabilityZone))]);
    const started = counted.length === 1 ? 'one' : String(counted.length);
    out.push(`Service ${service} saw ${running} of ${plural(desired, 'task')} running or starting and started ${started} in ${zones}.`);
  }
  for (const l of launches.filter((l) => l.why === 'unhealthy'))
    out.push(`Service ${service} started a replacement for unhealthy task ${l.replaces ? `${shortId(l.replaces)} ` : ''}in ${l.availabilityZone}, before stopping it.`);
  const moves = launches.filter((l) => l.why === 'rebalance');
  if (moves.length > 0) out.push(`Service ${service} is rebalancing across the zones: it started ${plural(moves.length, 'task')} in ${list([...new Set(moves.map((l) => l.availabilityZone))])}, to stop one where it has the most.`);
  const deploying = launches.filter((l) => l.why === 'deployment');
  if (deploying.length > 0) out.push(`Service ${service} started ${plural(deploying.length, 'task')} of its new deployment (${deploying[0]!.running + deploying.length} of desiredCount ${deploying[0]!.desired}).`);
  return out;
}

/** At most `max` sentences per announcement; the rest summed up, so the region never floods. */
export function announcement(pending: readonly string[], max = 3): string {
  if (pending.length <= max) return pending.join(' ');
  return `${pending.slice(0, max).join(' ')} And ${plural(pending.length - max, 'more change')}.`;
}

/** One sentence for a jump in the timeline: where the view went, and why. */
export function narrateJump(cause: TimelineCause, now: number, scenario: string): string {
  switch (cause) {
    case 'seek':
      return `Showing ${clockLabel(now)}.`;
    case 'fork':
      return `You acted in the past at ${clockLabel(now)}: the future after it was replaced.`;
    case 'return':
      return `Back on the other future, at ${clockLabel(now)}.`;
    case 'reset':
      return 'The scenario was reset to its start.';
    case 'open':
    case 'start':
      return `Opened “${findScenario(scenario)?.title ?? scenario}” at ${clockLabel(now)}.`;
  }
}
