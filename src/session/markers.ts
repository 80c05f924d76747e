// The moments worth a mark on the timeline: what the user did, the faults, and how ECS answered
// (a replacement started, steady state, a target failing its checks). Pure: derived from the log
// entries and events as a branch is recorded, so a replay never has to derive them again.

import { shortId, type Millis, type ScriptCommand, type SimEvent } from '../sim/index.ts';

export type MarkerKind = 'action' | 'fault' | 'stopped' | 'replacement' | 'steady' | 'unhealthy';
/** `count`: how many like moments this one mark stands for (see MARKER_MERGE_MS). */
export type Marker = { at: Millis; kind: MarkerKind; label: string; count: number };

/** A mark's name as the scrub bar shows and reads it. */
export const markerName = (m: Marker) => (m.count > 1 ? `${m.label}, and ${m.count - 1} more like it` : m.label);

/** Markers of one kind closer together than this are one marker ("3 tasks stopped"): a burst is
 *  one moment to a person scrubbing, and a bar with a hundred ticks helps nobody. */
export const MARKER_MERGE_MS = 10_000;
/** A session of many hours keeps its newest marks; the scrub bar can show no more than this. */
export const MAX_MARKERS = 500;

const FAULTS = new Set<ScriptCommand['type']>(['crashContainer', 'oomKillContainer', 'failHealthChecks']);

const taskRef = (task: unknown) => (typeof task === 'string' ? shortId(task.slice(task.lastIndexOf('/') + 1)) : 'a task');

/** What the user's command was, in a few words. */
export function describeCommand(c: ScriptCommand): string {
  switch (c.type) {
    case 'stopTask':
      return `You stopped task ${taskRef(c.task)}`;
    case 'crashContainer':
      return `Fault: task ${taskRef(c.task)}'s container exited (${c.exitCode ?? 1})`;
    case 'oomKillContainer':
      return `Fault: task ${taskRef(c.task)} ran out of memory (137)`;
    case 'failHealthChecks':
      return `Fault: task ${taskRef(c.task)} started failing its health check`;
    case 'updateService':
      return `You set service ${c.service} to ${c.desiredCount} tasks`;
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
  }
}

export function commandMarker(at: Millis, command: ScriptCommand): Marker {
  return { at, kind: FAULTS.has(command.type) ? 'fault' : 'action', label: describeCommand(command), count: 1 };
}

/** The marks a batch of events makes (none for most: a health check passing is no moment). */
export function eventMarkers(events: readonly SimEvent[]): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    if (e.type === 'ServiceEvent') {
      const started = /has started (\d+) tasks/.exec(e.message);
      if (started) out.push({ at: e.at, kind: 'replacement', label: `Service ${e.serviceName} started ${started[1] === '1' ? 'a task' : `${started[1]} tasks`}`, count: 1 });
      else if (e.message.includes('has reached a steady state')) out.push({ at: e.at, kind: 'steady', label: `Service ${e.serviceName} reached a steady state`, count: 1 });
    } else if (e.type === 'TargetHealthChanged' && e.state === 'unhealthy') {
      out.push({ at: e.at, kind: 'unhealthy', label: `Task ${shortId(e.taskId)} is unhealthy in the target group`, count: 1 });
    } else if (e.type === 'TaskStateChanged' && e.lastStatus === 'STOPPED' && e.stopCode !== 'UserInitiated') {
      // Stops the user asked for are marked by their command; these are the ones ECS or the app caused.
      out.push({ at: e.at, kind: 'stopped', label: `Task ${shortId(e.taskId)} stopped: ${e.stopCode ?? 'no stop code'}`, count: 1 });
    }
  }
  return out;
}

/** Add marks to a branch's list (in time order), merging a mark into a like one just before it. */
export function addMarkers(list: Marker[], fresh: readonly Marker[]): void {
  for (const m of fresh) {
    const last = findLast(list, m.kind, m.at - MARKER_MERGE_MS);
    if (last !== undefined && m.kind !== 'action' && m.kind !== 'fault') {
      list[list.indexOf(last)] = { ...last, count: last.count + m.count };
      continue;
    }
    list.push(m);
  }
  if (list.length > MAX_MARKERS) list.splice(0, list.length - MAX_MARKERS);
}

function findLast(list: readonly Marker[], kind: MarkerKind, since: Millis): Marker | undefined {
  for (let i = list.length - 1; i >= 0 && list[i]!.at >= since; i--) if (list[i]!.kind === kind) return list[i];
  return undefined;
}
