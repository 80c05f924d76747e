// The "Update service" form's logic, apart from React: the fields and their AWS defaults, the one
// updateService command that carries only what the person changed, which field an engine message
// is about, and the rolling arithmetic the form shows as you type. Tested in updateService.test.ts.

import { DEFAULT_DEPLOYMENT_CONFIGURATION, familyRevision, rollingBounds, type Command, type Service, type TaskDefinition, type World } from '../../sim/index.ts';

export type UpdateCommand = Extract<Command, { type: 'updateService' }>;

/** The form's fields: each number as the text typed, each switch as a boolean. */
export type UpdateValues = {
  taskDefinition: string;
  desiredCount: string;
  minimumHealthyPercent: string;
  maximumPercent: string;
  healthCheckGracePeriodSeconds: string;
  circuitBreakerEnable: boolean;
  circuitBreakerRollback: boolean;
  forceNewDeployment: boolean;
};

/** Where an error is shown: next to one field, or at the top of the form. */
export type ErrorPlace = 'taskDefinition' | 'desiredCount' | 'minimumHealthyPercent' | 'maximumPercent' | 'healthCheckGracePeriodSeconds' | 'circuitBreaker' | 'forceNewDeployment' | 'form';

export type NumberField = 'desiredCount' | 'minimumHealthyPercent' | 'maximumPercent' | 'healthCheckGracePeriodSeconds';

/** AWS's defaults, as the form names them beside each field (spec §5.2, §5.4, §5.6). */
export const UPDATE_DEFAULTS = {
  minimumHealthyPercent: `AWS default: ${DEFAULT_DEPLOYMENT_CONFIGURATION.minimumHealthyPercent} %`,
  maximumPercent: `AWS default: ${DEFAULT_DEPLOYMENT_CONFIGURATION.maximumPercent} %`,
  healthCheckGracePeriodSeconds: 'AWS default: 0 s',
  circuitBreaker: 'AWS default: off (enable and rollback both false)',
  forceNewDeployment: 'AWS default: off',
} as const;

/** What the form shows for a field nobody has touched: the service as it is now. */
export function currentValues(service: Service): UpdateValues {
  const dc = service.deploymentConfiguration;
  return {
    taskDefinition: service.taskDefinition,
    desiredCount: String(service.desiredCount),
    minimumHealthyPercent: String(dc.minimumHealthyPercent),
    maximumPercent: String(dc.maximumPercent),
    healthCheckGracePeriodSeconds: String(service.healthCheckGracePeriodSeconds),
    circuitBreakerEnable: dc.deploymentCircuitBreaker.enable,
    circuitBreakerRollback: dc.deploymentCircuitBreaker.rollback,
    forceNewDeployment: false,
  };
}

/** A number field's text as the engine gets it: anything but plain digits (blank, letters, 1e2,
 *  0x10) is NaN, which the engine refuses with a message naming the field (the form does not
 *  second-guess its rules). */
export const readNumber = (text: string): number => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * One updateService with only what the person changed from the service as it is now. A field they
 * did not touch is left out, even if the service moved on since the form opened (the node's +
 * while the dialog is open): the form never undoes what it did not show being changed. Null when
 * nothing would change.
 */
export function buildUpdate(service: Service, edits: Partial<UpdateValues>): UpdateCommand | null {
  const now = currentValues(service);
  const command: UpdateCommand = { type: 'updateService', service: service.serviceName };
  if (edits.taskDefinition !== undefined && edits.taskDefinition !== now.taskDefinition) command.taskDefinition = edits.taskDefinition;
  const changedNumber = (field: NumberField): number | undefined => {
    const text = edits[field];
    if (text === undefined) return undefined;
    const n = readNumber(text);
    return Object.is(n, Number(now[field])) ? undefined : n;
  };
  const desiredCount = changedNumber('desiredCount');
  if (desiredCount !== undefined) command.desiredCount = desiredCount;
  const grace = changedNumber('healthCheckGracePeriodSeconds');
  if (grace !== undefined) command.healthCheckGracePeriodSeconds = grace;
  const dc: NonNullable<UpdateCommand['deploymentConfiguration']> = {};
  const max = changedNumber('maximumPercent');
  if (max !== undefined) dc.maximumPercent = max;
  const min = changedNumber('minimumHealthyPercent');
  if (min !== undefined) dc.minimumHealthyPercent = min;
  const enable = edits.circuitBreakerEnable ?? now.circuitBreakerEnable;
  const rollback = edits.circuitBreakerRollback ?? now.circuitBreakerRollback;
  if (enable !== now.circuitBreakerEnable || rollback !== now.circuitBreakerRollback) dc.deploymentCircuitBreaker = { enable, rollback };
  if (Object.keys(dc).length > 0) command.deploymentConfiguration = dc;
  if (edits.forceNewDeployment) command.forceNewDeployment = true;
  return Object.keys(command).length > 2 ? command : null;
}

// The names the engine's messages use for each field (commands.ts), in AWS's spelling.
const MESSAGE_FIELDS: [Exclude<ErrorPlace, 'form'>, RegExp][] = [
  ['desiredCount', /desiredCount/],
  ['maximumPercent', /maximumPercent/],
  ['minimumHealthyPercent', /minimumHealthyPercent/],
  ['circuitBreaker', /deploymentCircuitBreaker/],
  ['healthCheckGracePeriodSeconds', /healthCheckGracePeriodSeconds/],
  ['forceNewDeployment', /forceNewDeployment/],
  // A revision that can't be found, is INACTIVE, or doesn't fit the load balancer's wiring.
  ['taskDefinition', /task definition|TaskDefinition|loadBalancers\[/],
];

/** Which field an engine message is about: the field it names first; the form's top if none. */
export function fieldOfMessage(message: string): ErrorPlace {
  let best: ErrorPlace = 'form';
  let at = Number.POSITIVE_INFINITY;
  for (const [field, pattern] of MESSAGE_FIELDS) {
    const i = message.search(pattern);
    if (i >= 0 && i < at) {
      at = i;
      best = field;
    }
  }
  return best;
}

/** The revisions the form offers: the service's family newest first (INACTIVE ones too, so the
 *  engine can say why they can't be deployed), then the other families' ACTIVE ones. */
export function revisionChoices(world: World, service: Service): { family: string; own: TaskDefinition[]; others: TaskDefinition[] } {
  const current = world.taskDefinitions.get(service.taskDefinition);
  const family = current?.family ?? familyRevision(service.taskDefinition).split(':')[0]!;
  const all = [...world.taskDefinitions.values()];
  const own = all.filter((td) => td.family === family).sort((a, b) => b.revision - a.revision);
  const others = all.filter((td) => td.family !== family && td.status === 'ACTIVE').sort((a, b) => a.family.localeCompare(b.family) || b.revision - a.revision);
  return { family, own, others };
}

/** The rolling rules for these numbers (spec §5.5), in words; null when one isn't a number. */
export function rollingLimits(desiredText: string, minText: string, maxText: string): string | null {
  const desired = readNumber(desiredText);
  const min = readNumber(minText);
  const max = readNumber(maxText);
  if (![desired, min, max].every((n) => Number.isInteger(n) && n >= 0)) return null;
  if (desired === 0) return 'With desiredCount 0 nothing runs, and a deployment has nothing to replace.';
  const { maxTasks, minHealthy } = rollingBounds(desired, { maximumPercent: max, minimumHealthyPercent: min });
  const room = maxTasks - desired;
  const spare = desired - minHealthy;
  const head = `With desiredCount ${desired}: at most ${maxTasks} running or starting (${max} %), at least ${minHealthy} healthy (${min} %).`;
  if (room <= 0 && spare <= 0) return `${head} Neither leaves room to start or stop a task: a deployment would be stuck.`;
  if (room <= 0) return `${head} No room above desiredCount: up to ${spare} old ${spare === 1 ? 'task stops' : 'tasks stop'} first, then new ones start.`;
  const start = `Up to ${room} new ${room === 1 ? 'task starts' : 'tasks start'} beside the old`;
  return spare > 0
    ? `${head} ${start}, and up to ${spare} old ${spare === 1 ? 'one' : 'ones'} may stop before new ones are healthy.`
    : `${head} ${start}; no old task stops before a new one is healthy.`;
}

/** What a successful update did, in a sentence for the form's status line. */
export function describeOutcome(command: UpdateCommand, after: Service | undefined): string {
  const primary = after?.deployments.find((d) => d.status === 'PRIMARY');
  if ((command.taskDefinition !== undefined || command.forceNewDeployment) && primary?.rolloutState === 'IN_PROGRESS')
    return `Deployment ${primary.id} of ${familyRevision(primary.taskDefinition)} started: new tasks replace the old within maximumPercent ${after!.deploymentConfiguration.maximumPercent} % and minimumHealthyPercent ${after!.deploymentConfiguration.minimumHealthyPercent} %.`;
  const changed: string[] = [];
  if (command.desiredCount !== undefined) changed.push(`desiredCount ${command.desiredCount}`);
  const dc = command.deploymentConfiguration;
  if (dc?.minimumHealthyPercent !== undefined) changed.push(`minimumHealthyPercent ${dc.minimumHealthyPercent} %`);
  if (dc?.maximumPercent !== undefined) changed.push(`maximumPercent ${dc.maximumPercent} %`);
  if (dc?.deploymentCircuitBreaker) changed.push(`circuit breaker ${dc.deploymentCircuitBreaker.enable ? 'on' : 'off'}, rollback ${dc.deploymentCircuitBreaker.rollback ? 'on' : 'off'}`);
  if (command.healthCheckGracePeriodSeconds !== undefined) changed.push(`grace period ${command.healthCheckGracePeriodSeconds} s`);
  return `Updated service ${command.service}: ${changed.join(', ')}.${command.desiredCount !== undefined && changed.length === 1 ? ' A scaling event: no new deployment.' : ''}`;
}
