// The playground's subset of `aws ecs` and `aws elbv2` (opsEcs.ts, opsElbv2.ts): each operation's
// CLI name, API name, parameters and handler. One table for the parser, the help text and Tab
// completion.

import type { Handler } from './context.ts';
import { CLI_INPUT_JSON, CLI_INPUT_OTHERS, CLI_PAGINATION, type Param } from './param.ts';
import { ECS } from './opsEcs.ts';
import { ELBV2 } from './opsElbv2.ts';

export { GLOBALS, type Names, type Param } from './param.ts';

export type Operation = {
  service: 'ecs' | 'elbv2';
  name: string;
  api: string;
  summary: string;
  /** The API's request members, in botocore's model order: simulated, accepted or refused. */
  params: readonly Param[];
  /** A paginated operation takes the CLI's --starting-token, --page-size and --max-items. */
  paginated?: boolean;
  run: Handler;
};

/** Every option the operation's parser takes: its members, then the CLI's own. */
export const optionsOf = (op: Operation): readonly Param[] => [...op.params, ...(op.paginated ? CLI_PAGINATION : []), CLI_INPUT_JSON, ...CLI_INPUT_OTHERS];

/** Every command the playground's aws knows, by service then operation name. */
export const SERVICES: ReadonlyMap<string, ReadonlyMap<string, Operation>> = new Map([
  ['ecs', new Map(ECS.map((op) => [op.name, op]))],
  ['elbv2', new Map(ELBV2.map((op) => [op.name, op]))],
]);

/** The supported commands, for help text: "ecs update-service", …. */
export const SUPPORTED_COMMANDS: readonly string[] = [...ECS, ...ELBV2].map((op) => `${op.service} ${op.name}`);
