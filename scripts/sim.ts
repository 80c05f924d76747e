// Headless runner: npm run sim -- --scenario default --seed 1 --duration 600 [--script file.json]
// Prints the event log as JSON lines. Bad arguments or a malformed script: a message on stderr, exit 2.

import '../src/sim/schedules.ts'; // the mechanic of schedule commands (src/sim/extensions.ts)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findScenario, millisOfSeconds, SCENARIOS, Simulation, type SimEvent } from '../src/sim/index.ts';
import { parseScript } from '../src/sim/json.ts';

const HELP = `ECS Playground headless runner: prints the simulation's event log as JSON lines.

Usage: npm run sim -- [options]

Options:
  --scenario <name>     starting world (default: default). One of:
${SCENARIOS.map((s) => `                          ${s.name.padEnd(12)} ${s.title}`).join('\n')}
  --seed <n>            RNG seed, a whole number (default: 1). Same seed + same script = same log.
  --duration <seconds>  how much sim time to run, to the millisecond (default: 600)
  --script <file.json>  timed commands to apply on top of the scenario
  --help                this text

Each output line is one event: {"t": <sim seconds>, "seq": <n>, "type": "...", ...}.
Service events carry "service" and "message" in AWS's exact wording.

Script format:
  {"steps": [
    {"at": 120, "type": "stopTask", "task": {"service": "web"}},
    {"at": 150, "type": "crashContainer", "task": {"service": "web", "pick": "random"}, "exitCode": 1},
    {"at": 200, "type": "updateService", "service": "web", "desiredCount": 5},
    {"at": 240, "type": "runTask", "taskDefinition": "report:1", "count": 2},
    {"at": 300, "type": "stopTask", "task": {"family": "report", "standalone": true}}
  ]}
  "at" is seconds of sim time, to the millisecond (at most three decimals). "task" is a task ID
  or a selector: {"service", "family", "standalone", "lastStatus" (default RUNNING),
  "pick": "oldest" | "newest" | "random"}.
  Commands: registerTaskDefinition, deregisterTaskDefinition, runTask, stopTask, createService,
  updateService, deleteService, crashContainer, oomKillContainer, failHealthChecks,
  createLoadBalancer, modifyTargetGroup, setTraffic. For example:
    {"at": 60, "type": "setTraffic", "loadBalancer": "web-alb", "ratePerSecond": 100}
    {"at": 90, "type": "modifyTargetGroup", "targetGroup": "web-tg", "deregistrationDelaySeconds": 10}
  Requests are not events (there are too many); the log shows target health and service events.
`;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\nRun npm run sim -- --help for the options.\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        scenario: { type: 'string', default: 'default' },
        seed: { type: 'string', default: '1' },
        duration: { type: 'string', default: '600' },
        script: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    return fail((e as Error).message);
  }
}

const args = parse();
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const scenario = findScenario(args.scenario);
if (!scenario) fail(`unknown scenario "${args.scenario}". Known: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
if (!/^\d+$/.test(args.seed) || Number(args.seed) > 2 ** 32 - 1) fail(`--seed must be a whole number from 0 to 4294967295, not "${args.seed}".`);
// Sim time is whole ms: a duration of 1.0004 s is refused here rather than rounded.
const until = /^\d+(\.\d+)?$/.test(args.duration) ? millisOfSeconds(Number(args.duration)) : null;
if (until === null || until > 30 * 86400 * 1000)
  fail(`--duration must be a number of seconds, to the millisecond, up to 2592000 (30 days), not "${args.duration}".`);

let script: ReturnType<typeof parseScript> = { ok: true, value: [] };
if (args.script !== undefined) {
  let text: string;
  try {
    text = readFileSync(args.script, 'utf8');
  } catch (e) {
    fail(`cannot read script ${args.script}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`script ${args.script} is not valid JSON: ${(e as Error).message}`);
  }
  script = parseScript(json);
  if (!script.ok) fail(`script ${args.script}: ${script.error}`);
}

const sim = Simulation.create({ seed: Number(args.seed), scenario, script: script.ok ? script.value : [] });

function line(e: SimEvent): string {
  const { seq, at, type, ...rest } = e;
  const fields: Record<string, unknown> = { t: at / 1000, seq, type };
  if (e.type === 'ServiceEvent') Object.assign(fields, { service: e.serviceName, id: e.id, message: e.message });
  else Object.assign(fields, rest);
  return JSON.stringify(fields);
}

const out: string[] = sim.setupEvents.map(line);
const CHUNK = 60_000; // stream as we go, so a long run shows output early and memory stays flat
while (sim.now < until) {
  for (const e of sim.advanceTo(Math.min(until, sim.now + CHUNK))) out.push(line(e));
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
  out.length = 0;
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
