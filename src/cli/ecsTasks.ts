// aws ecs: task definitions and tasks (RegisterTaskDefinition … DescribeTasks).

import { importTaskDefinition } from '../sim/json.ts';
import type { Command, World } from '../sim/index.ts';
import { note, paramError, serviceError, type CliResult } from './format.ts';
import { act, clusterProblem, findTaskDefinition, findTaskExact, get, launchTypeProblem, networkProblem, str, type Handler, type Input } from './context.ts';
import { taskDefinitionShape, taskShape } from './shapes.ts';

/** What a document without requiresCompatibilities needs to run here: the playground assumes
 *  Fargate, and says which flags (or JSON members) would make that explicit. */
function fargateHint(input: Input): string {
  const all: readonly (readonly [member: string, flag: string, json: string])[] = [
    ['requiresCompatibilities', '--requires-compatibilities FARGATE', '"requiresCompatibilities": ["FARGATE"]'],
    ['networkMode', '--network-mode awsvpc', '"networkMode": "awsvpc"'],
    ['cpu', '--cpu 256', '"cpu": "256"'],
    ['memory', '--memory 512', '"memory": "512"'],
  ];
  const missing = all.filter(([member]) => !Object.hasOwn(input, member));
  return `The playground runs Fargate only: add ${missing.map(([, flag]) => flag).join(' ')} (in --cli-input-json: ${missing.map(([, , json]) => json).join(', ')}).`;
}

/** The value at an importer path: "volumes" or "containerDefinitions[0].command". */
function valueAt(doc: Input, path: string): unknown {
  const inContainer = /^containerDefinitions\[(\d+)\]\.(.+)$/.exec(path);
  if (!inContainer) return get(doc, path);
  const containers = get(doc, 'containerDefinitions');
  const container = Array.isArray(containers) ? (containers[Number(inContainer[1])] as unknown) : undefined;
  return typeof container === 'object' && container !== null ? get(container as Input, inContainer[2]!) : undefined;
}

/** Worth a note: not an empty list, object or string (an exported revision carries AWS's empty defaults). */
const hasContent = (v: unknown) => !(v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0));

/** Docker labels but the playground's own (ecs-playground.app, .sigterm: those it reads). */
const otherLabels = (labels: unknown) =>
  typeof labels === 'object' && labels !== null ? Object.keys(labels).filter((k) => !k.startsWith('ecs-playground.')) : [];

const withNotes = (result: CliResult, notes: readonly string[]): CliResult => ({ ...result, stderr: `${result.stderr}${notes.map(note).join('')}` });

export const registerTaskDefinition: Handler = (input, ctx) => {
  // The same checks, in the same words, as the JSON editor: botocore's first, then ECS's. The
  // request itself is the document (it has no prototype, so "__proto__" is a key like any other,
  // and the importer names it as unknown).
  const imported = importTaskDefinition(input);
  if (!imported.ok) {
    // botocore's refusal; of the importer's notes, only the one that says what was pasted (the
    // others are about a document that would register).
    if (imported.kind !== 'validation')
      return withNotes(paramError(`Parameter validation failed:\n${imported.errors.map((e) => e.message).join('\n')}`), imported.notes.filter((n) => n.startsWith('This looks like describe-task-definition output')));
    // ECS answers with one message; the playground adds what else it would refuse.
    const [first, ...others] = imported.errors;
    const notes = [
      ...(Object.hasOwn(input, 'requiresCompatibilities') ? [] : [fargateHint(input)]),
      ...others.map((e) => `ECS would refuse this too: ${e.message}`),
    ];
    return withNotes(serviceError('ClientException', ctx.operation, first?.message ?? 'Invalid task definition.'), notes);
  }
  const done = act(ctx, { type: 'registerTaskDefinition', taskDefinition: imported.input });
  if (!done.ok) return done.result;
  const world = ctx.host.world();
  const td = world.taskDefinitions.get(done.outcome.taskDefinitionArn!)!;
  const tags = get(input, 'tags');
  const ignored = imported.ignored.filter((path) => hasContent(path.endsWith('.dockerLabels') ? otherLabels(valueAt(input, path)) : valueAt(input, path)));
  const kept = ignored.length ? [`${ignored.join(', ')} ${ignored.length > 1 ? 'are' : 'is'} accepted and kept on the revision, not simulated.`] : [];
  return { response: { taskDefinition: taskDefinitionShape(world, td), ...(tags !== undefined ? { tags } : {}) }, notes: [...imported.notes, ...kept] };
};

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
  const problem = clusterProblem(input, ctx) ?? launchTypeProblem(input, ctx, 'run');
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
  // A placement that fails is an answer, not an exception (spec §4): RESOURCE:FARGATE when no zone has capacity.
  const failures = (done.outcome.failures ?? []).map((f) => ({ ...(f.arn === undefined ? {} : { arn: f.arn }), reason: f.reason, ...(f.detail === undefined ? {} : { detail: f.detail }) }));
  return { response: { tasks: tasksOf(ctx.host.world(), done.outcome.taskArns ?? []), failures } };
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
  const problem = clusterProblem(input, ctx) ?? launchTypeProblem(input, ctx, 'filter');
  if (problem) return problem;
  const world = ctx.host.world();
  const serviceName = str(input, 'serviceName');
  if (serviceName !== undefined && !world.services.has(serviceName)) return serviceError('ServiceNotFoundException', ctx.operation, 'Service not found.');
  const family = str(input, 'family');
  const startedBy = str(input, 'startedBy');
  const launchType = str(input, 'launchType');
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
        (startedBy === undefined || t.startedBy === startedBy) &&
        (launchType === undefined || t.launchType === launchType),
    )
    .map((t) => t.taskArn);
  return { response: { taskArns: arns } };
};

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
