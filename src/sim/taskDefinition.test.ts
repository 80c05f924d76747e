import { describe, expect, it } from 'vitest';
import { dispatch } from './engine.ts';
import { reportTaskDefinition, webTaskDefinition } from './scenarios.ts';
import { validateTaskDefinition } from './taskDefinition.ts';
import { createWorld } from './world.ts';
import type { TaskDefinitionInput } from './model/index.ts';

const web = webTaskDefinition();
const withContainer = (changes: object): TaskDefinitionInput => ({ ...web, containerDefinitions: [{ ...web.containerDefinitions[0]!, ...changes }] });

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
