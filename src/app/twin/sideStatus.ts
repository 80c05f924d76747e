// Each side's tasks in words, beside its diagram: the text a reader gets without the picture,
// and where a stopped task's exit code shows (the diagram's node has no room for it).

import { shortId, type Task, type World } from '../../sim/index.ts';
import type { Side } from './faults.ts';

const SHOWN = 3;

function taskLine(t: Task): string {
  const heading = t.desiredStatus !== t.lastStatus && t.lastStatus !== 'STOPPED' ? ` → ${t.desiredStatus}` : '';
  const health = t.lastStatus === 'RUNNING' && t.healthStatus !== 'UNKNOWN' ? `, health ${t.healthStatus}` : '';
  const exit = t.containers.find((c) => c.essential)?.exitCode;
  const end = [exit !== null && exit !== undefined ? `exit code ${exit}` : null, t.stopCode ?? null].filter(Boolean).join(', ');
  return `Task ${shortId(t.taskId)}: ${t.lastStatus}${heading}${health}${end ? ` (${end})` : ''}`;
}

/** A line for the service (right), then one per task, newest first. */
export function sideStatus(world: World, side: Side): string[] {
  const tasks = [...world.tasks.values()].filter((t) => (side === 'left' ? t.serviceName === undefined : t.serviceName === 'web')).reverse();
  const lines: string[] = [];
  if (side === 'right') {
    const service = world.services.get('web');
    lines.push(service ? `Service web: desired ${service.desiredCount}, running ${service.runningCount}, pending ${service.pendingCount}` : 'Service web is not there');
  }
  if (tasks.length === 0) lines.push('No task yet');
  for (const t of tasks.slice(0, SHOWN)) lines.push(taskLine(t));
  if (tasks.length > SHOWN) lines.push(`and ${tasks.length - SHOWN} older`);
  return lines;
}
