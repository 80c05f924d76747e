// What the polite live region says: the few events a listener needs (a task stopped, a service
// started a replacement, steady state, a deployment started, completed, failed or rolled back),
// in short sentences. Pure, so it is tested directly; the
// component rate-limits it.

import type { TimelineCause } from '../session/session.ts';
import { clockLabel, familyRevision, findScenario, rolloutReasons, serviceEventGist, shortDigest, shortId, type SimEvent } from '../sim/index.ts';
import { plural } from './format.ts';

export function narrate(events: readonly SimEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'TaskStateChanged') {
      const owner = e.group.startsWith('service:') ? `of service ${e.group.slice(8)}` : 'standalone';
      if (e.lastStatus === 'STOPPED') out.push(`Task ${shortId(e.taskId)} (${owner}) stopped: ${e.stopCode ?? 'no stop code'}.`);
      else if (e.lastStatus === 'RUNNING' && e.desiredStatus === 'RUNNING') out.push(`Task ${shortId(e.taskId)} (${owner}) is running in ${e.availabilityZone}.`);
    } else if (e.type === 'ServiceEvent') {
      const gist = serviceEventGist(e.message);
      if (gist?.kind === 'started') out.push(`Service ${e.serviceName} started ${plural(gist.count, 'task')}.`);
      else if (gist?.kind === 'stopped') out.push(`Service ${e.serviceName} stopped ${plural(gist.count, 'running task')}.`);
      else if (gist?.kind === 'steadyState') out.push(`Service ${e.serviceName} reached a steady state.`);
      else if (gist?.kind === 'unableToStart') out.push(`Service ${e.serviceName} is unable to consistently start tasks successfully.`);
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
    } else if (e.type === 'CommandRejected') {
      out.push(`Rejected: ${e.message}`);
    }
  }
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
