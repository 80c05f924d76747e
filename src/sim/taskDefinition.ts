// RegisterTaskDefinition: validate a task definition as a user typed it, then register it as
// the family's next revision (spec §2). Validation never throws: input may come from a form, a
// script file or a share link, so every field is checked for its type as well as its value.

import { describeAllowedMemory, FARGATE_SIZES, isValidFargateSize, parseCpu, parseMemory } from './fargate.ts';
import { taskDefinitionArn } from './ids.ts';
import type { ContainerDefinition, ContainerDefinitionInput, FieldError, HealthCheck, PortMapping, TaskDefinition, TaskDefinitionInput, World } from './model/index.ts';

export const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 } as const; // spec §2.6
export const DEFAULT_STOP_TIMEOUT = 30; // seconds (spec §2.5)
export const DEFAULT_RESTART_ATTEMPT_PERIOD = 300; // seconds (API:ContainerRestartPolicy)

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
export const IMAGE = /^[a-z0-9][a-z0-9._\-/:@]*$/i;
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
/** A JSON object (not an array, not null): what untrusted input must be before its fields are read. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * RegisterTaskDefinitionRequest's fields, in the API's order (botocore lists them in this order in
 * its "must be one of" message). The playground simulates SIMULATED_TASK_FIELDS and accepts the rest,
 * keeping them on the revision (IgnoredFields) so that an export gives back what was registered.
 */
const SIMULATED_TASK_FIELDS = ['family', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'requiresCompatibilities', 'cpu', 'memory'] as const;
export const TASK_FIELDS = ['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'tags', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'runtimePlatform', 'enableFaultInjection'] as const;
/** ContainerDefinition's fields, in the API's order. `links` and `hostname` are refused under
 *  awsvpc, as ECS refuses them; dockerLabels carries the playground's behaviour labels. */
export const CONTAINER_FIELDS = ['name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings', 'essential', 'restartPolicy', 'entryPoint', 'command', 'environment', 'environmentFiles', 'mountPoints', 'volumesFrom', 'linuxParameters', 'secrets', 'dependsOn', 'startTimeout', 'stopTimeout', 'versionConsistency', 'hostname', 'user', 'workingDirectory', 'disableNetworking', 'privileged', 'readonlyRootFilesystem', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions', 'interactive', 'pseudoTerminal', 'dockerLabels', 'ulimits', 'logConfiguration', 'healthCheck', 'systemControls', 'resourceRequirements', 'firelensConfiguration', 'credentialSpecs'] as const;
const SIMULATED_CONTAINER_FIELDS = ['name', 'image', 'cpu', 'memory', 'portMappings', 'essential', 'restartPolicy', 'environment', 'secrets', 'dependsOn', 'startTimeout', 'stopTimeout', 'logConfiguration', 'healthCheck'] as const;
/** The playground's own container fields in a script or a share link (how the simulated program
 *  behaves); pasted JSON gives them as dockerLabels. */
const PLAYGROUND_CONTAINER_FIELDS = ['app', 'sigterm'];
const REFUSED_CONTAINER_FIELDS = new Set(['links', 'hostname']);
const SIMULATED_TASK = new Set<string>(SIMULATED_TASK_FIELDS);
const SIMULATED_CONTAINER = new Set<string>([...SIMULATED_CONTAINER_FIELDS, ...PLAYGROUND_CONTAINER_FIELDS]);
const KNOWN_TASK = new Set<string>(TASK_FIELDS);
const KNOWN_CONTAINER = new Set<string>([...CONTAINER_FIELDS, ...PLAYGROUND_CONTAINER_FIELDS]);

/** botocore's message for a field the API does not have (the CLI checks before it sends). */
export const unknownParameter = (where: string, name: string, valid: readonly string[]) =>
  `Unknown parameter in ${where}: "${shorten(name)}", must be one of: ${valid.join(', ')}`;

/** Fields of a document that the API does not have: at the top and in each container. */
export function unknownFields(input: Record<string, unknown>, allowPlayground: boolean): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) if (!KNOWN_TASK.has(key)) errors.push({ field: key, message: unknownParameter('input', key, TASK_FIELDS) });
  const containers = input.containerDefinitions;
  if (Array.isArray(containers))
    containers.forEach((c: unknown, i) => {
      if (!isObject(c)) return;
      for (const key of Object.keys(c))
        if (!KNOWN_CONTAINER.has(key) || (!allowPlayground && PLAYGROUND_CONTAINER_FIELDS.includes(key)))
          errors.push({ field: `containerDefinitions[${i}].${shorten(key)}`, message: unknownParameter(`containerDefinitions[${i}]`, key, CONTAINER_FIELDS) });
    });
  return errors;
}

/** The accepted-and-not-simulated fields of a document, as paths (volumes, containerDefinitions[0].command). */
export function ignoredFieldPaths(input: Record<string, unknown>): string[] {
  const paths = Object.keys(input).filter((k) => KNOWN_TASK.has(k) && !SIMULATED_TASK.has(k));
  const containers = input.containerDefinitions;
  if (Array.isArray(containers))
    containers.forEach((c: unknown, i) => {
      if (isObject(c)) for (const k of Object.keys(c)) if (KNOWN_CONTAINER.has(k) && !SIMULATED_CONTAINER.has(k) && !REFUSED_CONTAINER_FIELDS.has(k)) paths.push(`containerDefinitions[${i}].${k}`);
    });
  return paths;
}

/** Enough shape to hand to validateTaskDefinition, which reports everything else by field. */
export const isTaskDefinitionShape = (v: unknown): v is TaskDefinitionInput => isObject(v);

/** Every problem with the input, in field order. Empty when the definition can be registered. */
export function validateTaskDefinition(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(input)) return [{ field: '', message: 'A task definition must be a JSON object.' }];

  const family = input.family;
  if (typeof family !== 'string' || family === '') err('family', 'Family is required.');
  else if (!NAME.test(family)) err('family', 'Family can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.');

  errors.push(...unknownFields(input, true));
  // ECS's own message (seen from ecs-cli, aws/amazon-ecs-cli#1145), with what it means.
  if (input.networkMode !== undefined && input.networkMode !== 'awsvpc')
    err('networkMode', `Fargate only supports network mode 'awsvpc'. (Got '${shorten(String(input.networkMode))}'. The playground runs Fargate only: each task gets its own network interface, and its containers share localhost.)`);
  const compat = input.requiresCompatibilities;
  if (compat !== undefined && !(Array.isArray(compat) && compat.every((c) => c === 'FARGATE')))
    err('requiresCompatibilities', 'The playground runs Fargate only: requiresCompatibilities must be ["FARGATE"].');

  // Task size (spec §2.4, error texts §2.8).
  const cpu = parseCpu(input.cpu);
  const memory = parseMemory(input.memory);
  if (input.cpu === undefined || input.cpu === '') err('cpu', "Fargate requires that 'cpu' be defined at the task level.");
  else if (Number.isNaN(cpu) || !FARGATE_SIZES.has(cpu))
    err('cpu', `Invalid 'cpu' setting for task. ${describeAllowedMemory(Number.NaN)}`);
  if (input.memory === undefined || input.memory === '') err('memory', "Fargate requires that 'memory' be defined at the task level.");
  else if (Number.isNaN(memory)) err('memory', "Invalid 'memory' setting for task: give MiB (\"512\") or GB (\"1 GB\").");
  else if (FARGATE_SIZES.has(cpu) && !isValidFargateSize(cpu, memory))
    err('memory', `No Fargate configuration exists for given values. ${describeAllowedMemory(cpu)}`);

  const role = input.executionRoleArn;
  if (role !== undefined && (typeof role !== 'string' || !ROLE_ARN.test(role)))
    err('executionRoleArn', 'executionRoleArn must be an IAM role ARN, such as arn:aws:iam::123456789012:role/ecsTaskExecutionRole.');

  const containers = input.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) {
    err('containerDefinitions', 'A task definition needs at least one container definition.');
    return errors;
  }
  if (containers.length > 10) err('containerDefinitions', 'A task definition can have at most 10 containers.');

  const seen = new Set<string>();
  let cpuSum = 0;
  let memorySum = 0;
  containers.forEach((c: unknown, i) => {
    const at = `containerDefinitions[${i}]`;
    if (!isObject(c)) return err(at, 'Each container definition must be a JSON object.');
    if (typeof c.name !== 'string' || c.name === '') err(`${at}.name`, 'Container.name should not be null or empty.');
    else if (!NAME.test(c.name)) err(`${at}.name`, 'Container names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.');
    else if (seen.has(c.name)) err(`${at}.name`, `Duplicate container name '${c.name}': container names must be unique within a task definition.`);
    else seen.add(c.name);

    if (typeof c.image !== 'string' || c.image === '') err(`${at}.image`, 'Container.image should not be null or empty.');
    else if (!IMAGE.test(c.image)) err(`${at}.image`, 'Container.image contains invalid characters.');

    if (c.cpu !== undefined) {
      if (!isInt(c.cpu) || c.cpu < 0) err(`${at}.cpu`, 'Container cpu must be a whole number of CPU units (0 or more).');
      else cpuSum += c.cpu;
    }
    if (c.memory !== undefined) {
      if (!isInt(c.memory) || c.memory < 6) err(`${at}.memory`, 'Container memory must be a whole number of MiB, at least 6.');
      else {
        memorySum += c.memory;
        if (!Number.isNaN(memory) && c.memory > memory)
          err(`${at}.memory`, `The 'memory' setting for container '${String(c.name)}' (${c.memory} MiB) is greater than for the task (${memory} MiB).`);
      }
    }
    if (c.essential !== undefined && typeof c.essential !== 'boolean') err(`${at}.essential`, 'essential must be true or false.');
    validatePorts(c.portMappings, `${at}.portMappings`, err);
    validateEnvironment(c.environment, `${at}.environment`, err);
    validateSecrets(c.secrets, `${at}.secrets`, err);
    // awsvpc refuses both, with these messages (aws-observability/aws-otel-collector#1359,
    // labd/ecs-deplojo#26). The modern equivalent: a task's containers share one network
    // namespace, so one reaches another at localhost:<its port>.
    if (c.links !== undefined)
      err(`${at}.links`, 'Links are not supported when networkMode=awsvpc. (links are for bridge mode on EC2. On Fargate the containers of a task share localhost: reach a sidecar at localhost:<its containerPort>, and use dependsOn for start order.)');
    if (c.hostname !== undefined)
      err(`${at}.hostname`, 'hostname is not supported on container when networkMode=awsvpc. (Under awsvpc the task has one network interface: its containers share its hostname and localhost.)');
    if (c.healthCheck !== undefined) validateHealthCheck(c.healthCheck, `${at}.healthCheck`, err);
    if (c.logConfiguration !== undefined) validateLogConfiguration(c.logConfiguration, `${at}.logConfiguration`, err);
    if (c.startTimeout !== undefined && (!isInt(c.startTimeout) || c.startTimeout < 2 || c.startTimeout > 120))
      err(`${at}.startTimeout`, 'startTimeout on Fargate must be a whole number of seconds from 2 to 120.');
    if (c.restartPolicy !== undefined) validateRestartPolicy(c.restartPolicy, `${at}.restartPolicy`, err);
    if (c.stopTimeout !== undefined && (!isInt(c.stopTimeout) || c.stopTimeout < 2 || c.stopTimeout > 120))
      err(`${at}.stopTimeout`, 'stopTimeout on Fargate must be a whole number of seconds from 2 to 120.');
    if (c.sigterm !== undefined && c.sigterm !== 'exit' && c.sigterm !== 'ignore') err(`${at}.sigterm`, "sigterm must be 'exit' or 'ignore'.");
    if (c.app !== undefined) validateApp(c.app, `${at}.app`, err);
  });

  validateDependencies(containers, err);

  // Fargate ships awslogs with the task's execution role (spec §2.3, error text §2.8).
  if (role === undefined && containers.some((c: unknown) => isObject(c) && isObject(c.logConfiguration) && c.logConfiguration.logDriver === 'awslogs'))
    err('executionRoleArn', 'Fargate requires task definition to have execution role ARN to support log driver awslogs.');
  // The message ECS gives (spec §2.8): ECS itself fetches the secrets, with the execution role.
  if (role === undefined && containers.some((c: unknown) => isObject(c) && Array.isArray(c.secrets) && c.secrets.length > 0))
    err('executionRoleArn', "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'");
  if (!containers.some((c: unknown) => isObject(c) && c.essential !== false))
    err('containerDefinitions', 'At least one container must be essential: a task stops when its essential container stops.');
  if (FARGATE_SIZES.has(cpu) && cpuSum > cpu)
    err('containerDefinitions', `The containers' cpu (${cpuSum} units in all) is more than the task's cpu (${cpu}).`);
  if (!Number.isNaN(memory) && memorySum > memory && errors.every((e) => !e.message.includes("is greater than for the task")))
    err('containerDefinitions', `The containers' memory (${memorySum} MiB in all) is more than the task's memory (${memory} MiB).`);
  return errors;
}

type Report = (field: string, message: string) => void;

/** restartPolicy (API:ContainerRestartPolicy): enabled, up to 50 ignoredExitCodes, and a
 *  restartAttemptPeriod of 60–1800 s. */
function validateRestartPolicy(rp: unknown, at: string, err: Report) {
  if (!isObject(rp)) return err(at, 'restartPolicy must be an object, e.g. {"enabled": true, "ignoredExitCodes": [0], "restartAttemptPeriod": 300}.');
  if (typeof rp.enabled !== 'boolean') err(`${at}.enabled`, 'restartPolicy.enabled must be true or false.');
  const codes = rp.ignoredExitCodes;
  if (codes !== undefined) {
    if (!Array.isArray(codes) || !codes.every((c) => isInt(c) && c >= 0 && c <= 255)) err(`${at}.ignoredExitCodes`, 'ignoredExitCodes must be a list of exit codes, whole numbers from 0 to 255.');
    else if (codes.length > 50) err(`${at}.ignoredExitCodes`, 'ignoredExitCodes can list at most 50 exit codes.');
  }
  const period = rp.restartAttemptPeriod;
  if (period !== undefined && (!isInt(period) || period < 60 || period > 1800))
    err(`${at}.restartAttemptPeriod`, 'restartAttemptPeriod must be a whole number of seconds from 60 to 1800.');
}

const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];

/**
 * dependsOn (spec §2.5): each entry names another container of the task and a condition. ECS's
 * own messages where they are known (research 12 §2.4: a missing container, COMPLETE or SUCCESS on
 * an essential one); a cycle, and HEALTHY on a container without a health check, are refused too
 * (ECS rejects a cycle; a HEALTHY that can never come would leave every task unable to start).
 */
function validateDependencies(containers: unknown[], err: Report) {
  const byName = new Map<string, Record<string, unknown>>();
  for (const c of containers) if (isObject(c) && typeof c.name === 'string' && !byName.has(c.name)) byName.set(c.name, c);
  const edges = new Map<string, string[]>();
  containers.forEach((c: unknown, i) => {
    if (!isObject(c) || c.dependsOn === undefined) return;
    const at = `containerDefinitions[${i}].dependsOn`;
    if (!Array.isArray(c.dependsOn)) return err(at, 'dependsOn must be a list of {containerName, condition}.');
    c.dependsOn.forEach((d: unknown, j) => {
      const here = `${at}[${j}]`;
      if (!isObject(d) || typeof d.containerName !== 'string' || d.containerName === '') return err(`${here}.containerName`, 'Each dependency needs a containerName.');
      if (!CONDITIONS.includes(d.condition as string)) return err(`${here}.condition`, `condition must be one of ${CONDITIONS.join(', ')}.`);
      const target = byName.get(d.containerName);
      if (!target) return err(`${here}.containerName`, `Cannot depend on container + '${shorten(d.containerName)}' because it does not exist`);
      if (d.containerName === c.name) return err(`${here}.containerName`, `Container '${shorten(d.containerName)}' cannot depend on itself.`);
      if ((d.condition === 'SUCCESS' || d.condition === 'COMPLETE') && target.essential !== false)
        return err(`${here}.condition`, 'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container');
      if (d.condition === 'HEALTHY' && target.healthCheck === undefined)
        return err(`${here}.condition`, `Container '${shorten(d.containerName)}' has no healthCheck, so it can never be HEALTHY: a task of this definition could never start.`);
      if (typeof c.name === 'string') edges.set(c.name, [...(edges.get(c.name) ?? []), d.containerName]);
    });
  });
  // A cycle (a waits for b, b for a) would leave every container waiting.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): string[] | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name, []);
    if (cycle) return err('containerDefinitions', `The containers' dependsOn make a cycle (${cycle.map(shorten).join(' → ')}): none of them could ever start.`);
  }
}

function validatePorts(ports: unknown, at: string, err: Report) {
  if (ports === undefined) return;
  if (!Array.isArray(ports)) return err(at, 'portMappings must be a list.');
  ports.forEach((p: unknown, i) => {
    if (!isObject(p) || !isInt(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535)
      err(`${at}[${i}].containerPort`, 'containerPort must be a whole number from 1 to 65535.');
    else if (p.protocol !== undefined && p.protocol !== 'tcp' && p.protocol !== 'udp')
      err(`${at}[${i}].protocol`, "protocol must be 'tcp' or 'udp'.");
    else if (p.hostPort !== undefined && p.hostPort !== p.containerPort)
      err(`${at}[${i}].hostPort`, 'When networkMode=awsvpc, the host ports and container ports in port mappings must match. (The task has its own network interface: leave hostPort out, or make it equal containerPort.)');
  });
}

function validateSecrets(secrets: unknown, at: string, err: Report) {
  if (secrets === undefined) return;
  if (!Array.isArray(secrets)) return err(at, 'secrets must be a list of {name, valueFrom}.');
  secrets.forEach((s: unknown, i) => {
    if (!isObject(s) || typeof s.name !== 'string' || s.name === '') err(`${at}[${i}].name`, 'Each secret needs a name: the environment variable the container sees.');
    else if (typeof s.valueFrom !== 'string' || s.valueFrom === '')
      err(`${at}[${i}].valueFrom`, `Secret ${shorten(s.name)} needs a valueFrom: the ARN of a Secrets Manager secret or an SSM parameter.`);
  });
}

function validateEnvironment(env: unknown, at: string, err: Report) {
  if (env === undefined) return;
  if (!Array.isArray(env)) return err(at, 'environment must be a list of {name, value}.');
  env.forEach((e: unknown, i) => {
    if (!isObject(e) || typeof e.name !== 'string' || e.name === '') err(`${at}[${i}].name`, 'Each environment variable needs a name.');
    else if (typeof e.value !== 'string') err(`${at}[${i}].value`, `Environment variable ${e.name} needs a string value.`);
  });
}

function validateHealthCheck(hc: unknown, at: string, err: Report) {
  if (!isObject(hc)) return err(at, 'healthCheck must be an object.');
  const cmd = hc.command;
  if (!Array.isArray(cmd) || cmd.length < 2 || !['CMD', 'CMD-SHELL'].includes(cmd[0] as string) || !cmd.every((s) => typeof s === 'string'))
    err(`${at}.command`, 'healthCheck.command must start with "CMD" or "CMD-SHELL", e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"].');
  const ranges: [keyof HealthCheck, number, number][] = [['interval', 5, 300], ['timeout', 2, 60], ['retries', 1, 10], ['startPeriod', 0, 300]];
  for (const [key, min, max] of ranges) {
    const v = hc[key];
    if (v !== undefined && (!isInt(v) || v < min || v > max)) err(`${at}.${key}`, `healthCheck.${key} must be a whole number from ${min} to ${max}.`);
  }
}

/** A user's string, cut short before it is echoed in a message. */
export const shorten = (s: string) => (s.length > 64 ? `${s.slice(0, 61)}…` : s);

/** Log drivers Fargate supports (spec §2.5); the playground models awslogs. */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/** awslogs on Fargate (spec §2.5, §2.7: AWS's Fargate example sets all three options). ECS passes
 *  other options to the driver as they are, so only these are checked. */
function validateLogConfiguration(lc: unknown, at: string, err: Report) {
  if (!isObject(lc)) return err(at, 'logConfiguration must be an object, e.g. {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}.');
  const driver = lc.logDriver;
  if (driver === undefined || driver === '') err(`${at}.logDriver`, 'logConfiguration.logDriver should not be null or empty.');
  else if (typeof driver !== 'string' || !FARGATE_LOG_DRIVERS.includes(driver))
    err(`${at}.logDriver`, `Fargate supports the log drivers awslogs, splunk and awsfirelens; got '${shorten(String(driver))}'.`);
  else if (driver !== 'awslogs') err(`${at}.logDriver`, `Log driver ${driver} works on Fargate, but the playground models only awslogs.`);
  const options = lc.options ?? {};
  if (!isObject(options)) return err(`${at}.options`, 'logConfiguration.options must be an object of option names and string values.');
  for (const [name, value] of Object.entries(options))
    if (typeof value !== 'string') err(`${at}.options.${shorten(name)}`, `Log option '${shorten(name)}' needs a string value.`);
  if (driver !== 'awslogs') return;
  const has = (name: string) => Object.hasOwn(options, name) && typeof options[name] === 'string' && options[name] !== '';
  if (!has('awslogs-group')) err(`${at}.options.awslogs-group`, "Log driver awslogs requires option 'awslogs-group': the CloudWatch Logs log group the container's output goes to.");
  if (!has('awslogs-region')) err(`${at}.options.awslogs-region`, "Log driver awslogs requires option 'awslogs-region': the Region of that log group, e.g. us-east-1.");
  // The message ECS gives (observed in CloudFormation output, aws/aws-cdk#1422).
  if (!has('awslogs-stream-prefix')) err(`${at}.options.awslogs-stream-prefix`, 'Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.');
}

function validateApp(app: unknown, at: string, err: Report) {
  if (!isObject(app)) return err(at, 'app must be an object.');
  const kinds = ['serve', 'exit', 'crash', 'failHealthCheck', 'hang', 'pullError'];
  if (!kinds.includes(app.kind as string)) return err(`${at}.kind`, `app.kind must be one of ${kinds.join(', ')}.`);
  if (app.kind === 'exit' || app.kind === 'crash' || app.kind === 'failHealthCheck' || app.kind === 'hang') {
    if (typeof app.afterSeconds !== 'number' || !(app.afterSeconds >= 0) || app.afterSeconds > 86400)
      err(`${at}.afterSeconds`, 'afterSeconds must be a number of seconds from 0 to 86400.');
  }
  if ((app.kind === 'exit' || app.kind === 'crash') && (!isInt(app.exitCode) || app.exitCode < 0 || app.exitCode > 255))
    err(`${at}.exitCode`, 'exitCode must be a whole number from 0 to 255.');
}

/** Fill in AWS's defaults. Call only on input that validateTaskDefinition accepted. */
function normalizeContainer(c: ContainerDefinitionInput): ContainerDefinition {
  const ports: PortMapping[] = (c.portMappings ?? []).map((p) => ({ containerPort: p.containerPort, protocol: p.protocol ?? 'tcp' }));
  return {
    name: c.name,
    image: c.image,
    cpu: c.cpu ?? 0,
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
    essential: c.essential ?? true, // AWS: essential defaults to true (spec §2.5)
    portMappings: ports,
    environment: (c.environment ?? []).map((e) => ({ name: e.name, value: e.value })),
    secrets: (c.secrets ?? []).map((x) => ({ name: x.name, valueFrom: x.valueFrom })),
    ...(c.healthCheck ? { healthCheck: { ...HEALTH_CHECK_DEFAULTS, ...c.healthCheck } } : {}),
    // A copy of the options' own properties: Object.fromEntries defines each name as an own
    // property ("__proto__" too) and never sets a prototype.
    ...(c.logConfiguration ? { logConfiguration: { logDriver: 'awslogs', options: Object.fromEntries(Object.entries(c.logConfiguration.options)) } } : {}),
    dependsOn: (c.dependsOn ?? []).map((d) => ({ containerName: d.containerName, condition: d.condition })),
    ...(c.startTimeout !== undefined ? { startTimeout: c.startTimeout } : {}),
    ...(c.restartPolicy
      ? { restartPolicy: { enabled: c.restartPolicy.enabled, ignoredExitCodes: [...(c.restartPolicy.ignoredExitCodes ?? [])], restartAttemptPeriod: c.restartPolicy.restartAttemptPeriod ?? DEFAULT_RESTART_ATTEMPT_PERIOD } }
      : {}),
    stopTimeout: c.stopTimeout ?? DEFAULT_STOP_TIMEOUT,
    sigterm: c.sigterm ?? 'exit',
    app: c.app ?? { kind: 'serve' },
    ...ignoredOf(c, SIMULATED_CONTAINER),
  };
}

/** The accepted-and-not-simulated fields of a validated input, copied as JSON (the user's values
 *  are plain JSON: a copy shares nothing with the input). */
function ignoredOf(input: Record<string, unknown>, simulated: ReadonlySet<string>): { ignored?: Record<string, unknown> } {
  const entries = Object.entries(input).filter(([k, v]) => v !== undefined && !simulated.has(k) && !REFUSED_CONTAINER_FIELDS.has(k));
  return entries.length ? { ignored: Object.fromEntries(entries.map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown])) } : {};
}

/** Register a validated definition as the family's next revision. Revisions are never reused. */
export function registerTaskDefinition(world: World, input: TaskDefinitionInput): TaskDefinition {
  const revision = (world.familyRevisions.get(input.family) ?? 0) + 1;
  world.familyRevisions.set(input.family, revision);
  const td: TaskDefinition = {
    taskDefinitionArn: taskDefinitionArn(world, input.family, revision),
    family: input.family,
    revision,
    status: 'ACTIVE',
    cpu: String(parseCpu(input.cpu)),
    memory: String(parseMemory(input.memory)),
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    ...(input.executionRoleArn !== undefined ? { executionRoleArn: input.executionRoleArn } : {}),
    containerDefinitions: input.containerDefinitions.map(normalizeContainer),
    ...ignoredOf(input, SIMULATED_TASK),
    registeredAt: world.now,
  };
  world.taskDefinitions.set(td.taskDefinitionArn, td);
  return td;
}

/**
 * Find a task definition the way RunTask and CreateService do (spec §2.1): "family" means the
 * latest ACTIVE revision; "family:revision" or a full ARN names one revision.
 */
export function resolveTaskDefinition(world: World, ref: string): TaskDefinition | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  const [family, rev] = name.split(':');
  if (rev !== undefined) return world.taskDefinitions.get(taskDefinitionArn(world, family!, Number(rev)));
  let latest: TaskDefinition | undefined;
  for (const td of world.taskDefinitions.values())
    if (td.family === family && td.status === 'ACTIVE' && (!latest || td.revision > latest.revision)) latest = td;
  return latest;
}
