// Headless aws CLI: npm run aws -- [--scenario NAME] [--seed S] [--at SECONDS] [--file commands.txt] ['aws ecs …' …]
// Builds the scene, runs it to --at (default: the scene's opensAt, or 60 s), then runs each command
// line — the arguments, or else the lines of --file, or else stdin — printing "$ <line>" and what it
// printed. "# comments" and blank lines are skipped; "sleep N" runs the simulation N seconds on.
// The exit code is the last non-zero one, or 0. Bad options: a message on stderr, exit 2.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findScenario, millisOfSeconds, SCENARIOS, Simulation } from '../src/sim/index.ts';
import { runCli, type CliHost } from '../src/cli/index.ts';

const HELP = `ECS Playground headless aws CLI: runs aws ecs / aws elbv2 commands against a scene.

Usage: npm run aws -- [options] ['aws ecs list-services' ...]

Options:
  --scenario <name>   the scene (default: default). One of: ${SCENARIOS.map((s) => s.name).join(', ')}
  --seed <n>          RNG seed, a whole number (default: 1)
  --at <seconds>      sim time to run to before the first command (default: the scene's opensAt, or 60)
  --file <file>       command lines to run, one a line (without arguments or --file: stdin)
  --help              this text

In the command lines: "# ..." and blank lines are skipped; "sleep N" runs the simulation N seconds on.
`;

function fail(message: string): never {
  process.stderr.write(`aws: ${message}\nRun npm run aws -- --help for the options.\n`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      options: {
        scenario: { type: 'string', default: 'default' },
        seed: { type: 'string', default: '1' },
        at: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
}

const { values: args, positionals } = options();
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const scenario = findScenario(args.scenario);
if (!scenario) fail(`unknown scenario "${args.scenario}". Known: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
if (!/^\d+$/.test(args.seed) || Number(args.seed) > 2 ** 32 - 1) fail(`--seed must be a whole number from 0 to 4294967295, not "${args.seed}".`);
const seconds = (text: string, what: string) => {
  const ms = /^\d+(\.\d+)?$/.test(text) ? millisOfSeconds(Number(text)) : null;
  if (ms === null || ms > 30 * 86400 * 1000) fail(`${what} must be a number of seconds, to the millisecond, up to 2592000 (30 days), not "${text}".`);
  return ms;
};
const at = args.at !== undefined ? seconds(args.at, '--at') : (scenario.opensAt ?? 60) * 1000;

let lines: string[];
if (positionals.length) lines = positionals;
else {
  let text: string;
  try {
    text = readFileSync(args.file ?? 0, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file ?? 'stdin'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  lines = text.split('\n');
}

const sim = Simulation.create({ seed: Number(args.seed), scenario });
sim.advanceTo(at);
const host: CliHost = { world: () => sim.world, dispatch: (command) => sim.dispatch(command) };
let exitCode = 0;
for (const raw of lines) {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) continue;
  const sleep = /^sleep\s+(\S+)$/.exec(line);
  if (sleep) {
    sim.advanceTo(sim.now + seconds(sleep[1]!, 'sleep'));
    continue;
  }
  const result = runCli(line, host);
  process.stdout.write(`$ ${line}\n${result.stdout}`);
  process.stderr.write(result.stderr);
  if (result.exitCode !== 0) exitCode = result.exitCode;
}
process.exitCode = exitCode;
