// The register-task-definition JSON in and out: what the AWS CLI refuses before sending (botocore's
// messages), what ECS refuses (ClientException), what the playground accepts and does not simulate,
// its behaviour labels, and the round trip export → import.

import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { appLabel, describeTaskDefinition, exportTaskDefinition, importTaskDefinition, inputOf, minimalFargateDefinition, parseAppLabel, parseTaskDefinitionJson } from './taskDefinitionJson.ts';
import { EXECUTION_ROLE, shopDocument } from './testing/documents.ts';
import type { AppBehaviour, TaskDefinition } from './model/index.ts';

const ROLE = EXECUTION_ROLE;
const helloWeb = minimalFargateDefinition;
const withSidecars = shopDocument;

function register(doc: unknown): TaskDefinition {
  const result = importTaskDefinition(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const sim = Simulation.create({ seed: 1, scenario: { name: 'test', title: '', description: '', setup: [], script: [] } });
  const { outcome } = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: result.input });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return sim.world.taskDefinitions.get(outcome.taskDefinitionArn!)!;
}

const messages = (doc: unknown) => {
  const r = importTaskDefinition(doc);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('importing a register-task-definition document', () => {
  it("takes spec §2.7's minimal Fargate definition as it is, and says the program is assumed to serve", () => {
    const r = importTaskDefinition(helloWeb());
    expect(r.ok).toBe(true);
    expect(r.ignored).toEqual([]);
    expect(r.notes).toEqual([expect.stringContaining('Container web has no "ecs-playground.app" docker label')]);
    expect(register(helloWeb()).containerDefinitions[0]!.app).toEqual({ kind: 'serve' });
  });

  it("lists what it accepts and does not simulate, and keeps it on the revision", () => {
    const r = importTaskDefinition(withSidecars());
    expect(r.ok).toBe(true);
    expect(r.ignored).toEqual(['taskRoleArn', 'volumes', 'tags', 'containerDefinitions[0].command', 'containerDefinitions[0].dockerLabels', 'containerDefinitions[1].mountPoints']);
    const td = register(withSidecars());
    expect(td.ignored).toEqual({ taskRoleArn: 'arn:aws:iam::123456789012:role/shopTaskRole', volumes: [{ name: 'scratch' }], tags: [{ key: 'team', value: 'shop' }] });
    expect(td.containerDefinitions[0]!.ignored).toEqual({ command: ['./migrate', 'up'], dockerLabels: { 'ecs-playground.app': 'exit 0 after 8s', owner: 'db-team' } });
    expect(td.containerDefinitions[0]!.app).toEqual({ kind: 'exit', exitCode: 0, afterSeconds: 8 });
    expect(td.containerDefinitions[1]!.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }]);
  });

  it("refuses a field the API does not have as the CLI does, naming the fields it has — the playground's own app too", () => {
    const doc = { ...helloWeb(), replicas: 3 };
    expect(importTaskDefinition(doc)).toMatchObject({ ok: false, kind: 'parameter' });
    expect(messages(doc)[0]).toMatch(/^Unknown parameter in input: "replicas", must be one of: family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,/);
    const app = helloWeb();
    Object.assign(app.containerDefinitions[0]!, { app: { kind: 'serve' } });
    expect(messages(app)[0]).toMatch(/^Unknown parameter in containerDefinitions\[0\]: "app", must be one of: name, image, repositoryCredentials, cpu,/);
  });

  it('refuses wrong types with botocore\'s wording: a number for the task\'s cpu, a string for a container\'s, a null', () => {
    const doc = { ...helloWeb(), cpu: 256 };
    Object.assign(doc.containerDefinitions[0]!, { cpu: '128', entryPoint: null });
    expect(messages(doc)).toEqual([
      "Invalid type for parameter cpu, value: 256, type: <class 'int'>, valid types: <class 'str'>",
      "Invalid type for parameter containerDefinitions[0].cpu, value: 128, type: <class 'str'>, valid types: <class 'int'>",
      "Invalid type for parameter containerDefinitions[0].entryPoint, value: None, type: <class 'NoneType'>, valid types: <class 'list'>, <class 'tuple'>",
    ]);
  });

  it('names the missing required parameters', () => {
    expect(messages({ cpu: '256' })).toEqual(['Missing required parameter in input: "family"', 'Missing required parameter in input: "containerDefinitions"']);
    expect(messages([helloWeb()])).toEqual(["Invalid type for parameter input, value: " + JSON.stringify([helloWeb()]).slice(0, 61) + "…, type: <class 'list'>, valid types: <class 'dict'>"]);
  });

  it("refuses links and a hostname under awsvpc with ECS's messages, and says what replaces them", () => {
    const doc = helloWeb();
    Object.assign(doc.containerDefinitions[0]!, { links: ['db:db'], hostname: 'web' });
    const r = importTaskDefinition(doc);
    expect(r).toMatchObject({ ok: false, kind: 'validation' });
    expect(messages(doc)).toEqual([
      expect.stringMatching(/^Links are not supported when networkMode=awsvpc\. .*share localhost/),
      expect.stringMatching(/^hostname is not supported on container when networkMode=awsvpc\./),
    ]);
    expect(r.ok || r.errors.map((e) => e.field)).toEqual(['containerDefinitions[0].links', 'containerDefinitions[0].hostname']);
  });

  it("refuses bridge mode, a hostPort unlike the containerPort, and secrets without an execution role", () => {
    expect(messages({ ...helloWeb(), networkMode: 'bridge' })).toEqual([expect.stringMatching(/^Fargate only supports network mode 'awsvpc'\./)]);
    const ports = helloWeb();
    ports.containerDefinitions[0]!.portMappings = [{ containerPort: 80, hostPort: 8080, protocol: 'tcp' } as never];
    expect(messages(ports)).toEqual([expect.stringMatching(/^When networkMode=awsvpc, the host ports and container ports in port mappings must match\./)]);
    const secret = helloWeb();
    Object.assign(secret.containerDefinitions[0]!, { secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/api-key' }] });
    expect(messages(secret)).toEqual(["When you are specifying container secrets, you must also specify a value for 'executionRoleArn'"]);
    expect(importTaskDefinition({ ...secret, executionRoleArn: ROLE }).ok).toBe(true);
  });

  it('says what the playground assumed where AWS would differ: no networkMode, no requiresCompatibilities', () => {
    const { networkMode: _n, requiresCompatibilities: _r, ...bare } = helloWeb();
    const r = importTaskDefinition(bare);
    expect(r.ok).toBe(true);
    expect(r.notes.slice(0, 2)).toEqual([expect.stringContaining('bridge mode, which Fargate cannot run'), expect.stringContaining('Task definition does not support launch_type FARGATE.')]);
  });

  it("spots pasted describe-task-definition output and says what to take out", () => {
    const described = describeTaskDefinition(register(helloWeb()), () => '2026-12-01T00:00:00.000000+00:00');
    const r = importTaskDefinition(described);
    expect(r).toMatchObject({ ok: false, kind: 'parameter' });
    expect(r.notes[0]).toBe('This looks like describe-task-definition output: remove the fields AWS sets (taskDefinitionArn, revision, status, compatibilities, registeredAt) before registering it again.');
    expect(importTaskDefinition({ taskDefinition: described }).notes[0]).toMatch(/register takes what is inside "taskDefinition"/);
  });

  it('reads names like __proto__ as the data they are, at every level', () => {
    const doc = JSON.parse('{"family": "x", "cpu": "256", "memory": "512", "__proto__": {"polluted": true}, "containerDefinitions": [{"name": "c", "image": "busybox", "constructor": 1, "dockerLabels": {"__proto__": "a", "toString": "b"}}]}');
    expect(messages(doc)).toEqual([
      expect.stringMatching(/^Unknown parameter in input: "__proto__"/),
      expect.stringMatching(/^Unknown parameter in containerDefinitions\[0\]: "constructor"/),
    ]);
    const ok = JSON.parse('{"family": "x", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "c", "image": "busybox", "dockerLabels": {"__proto__": "a", "toString": "b"}, "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "p", "__proto__": "x"}}}], "executionRoleArn": "' + ROLE + '"}');
    const td = register(ok);
    expect(Object.getPrototypeOf(td.containerDefinitions[0]!.ignored!.dockerLabels)).toBe(Object.prototype);
    expect(Object.hasOwn(td.containerDefinitions[0]!.ignored!.dockerLabels as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(exportTaskDefinition(td).containerDefinitions).toEqual([expect.objectContaining({ dockerLabels: JSON.parse('{"__proto__": "a", "toString": "b"}') })]);
  });
});

describe('JSON text', () => {
  it('says where the JSON broke, by line and column', () => {
    const r = parseTaskDefinitionJson('{\n  "family": "web"\n  "cpu": "256"\n}');
    expect(r).toMatchObject({ ok: false, kind: 'syntax' });
    expect(r.ok || r.errors[0]!.message).toMatch(/^Invalid JSON: .*: line 3 column 3 \(char 22\)$/);
    expect(parseTaskDefinitionJson('   ')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/the document is empty/) }] });
  });
});

describe('the playground label', () => {
  const behaviours: AppBehaviour[] = [
    { kind: 'serve' },
    { kind: 'pullError' },
    { kind: 'exit', exitCode: 0, afterSeconds: 20 },
    { kind: 'crash', exitCode: 137, afterSeconds: 2.5 },
    { kind: 'failHealthCheck', afterSeconds: 60 },
    { kind: 'hang', afterSeconds: 45 },
  ];
  it.each(behaviours.map((b) => [appLabel(b), b] as const))('reads %s back as what wrote it', (label, b) => {
    expect(parseAppLabel(label)).toEqual(b);
  });
  it('says what it takes when a label is wrong', () => {
    expect(parseAppLabel('exit after 20s')).toMatch(/says what the simulated program does: "serve", "exit <code> after <seconds>s"/);
    expect(parseAppLabel('exit 300 after 2s')).toMatch(/an exit code runs from 0 to 255/);
    expect(parseAppLabel('hang after 90000s')).toMatch(/from 0 to 86400/);
    const doc = helloWeb();
    Object.assign(doc.containerDefinitions[0]!, { dockerLabels: { 'ecs-playground.app': 'sleep', 'ecs-playground.sigterm': 'maybe', 'ecs-playground.color': 'red' } });
    const r = importTaskDefinition(doc);
    expect(r.ok || r.errors.map((e) => e.field)).toEqual([
      'containerDefinitions[0].dockerLabels.ecs-playground.app',
      'containerDefinitions[0].dockerLabels.ecs-playground.sigterm',
      'containerDefinitions[0].dockerLabels.ecs-playground.color',
    ]);
  });
});

describe('exporting a revision', () => {
  it('gives the input shape in the API order, with AWS defaults, the kept fields, and no fields AWS sets', () => {
    const out = exportTaskDefinition(register(withSidecars()));
    expect(Object.keys(out)).toEqual(['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'tags']);
    const [migrate, app] = out.containerDefinitions as Record<string, unknown>[];
    expect(Object.keys(migrate!)).toEqual(['name', 'image', 'cpu', 'portMappings', 'essential', 'command', 'environment', 'mountPoints', 'volumesFrom', 'dockerLabels', 'systemControls']);
    expect(app!.portMappings).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]);
    expect(app!.mountPoints).toEqual([{ sourceVolume: 'scratch', containerPath: '/tmp/scratch' }]);
  });

  it('registers again as the same definition: export → import → export is a fixed point', () => {
    for (const doc of [helloWeb(), withSidecars()]) {
      const once = exportTaskDefinition(register(doc));
      const twice = exportTaskDefinition(register(JSON.parse(JSON.stringify(once))));
      expect(twice).toEqual(once);
    }
  });

  it('writes a behaviour given in a script as the label, and a new revision keeps every field', () => {
    const sim = Simulation.create({ seed: 1, scenario: { name: 'test', title: '', description: '', setup: [], script: [] } });
    const input = { family: 'job', cpu: '256', memory: '512', containerDefinitions: [{ name: 'job', image: 'busybox', app: { kind: 'exit', exitCode: 3, afterSeconds: 5 } as AppBehaviour, sigterm: 'ignore' as const, stopTimeout: 10 }] };
    const { outcome } = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: input });
    const td = sim.world.taskDefinitions.get(outcome.ok ? outcome.taskDefinitionArn! : '')!;
    const out = exportTaskDefinition(td).containerDefinitions as Record<string, unknown>[];
    expect(out[0]).toMatchObject({ stopTimeout: 10, dockerLabels: { 'ecs-playground.app': 'exit 3 after 5s', 'ecs-playground.sigterm': 'ignore' } });
    const again = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: inputOf(register(withSidecars())) });
    expect(again.outcome.ok).toBe(true);
    const rev = sim.world.taskDefinitions.get(again.outcome.ok ? again.outcome.taskDefinitionArn! : '')!;
    expect(exportTaskDefinition(rev)).toEqual(exportTaskDefinition(register(withSidecars())));
  });
});
