// What the editor starts with: the revision asked for, exported as register-task-definition
// takes it (so "a new revision from JSON" is edit and register), or an example when none is.
// Pure: a world in, choices and text out.

import { familyRevision, type TaskDefinition, type World } from '../../sim/index.ts';
import { exportTaskDefinition, minimalFargateDefinition, PLAYGROUND_LABELS } from '../../sim/json.ts';

export const EXAMPLE = 'example';

/** Spec §2.7's minimal Fargate definition, with the playground's label saying what it runs. */
const example = (() => {
  const doc = minimalFargateDefinition();
  doc.containerDefinitions[0]!.dockerLabels = { [PLAYGROUND_LABELS.app]: 'serve' };
  return doc;
})();

export type StartChoice = { value: string; label: string };

/** The revisions one can start from (ACTIVE ones, each family newest first, and `also` if it is
 *  an INACTIVE one asked for), then the example. */
export function startChoices(world: World, also?: string): StartChoice[] {
  const active = [...world.taskDefinitions.values()]
    .filter((td) => td.status === 'ACTIVE' || td.taskDefinitionArn === also)
    .sort((a, b) => a.family.localeCompare(b.family) || b.revision - a.revision);
  return [...active.map((td) => ({ value: td.taskDefinitionArn, label: familyRevision(td.taskDefinitionArn) })), { value: EXAMPLE, label: 'An example (hello-web, spec §2.7)' }];
}

/**
 * The revision a request names, as RunTask reads a name (spec §2.1): a full ARN or
 * "family:revision" is that revision (INACTIVE ones too: any revision can be exported), a bare
 * family its latest ACTIVE revision. Undefined when it names none.
 */
export function findRevision(world: World, ref: string | undefined): TaskDefinition | undefined {
  if (!ref) return undefined;
  const exact = world.taskDefinitions.get(ref);
  if (exact) return exact;
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  let latest: TaskDefinition | undefined;
  for (const td of world.taskDefinitions.values()) {
    if (familyRevision(td.taskDefinitionArn) === name) return td;
    if (td.family === name && td.status === 'ACTIVE' && (!latest || td.revision > latest.revision)) latest = td;
  }
  return latest;
}

/** The editor's text for a choice: a revision's export, or the example. */
export function documentText(world: World, choice: string): string {
  const td = choice === EXAMPLE ? undefined : world.taskDefinitions.get(choice);
  return `${JSON.stringify(td ? exportTaskDefinition(td) : example, null, 2)}\n`;
}

/** The choice a request starts with: the revision it names, else the example. */
export function initialChoice(world: World, ref: string | undefined): string {
  return findRevision(world, ref)?.taskDefinitionArn ?? EXAMPLE;
}
