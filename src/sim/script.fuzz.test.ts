// Fuzzing parseScript, the door for untrusted script files: random JSON, and valid scripts with
// random mutations (fields changed, removed or added, prototype-member names everywhere). It never
// throws; it answers a clear error or a script; and any script it accepts runs in the engine
// without throwing. FUZZ_RUNS=5000 npx vitest run src/sim/script.fuzz.test.ts runs more.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_FIELDS, parseScript, type ParseResult } from './scriptParse.ts';
import { webTaskDefinition } from './scenarios.ts';
import { Simulation } from './simulation.ts';
import { MINUTE } from './time.ts';
import type { ScriptStep } from './model/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Steps that apply in the default scene (service web behind web-alb/web-tg, the report job). */
const VALID_STEPS: Record<string, unknown>[] = [
  { type: 'stopTask', task: { service: 'web', pick: 'random' } },
  { type: 'stopTask', task: { family: 'report', standalone: true, lastStatus: 'RUNNING' }, reason: 'fuzz' },
  { type: 'crashContainer', task: { service: 'web', pick: 'newest' }, container: 'web', exitCode: 2 },
  { type: 'oomKillContainer', task: { service: 'web', pick: 'oldest' } },
  { type: 'failHealthChecks', task: { service: 'web' } },
  { type: 'updateService', service: 'web', desiredCount: 4 },
  { type: 'deleteService', service: 'web', force: true },
  { type: 'runTask', taskDefinition: 'report:1', count: 2, startedBy: 'fuzz', group: 'batch' },
  { type: 'registerTaskDefinition', taskDefinition: webTaskDefinition('api') },
  {
    type: 'registerTaskDefinition',
    taskDefinition: { family: 'job', cpu: '256', memory: '512', containerDefinitions: [{ name: 'job', image: 'python:3.13', app: { kind: 'exit', afterSeconds: 30, exitCode: 1 } }] },
  },
  { type: 'deregisterTaskDefinition', taskDefinition: 'web:1' },
  {
    type: 'createService',
    serviceName: 'api',
    taskDefinition: 'web:1',
    desiredCount: 2,
    healthCheckGracePeriodSeconds: 30,
    deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 },
    loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }],
  },
  {
    type: 'createLoadBalancer',
    name: 'api-alb',
    listenerPort: 8080,
    targetGroup: { name: 'api-tg', port: 80, healthCheck: { intervalSeconds: 10, healthyThresholdCount: 2 }, deregistrationDelaySeconds: 10, algorithm: 'least_outstanding_requests' },
  },
  { type: 'modifyTargetGroup', targetGroup: 'web-tg', healthCheck: { intervalSeconds: 10 }, deregistrationDelaySeconds: 20, algorithm: 'least_outstanding_requests' },
  { type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 50 },
];

const step = fc.tuple(fc.constantFrom(...VALID_STEPS), fc.integer({ min: 0, max: 900_000 })).map(([s, ms]) => ({ at: ms / 1000, ...s }));
const validScript = fc.array(step, { maxLength: 6 }).map((steps) => ({ steps }));

/** Values a mutation writes: any JSON, names of prototype members, names the scene uses, and
 *  numbers at the edges of the checks (fractions, out of range, float noise). */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...PROTOTYPE_NAMES, 'web', 'web:1', 'report', 'web-tg', 'web-alb', 'RUNNING', 'STOPPED', 'random', 'app', ''),
  fc.constantFrom(0, -1, 1.5, 2.5, 1.005, 1.0004, 3, 255, 256, 1e9, 2 ** 31),
);
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'at', 'type', 'task', 'service', 'family', 'pick', 'desiredCount', 'taskDefinition', 'steps'), fc.string({ maxLength: 6 }));

/** Change, remove or add one field somewhere in the value: `path` picks the way down. */
type Mutation = { path: number[]; key: string; remove: boolean; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({ path: fc.array(fc.nat(), { maxLength: 6 }), key, remove: fc.boolean(), value });

function mutate(root: unknown, m: Mutation): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const turn of m.path) {
    const children = isContainer(node) ? Object.values(node).filter(isContainer) : [];
    if (children.length === 0) break;
    node = children[turn % children.length];
  }
  if (!isContainer(node)) return m.value; // a scalar root: replace it
  const keys = Object.keys(node);
  const target = Array.isArray(node) && keys.length > 0 ? keys[m.path.length % keys.length]! : m.key;
  if (m.remove) delete (node as Record<string, unknown>)[target];
  // defineProperty, so that "__proto__" becomes an own field as JSON.parse would make it.
  else Object.defineProperty(node, target, { value: m.value, enumerable: true, writable: true, configurable: true });
  return copy;
}
const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** The verdict is either a script of known commands at whole ms, or one clear sentence. */
function expectWellFormed(result: ParseResult<ScriptStep[]>): void {
  if (result.ok) {
    for (const s of result.value) {
      expect(Object.hasOwn(COMMAND_FIELDS, s.command.type)).toBe(true);
      expect(Number.isSafeInteger(Math.round(s.at * 1000))).toBe(true);
    }
  } else {
    expect(result.error).toMatch(/^(a script is \{"steps": \[\.\.\.\]\}|steps\[\d+\]: \S)/);
    expect(result.error.length).toBeLessThan(600); // the longest names every command type (26)
  }
}

/** Run an accepted script for 15 minutes of sim time in the default scene. */
function runAccepted(script: ScriptStep[]): void {
  const sim = Simulation.create({ seed: 1, script });
  const events = sim.advanceBy(15 * MINUTE);
  expect(events.every((e) => Number.isSafeInteger(e.at))).toBe(true);
}

describe('parseScript under fuzzing', () => {
  it('never throws on random JSON, and answers a clear error or a script', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ steps: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }) })), (raw) => expectWellFormed(parseScript(raw))),
      { numRuns: RUNS * 3 },
    );
  });

  it('accepts every valid script as it is, and it runs', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(validScript, (raw) => {
        const result = parseScript(JSON.parse(JSON.stringify(raw)));
        if (!result.ok) throw new Error(result.error);
        runAccepted(result.value);
      }),
      { numRuns: Math.ceil(RUNS / 6) },
    );
  });

  it('answers mutated scripts with a clear error or a script that runs without the engine throwing', { timeout: 600_000 }, () => {
    let accepted = 0;
    fc.assert(
      fc.property(validScript, fc.array(mutation, { minLength: 1, maxLength: 3 }), (raw, mutations) => {
        const mutated = mutations.reduce(mutate, raw);
        // As given (own "__proto__" fields included), and as a file read with JSON.parse.
        const direct = parseScript(mutated);
        const fromFile = parseScript(JSON.parse(JSON.stringify(mutated) ?? 'null'));
        expectWellFormed(direct);
        expectWellFormed(fromFile);
        if (fromFile.ok) {
          accepted++;
          runAccepted(fromFile.value);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 10); // the mutations leave many scripts valid, so the engine is exercised
  });
});
