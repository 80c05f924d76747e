// The moments worth a mark on the timeline: what the user did, the faults, and how ECS answered
// (a replacement started, steady state, a task stopped, a target failing its checks). Pure:
// derived from the log entries and events as a branch is recorded, so a replay never has to
// derive them again. Marks are kept one per moment; the scrub bar groups those close together.

import { describeSelector, serviceEventGist, shortId, type Millis, type ScriptCommand, type SimEvent, type TaskSelector } from '../sim/index.ts';

export type MarkerKind = 'action' | 'fault' | 'stopped' | 'replacement' | 'steady' | 'unhealthy' | 'scheduled';
export type Marker = { at: Millis; kind: MarkerKind; label: string };

const FAULTS = new Set<ScriptCommand['type']>(['crashContainer', 'oomKillContainer', 'failHealthChecks', 'hangContainer', 'zoneOutage', 'capacityShortage']);

/** "task 3f2a9c1d", or for a script's selector "a RUNNING task of service web". */
const taskRef = (task: string | TaskSelector) => (typeof task === 'string' ? `task ${shortId(task.slice(task.lastIndexOf('/') + 1))}` : describeSelector(task));

/** What the user's command was, in a few words. */
export function describeCommand(c: ScriptCommand): string {
  switch (c.type) {
    case 'stopTask':
      return `You stopped ${taskRef(c.task)}`;
    case 'crashContainer':
      return `Fault: the container of ${taskRef(c.task)} exited (${c.exitCode ?? 1})`;
    case 'oomKillContainer':
      return `Fault: ${taskRef(c.task)} ran out of memory (137)`;
    case 'failHealthChecks':
      return `Fault: ${taskRef(c.task)} started failing its health check`;
    case 'hangContainer':
      return `Fault: the app of ${taskRef(c.task)} hung`;
    case 'updateService':
      return describeUpdate(c);
    case 'pushImage':
      return `You pushed a new build of ${c.image}`;
    case 'createService':
      return `You created service ${c.serviceName}`;
    case 'deleteService':
      return `You deleted service ${c.service}`;
    case 'runTask':
      return `You ran ${c.count ?? 1} task${(c.count ?? 1) === 1 ? '' : 's'} of ${c.taskDefinition}`;
    case 'registerTaskDefinition':
      return `You registered a revision of ${c.taskDefinition.family}`;
    case 'deregisterTaskDefinition':
      return `You deregistered ${c.taskDefinition}`;
    case 'setTraffic':
      return `You set traffic to ${c.ratePerSecond} requests a second`;
    case 'modifyTargetGroup':
      return `You changed target group ${c.targetGroup}`;
    case 'createLoadBalancer':
      return `You created load balancer ${c.name}`;
    case 'zoneOutage':
      return `Fault: Availability Zone ${c.availabilityZone} went down`;
    case 'zoneRecovery':
      return `Availability Zone ${c.availabilityZone} came back`;
    case 'capacityShortage':
      return `Fault: Fargate ran out of capacity in ${c.availabilityZone ?? 'every zone'}`;
    case 'capacityRecovery':
      return `Fargate capacity came back in ${c.availabilityZone ?? 'every zone'}`;
    case 'createSchedule':
      return `You created schedule ${c.name}: ${c.scheduleExpression}`;
    case 'updateSchedule':
      return c.state === 'DISABLED' ? `You disabled schedule ${c.name}` : c.state === 'ENABLED' && c.scheduleExpression === undefined ? `You enabled schedule ${c.name}` : `You changed schedule ${c.name}`;
    case 'deleteSchedule':
      return `You deleted schedule ${c.name}`;
    case 'runScheduleNow':
      return `You ran schedule ${c.name} now`;
  }
}

function describeUpdate(c: Extract<ScriptCommand, { type: 'updateService' }>): string {
  if (c.taskDefinition !== undefined) return `You deployed ${c.taskDefinition} to service ${c.service}`;
  if (c.forceNewDeployment) return `You forced a new deployment of service ${c.service}`;
  if (c.desiredCount !== undefined) return `You set service ${c.service} to ${c.desiredCount} tasks`;
  return `You updated service ${c.service}`;
}

export function commandMarker(at: Millis, command: ScriptCommand): Marker {
  return { at, kind: FAULTS.has(command.type) ? 'fault' : 'action', label: describeCommand(command) };
}

/** The marks a batch of events makes (none for most: a health check passing is no moment). */
export function eventMarkers(events: readonly SimEvent[]): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    if (e.type === 'ServiceEvent') {
      const gist = serviceEventGist(e.message);
      if (gist?.kind === 'started') out.push({ at: e.at, kind: 'replacement', label: `Service ${e.serviceName} started ${gist.count === 1 ? 'a task' : `${gist.count} tasks`}` });
      else if (gist?.kind === 'steadyState') out.push({ at: e.at, kind: 'steady', label: `Service ${e.serviceName} reached a steady state` });
      else if (gist?.kind === 'deploymentFailed') out.push({ at: e.at, kind: 'unhealthy', label: `Service ${e.serviceName}: the deployment failed (circuit breaker)` });
      else if (gist?.kind === 'rollingBack') out.push({ at: e.at, kind: 'replacement', label: `Service ${e.serviceName} rolls back` });
      else if (gist?.kind === 'deploymentCompleted') out.push({ at: e.at, kind: 'steady', label: `Service ${e.serviceName}: deployment completed` });
    } else if (e.type === 'TargetHealthChanged' && e.state === 'unhealthy') {
      out.push({ at: e.at, kind: 'unhealthy', label: `Task ${shortId(e.taskId)} is unhealthy in the target group` });
    } else if (e.type === 'ScheduleFired' && !e.manual) {
      const started = e.taskArns.length === 1 ? 'a task' : `${e.taskArns.length} tasks`;
      out.push({ at: e.at, kind: 'scheduled', label: e.refused ? `Schedule ${e.scheduleName} fired; RunTask refused it` : `Schedule ${e.scheduleName} fired: RunTask started ${started}${e.failures ? `, ${e.failures} failed` : ''}` });
    } else if (e.type === 'TaskStateChanged' && e.lastStatus === 'STOPPED') {
      // Every stop, the user's too: their command marks when they asked, this when it happened.
      out.push({ at: e.at, kind: 'stopped', label: `Task ${shortId(e.taskId)} stopped: ${e.stopCode ?? 'no stop code'}` });
    }
  }
  return out;
}
