// runCli takes whatever is typed: random text, random lines of real command and option names and
// values (names like __proto__ among them), and real lines with one word changed. It catches
// nothing, and never throws: each line ends with exit 0 and JSON that parses (or, for text and
// help, something), or a non-zero exit and a message on stderr. `complete` never throws either.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complete, runCli, type CliResult } from './index.ts';
import { SERVICES } from './ops.ts';
import { tableOutput } from './table.ts';
import { sceneAt } from './testing.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);

function answersSanely(line: string, result: CliResult) {
  expect(typeof result.exitCode).toBe('number');
  if (result.exitCode === 0) {
    const jsonOut = !/--output[= ](text|off|table)|\bhelp\b|^\s*docker|--version/.test(line) && result.stdout.trim() !== '';
    if (jsonOut) expect(() => JSON.parse(result.stdout)).not.toThrow();
  } else expect(result.stderr.length).toBeGreaterThan(0);
}

const OPS = [...SERVICES].flatMap(([service, ops]) => [...ops.values()].map((op) => ({ service, op })));
const OPTIONS = [...new Set(OPS.flatMap(({ op }) => op.params.map((p) => `--${p.name}`)))].concat(['--query', '--output', '--cli-input-json', '--region', '--no-force-new-deployment', '--endpoint-url', '--debug', '--max-items', '--generate-cli-skeleton']);
const VALUES = [
  'web', 'report:1', 'web:1', 'default', '5', '-1', 'five', '0', '1000000', 'FARGATE', 'EC2', 'STOPPED', 'true', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  "'{\"family\": \"x\"}'", "'[{\"name\": \"web\", \"image\": \"nginx:1\"}]'", "'awsvpcConfiguration={subnets=[subnet-1,subnet-2],assignPublicIp=ENABLED}'",
  'targetGroupArn=web-tg,containerName=web,containerPort=80', "'maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=x}'", 'Key=deregistration_delay.timeout_seconds,Value=30',
  "'services[0].events[:2]'", "'['", 'text', 'json', 'table', 'yaml', 'wait', 'services-stable', "'web", '"web', "it\\'s", 'file://x.json', '"', "'", '{', '[', '=', ',', '--', 'help', "'a=b,,c'", "'{\"__proto__\": {\"x\": 1}}'",
];

const word = fc.oneof(fc.constantFrom(...OPTIONS), fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }));
const realLine = fc.tuple(fc.constantFrom(...OPS), fc.array(word, { maxLength: 8 })).map(([{ service, op }, words]) => ['aws', service, op.name, ...words].join(' '));

/** A world per run would be slow; a fresh scene per property keeps the runs independent enough. */
function property(arb: fc.Arbitrary<string>) {
  const { host } = sceneAt('default', 65_000);
  fc.assert(fc.property(arb, (line) => {
    answersSanely(line, runCli(line, host));
    const cursor = line.length === 0 ? 0 : line.length >> 1;
    const { from, options } = complete(line, cursor, host.world());
    expect(from).toBeLessThanOrEqual(cursor);
    expect(Array.isArray(options)).toBe(true);
  }), { numRuns: RUNS });
}

describe('runCli never throws', () => {
  it('on random text', () => property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }).map((s) => `aws ${s}`), fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `aws ecs ${s}`))));

  it('on random lines of real commands, options and values', () => property(realLine));

  it('on real lines with one word changed, dropped or doubled', () => {
    const valid = [
      'aws ecs update-service --service web --desired-count 5',
      "aws ecs run-task --task-definition report:1 --count 2 --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[subnet-us-east-1a]}'",
      "aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 --network-configuration 'awsvpcConfiguration={subnets=[a]}' --deployment-configuration 'maximumPercent=150,deploymentCircuitBreaker={enable=true,rollback=true}'",
      "aws ecs describe-services --services web --query 'services[0].deployments'",
      "aws ecs register-task-definition --cli-input-json '{\"family\": \"x\", \"cpu\": \"256\", \"memory\": \"512\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1\"}]}'",
      'aws elbv2 modify-target-group-attributes --target-group-arn x --attributes Key=load_balancing.algorithm.type,Value=least_outstanding_requests',
    ];
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.constantFrom('replace', 'drop', 'double'), word).map(([line, n, how, w]) => {
      const words = line.split(' ');
      const i = n % words.length;
      if (how === 'drop') words.splice(i, 1);
      else if (how === 'double') words.splice(i, 0, words[i]!);
      else words[i] = w;
      return words.join(' ');
    });
    property(mutated);
  });
});

describe('--output table never throws', () => {
  it('on any JSON: a table whose lines all end in an edge, or the error Python would raise', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        const out = tableOutput('Operation', data);
        if (!out.ok) expect(out.message.length).toBeGreaterThan(0);
        else for (const line of out.text.split('\n').slice(0, -1)) expect(line).toMatch(/^(-+|[|+].*[|+])$/);
      }),
      { numRuns: RUNS },
    );
  });
});
