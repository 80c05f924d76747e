// aws ecs: task definitions and tasks (RegisterTaskDefinition … DescribeTasks).

import { importTaskDefinition } from '../sim/json.ts';
import type { Command, World } from '../sim/index.ts';
import { paramError, serviceError } from './format.ts';
import { act, clusterProblem, findTaskDefinition, findTaskExact, get, launchTypeProblem, networkProblem, str, type Handler, type Input } from './context.ts';
import { taskDefinitionShape, taskShape } from './shapes.ts';

/** The register-task-definition document from the request (its members are the document's). */
const TD_MEMBERS = ['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'tags', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'runtimePlatform', 'enableFaultInjection'];

export const registerTaskDefinition: Handler = (input, ctx) => {
  // The same checks, in the same words, as the JSON editor: botocore's first, then ECS's.
  const doc: Record<string, unknown> = {};
  for (const key of Object.keys(input)) doc[key] = input[key];
  const imported = importTaskDefinition(doc);
  if (!imported.ok) {
    if (imported.kind === 'validation')
      return serviceError('ClientException', ctx.operation, imported.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n'));
    return paramError(`Parameter validation failed:\n${imported.errors.map((e) => e.message).join('\n')}`);
  }
  const done = act(ctx, { type: 'registerTaskDefinition', taskDefinition: imported.input });
  if (!done.ok) return done.result;
  const world = ctx.host.world();
  const td = world.taskDefinitions.get(done.outcome.taskDefinitionArn!)!;
  const tags = get(input, 'tags');
  return { response: { taskDefinition: taskDefinitionShape(world, td), ...(tags !== undefined ? { tags } : {}) }, notes: imported.notes };
};
export const REGISTER_MEMBERS = TD_MEMBERS;

export const listTaskDefinitions: Handler = (input, ctx) => {
  const family = str(input, 'familyPrefix');
  const status = str(input, 'status') ?? 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'INACTIVE' && status !== 'DELETE_IN_PROGRESS')
    return serviceError('InvalidParameterException', ctx.operation, 'status must be one of ACTIVE, INACTIVE, DELETE_IN_PROGRESS.');
  const sort = str(input, 'sort') ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') return serviceError('InvalidParameterException', ctx.operation, 'sort must be ASC or DESC.');
  // familyPrefix is, despite its name, a whole family (API:ListTaskDefinitionsRequest.familyPrefix).
  const tds = [...ctx.host.world().taskDefinitions.values()]
    .filter((td) => td.status === status && (family === undefined || td.family === family))
    .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision));
  if (sort === 'DESC') tds.reverse();
  return { response: { taskDefinitionArns: tds.map((td) => td.taskDefinitionArn) } };
};

export const describeTaskDefinition: Handler = (input, ctx) => {
  const world = ctx.host.world();
  const td = findTaskDefinition(world, str(input, 'taskDefinition') ?? '');
  if (!td) return serviceError('ClientException', ctx.operation, 'Unable to describe task definition.');
  const include = get(input, 'include');
  const tags = Array.isArray(include) && include.includes('TAGS') ? { tags: td.ignored?.tags ?? [] } : {};
  return { response: { taskDefinition: taskDefinitionShape(world, td), ...tags } };
};

export const deregisterTaskDefinition: Handler = (input, ctx) => {
  const done = act(ctx, { type: 'deregisterTaskDefinition', taskDefinition: str(input, 'taskDefinition') ?? '' });
  if (!done.ok) return done.result;
  const world = ctx.host.world();
  return { response: { taskDefinition: taskDefinitionShape(world, world.taskDefinitions.get(done.outcome.taskDefinitionArn!)!) } };
};

const tasksOf = (world: World, arns: readonly string[]) => arns.map((arn) => taskShape(world, world.tasks.get(arn)!));

export const runTask: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx) ?? launchTypeProblem(input, ctx);
  if (problem) return problem;
  const taskDefinition = str(input, 'taskDefinition') ?? '';
  // Only once ECS knows the task definition (awsvpc, as every Fargate one is) does it ask for subnets.
  if (findTaskDefinition(ctx.host.world(), taskDefinition)) {
    const network = networkProblem(input, ctx);
    if (network) return network;
  }
  const count = get(input, 'count');
  const startedBy = str(input, 'startedBy');
  const group = str(input, 'group');
  const command: Command = {
    type: 'runTask',
    taskDefinition,
    ...(typeof count === 'number' ? { count } : {}),
    ...(startedBy !== undefined ? { startedBy } : {}),
    ...(group !== undefined ? { group } : {}),
  };
  const done = act(ctx, command);
  if (!done.ok) return done.result;
  return { response: { tasks: tasksOf(ctx.host.world(), done.outcome.taskArns ?? []), failures: [] } };
};

export const stopTask: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx);
  if (problem) return problem;
  const ref = str(input, 'task') ?? '';
  const task = findTaskExact(ctx.host.world(), ref);
  if (!task) return serviceError('InvalidParameterException', ctx.operation, 'The referenced task was not found.');
  const reason = str(input, 'reason');
  const done = act(ctx, { type: 'stopTask', task: task.taskArn, ...(reason !== undefined ? { reason } : {}) });
  if (!done.ok) return done.result;
  return { response: { task: taskShape(ctx.host.world(), ctx.host.world().tasks.get(task.taskArn)!) } };
};

export const listTasks: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx) ?? launchTypeFilterProblem(input, ctx);
  if (problem) return problem;
  const world = ctx.host.world();
  const serviceName = str(input, 'serviceName');
  if (serviceName !== undefined && !world.services.has(serviceName)) return serviceError('ServiceNotFoundException', ctx.operation, 'Service not found.');
  const family = str(input, 'family');
  const startedBy = str(input, 'startedBy');
  const desired = str(input, 'desiredStatus') ?? 'RUNNING';
  if (desired !== 'RUNNING' && desired !== 'PENDING' && desired !== 'STOPPED')
    return serviceError('InvalidParameterException', ctx.operation, 'desiredStatus must be one of RUNNING, PENDING, STOPPED.');
  // PENDING is never a desired status: ECS returns nothing for it (API:ListTasksRequest.desiredStatus).
  const arns = [...world.tasks.values()]
    .filter(
      (t) =>
        t.desiredStatus === desired &&
        (serviceName === undefined || t.serviceName === serviceName) &&
        (family === undefined || t.family === family) &&
        (startedBy === undefined || t.startedBy === startedBy),
    )
    .map((t) => t.taskArn);
  return { response: { taskArns: arns } };
};

function launchTypeFilterProblem(input: Input, ctx: Parameters<Handler>[1]) {
  const lt = str(input, 'launchType');
  return lt === undefined || lt === 'FARGATE' || lt === 'EC2' || lt === 'EXTERNAL' ? null : serviceError('InvalidParameterException', ctx.operation, 'launchType must be one of EC2, FARGATE, EXTERNAL.');
}

export const describeTasks: Handler = (input, ctx) => {
  const problem = clusterProblem(input, ctx);
  if (problem) return problem;
  const world = ctx.host.world();
  const refs = (get(input, 'tasks') as string[] | undefined) ?? [];
  if (refs.length === 0) return serviceError('InvalidParameterException', ctx.operation, 'Tasks cannot be empty.');
  if (refs.length > 100) return serviceError('InvalidParameterException', ctx.operation, 'Tasks can have at most 100 items.');
  const tasks: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (const ref of refs) {
    const task = findTaskExact(world, ref);
    if (task) tasks.push(taskShape(world, task));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : `arn:aws:ecs:${world.config.region}:${world.config.accountId}:task/${world.config.clusterName}/${ref}`, reason: 'MISSING' });
  }
  return { response: { tasks, failures } };
};
