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
    [['--duration', '1.0004'], /--duration must be a number of seconds, to the millisecond, up to 2592000 \(30 days\), not "1.0004"/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--script', '/nonexistent/script.json'], /cannot read script \/nonexistent\/script.json: ENOENT/],
    [['--scenario', 'constructor'], /unknown scenario "constructor"\. Known: default, /],
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

  // Names that are also Object.prototype's members: a legal service name or family just works, a
  // step type or field of that name is refused with the step at fault — never a stack trace.
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const scriptFile = (steps: unknown[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-')), 'script.json');
    writeFileSync(file, JSON.stringify({ steps }));
    return file;
  };

  it('runs a script whose services, families, load balancers and selectors are named like prototype members', () => {
    const td = (family: string) => ({ family, cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }] });
    const steps: object[] = NAMES.flatMap((name, i) => [
      { at: 0, type: 'registerTaskDefinition', taskDefinition: td(name) },
      { at: 0, type: 'registerTaskDefinition', taskDefinition: td(name) },
      { at: 1, type: 'createService', serviceName: name, taskDefinition: name, desiredCount: 1 },
      { at: 100 + i, type: 'stopTask', task: { service: name, family: name, pick: 'random' } },
      { at: 110 + i, type: 'setTraffic', loadBalancer: name, ratePerSecond: 10 },
      { at: 120 + i, type: 'stopTask', task: name },
    ]);
    steps.push({ at: 2, type: 'createLoadBalancer', name: 'toString', targetGroup: { name: 'hasOwnProperty' } });
    const { stdout, stderr, status } = sim('--seed', '3', '--duration', '300', '--script', scriptFile(steps));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const name of NAMES) {
      expect(lines.filter((l) => l.type === 'TaskDefinitionRegistered' && l.family === name).map((l) => l.revision)).toEqual([1, 2]);
      expect(lines.some((l) => l.type === 'ServiceEvent' && l.message === `(service ${name}) has reached a steady state.`)).toBe(true);
      expect(lines.filter((l) => l.type === 'TaskStateChanged' && l.group === `service:${name}` && l.stopCode === 'UserInitiated' && l.lastStatus === 'STOPPED')).toHaveLength(1);
      expect(lines).toContainEqual(expect.objectContaining({ type: 'CommandRejected', command: 'stopTask', message: `The referenced task was not found: ${name}.` }));
    }
    // Only toString is a load balancer here; setTraffic on the others is refused by name.
    const refusedTraffic = lines.filter((l) => l.type === 'CommandRejected' && l.command === 'setTraffic').map((l) => l.message);
    expect(refusedTraffic).toEqual(['__proto__', 'constructor', 'hasOwnProperty'].map((name) => `There is no load balancer ${name}.`));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'LoadBalancerCreated', loadBalancerName: 'toString', targetGroupName: 'hasOwnProperty' }));
  });

  it.each(NAMES)('refuses a script step of type %s, or with a field of that name, saying which step', (name) => {
    const { status, stderr, stdout } = sim('--script', scriptFile([{ at: 5, type: 'updateService', service: 'web', desiredCount: 2 }, { at: 6, type: name }]));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`: steps\\[1\\]: unknown command type "${name}" \\(known: registerTaskDefinition, `));
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    const field = JSON.parse(`{"at": 6, "type": "stopTask", "task": {"service": "web"}, "${name}": 1}`) as unknown;
    expect(sim('--script', scriptFile([field])).stderr).toContain(`steps[0]: stopTask has an unknown field "${name}" (it takes task, reason)`);
  });
});
