// A session as a shell script, to read or to run on an AWS account of your own: the cluster and
// the scene's setup (there when the playground opens the scene; on a fresh account these lines
// make it), then each recorded command at its sim time — a `sleep` for the time between, a
// comment with the moment — as the aws commands it equals; faults and the like, which no API call
// does, as comments saying so. The header says plainly what only the playground has (its subnets,
// VPC and task IDs) and must be replaced.
//
// ARNs an account makes (a load balancer's, a target group's) are not the playground's on AWS:
// the script captures them in shell variables where they are made (WEB_TG_ARN=$(aws elbv2
// create-target-group … --query … --output text)) and uses "${WEB_TG_ARN}" after. The session
// part looks up the ones it uses first (describe-target-groups --names …), so it also runs on its
// own against an account that has the scene — or in the playground's terminal, with the variables
// filled in (the tests do that).
//
// It needs only what a session record has: the scene, the seed and the log. The world before each
// command comes from replaying the log on the engine, exactly as the session does.

import { clockLabel, findScenario, millisOfSeconds, Simulation, type Millis, type ScriptCommand, type World } from '../sim/index.ts';
import { cliOf, shellWord } from './cliOf.ts';
import { playgroundSubnets } from './shapes.ts';

export type ScriptLogEntry = { at: Millis; command: ScriptCommand };
export type ShellScriptInput = { scenario: string; seed: number; log: readonly ScriptLogEntry[] };

/** The line that starts the session part (after the setup), for whoever reads the script back. */
export const SESSION_MARKER = '# The session, as recorded:';

const seconds = (ms: Millis) => String(ms / 1000);

/** A resource whose ARN the account chooses: its variable, and how to find it by name. */
type Arn = { kind: 'loadBalancer' | 'targetGroup'; name: string; variable: string; lookup: string };

const variableOf = (name: string, taken: ReadonlySet<string>) => {
  const base = `${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'RESOURCE'}_ARN`;
  const start = /^[0-9]/.test(base) ? `R_${base}` : base;
  let variable = start;
  for (let n = 2; taken.has(variable); n++) variable = `${start}_${n}`;
  return variable;
};

/** Every load balancer and target group in the world, by ARN (new ones are added as met). */
function learnArns(world: World, arns: Map<string, Arn>) {
  const taken = new Set([...arns.values()].map((a) => a.variable));
  const add = (arn: string, kind: Arn['kind'], name: string, lookup: (word: string) => string) => {
    if (arns.has(arn)) return;
    const variable = variableOf(name, taken);
    taken.add(variable);
    arns.set(arn, { kind, name, variable, lookup: lookup(shellWord(name)) });
  };
  for (const lb of world.loadBalancers.values())
    add(lb.loadBalancerArn, 'loadBalancer', lb.loadBalancerName, (n) => `aws elbv2 describe-load-balancers --names ${n} --query 'LoadBalancers[0].LoadBalancerArn' --output text`);
  for (const tg of world.targetGroups.values())
    add(tg.targetGroupArn, 'targetGroup', tg.targetGroupName, (n) => `aws elbv2 describe-target-groups --names ${n} --query 'TargetGroups[0].TargetGroupArn' --output text`);
}

/** A line with each known ARN replaced by its variable, and the variables it uses. Outside
 *  single quotes the ARN becomes "${VAR}"; inside them, the quote is closed around it. */
function withVariables(line: string, arns: ReadonlyMap<string, Arn>): { line: string; uses: string[] } {
  const uses: string[] = [];
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    const arn = c === 'a' ? [...arns.keys()].find((a) => line.startsWith(a, i)) : undefined;
    if (arn !== undefined) {
      const { variable } = arns.get(arn)!;
      uses.push(variable);
      out += quoted ? `'"\${${variable}}"'` : `"\${${variable}}"`;
      i += arn.length;
      continue;
    }
    if (!quoted && c === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "'") quoted = !quoted;
    out += c;
    i++;
  }
  return { line: out, uses };
}

/** The lines that make a resource whose ARN the account chooses: captured there. */
const CAPTURES: [Arn['kind'], RegExp, string][] = [
  ['loadBalancer', /^aws elbv2 create-load-balancer --name (\S+)/, "--query 'LoadBalancers[0].LoadBalancerArn' --output text"],
  ['targetGroup', /^aws elbv2 create-target-group --name (\S+)/, "--query 'TargetGroups[0].TargetGroupArn' --output text"],
];

/** The script lines for one command's aws lines: ARNs as variables (those not made here yet go to
 *  `used`), a new resource's ARN captured where it is made (its variable goes to `defined`). */
function scriptLines(lines: readonly string[], arns: ReadonlyMap<string, Arn>, defined: Set<string>, used: Set<string>): string[] {
  return lines.map((raw) => {
    const { line, uses } = withVariables(raw, arns);
    for (const v of uses) if (!defined.has(v)) used.add(v);
    for (const [kind, pattern, query] of CAPTURES) {
      const name = pattern.exec(line)?.[1];
      const made = name === undefined ? undefined : [...arns.values()].find((a) => a.kind === kind && shellWord(a.name) === name);
      if (!made) continue;
      defined.add(made.variable);
      return `${made.variable}=$(${line} ${query})`;
    }
    return line;
  });
}

export function shellScript({ scenario: name, seed, log }: ShellScriptInput): string {
  const scenario = findScenario(name);
  if (!scenario) throw new Error(`shellScript: unknown scenario "${name}".`);
  // The scene set up by hand, one command at a time, so each setup command is seen in the world
  // it met: the same dispatches in the same order as Simulation.create, so the same world.
  const sim = Simulation.create({ seed, scenario: { ...scenario, setup: [], script: [] } });
  const arns = new Map<string, Arn>();
  const subnets = playgroundSubnets(sim.world).join(', ');
  const out = [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '',
    `# An ECS Playground session as aws CLI commands: scene "${scenario.name}" (${scenario.title}), seed ${seed}.`,
    `# To run it on an AWS account of your own (region ${sim.world.config.region}), replace first what only the playground has:`,
    `#   - its subnets (${subnets}) and VPC (vpc-playground): yours; a load balancer also wants --security-groups;`,
    '#   - the task IDs in stop-task lines: the playground\'s; pick one of yours (aws ecs list-tasks);',
    '#   - task definition revisions (web:1): they count from 1 only where the family is new.',
    '# The ARNs your account gives load balancers and target groups are captured in shell variables (NAME_ARN).',
    '# Sleeps keep the time between commands; each comment gives the sim time (T+mm:ss) of the command under it.',
    '',
    "# The cluster and the scene's setup: the playground starts with them; on a fresh account these make them.",
    `aws ecs create-cluster --cluster-name ${shellWord(sim.world.config.clusterName)}`,
  ];
  // Everything the setup uses, it makes first.
  const defined = new Set<string>();
  for (const command of scenario.setup) {
    learnArns(sim.world, arns);
    const api = cliOf(command, sim.world);
    sim.dispatch(command);
    learnArns(sim.world, arns);
    out.push(...('lines' in api ? scriptLines(api.lines, arns, defined, new Set()) : [`# (${command.type}: ${api.none})`]));
  }
  for (const step of scenario.script) {
    sim.scheduleCommand(millisOfSeconds(step.at)!, step.command);
    const api = cliOf(step.command, sim.world);
    out.push(`# At ${clockLabel(millisOfSeconds(step.at)!)} the scene itself: ${'lines' in api ? api.lines.join(' && ') : api.none}`);
  }

  const session: string[] = [];
  const lookups = new Set<string>();
  const sessionDefined = new Set<string>();
  let previous: Millis = 0;
  for (const entry of log) {
    sim.advanceTo(entry.at);
    learnArns(sim.world, arns);
    const api = cliOf(entry.command, sim.world);
    sim.dispatch(entry.command);
    learnArns(sim.world, arns);
    session.push('');
    if (entry.at > previous) session.push(`sleep ${seconds(entry.at - previous)}`);
    previous = entry.at;
    session.push(`# ${clockLabel(entry.at)}${'none' in api ? ` ${entry.command.type}: ${api.none}` : ''}`);
    if (!('lines' in api)) continue;
    if (!api.runnable && api.note) session.push(`# ${api.note}`);
    if (api.lines.some((l) => l.startsWith('aws ecs stop-task'))) session.push("# (The playground's task ID: on AWS, one of yours.)");
    session.push(...scriptLines(api.lines, arns, sessionDefined, lookups));
  }

  out.push('', SESSION_MARKER);
  const byVariable = new Map([...arns.values()].map((a) => [a.variable, a]));
  if (lookups.size) {
    out.push('# The ARNs your account has for the load balancers and target groups used below:');
    for (const v of lookups) out.push(`${v}=$(${byVariable.get(v)!.lookup})`);
  }
  out.push(...session);
  return `${out.join('\n')}\n`;
}
