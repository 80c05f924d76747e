// `aws help`, `aws ecs help`, `aws ecs <operation> help` — short, and saying that this is the
// playground's subset — and the "Maybe you meant" of an invalid choice, found as Python's
// difflib.get_close_matches finds it (ratio ≥ 0.8, best first, at most 3).

import type { World } from '../sim/index.ts';
import { GLOBALS, optionsOf, SERVICES, type Operation, type Param } from './ops.ts';
import { playgroundSubnets } from './shapes.ts';

/** difflib's SequenceMatcher.ratio(): 2·M / T, M the characters in matching blocks found by
 *  repeatedly taking the longest common substring (no junk heuristic: it starts at 200 chars). */
function ratio(a: string, b: string): number {
  const matched = (aLo: number, aHi: number, bLo: number, bHi: number): number => {
    let best = 0, bestI = aLo, bestJ = bLo;
    for (let i = aLo; i < aHi; i++)
      for (let j = bLo; j < bHi; j++) {
        let k = 0;
        while (i + k < aHi && j + k < bHi && a[i + k] === b[j + k]) k++;
        if (k > best) [best, bestI, bestJ] = [k, i, j];
      }
    if (best === 0) return 0;
    return best + matched(aLo, bestI, bLo, bestJ) + matched(bestI + best, aHi, bestJ + best, bHi);
  };
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matched(0, a.length, 0, b.length)) / total;
}

export function closeMatches(word: string, choices: Iterable<string>): string[] {
  // Long inputs cost quadratic time for nothing: nobody's typo is 64 characters long.
  if (word.length > 64) return [];
  return [...choices]
    .map((c) => ({ c, r: ratio(word, c) }))
    .filter(({ r }) => r >= 0.8)
    .sort((x, y) => y.r - x.r)
    .slice(0, 3)
    .map(({ c }) => c);
}

/** argparse's invalid-choice message, with suggestions (awscli/argparser.py _check_value). */
export function invalidChoice(argument: string, word: string, choices: Iterable<string>): string {
  const possible = closeMatches(word, choices);
  const suggestion = possible.length ? `\nMaybe you meant:\n\n${possible.map((p) => `  * ${p}`).join('\n')}` : '';
  return `argument ${argument}: Found invalid choice '${word}'\n${suggestion}`;
}

const NOTE = 'This is the ECS Playground\'s aws: a subset of the AWS CLI v2 that runs against the simulation (one account, region us-east-1, cluster "default", Fargate only).';

/** "--a, --b": the options the playground accepts and does not simulate, or refuses. */
const unsimulatedLines = (params: readonly Param[], indent: string) => {
  const accepted = params.filter((p) => p.unsimulated && !p.unsimulated.refuse).map((p) => `--${p.name}`);
  const refused = params.filter((p) => p.unsimulated?.refuse).map((p) => `--${p.name}`);
  return [
    ...(accepted.length ? [`${indent}Accepted and not simulated: ${accepted.join(', ')}.`] : []),
    ...(refused.length ? [`${indent}Not in the playground (the line is refused, saying why): ${refused.join(', ')}.`] : []),
  ];
};

export function topHelp(): string {
  const services = [...SERVICES].map(([name, ops]) => `  ${name.padEnd(7)} ${[...ops.keys()].join(', ')}`).join('\n');
  const globals = GLOBALS.filter((g) => !g.unsimulated).map((g) => `  --${g.name.padEnd(13)} ${g.help}`);
  return `usage: aws [options] <command> <subcommand> [parameters]\n\n${NOTE}\n\nCommands and their subcommands:\n${services}\n\nGlobal options:\n${[...globals, ...unsimulatedLines(GLOBALS, '  ')].join('\n')}\n\nRun aws <command> help or aws <command> <subcommand> help for more. Tab completes commands, parameters and names.\n`;
}

export function serviceHelp(service: string, ops: ReadonlyMap<string, Operation>): string {
  const width = Math.max(...[...ops.keys()].map((k) => k.length));
  return `aws ${service}\n\n${NOTE}\n\nSubcommands:\n${[...ops.values()].map((op) => `  ${op.name.padEnd(width)}  ${op.summary}`).join('\n')}\n`;
}

export function operationHelp(op: Operation, world: World): string {
  const all = optionsOf(op);
  const params = all.filter((p) => !p.unsimulated);
  const width = Math.max(...params.map((p) => p.name.length)) + 2;
  const lines = params.map((p) => {
    const form = p.schema === 'boolean' ? `--${p.name} | --no-${p.name}` : `--${p.name}`;
    return `  ${form.padEnd(width + 2)} ${p.required ? '(required) ' : ''}${p.help}${p.choices ? ` One of: ${p.choices.join(', ')}.` : ''}`;
  });
  const others = unsimulatedLines(all, '');
  const subnets = op.params.some((p) => p.name === 'network-configuration') ? `\n\nThe playground's subnets: ${playgroundSubnets(world).join(', ')}.` : '';
  return `aws ${op.service} ${op.name}  (${op.api})\n\n${op.summary}\n\nParameters (the playground's subset of AWS's):\n${lines.join('\n')}${others.length ? `\n\n${others.join('\n')}` : ''}${subnets}\n\nGlobal options: --query <JMESPath>, --output json|text|table|off.\n`;
}
