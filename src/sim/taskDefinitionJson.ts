// The register-task-definition JSON, in and out (issue 12). In: a document pasted into the editor
// or given to `aws ecs register-task-definition --cli-input-json`, checked the way the AWS CLI
// checks it before sending (botocore's "Parameter validation failed": unknown fields, wrong types,
// missing required ones) and then the way ECS does (validateTaskDefinition's ClientException
// messages). Fields AWS takes and the playground does not simulate are accepted, listed, and kept
// on the revision. Out: DescribeTaskDefinition's shape, and the same minus what AWS sets, which
// registers again — here or on AWS.
//
// The simulated program (serve, finish, crash, …) is not an ECS field. Pasted JSON carries it as
// a docker label, `ecs-playground.app`, which AWS accepts and ignores: an exported revision is
// valid on AWS as it is, and comes back here behaving the same.

import { CONTAINER_FIELDS, DEFAULT_STOP_TIMEOUT, ignoredFieldPaths, isObject, shorten, TASK_FIELDS, unknownFields, validateTaskDefinition } from './taskDefinition.ts';
import type { AppBehaviour, ContainerDefinition, ContainerDefinitionInput, FieldError, TaskDefinition, TaskDefinitionInput } from './model/index.ts';

export type ImportResult =
  | { ok: true; input: TaskDefinitionInput; ignored: string[]; notes: string[] }
  | { ok: false; errors: FieldError[]; ignored: string[]; notes: string[]; kind: 'syntax' | 'parameter' | 'validation' };

/** Spec §2.7's minimal Fargate definition (a public nginx, a health check, no logging, so no
 *  execution role): the editor's example, and the tests' simplest real input. */
export const minimalFargateDefinition = () => ({
  family: 'hello-web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx:latest',
      essential: true,
      portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
    } as Record<string, unknown>,
  ],
});

export const PLAYGROUND_LABELS = { app: 'ecs-playground.app', sigterm: 'ecs-playground.sigterm' } as const;
const LABEL_PREFIX = 'ecs-playground.';


/** A document as text: JSON first (where it broke, by line and column), then importTaskDefinition. */
export function parseTaskDefinitionJson(text: string): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, kind: 'syntax', ignored: [], notes: [], errors: [{ field: '', message: describeSyntaxError(text, e) }] };
  }
  return importTaskDefinition(doc);
}

/** "Invalid JSON: Expected ',' or '}' after property value: line 3 column 5 (char 40)" — where,
 *  by line and column, counted from the position the parser reports. */
function describeSyntaxError(text: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const at = /at position (\d+)/.exec(raw);
  const what = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (text.trim() === '') return 'Invalid JSON: the document is empty. Paste a task definition, e.g. {"family": "web", "containerDefinitions": [...]}.';
  if (!at) return `Invalid JSON: ${what}`;
  const pos = Number(at[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `Invalid JSON: ${what}: line ${line} column ${column} (char ${pos})`;
}

// botocore's types for the fields it checks before sending (its shapes for RegisterTaskDefinition).
type PyType = 'str' | 'int' | 'bool' | 'list' | 'dict';
const TASK_TYPES = new Map<string, PyType>([
  ['family', 'str'], ['taskRoleArn', 'str'], ['executionRoleArn', 'str'], ['networkMode', 'str'], ['containerDefinitions', 'list'],
  ['volumes', 'list'], ['placementConstraints', 'list'], ['requiresCompatibilities', 'list'], ['cpu', 'str'], ['memory', 'str'],
  ['tags', 'list'], ['pidMode', 'str'], ['ipcMode', 'str'], ['proxyConfiguration', 'dict'], ['inferenceAccelerators', 'list'],
  ['ephemeralStorage', 'dict'], ['runtimePlatform', 'dict'], ['enableFaultInjection', 'bool'],
]);
const CONTAINER_TYPES = new Map<string, PyType>([
  ['name', 'str'], ['image', 'str'], ['repositoryCredentials', 'dict'], ['cpu', 'int'], ['memory', 'int'], ['memoryReservation', 'int'],
  ['links', 'list'], ['portMappings', 'list'], ['essential', 'bool'], ['restartPolicy', 'dict'], ['entryPoint', 'list'], ['command', 'list'],
  ['environment', 'list'], ['environmentFiles', 'list'], ['mountPoints', 'list'], ['volumesFrom', 'list'], ['linuxParameters', 'dict'],
  ['secrets', 'list'], ['dependsOn', 'list'], ['startTimeout', 'int'], ['stopTimeout', 'int'], ['versionConsistency', 'str'],
  ['hostname', 'str'], ['user', 'str'], ['workingDirectory', 'str'], ['disableNetworking', 'bool'], ['privileged', 'bool'],
  ['readonlyRootFilesystem', 'bool'], ['dnsServers', 'list'], ['dnsSearchDomains', 'list'], ['extraHosts', 'list'],
  ['dockerSecurityOptions', 'list'], ['interactive', 'bool'], ['pseudoTerminal', 'bool'], ['dockerLabels', 'dict'], ['ulimits', 'list'],
  ['logConfiguration', 'dict'], ['healthCheck', 'dict'], ['systemControls', 'list'], ['resourceRequirements', 'list'],
  ['firelensConfiguration', 'dict'], ['credentialSpecs', 'list'],
]);

const pyTypeOf = (v: unknown): string =>
  v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : Array.isArray(v) ? 'list' : 'dict';
const accepts = (t: PyType, v: unknown) => pyTypeOf(v) === t;
const validTypes = (t: PyType) => (t === 'list' ? "<class 'list'>, <class 'tuple'>" : `<class '${t}'>`);
/** A value as botocore's message shows it (Python's repr, roughly; long values cut short). */
function pyRepr(v: unknown): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return shorten(v);
  if (typeof v === 'number') return String(v);
  return shorten(JSON.stringify(v) ?? String(v));
}
const invalidType = (path: string, v: unknown, t: PyType): FieldError => ({
  field: path,
  message: `Invalid type for parameter ${path}, value: ${pyRepr(v)}, type: <class '${pyTypeOf(v)}'>, valid types: ${validTypes(t)}`,
});

/** What the CLI refuses before sending anything: unknown fields, missing required ones, wrong types. */
function parameterErrors(doc: Record<string, unknown>): FieldError[] {
  const errors = unknownFields(doc, false);
  for (const name of ['family', 'containerDefinitions'])
    if (!Object.hasOwn(doc, name)) errors.push({ field: name, message: `Missing required parameter in input: "${name}"` });
  for (const [key, value] of Object.entries(doc)) {
    const t = TASK_TYPES.get(key);
    if (t && !accepts(t, value)) errors.push(invalidType(key, value, t));
  }
  const containers = doc.containerDefinitions;
  if (Array.isArray(containers))
    containers.forEach((c: unknown, i) => {
      if (!isObject(c)) return errors.push(invalidType(`containerDefinitions[${i}]`, c, 'dict'));
      for (const [key, value] of Object.entries(c)) {
        const t = CONTAINER_TYPES.get(key);
        if (t && !accepts(t, value)) errors.push(invalidType(`containerDefinitions[${i}].${key}`, value, t));
      }
      const labels = c.dockerLabels;
      if (isObject(labels))
        for (const [name, value] of Object.entries(labels))
          if (typeof value !== 'string') errors.push(invalidType(`containerDefinitions[${i}].dockerLabels.${shorten(name)}`, value, 'str'));
    });
  return errors;
}

/**
 * A parsed document: the CLI's checks, then the playground's labels read into `app` and
 * `sigterm`, then ECS's validation. `ignored` lists the accepted-and-not-simulated fields;
 * `notes` what the playground assumed where AWS would differ.
 */
export function importTaskDefinition(doc: unknown): ImportResult {
  if (!isObject(doc))
    return { ok: false, kind: 'parameter', ignored: [], notes: [], errors: [{ field: '', message: `Invalid type for parameter input, value: ${pyRepr(doc)}, type: <class '${pyTypeOf(doc)}'>, valid types: <class 'dict'>` }] };
  const ignored = ignoredFieldPaths(doc);
  const notes = notesOn(doc);
  const hint = describeOutputHint(doc);
  const parameter = parameterErrors(doc);
  if (parameter.length) return { ok: false, kind: 'parameter', ignored, notes: hint ? [hint, ...notes] : notes, errors: parameter };

  const labelErrors: FieldError[] = [];
  const containers = (doc.containerDefinitions as Record<string, unknown>[]).map((c, i) => withBehaviour(c, `containerDefinitions[${i}]`, labelErrors));
  const input = { ...doc, containerDefinitions: containers } as TaskDefinitionInput;
  const errors = [...labelErrors, ...validateTaskDefinition(input)];
  if (errors.length) return { ok: false, kind: 'validation', ignored, notes, errors };
  return { ok: true, input, ignored, notes };
}

/** Pasted describe-task-definition output: the fields AWS sets are unknown to register. */
function describeOutputHint(doc: Record<string, unknown>): string | null {
  const setByAws = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'].filter((k) => Object.hasOwn(doc, k));
  if (Object.hasOwn(doc, 'taskDefinition') && isObject(doc.taskDefinition))
    return 'This looks like describe-task-definition output: register takes what is inside "taskDefinition", without the fields AWS sets.';
  return setByAws.length
    ? `This looks like describe-task-definition output: remove the fields AWS sets (${setByAws.join(', ')}) before registering it again.`
    : null;
}

/** Where the playground's defaults differ from what AWS would make of the same input. */
function notesOn(doc: Record<string, unknown>): string[] {
  const notes: string[] = [];
  if (!Object.hasOwn(doc, 'networkMode'))
    notes.push("networkMode is not given: AWS would register it with bridge mode, which Fargate cannot run. The playground runs Fargate and assumes 'awsvpc'; on AWS, say \"networkMode\": \"awsvpc\".");
  if (!Object.hasOwn(doc, 'requiresCompatibilities'))
    notes.push('requiresCompatibilities is not given: AWS would check it for EC2 only, and RunTask on Fargate would fail with "Task definition does not support launch_type FARGATE." The playground assumes ["FARGATE"].');
  const containers = doc.containerDefinitions;
  if (Array.isArray(containers))
    for (const c of containers) {
      if (!isObject(c) || typeof c.name !== 'string') continue;
      const labels = isObject(c.dockerLabels) ? c.dockerLabels : {};
      if (!Object.hasOwn(labels, PLAYGROUND_LABELS.app))
        notes.push(`Container ${shorten(c.name)} has no "${PLAYGROUND_LABELS.app}" docker label: the playground runs it as a program that keeps serving until it is stopped.`);
    }
  return notes;
}

/** A container with its behaviour read from its labels (and the labels checked). */
function withBehaviour(c: Record<string, unknown>, at: string, errors: FieldError[]): ContainerDefinitionInput {
  const labels = isObject(c.dockerLabels) ? c.dockerLabels : {};
  const out: Record<string, unknown> = { ...c };
  for (const name of Object.keys(labels)) {
    if (!name.startsWith(LABEL_PREFIX)) continue;
    const value = labels[name] as string;
    const field = `${at}.dockerLabels.${shorten(name)}`;
    if (name === PLAYGROUND_LABELS.app) {
      const app = parseAppLabel(value);
      if (typeof app === 'string') errors.push({ field, message: app });
      else out.app = app;
    } else if (name === PLAYGROUND_LABELS.sigterm) {
      if (value === 'exit' || value === 'ignore') out.sigterm = value;
      else errors.push({ field, message: `${PLAYGROUND_LABELS.sigterm} is "exit" (the program exits on SIGTERM) or "ignore" (it is killed at its stopTimeout); got "${shorten(value)}".` });
    } else errors.push({ field, message: `The playground reads two labels, ${PLAYGROUND_LABELS.app} and ${PLAYGROUND_LABELS.sigterm}; "${shorten(name)}" is not one of them.` });
  }
  return out as ContainerDefinitionInput;
}

const APP_FORMS = '"serve", "exit <code> after <seconds>s", "crash <code> after <seconds>s", "fail-health-check after <seconds>s", "hang after <seconds>s" or "pull-error"';

/** The ecs-playground.app label: "serve", "exit 0 after 20s", "crash 1 after 45s",
 *  "fail-health-check after 60s", "hang after 30s", "pull-error". A string is what was wrong. */
export function parseAppLabel(label: string): AppBehaviour | string {
  const text = label.trim();
  if (text === 'serve') return { kind: 'serve' };
  if (text === 'pull-error') return { kind: 'pullError' };
  const coded = /^(exit|crash) (\d{1,3}) after (\d+(?:\.\d+)?)s$/.exec(text);
  const timed = /^(fail-health-check|hang) after (\d+(?:\.\d+)?)s$/.exec(text);
  const seconds = Number(coded?.[3] ?? timed?.[2]);
  if ((coded || timed) && !(seconds <= 86400)) return `${PLAYGROUND_LABELS.app}: the seconds run from 0 to 86400; got "${shorten(label)}".`;
  if (coded) {
    const code = Number(coded[2]);
    if (code > 255) return `${PLAYGROUND_LABELS.app}: an exit code runs from 0 to 255; got "${shorten(label)}".`;
    return { kind: coded[1] === 'exit' ? 'exit' : 'crash', exitCode: code, afterSeconds: seconds };
  }
  if (timed) return { kind: timed[1] === 'hang' ? 'hang' : 'failHealthCheck', afterSeconds: seconds };
  return `${PLAYGROUND_LABELS.app} says what the simulated program does: ${APP_FORMS}; got "${shorten(label)}".`;
}

/** The label for a behaviour (parseAppLabel's inverse). */
export function appLabel(app: AppBehaviour): string {
  switch (app.kind) {
    case 'serve':
      return 'serve';
    case 'pullError':
      return 'pull-error';
    case 'exit':
    case 'crash':
      return `${app.kind} ${app.exitCode} after ${app.afterSeconds}s`;
    case 'failHealthCheck':
      return `fail-health-check after ${app.afterSeconds}s`;
    case 'hang':
      return `hang after ${app.afterSeconds}s`;
  }
}

/** A container's docker labels: its own, with the playground's set from its behaviour (a
 *  serving program that exits on SIGTERM, the default, needs none). */
function labelsOf(c: ContainerDefinition): Record<string, string> | undefined {
  const own = isObject(c.ignored?.dockerLabels) ? (c.ignored.dockerLabels as Record<string, string>) : {};
  const labels = Object.fromEntries(Object.entries(own).filter(([k]) => !k.startsWith(LABEL_PREFIX)));
  if (c.app.kind !== 'serve') labels[PLAYGROUND_LABELS.app] = appLabel(c.app);
  if (c.sigterm !== 'exit') labels[PLAYGROUND_LABELS.sigterm] = c.sigterm;
  return Object.keys(labels).length ? labels : undefined;
}

/** A container as DescribeTaskDefinition returns it: API field order, AWS's defaults filled in. */
function describeContainer(c: ContainerDefinition): Record<string, unknown> {
  const ignored = c.ignored ?? {};
  const simulated: Record<string, unknown> = {
    name: c.name,
    image: c.image,
    cpu: c.cpu,
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
    portMappings: c.portMappings.map((p) => ({ containerPort: p.containerPort, hostPort: p.containerPort, protocol: p.protocol })),
    essential: c.essential,
    ...(c.restartPolicy ? { restartPolicy: { ...c.restartPolicy, ignoredExitCodes: [...c.restartPolicy.ignoredExitCodes] } } : {}),
    environment: c.environment.map((e) => ({ ...e })),
    mountPoints: [],
    volumesFrom: [],
    ...(c.secrets.length ? { secrets: c.secrets.map((s) => ({ ...s })) } : {}),
    ...(c.dependsOn.length ? { dependsOn: c.dependsOn.map((d) => ({ ...d })) } : {}),
    ...(c.startTimeout !== undefined ? { startTimeout: c.startTimeout } : {}),
    ...(c.stopTimeout !== DEFAULT_STOP_TIMEOUT ? { stopTimeout: c.stopTimeout } : {}),
    ...(c.logConfiguration ? { logConfiguration: { logDriver: c.logConfiguration.logDriver, options: { ...c.logConfiguration.options } } } : {}),
    ...(c.healthCheck ? { healthCheck: { ...c.healthCheck, command: [...c.healthCheck.command] } } : {}),
    systemControls: [],
  };
  const labels = labelsOf(c);
  const fields = { ...simulated, ...ignored, ...(labels ? { dockerLabels: labels } : {}) };
  if (!labels) delete fields.dockerLabels;
  return ordered(fields, CONTAINER_FIELDS);
}

/** An object's own fields in the API's order (any other after them, as given). */
function ordered(fields: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (Object.hasOwn(fields, k)) out[k] = fields[k];
  for (const k of Object.keys(fields)) if (!Object.hasOwn(out, k)) out[k] = fields[k];
  return out;
}

// DescribeTaskDefinition's order, as the CLI prints it.
const DESCRIBE_ORDER = [
  'taskDefinitionArn', 'containerDefinitions', 'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'revision', 'volumes', 'status',
  'placementConstraints', 'compatibilities', 'runtimePlatform', 'requiresCompatibilities', 'cpu', 'memory', 'inferenceAccelerators', 'pidMode',
  'ipcMode', 'proxyConfiguration', 'ephemeralStorage', 'registeredAt', 'deregisteredAt', 'enableFaultInjection',
];
const SET_BY_AWS = ['taskDefinitionArn', 'revision', 'status', 'compatibilities', 'registeredAt', 'deregisteredAt'];

/** The `taskDefinition` of a DescribeTaskDefinition (or RegisterTaskDefinition) response, its
 *  times written by `timestamp` (the CLI and the views each write them their way). Tags are not part of it (DescribeTaskDefinition returns them apart, with --include TAGS). */
export function describeTaskDefinition(td: TaskDefinition, timestamp: (at: number) => string): Record<string, unknown> {
  const { tags: _tags, ...ignored } = td.ignored ?? {};
  return ordered(
    {
      taskDefinitionArn: td.taskDefinitionArn,
      containerDefinitions: td.containerDefinitions.map(describeContainer),
      family: td.family,
      ...(td.executionRoleArn !== undefined ? { executionRoleArn: td.executionRoleArn } : {}),
      networkMode: td.networkMode,
      revision: td.revision,
      volumes: [],
      status: td.status,
      placementConstraints: [],
      compatibilities: [...td.compatibilities],
      requiresCompatibilities: [...td.requiresCompatibilities],
      cpu: td.cpu,
      memory: td.memory,
      ...ignored,
      registeredAt: timestamp(td.registeredAt),
      ...(td.deregisteredAt !== undefined ? { deregisteredAt: timestamp(td.deregisteredAt) } : {}),
    },
    DESCRIBE_ORDER,
  );
}

/** A revision as `register-task-definition --cli-input-json` takes it: what describe shows minus
 *  what AWS sets, plus its tags. Registers the same definition again, here or on AWS. */
export function exportTaskDefinition(td: TaskDefinition): Record<string, unknown> {
  const described = describeTaskDefinition(td, () => '');
  for (const k of SET_BY_AWS) delete described[k];
  const tags = td.ignored?.tags;
  return ordered(tags !== undefined ? { ...described, tags } : described, TASK_FIELDS);
}

/** A revision as an input (the playground's own fields included), to base a new revision on. */
export function inputOf(td: TaskDefinition): TaskDefinitionInput {
  return {
    ...(td.ignored ?? {}),
    family: td.family,
    cpu: td.cpu,
    memory: td.memory,
    networkMode: td.networkMode,
    requiresCompatibilities: [...td.requiresCompatibilities],
    ...(td.executionRoleArn !== undefined ? { executionRoleArn: td.executionRoleArn } : {}),
    containerDefinitions: td.containerDefinitions.map((c) => {
      const { ignored, ...own } = structuredClone(c);
      return { ...(ignored ?? {}), ...own };
    }),
  };
}
