// The JSON importer takes whatever is pasted: random text, random JSON, and real definitions with
// one thing changed. None throws; each is refused with at least one field-named message, or is a
// definition the engine registers — and exports again as the same JSON.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from './simulation.ts';
import { exportTaskDefinition, importTaskDefinition, parseTaskDefinitionJson, type ImportResult } from './taskDefinitionJson.ts';
import { shopDocument } from './testing/documents.ts';

const base = shopDocument;

/** Every outcome is one of the two: refused with messages, or registered and exported back. */
function answersSanely(result: ImportResult) {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
    return;
  }
  const sim = Simulation.create({ seed: 1, scenario: { name: 'fuzz', title: '', description: '', setup: [], script: [] } });
  const { outcome } = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: result.input });
  expect(outcome.ok).toBe(true);
  const td = sim.world.taskDefinitions.get(outcome.ok ? outcome.taskDefinitionArn! : '')!;
  const again = importTaskDefinition(JSON.parse(JSON.stringify(exportTaskDefinition(td))));
  expect(again.ok).toBe(true);
}

// Field names people paste, and names that are object members in JavaScript.
const key = fc.oneof(fc.constantFrom('family', 'cpu', 'memory', 'name', 'image', 'essential', 'dependsOn', 'links', 'hostname', 'secrets', 'dockerLabels', 'command', '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 8 }));
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('256', 'exit 0 after 5s', 'START', 'SUCCESS', 'migrate', null, true, 0, -1, 1.5));

/** One change somewhere in the base document: a field set, removed or replaced, at any depth. */
const mutation = fc.tuple(fc.array(fc.nat({ max: 3 }), { maxLength: 4 }), key, value, fc.boolean()).map(([path, k, v, remove]) => {
  const doc = base() as unknown as Record<string, unknown>;
  let at: unknown = doc;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) break;
    const keys = Object.keys(at);
    if (keys.length === 0) break;
    const next = (at as Record<string, unknown>)[keys[step % keys.length]!];
    if (typeof next !== 'object' || next === null) break;
    at = next;
  }
  if (typeof at === 'object' && at !== null) {
    const target = at as Record<string, unknown>;
    if (remove) delete target[Object.keys(target)[0] ?? k];
    else Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return doc;
});

describe('the JSON importer on untrusted input', () => {
  it('takes the base document (the fuzz starts from something valid)', () => {
    answersSanely(importTaskDefinition(base()));
    expect(importTaskDefinition(base()).ok).toBe(true);
  });

  it('never throws on random text or random JSON', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => answersSanely(parseTaskDefinitionJson(text))), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => answersSanely(importTaskDefinition(doc))), { numRuns: 300 });
  });

  it('answers a real definition with one thing changed: refused by field, or registered and exported back', () => {
    fc.assert(fc.property(mutation, (doc) => answersSanely(importTaskDefinition(JSON.parse(JSON.stringify(doc))))), { numRuns: 400 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
