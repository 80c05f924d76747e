// The headless runner as a user calls it: JSON lines out, clear errors and exit code 2.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const sim = (...args: string[]) => spawnSync(tsx, ['scripts/sim.ts', ...args], { encoding: 'utf8' });

describe('npm run sim', () => {
  it('prints the event log as JSON lines, the same for the same seed', () => {
    const args = ['--scenario', 'twins', '--seed', '5', '--duration', '300'];
    const out = execFileSync(tsx, ['scripts/sim.ts', ...args], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: 0, seq: 0, type: 'TaskDefinitionRegistered' });
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i));
    expect(lines.find((l) => l.type === 'ServiceEvent' && l.message === '(service web) has reached a steady state.')).toMatchObject({ service: 'web' });
    expect(lines.filter((l) => l.type === 'TaskStateChanged' && l.stopCode === 'UserInitiated').length).toBeGreaterThan(0);
    expect(execFileSync(tsx, ['scripts/sim.ts', ...args], { encoding: 'utf8' })).toBe(out);
  });

  it('applies a script file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'script.json');
    writeFileSync(file, JSON.stringify({ steps: [{ at: 100, type: 'updateService', service: 'web', desiredCount: 5 }] }));
    const { stdout, status } = sim('--seed', '1', '--duration', '200', '--script', file);
    expect(status).toBe(0);
    expect(stdout).toContain('"type":"ServiceUpdated","serviceName":"web","desiredCount":5');
    expect(stdout).toMatch(/has started 2 tasks/);
  });

  it.each([
    [['--scenario', 'nope'], /unknown scenario "nope"\. Known: default, /],
    [['--seed', 'x'], /--seed must be a whole number/],
    [['--duration', 'ten'], /--duration must be a number of seconds/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--script', '/nonexistent/script.json'], /cannot read script \/nonexistent\/script.json: ENOENT/],
  ])('rejects %j on stderr with exit code 2', (args, message) => {
    const { status, stderr, stdout } = sim(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('rejects a malformed script with the step and field at fault', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"steps": [{"at": 5, "type": "stopTask"}]}');
    const { status, stderr } = sim('--script', file);
    expect(status).toBe(2);
    expect(stderr).toContain('steps[0]: stopTask needs "task"');
    writeFileSync(file, '{"steps": [');
    expect(sim('--script', file).stderr).toMatch(/is not valid JSON/);
  });

  it('documents the options and the script format in --help', () => {
    const { stdout, status } = sim('--help');
    expect(status).toBe(0);
    for (const word of ['--scenario', '--seed', '--duration', '--script', '"steps"', 'selector']) expect(stdout).toContain(word);
  });
});
