// Events: the services' events in AWS's wording (newest first, as the console's Events tab), with
// the task state changes ECS sends to EventBridge interleaved; filtered per service.

import { useId, useState } from 'react';
import { clockLabel, familyRevision, shortDigest, shortId, type SimEvent } from '../../sim/index.ts';
import { usePane } from '../../store/StoreContext.tsx';

const SHOWN = 120;

type Line = { seq: number; at: number; kind: 'service' | 'task' | 'deployment'; text: string };

function toLine(e: SimEvent, filter: string, withTasks: boolean): Line | null {
  if (e.type === 'ServiceEvent') {
    if (filter !== 'all' && filter !== `service:${e.serviceName}`) return null;
    return { seq: e.seq, at: e.at, kind: 'service', text: e.message };
  }
  if (e.type === 'TaskStateChanged' && withTasks) {
    if (filter !== 'all' && filter !== e.group && !(filter === 'standalone' && e.group.startsWith('family:'))) return null;
    const desired = e.desiredStatus !== e.lastStatus && e.lastStatus !== 'STOPPED' ? ` (desired ${e.desiredStatus})` : '';
    const stop = e.lastStatus === 'STOPPED' && e.stopCode ? ` — ${e.stopCode}: ${e.stoppedReason ?? ''}` : '';
    return { seq: e.seq, at: e.at, kind: 'task', text: `Task ${shortId(e.taskId)} (${e.group}) is ${e.lastStatus}${desired}${stop}` };
  }
  if (e.type === 'TargetHealthChanged' && withTasks) {
    if (filter !== 'all' && filter !== `service:${e.serviceName}`) return null;
    const reason = e.reason ? ` (${e.reason})` : '';
    return { seq: e.seq, at: e.at, kind: 'task', text: `Target task ${shortId(e.taskId)} of service ${e.serviceName} is ${e.state} in the target group${reason}` };
  }
  // EventBridge's "ECS Deployment State Change": the deployment id, its revision and ECS's reason.
  if (e.type === 'DeploymentStateChanged') {
    if (filter !== 'all' && filter !== `service:${e.serviceName}`) return null;
    return { seq: e.seq, at: e.at, kind: 'deployment', text: `${e.eventName}: service ${e.serviceName}, deployment ${e.deploymentId} (${familyRevision(e.taskDefinition)}). ${e.reason}` };
  }
  if (e.type === 'ImagePushed') {
    if (filter !== 'all') return null;
    return { seq: e.seq, at: e.at, kind: 'deployment', text: `A new build of ${e.image} was pushed: the tag now points at ${shortDigest(e.digest)}. Running tasks keep the digest they started with.` };
  }
  if (e.type === 'CommandRejected') return { seq: e.seq, at: e.at, kind: 'service', text: `Rejected ${e.command}: ${e.code}: ${e.message}` };
  return null;
}

export function EventsPanel() {
  const recent = usePane((s) => s.recent);
  const serviceNames = usePane((s) => [...s.sim.world.services.keys()].join('\n'));
  const [filter, setFilter] = useState('all');
  const [withTasks, setWithTasks] = useState(true);
  const filterId = useId();
  const lines: Line[] = [];
  for (let i = recent.length - 1; i >= 0 && lines.length < SHOWN; i--) {
    const line = toLine(recent[i]!, filter, withTasks);
    if (line) lines.push(line);
  }
  return (
    <div className="events-panel">
      <div className="filters">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">everything</option>
          {serviceNames.split('\n').filter(Boolean).map((name) => (
            <option key={name} value={`service:${name}`}>service {name}</option>
          ))}
          <option value="standalone">standalone tasks</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={withTasks} onChange={(e) => setWithTasks(e.target.checked)} /> task state changes
        </label>
      </div>
      {lines.length === 0 && <p className="muted">Nothing yet.</p>}
      <ol className="event-list" data-testid="events">
        {lines.map((l) => (
          <li key={l.seq} className={`event-${l.kind}`}>
            <time className="muted">{clockLabel(l.at)}</time> {l.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
