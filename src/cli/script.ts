// A session as a shell script: the scene's setup as comments (it is there when the playground
// opens the scene; on a fresh account it would run first), then each recorded command at its sim
// time — a `sleep` for the time between, a comment with the moment — as the aws commands it
// equals; faults and the like, which no API call does, as comments saying so.
//
// It needs only what a session record has: the scene, the seed and the log. The world before each
// command comes from replaying the log on the engine, exactly as the session does.

import { clockLabel, findScenario, millisOfSeconds, Simulation, type Millis, type ScriptCommand } from '../sim/index.ts';
import { cliOf } from './cliOf.ts';

export type ScriptLogEntry = { at: Millis; command: ScriptCommand };
export type ShellScriptInput = { scenario: string; seed: number; log: readonly ScriptLogEntry[] };

const seconds = (ms: Millis) => String(ms / 1000);

export function shellScript({ scenario: name, seed, log }: ShellScriptInput): string {
  const scenario = findScenario(name);
  if (!scenario) throw new Error(`shellScript: unknown scenario "${name}".`);
  // The scene set up by hand, one command at a time, so each setup command is seen in the world
  // it met: the same dispatches in the same order as Simulation.create, so the same world.
  const sim = Simulation.create({ seed, scenario: { ...scenario, setup: [], script: [] } });
  const out = [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '',
    `# An ECS Playground session as aws CLI commands: scene "${scenario.name}" (${scenario.title}), seed ${seed}.`,
    '# Sleeps keep the time between commands; each comment gives the sim time (T+mm:ss) of the command under it.',
    '# On AWS, use subnets and a VPC of your own where the playground names its zones (subnet-us-east-1a, vpc-playground).',
    '',
    "# The scene's setup, there when the playground opens it (on a fresh account, run these first):",
  ];
  for (const command of scenario.setup) {
    const api = cliOf(command, sim.world);
    out.push(...('lines' in api ? api.lines.map((l) => `#   ${l}`) : [`#   (${command.type}: ${api.none})`]));
    sim.dispatch(command);
  }
  for (const step of scenario.script) {
    sim.scheduleCommand(millisOfSeconds(step.at)!, step.command);
    const api = cliOf(step.command, sim.world);
    out.push(`# At ${clockLabel(millisOfSeconds(step.at)!)} the scene itself: ${'lines' in api ? api.lines.join(' && ') : api.none}`);
  }
  let previous: Millis = 0;
  for (const entry of log) {
    sim.advanceTo(entry.at);
    const api = cliOf(entry.command, sim.world);
    out.push('');
    if (entry.at > previous) out.push(`sleep ${seconds(entry.at - previous)}`);
    previous = entry.at;
    out.push(`# ${clockLabel(entry.at)}${'none' in api ? ` ${entry.command.type}: ${api.none}` : ''}`);
    if ('lines' in api) out.push(...api.lines);
    sim.dispatch(entry.command);
  }
  return `${out.join('\n')}\n`;
}
