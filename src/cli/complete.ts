// Tab completion: the word at the cursor, completed from the command table (commands,
// subcommands, --parameters) or from the world (services, task definitions, task IDs, target
// groups, enum values). Pure: the same line, cursor and world give the same candidates.

import type { World } from '../sim/index.ts';
import { GLOBALS, optionsOf, SERVICES, type Names, type Param } from './ops.ts';
import { playgroundSubnets } from './shapes.ts';
import { shellWord } from './cliOf.ts';

export type Completion = { from: number; options: string[] };

function namesIn(world: World, names: Names): string[] {
  const tds = [...world.taskDefinitions.values()].filter((td) => td.status === 'ACTIVE');
  switch (names) {
    case 'cluster':
      return [world.config.clusterName];
    case 'service':
      return [...world.services.values()].filter((s) => s.status === 'ACTIVE').map((s) => s.serviceName);
    case 'taskDefinition':
      return [...new Set(tds.map((td) => td.family)), ...tds.map((td) => `${td.family}:${td.revision}`)];
    case 'family':
      return [...new Set([...world.taskDefinitions.values()].map((td) => td.family))];
    case 'task': {
      // Tasks still running first: they are the ones people stop and describe.
      const tasks = [...world.tasks.values()];
      return [...tasks.filter((t) => t.lastStatus !== 'STOPPED'), ...tasks.filter((t) => t.lastStatus === 'STOPPED')].map((t) => t.taskId);
    }
    case 'targetGroupArn':
      return [...world.targetGroups.keys()];
    case 'targetGroupName':
      return [...world.targetGroups.values()].map((tg) => tg.targetGroupName);
    case 'loadBalancerArn':
      return [...world.loadBalancers.keys()];
    case 'loadBalancerName':
      return [...world.loadBalancers.values()].map((lb) => lb.loadBalancerName);
    case 'network':
      return [shellWord(`awsvpcConfiguration={subnets=[${playgroundSubnets(world).join(',')}]}`)];
    case 'attributes':
      return ['Key=deregistration_delay.timeout_seconds,Value=30', 'Key=load_balancing.algorithm.type,Value=least_outstanding_requests', 'Key=load_balancing.algorithm.type,Value=round_robin'];
    case 'loadBalancers': {
      const out: string[] = [];
      for (const tg of world.targetGroups.values())
        for (const td of tds)
          for (const c of td.containerDefinitions)
            if (c.portMappings.some((p) => p.containerPort === tg.port)) out.push(`targetGroupArn=${tg.targetGroupArn},containerName=${c.name},containerPort=${tg.port}`);
      return [...new Set(out)];
    }
  }
}

const valuesOf = (param: Param, world: World) => [...(param.offered ?? param.choices ?? []), ...(param.names ? namesIn(world, param.names) : [])];

const GLOBAL_OPTIONS = new Map(GLOBALS.map((p) => [`--${p.name}`, p]));

/** The words that are not options or an option's value: the service, then the operation. A
 *  global option that takes a value (--output json) takes the word after it. */
function positionalsOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const global = GLOBAL_OPTIONS.get(w);
    if (!w.startsWith('-')) out.push(w);
    else if (global && global.schema !== 'boolean') i++;
  }
  return out;
}

export function complete(line: string, cursor: number, world: World): Completion {
  const at = Math.max(0, Math.min(line.length, Number.isInteger(cursor) ? cursor : line.length));
  const before = line.slice(0, at);
  const from = before.search(/\S*$/);
  const current = before.slice(from);
  const words = before.slice(0, from).split(/\s+/).filter(Boolean);
  const pick = (options: readonly string[]): Completion => ({ from, options: [...new Set(options)].filter((o) => o.startsWith(current)) });

  if (words.length === 0) return pick(['aws']);
  if (words[0] !== 'aws') return pick([]);
  const globalValue = GLOBAL_OPTIONS.get(words[words.length - 1]!);
  if (globalValue && globalValue.schema !== 'boolean' && !current.startsWith('-')) return pick(valuesOf(globalValue, world));
  const positional = positionalsOf(words.slice(1));
  if (positional.length === 0) return pick([...SERVICES.keys(), 'help']);
  const ops = SERVICES.get(positional[0]!);
  if (!ops) return pick([]);
  if (positional.length === 1 && !current.startsWith('-')) return pick([...ops.keys(), 'help']);
  const op = ops.get(positional[1]!);
  if (!op) return pick([]);

  // Tab offers what the playground simulates; the rest of AWS's options are taken when typed.
  const params = [...optionsOf(op), ...GLOBALS].filter((p) => !p.unsimulated);
  const byOption = new Map(params.map((p) => [`--${p.name}`, p]));
  // The option whose value is being typed: the last one on the line, if it still takes one.
  let last: Param | undefined;
  let given = 0;
  for (const w of words.slice(1)) {
    const p = byOption.get(w);
    if (p) [last, given] = [p, 0];
    else if (w.startsWith('--')) [last, given] = [undefined, 0];
    else given++;
  }
  const takesMore = last !== undefined && last.schema !== 'boolean' && (given === 0 || (typeof last.schema === 'object' && 'list' in last.schema));
  const used = new Set(words.filter((w) => w.startsWith('--')));
  const options = params
    .flatMap((p) => (p.schema === 'boolean' && !p.name.startsWith('no-') ? [`--${p.name}`, `--no-${p.name}`] : [`--${p.name}`]))
    .filter((o) => !used.has(o));
  if (takesMore && !current.startsWith('-')) return pick(valuesOf(last!, world));
  return pick(options);
}
