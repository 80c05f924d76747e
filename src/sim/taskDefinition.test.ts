import { describe, expect, it } from 'vitest';
import { dispatch } from './engine.ts';
import { reportTaskDefinition, webTaskDefinition } from './scenarios.ts';
import { validateTaskDefinition } from './taskDefinition.ts';
import { createWorld } from './world.ts';
import type { TaskDefinitionInput } from './model/index.ts';

const web = webTaskDefinition();
const withContainerOnly = (changes: object): TaskDefinitionInput => ({ ...web, containerDefinitions: [{ ...web.containerDefinitions[0]!, ...changes }] });
const withContainer = withContainerOnly;

describe('validateTaskDefinition (spec §2)', () => {
  it('accepts the built-in definitions', () => {
    expect(validateTaskDefinition(web)).toEqual([]);
    expect(validateTaskDefinition(reportTaskDefinition)).toEqual([]);
  });

  it.each([
    ['an invalid Fargate cpu/memory pair', { ...web, cpu: '256', memory: '4096' }, 'memory', /No Fargate configuration exists for given values\. With cpu 256, memory must be 512, 1024, 2048/],
    ['no task cpu', { ...web, cpu: undefined }, 'cpu', /Fargate requires that 'cpu' be defined at the task level\./],
    ['no task memory', { ...web, memory: '' }, 'memory', /Fargate requires that 'memory' be defined/],
    ['an unknown cpu value', { ...web, cpu: '300' }, 'cpu', /Invalid 'cpu' setting for task/],
    ['no essential container', withContainer({ essential: false }), 'containerDefinitions', /At least one container must be essential/],
    ['container memory above task memory', withContainer({ memory: 1024 }), 'containerDefinitions[0].memory', /'memory' setting for container 'web' \(1024 MiB\) is greater than for the task \(512 MiB\)/],
    ['a bad family name', { ...web, family: 'my app!' }, 'family', /Family can have up to 255 letters/],
    ['a bad container name', withContainer({ name: 'web server' }), 'containerDefinitions[0].name', /Container names can have up to 255 letters/],
    ['an empty image', withContainer({ image: '' }), 'containerDefinitions[0].image', /Container.image should not be null or empty/],
    ['a health check interval out of range', withContainer({ healthCheck: { command: ['CMD', 'true'], interval: 1 } }), 'containerDefinitions[0].healthCheck.interval', /from 5 to 300/],
    ['a bad port', withContainer({ portMappings: [{ containerPort: 70000 }] }), 'containerDefinitions[0].portMappings[0].containerPort', /1 to 65535/],
    ['no containers', { ...web, containerDefinitions: [] }, 'containerDefinitions', /at least one container/],
  ])('rejects %s, naming the field', (_what, input, field, message) => {
    const errors = validateTaskDefinition(input);
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.find((e) => e.field === field)!.message).toMatch(message);
  });

  it('rejects duplicate container names', () => {
    const c = web.containerDefinitions[0]!;
    const errors = validateTaskDefinition({ ...web, containerDefinitions: [c, { ...c, essential: false }] });
    expect(errors).toEqual([{ field: 'containerDefinitions[1].name', message: expect.stringMatching(/Duplicate container name 'web'/) }]);
  });

  it('never throws on input of the wrong shape', () => {
    for (const junk of [null, 42, 'web', [], { family: 7, containerDefinitions: 'x' }, { containerDefinitions: [null, 3] }])
      expect(validateTaskDefinition(junk).length).toBeGreaterThan(0);
  });

  it('accepts AWS size spellings like "0.25 vCPU" and "1 GB"', () => {
    expect(validateTaskDefinition({ ...web, cpu: '0.25 vCPU', memory: '1 GB' })).toEqual([]);
  });
});

describe('registerTaskDefinition', () => {
  it('numbers revisions 1, 2, 3 per family, and a rejected one changes nothing', () => {
    const world = createWorld({ seed: 1 });
    const arns = [1, 2].map(() => dispatch(world, { type: 'registerTaskDefinition', taskDefinition: web }).outcome);
    expect(arns).toEqual([
      { ok: true, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1' },
      { ok: true, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2' },
    ]);
    const before = structuredClone(world);
    const bad = dispatch(world, { type: 'registerTaskDefinition', taskDefinition: { ...web, memory: '4096' } });
    expect(bad.outcome).toMatchObject({ ok: false, error: { code: 'ClientException', fieldErrors: [{ field: 'memory' }] } });
    expect(bad.events).toEqual([]);
    expect(world).toEqual(before);
  });

  it('never reuses a revision, even after deregistering', () => {
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: web });
    expect(dispatch(world, { type: 'deregisterTaskDefinition', taskDefinition: 'web:1' }).outcome.ok).toBe(true);
    const next = dispatch(world, { type: 'registerTaskDefinition', taskDefinition: web }).outcome;
    expect(next).toMatchObject({ taskDefinitionArn: expect.stringMatching(/web:2$/) });
    expect(world.taskDefinitions.get('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1')!.status).toBe('INACTIVE');
  });

  it('fills in AWS defaults: essential true, stopTimeout 30, health check interval 30/timeout 5/retries 3', () => {
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: withContainer({ essential: undefined, healthCheck: { command: ['CMD', 'true'] } }) });
    const c = [...world.taskDefinitions.values()][0]!.containerDefinitions[0]!;
    expect(c).toMatchObject({ essential: true, stopTimeout: 30, healthCheck: { interval: 30, timeout: 5, retries: 3, startPeriod: 0 } });
  });
});

describe('logConfiguration (spec §2.5, awslogs)', () => {
  const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } };
  const at = 'containerDefinitions[0].logConfiguration';
  const role = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
  // On Fargate, awslogs needs the task's execution role: every definition here has one, but the test that says so.
  const withContainer = (changes: object): TaskDefinitionInput => ({ ...withContainerOnly(changes), executionRoleArn: role });

  it('needs an executionRoleArn with awslogs on Fargate, with ECS\'s own words; a bad ARN is named', () => {
    expect(validateTaskDefinition(withContainerOnly({ logConfiguration: awslogs }))).toEqual([
      { field: 'executionRoleArn', message: 'Fargate requires task definition to have execution role ARN to support log driver awslogs.' },
    ]);
    expect(validateTaskDefinition({ ...withContainer({ logConfiguration: awslogs }), executionRoleArn: 'ecsTaskExecutionRole' })).toEqual([
      { field: 'executionRoleArn', message: expect.stringContaining('executionRoleArn must be an IAM role ARN') },
    ]);
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: withContainer({ logConfiguration: awslogs }) });
    expect([...world.taskDefinitions.values()][0]!.executionRoleArn).toBe(role);
  });

  it('accepts AWS’s Fargate example and carries it onto the registered revision, options by name', () => {
    expect(validateTaskDefinition(withContainer({ logConfiguration: awslogs }))).toEqual([]);
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: withContainer({ logConfiguration: { ...awslogs, options: { ...awslogs.options, 'awslogs-create-group': 'true' } } }) });
    const c = [...world.taskDefinitions.values()][0]!.containerDefinitions[0]!;
    expect(c.logConfiguration?.logDriver).toBe('awslogs');
    expect(Object.entries(c.logConfiguration!.options)).toEqual([['awslogs-group', '/ecs/web'], ['awslogs-region', 'us-east-1'], ['awslogs-stream-prefix', 'ecs'], ['awslogs-create-group', 'true']]);
    // As DescribeTaskDefinition shows it.
    expect(JSON.parse(JSON.stringify(c.logConfiguration))).toEqual({ logDriver: 'awslogs', options: { ...awslogs.options, 'awslogs-create-group': 'true' } });
  });

  it('leaves a container without one as it was', () => {
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: web });
    expect([...world.taskDefinitions.values()][0]!.containerDefinitions[0]).not.toHaveProperty('logConfiguration');
  });

  it.each([
    ['no awslogs-stream-prefix (required on Fargate)', { ...awslogs, options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' } }, `${at}.options.awslogs-stream-prefix`, /^Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs\.$/],
    ['an empty awslogs-stream-prefix', { ...awslogs, options: { ...awslogs.options, 'awslogs-stream-prefix': '' } }, `${at}.options.awslogs-stream-prefix`, /awslogs-stream-prefix/],
    ['no awslogs-group', { ...awslogs, options: { 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } }, `${at}.options.awslogs-group`, /requires option 'awslogs-group'/],
    ['no awslogs-region', { ...awslogs, options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } }, `${at}.options.awslogs-region`, /requires option 'awslogs-region'/],
    ['no options at all', { logDriver: 'awslogs' }, `${at}.options.awslogs-group`, /awslogs-group/],
    ['options that are not an object', { logDriver: 'awslogs', options: ['awslogs-group'] }, `${at}.options`, /must be an object/],
    ['an option that is not a string', { ...awslogs, options: { ...awslogs.options, 'awslogs-create-group': true } }, `${at}.options.awslogs-create-group`, /needs a string value/],
    ['no log driver', { options: awslogs.options }, `${at}.logDriver`, /should not be null or empty/],
    ['a log driver Fargate does not support', { ...awslogs, logDriver: 'json-file' }, `${at}.logDriver`, /Fargate supports the log drivers awslogs, splunk and awsfirelens; got 'json-file'/],
    ['a Fargate driver the playground does not model', { ...awslogs, logDriver: 'splunk' }, `${at}.logDriver`, /models only awslogs/],
    ['a logConfiguration that is not an object', 'awslogs', at, /must be an object/],
  ])('rejects %s, naming the field', (_what, logConfiguration, field, message) => {
    const errors = validateTaskDefinition(withContainer({ logConfiguration }));
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.find((e) => e.field === field)!.message).toMatch(message);
  });

  it('reads options by name only as the user gave them: "__proto__" and "hasOwnProperty" are just names', () => {
    const options = JSON.parse('{"__proto__": "x", "hasOwnProperty": "y", "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"}') as Record<string, string>;
    const errors = validateTaskDefinition(withContainer({ logConfiguration: { logDriver: 'awslogs', options } }));
    expect(errors.map((e) => e.field)).toEqual([`${at}.options.awslogs-stream-prefix`]);
    const world = createWorld({ seed: 1 });
    dispatch(world, { type: 'registerTaskDefinition', taskDefinition: withContainer({ logConfiguration: { logDriver: 'awslogs', options: { ...awslogs.options, ...options } } }) });
    const registered = [...world.taskDefinitions.values()][0]!.containerDefinitions[0]!.logConfiguration!.options;
    expect(Object.hasOwn(registered, '__proto__') && registered['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(registered)).toBe(Object.prototype);
    expect(Object.hasOwn(registered, 'hasOwnProperty') && registered['hasOwnProperty']).toBe('y');
    expect(Object.hasOwn(registered, 'constructor')).toBe(false);
    // A checkpoint's copy keeps them as names too.
    expect(Object.hasOwn(structuredClone(registered), '__proto__')).toBe(true);
  });
});
