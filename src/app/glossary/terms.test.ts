// The glossary is data the UI trusts: every entry has its text and its spec section, no id is
// written twice, and every id a component names exists. Ids are looked up with Map.get.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StopCode } from '../../sim/index.ts';
import { GLOSSARY, GLOSSARY_ENTRIES } from './terms.ts';

const APP = join(import.meta.dirname, '..');
const SPEC = join(import.meta.dirname, '../../../../shared/reference/ecs-semantics.md');

/** Every glossary id the components name: <Term id="…">, <TermField term="…">, { term: '…' }. */
function idsUsedInTheUi(): { id: string; file: string }[] {
  const used: { id: string; file: string }[] = [];
  for (const file of readdirSync(APP, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.tsx') && !file.endsWith('.ts')) continue;
    if (file.endsWith('.test.ts') || file.endsWith('terms.ts')) continue;
    const source = readFileSync(join(APP, file), 'utf8');
    for (const m of source.matchAll(/<Term\s+id="([^"]+)"|<TermField\b[^>]*?\bterm="([^"]+)"|\bterm: '([^']+)'/g)) {
      used.push({ id: (m[1] ?? m[2] ?? m[3])!, file });
    }
  }
  return used;
}

describe('the glossary', () => {
  it('writes no id twice', () => {
    const ids = GLOSSARY_ENTRIES.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(GLOSSARY.size).toBe(ids.length);
  });

  it.each(GLOSSARY_ENTRIES.map(([id, entry]) => [id, entry] as const))('%s: a term, a short plain definition and its spec section', (_id, entry) => {
    expect(entry.term.trim()).not.toBe('');
    expect(entry.short.trim()).not.toBe('');
    // One or two sentences, three at most: a tooltip, not a lecture.
    expect(entry.short.length).toBeLessThanOrEqual(420);
    expect(entry.short.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length).toBeLessThanOrEqual(3);
    expect(entry.short).toMatch(/[.)”]$/);
    expect(entry.spec).toMatch(/^§\d+(\.\d+)?(, §\d+(\.\d+)?)*$/);
  });

  it('covers the terms on screen the issue names', () => {
    const required = [
      'taskDefinition', 'family', 'revision', 'task', 'standaloneTask', 'service', 'desiredCount', 'desiredStatus', 'lastStatus',
      'lifecycle', 'stopCode', 'EssentialContainerExited', 'UserInitiated', 'ServiceSchedulerInitiated', 'TaskFailedToStart',
      'stoppedReason', 'exitCode', 'healthStatus', 'targetGroup', 'targetHealth', 'draining', 'loadBalancer', 'failOpen', 'http503',
      'availabilityZone', 'deployment', 'primaryActive', 'rolloutState', 'minimumHealthyPercent', 'maximumPercent', 'circuitBreaker',
      'healthCheckGracePeriod', 'throttle', 'steadyState', 'imageTagDigest', 'essentialContainer', 'sigterm',
    ];
    const ids = new Map<string, unknown>(GLOSSARY);
    expect(required.filter((id) => ids.get(id) === undefined)).toEqual([]);
  });

  it('explains every stopCode the engine sets (the inspector wraps the value in a Term)', () => {
    const codes: Record<StopCode, true> = { TaskFailedToStart: true, EssentialContainerExited: true, UserInitiated: true, ServiceSchedulerInitiated: true, InfrastructureHealth: true };
    const ids = new Map<string, unknown>(GLOSSARY);
    for (const code of Object.keys(codes)) expect(ids.get(code), code).toBeDefined();
  });

  it('has an entry for every id the components name', () => {
    const used = idsUsedInTheUi();
    expect(used.length).toBeGreaterThan(30);
    const ids = new Map<string, unknown>(GLOSSARY);
    expect(used.filter(({ id }) => ids.get(id) === undefined)).toEqual([]);
  });

  it('shows each term at most once per component file (one tab stop per term per panel)', () => {
    const byFile = new Map<string, string[]>();
    for (const { id, file } of idsUsedInTheUi()) byFile.set(file, [...(byFile.get(file) ?? []), id]);
    for (const [file, ids] of byFile) expect(ids.filter((id, i) => ids.indexOf(id) !== i), file).toEqual([]);
  });

  it.skipIf(!existsSync(SPEC))('cites sections the spec has, and copies none of the AWS text it quotes', () => {
    const spec = readFileSync(SPEC, 'utf8');
    const sections = new Set([...spec.matchAll(/^#{2,4} (\d+(?:\.\d+)?)[ .]/gm)].map((m) => m[1]));
    const quotes = [...spec.matchAll(/"([^"\n]{40,})"/g)].map((m) => m[1]!.toLowerCase());
    expect(quotes.length).toBeGreaterThan(10);
    for (const [id, entry] of GLOSSARY_ENTRIES) {
      for (const cited of entry.spec.split(', ')) expect(sections.has(cited.slice(1)), `${id} cites ${cited}`).toBe(true);
      expect(quotes.filter((q) => entry.short.toLowerCase().includes(q)), id).toEqual([]);
    }
  });
});
