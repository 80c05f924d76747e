// What an operation's handler works with: the request as botocore would send it (API member
// names, the model's types), the world, and a way to act that the session records.

import type { Command, CommandError, DispatchOutcome, ScriptCommand, Task, TaskDefinition, World } from '../sim/index.ts';
import { serviceError, type CliResult } from './format.ts';

/** What the CLI runs against: the moment shown, and a way to act that the session records. */
export type CliHost = {
  world(): World; // read fresh after every dispatch
  dispatch(command: ScriptCommand): DispatchOutcome; // goes through the session (recorded, undoable)
};

/** The request: API member names to values, a prototype-less object (a key is never looked up
 *  on Object.prototype). */
export type Input = Record<string, unknown>;

export type Context = { host: CliHost; operation: string };

/** A handler answers with the response to print, or with what the CLI prints instead. */
export type Answer = { response: Record<string, unknown>; notes?: string[] } | CliResult;
export type Handler = (input: Input, ctx: Context) => Answer;

export const get = (input: Input, key: string): unknown => (Object.hasOwn(input, key) ? input[key] : undefined);
export const str = (input: Input, key: string): string | undefined => {
  const v = get(input, key);
  return typeof v === 'string' ? v : undefined;
};

/** The engine's refusal as the service would word it. The engine's messages say what to do; for
 *  the two whose AWS wording is short and well known, the CLI prints AWS's. */
export function engineError(error: CommandError, operation: string): CliResult {
  const message =
    error.code === 'ServiceNotFoundException' ? 'Service not found.' : error.code === 'ServiceNotActiveException' ? 'Service was not ACTIVE.' : error.message;
  return serviceError(error.code, operation, message);
}

/** Dispatch through the host: the outcome, or the error as printed. */
export function act(ctx: Context, command: Command): { ok: true; outcome: DispatchOutcome['outcome'] & { ok: true } } | { ok: false; result: CliResult } {
  const { outcome } = ctx.host.dispatch(command);
  return outcome.ok ? { ok: true, outcome } : { ok: false, result: engineError(outcome.error, ctx.operation) };
}

export const clusterArnOf = (world: World) => `arn:aws:ecs:${world.config.region}:${world.config.accountId}:cluster/${world.config.clusterName}`;

/** --cluster: the playground has one cluster, named by its name or ARN. */
export function clusterProblem(input: Input, ctx: Context): CliResult | null {
  const cluster = str(input, 'cluster');
  const world = ctx.host.world();
  if (cluster === undefined || cluster === world.config.clusterName || cluster === clusterArnOf(world)) return null;
  return serviceError('ClusterNotFoundException', ctx.operation, 'Cluster not found.');
}

/** A task definition as ECS finds one (spec §2.1): "family" is its latest ACTIVE revision;
 *  "family:revision" or an ARN names one revision, whatever its status. */
export function findTaskDefinition(world: World, ref: string): TaskDefinition | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  const colon = name.indexOf(':');
  const family = colon < 0 ? name : name.slice(0, colon);
  const revision = colon < 0 ? null : name.slice(colon + 1);
  let latest: TaskDefinition | undefined;
  for (const td of world.taskDefinitions.values()) {
    if (td.family !== family) continue;
    if (revision !== null) {
      if (String(td.revision) === revision && (!ref.startsWith('arn:') || td.taskDefinitionArn === ref)) return td;
    } else if (td.status === 'ACTIVE' && (!latest || td.revision > latest.revision)) latest = td;
  }
  return revision === null ? latest : undefined;
}

/** A task by its ARN or its full ID, as the API takes it (no prefixes). */
export function findTaskExact(world: World, ref: string): Task | undefined {
  const direct = world.tasks.get(ref);
  if (direct) return direct;
  if (ref.includes('/') || ref.includes(':')) return undefined;
  for (const t of world.tasks.values()) if (t.taskId === ref) return t;
  return undefined;
}

/** awsvpc tasks need subnets (spec §2.8): checked as ECS checks a RunTask or CreateService. */
export function networkProblem(input: Input, ctx: Context): CliResult | null {
  const network = get(input, 'networkConfiguration');
  if (network === undefined)
    return serviceError('InvalidParameterException', ctx.operation, "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  const vpc = typeof network === 'object' && network !== null && Object.hasOwn(network, 'awsvpcConfiguration') ? (network as Input).awsvpcConfiguration : undefined;
  if (vpc === undefined)
    return serviceError('InvalidParameterException', ctx.operation, "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  const subnets = get(vpc as Input, 'subnets');
  if (!Array.isArray(subnets) || subnets.length === 0) return serviceError('InvalidParameterException', ctx.operation, 'subnets can not be empty.');
  const assign = get(vpc as Input, 'assignPublicIp');
  if (assign !== undefined && assign !== 'ENABLED' && assign !== 'DISABLED')
    return serviceError('InvalidParameterException', ctx.operation, 'assignPublicIp must be ENABLED or DISABLED.');
  return null;
}

const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];

/** --launch-type. Where tasks are to run (RunTask, CreateService), the playground's cluster has
 *  Fargate capacity only; as a filter (ListTasks, ListServices) every launch type is valid, and
 *  the others match nothing. Anything else is no launch type at all. */
export function launchTypeProblem(input: Input, ctx: Context, use: 'run' | 'filter'): CliResult | null {
  const launchType = str(input, 'launchType');
  if (launchType === undefined || launchType === 'FARGATE') return null;
  if (!LAUNCH_TYPES.includes(launchType))
    return serviceError('InvalidParameterException', ctx.operation, `launchType must be one of ${LAUNCH_TYPES.join(', ')} (the playground runs FARGATE).`);
  return use === 'filter' ? null : serviceError('InvalidParameterException', ctx.operation, 'No Container Instances were found in your cluster.');
}
