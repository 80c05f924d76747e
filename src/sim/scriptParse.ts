// Script files and recorded commands are untrusted input (a file, a share link, a saved session):
// `parseScript` and `parseCommand` check every field and say exactly what is wrong. Apart from
// script.ts, which the engine runs, so the first screen — which reads none — does not load them:
// they are public through src/sim/json.ts, the engine's door for outside input.

import { isObject, isTaskDefinitionShape } from './taskDefinition.ts';
import { TASK_STATUS_ORDER } from './lifecycle.ts';
import { millisOfSeconds, SECOND } from './time.ts';
import type { Command, ScriptCommand, ScriptStep, TaskStatus } from './model/index.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Own properties only: a field or type named "constructor" or "toString" must not find
 *  Object.prototype's. */
const own = (o: object, key: string): unknown => (Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);
/** A value as a message quotes it, safe for any value (String() throws on an object without a
 *  prototype, JSON.stringify on a BigInt). */
const describeValue = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null || typeof v !== 'object' ? String(v) : 'an object');
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

type FieldSpec = Record<string, 'string' | 'int' | 'boolean' | 'task' | 'object' | 'taskDefinition' | 'string?' | 'int?' | 'boolean?' | 'object?' | 'array?'>;

/** The fields each command takes (the same names as the AWS API where one exists). */
export const COMMAND_FIELDS: Record<Command['type'], FieldSpec> = {
  registerTaskDefinition: { taskDefinition: 'taskDefinition' },
  deregisterTaskDefinition: { taskDefinition: 'string' },
  runTask: { taskDefinition: 'string', count: 'int?', startedBy: 'string?', group: 'string?', loadBalancers: 'array?' },
  stopTask: { task: 'task', reason: 'string?' },
  createService: { serviceName: 'string', taskDefinition: 'string', desiredCount: 'int', healthCheckGracePeriodSeconds: 'int?', deploymentConfiguration: 'object?', loadBalancers: 'array?', availabilityZoneRebalancing: 'string?' },
  createLoadBalancer: { name: 'string', listenerPort: 'int?', targetGroup: 'object' },
  modifyTargetGroup: { targetGroup: 'string', healthCheck: 'object?', deregistrationDelaySeconds: 'int?', algorithm: 'string?' },
  setTraffic: { loadBalancer: 'string', ratePerSecond: 'int' },
  updateService: { service: 'string', desiredCount: 'int?', taskDefinition: 'string?', forceNewDeployment: 'boolean?', deploymentConfiguration: 'object?', healthCheckGracePeriodSeconds: 'int?', availabilityZoneRebalancing: 'string?' },
  pushImage: { image: 'string' },
  deleteService: { service: 'string', force: 'boolean?' },
  crashContainer: { task: 'task', container: 'string?', exitCode: 'int?' },
  oomKillContainer: { task: 'task', container: 'string?' },
  failHealthChecks: { task: 'task', container: 'string?' },
  hangContainer: { task: 'task', container: 'string?' },
  zoneOutage: { availabilityZone: 'string', durationSeconds: 'int?' },
  zoneRecovery: { availabilityZone: 'string' },
  capacityShortage: { availabilityZone: 'string?', durationSeconds: 'int?' },
  capacityRecovery: { availabilityZone: 'string?' },
  createSchedule: { name: 'string', scheduleExpression: 'string', scheduleExpressionTimezone: 'string?', state: 'string?', target: 'object' },
  updateSchedule: { name: 'string', scheduleExpression: 'string?', scheduleExpressionTimezone: 'string?', state: 'string?', target: 'object?' },
  deleteSchedule: { name: 'string' },
  runScheduleNow: { name: 'string' },
};

function checkSelector(v: unknown): string | null {
  if (!isObject(v)) return 'task must be a task ID or a selector object like {"service": "web"}';
  const known = ['service', 'family', 'standalone', 'lastStatus', 'pick'];
  const extra = Object.keys(v).find((k) => !known.includes(k));
  if (extra) return `task selector has an unknown field "${extra}" (known: ${known.join(', ')})`;
  const { service, family, standalone, lastStatus, pick } = Object.fromEntries(known.map((k) => [k, own(v, k)]));
  if (service !== undefined && !isString(service)) return 'task.service must be a service name';
  if (family !== undefined && !isString(family)) return 'task.family must be a family name';
  if (standalone !== undefined && typeof standalone !== 'boolean') return 'task.standalone must be true or false';
  if (lastStatus !== undefined && !TASK_STATUS_ORDER.includes(lastStatus as TaskStatus)) return `task.lastStatus must be one of ${TASK_STATUS_ORDER.join(', ')}`;
  if (pick !== undefined && !['oldest', 'newest', 'random'].includes(pick as string)) return 'task.pick must be oldest, newest or random';
  return null;
}

/** Check a command's shape (not whether it can apply: that is the engine's job). */
export function parseCommand(raw: unknown): ParseResult<ScriptCommand> {
  if (!isObject(raw)) return { ok: false, error: 'a command must be a JSON object with a "type"' };
  const type = own(raw, 'type');
  if (type === undefined) return { ok: false, error: `the command needs "type" (one of ${Object.keys(COMMAND_FIELDS).join(', ')})` };
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_FIELDS, type))
    return { ok: false, error: `unknown command type ${describeValue(type)} (known: ${Object.keys(COMMAND_FIELDS).join(', ')})` };
  const spec = COMMAND_FIELDS[type as Command['type']];
  const out: Record<string, unknown> = { type };
  for (const [key, kind] of Object.entries(spec)) {
    const v = own(raw, key);
    const optional = kind.endsWith('?');
    if (v === undefined) {
      if (optional) continue;
      return { ok: false, error: `${type} needs "${key}"` };
    }
    const base = kind.replace('?', '');
    const bad =
      base === 'string' ? (!isString(v) ? `"${key}" must be a non-empty string` : null)
      : base === 'int' ? (!isInt(v) ? `"${key}" must be a whole number` : null)
      : base === 'boolean' ? (typeof v !== 'boolean' ? `"${key}" must be true or false` : null)
      : base === 'object' ? (!isObject(v) ? `"${key}" must be an object` : null)
      : base === 'array' ? (!Array.isArray(v) || !v.every(isObject) ? `"${key}" must be a list of objects` : null)
      : base === 'taskDefinition' ? (!isTaskDefinitionShape(v) ? `"${key}" must be a task definition object with a family and containerDefinitions` : null)
      : typeof v === 'string' ? (v ? null : '"task" must not be empty') : checkSelector(v);
    if (bad) return { ok: false, error: `${type}: ${bad}` };
    out[key] = v;
  }
  const extra = Object.keys(raw).find((k) => k !== 'type' && k !== 'at' && !Object.hasOwn(spec, k));
  if (extra) return { ok: false, error: `${type} has an unknown field "${extra}" (it takes ${Object.keys(spec).join(', ') || 'nothing'})` };
  return { ok: true, value: out as ScriptCommand };
}

/** A script file: {"steps": [{"at": 30, "type": "stopTask", "task": {"service": "web"}}, …]}. */
export function parseScript(raw: unknown): ParseResult<ScriptStep[]> {
  const steps = isObject(raw) ? own(raw, 'steps') : raw;
  if (!Array.isArray(steps)) return { ok: false, error: 'a script is {"steps": [...]}, each step a command with "at" (seconds of sim time)' };
  const out: ScriptStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s: unknown = steps[i];
    const at = isObject(s) ? own(s, 'at') : undefined;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return { ok: false, error: `steps[${i}]: "at" must be a number of seconds, 0 or more` };
    // Sim time is whole ms: 1.005 s is 1005 ms (and kept as the value nearest it, without the
    // float noise), while 1.0004 s is no moment the engine has.
    const ms = millisOfSeconds(at);
    if (ms === null) return { ok: false, error: `steps[${i}]: "at" must be a whole number of milliseconds, i.e. seconds with at most three decimals (e.g. 1.5 or 1.005), not ${at}` };
    const parsed = parseCommand(s);
    if (!parsed.ok) return { ok: false, error: `steps[${i}]: ${parsed.error}` };
    out.push({ at: ms / SECOND, command: parsed.value });
  }
  return { ok: true, value: out };
}
