// How a task definition's containers depend on each other, in words and in start order (pure: the
// blueprint card, the inspectors and the zones view share it).

import { awslogsStreamName, type ContainerDefinition, type DependencyCondition, type TaskDefinition } from '../sim/index.ts';

/**
 * The containers in start order: each layer starts once the layers before it have met their
 * conditions (a container with no dependsOn is in the first). Validation refuses cycles and
 * missing names; a container the rule cannot place (never, for a registered revision) goes last.
 */
export function startLayers(td: TaskDefinition): ContainerDefinition[][] {
  const layerOf = new Map<string, number>();
  const byName = new Map(td.containerDefinitions.map((c) => [c.name, c]));
  const depth = (c: ContainerDefinition, seen: ReadonlySet<string>): number => {
    const known = layerOf.get(c.name);
    if (known !== undefined) return known;
    if (seen.has(c.name)) return td.containerDefinitions.length;
    const next = new Set(seen).add(c.name);
    let d = 0;
    for (const dep of c.dependsOn) {
      const target = byName.get(dep.containerName);
      if (target) d = Math.max(d, depth(target, next) + 1);
    }
    layerOf.set(c.name, d);
    return d;
  };
  const layers: ContainerDefinition[][] = [];
  for (const c of td.containerDefinitions) (layers[depth(c, new Set())] ??= []).push(c);
  return layers.filter((l) => l.length > 0);
}

/** The start order on one line: "xray-daemon → web", "fetch-config → job", "a + b → c". */
export const startOrderLine = (td: TaskDefinition): string => startLayers(td).map((l) => l.map((c) => c.name).join(' + ')).join(' → ');

const CONDITION_TEXT: Record<DependencyCondition, string> = {
  START: 'has started',
  COMPLETE: 'has exited (any exit code)',
  SUCCESS: 'has exited with code 0',
  HEALTHY: 'passes its health check',
};

/** "starts once xray-daemon has started" — what a container waits for, in words. */
export function waitsFor(c: ContainerDefinition): string | null {
  if (c.dependsOn.length === 0) return null;
  return `starts once ${c.dependsOn.map((d) => `${d.containerName} ${CONDITION_TEXT[d.condition]} (${d.condition})`).join(' and ')}`;
}

/** The containers that depend on this one: at shutdown they stop before it does. */
export const dependentsOf = (td: TaskDefinition, name: string): string[] =>
  td.containerDefinitions.filter((c) => c.dependsOn.some((d) => d.containerName === name)).map((c) => c.name);

/** Where a container's awslogs output goes: its log group, and the stream name pattern
 *  (<prefix>/<container>/<task ID>, spec §2.5). Options are the user's: read with Object.hasOwn. */
export function logDestination(c: ContainerDefinition): { group: string; region: string; stream: string } | null {
  const options = c.logConfiguration?.options;
  if (!options) return null;
  const option = (name: string) => (Object.hasOwn(options, name) ? options[name]! : '');
  return { group: option('awslogs-group'), region: option('awslogs-region'), stream: awslogsStreamName(option('awslogs-stream-prefix') || undefined, c.name, '<task ID>') };
}

/** Where a secret's value comes from, by its ARN's service (the value itself is never shown). */
export const secretSource = (valueFrom: string): string =>
  valueFrom.startsWith('arn:aws:secretsmanager:') ? 'Secrets Manager' : valueFrom.startsWith('arn:aws:ssm:') || !valueFrom.startsWith('arn:') ? 'SSM Parameter Store' : 'an ARN';
