// A parameter as the CLI has it (its cli_name, its API member, botocore's type), and the parameters
// every operation shares: --cli-input-json, the pagination options, and the API members the
// playground does not simulate. Those are AWS's own, so they are never refused in AWS's words
// ("Unknown options", "Unknown parameter"): the harmless ones are accepted with a note that says
// they change nothing here, and the others are refused with the playground's reason and what to do.

import type { Schema } from './schema.ts';

/** Where completion finds a parameter's values in the world. */
export type Names = 'cluster' | 'service' | 'taskDefinition' | 'family' | 'task' | 'targetGroupArn' | 'targetGroupName' | 'loadBalancerArn' | 'loadBalancerName' | 'network' | 'loadBalancers' | 'attributes';

/** An AWS parameter the playground does not simulate. With `refuse`, the line is refused with
 *  that reason (unless `allows` the value given); otherwise it is accepted with a note. */
export type Unsimulated = { why?: string; refuse?: string; allows?: (value: unknown) => boolean };

export type Param = {
  name: string; // the cli_name, without the leading --
  api: string; // the API member ("cli:…" for the CLI's own options, which have none)
  schema: Schema;
  required?: boolean;
  help: string;
  choices?: readonly string[];
  names?: Names;
  /** The values Tab offers, where not all of `choices` (the ones the playground has). */
  offered?: readonly string[];
  unsimulated?: Unsimulated;
};

export const strings: Schema = { list: 'string' };
const tag: Schema = { list: { struct: [['key', 'string'], ['value', 'string']] } };
const capacityProviders: Schema = { list: { struct: [['capacityProvider', 'string'], ['weight', 'integer'], ['base', 'integer']], required: ['capacityProvider'] } };
const placementConstraints: Schema = { list: { struct: [['type', 'string'], ['expression', 'string']] } };
const placementStrategy: Schema = { list: { struct: [['type', 'string'], ['field', 'string']] } };

/** An AWS member the playground takes and ignores, saying so. */
export const accepted = (name: string, api: string, schema: Schema, why?: string): Param => ({
  name, api, schema, help: why ? `Accepted and not simulated: ${why}.` : 'Accepted and not simulated.', unsimulated: why ? { why } : {},
});
/** An AWS member the playground cannot honour: the line is refused, saying why and what to do. */
export const refused = (name: string, api: string, schema: Schema, refuse: string): Param => ({ name, api, schema, help: `Not in the playground: ${refuse}`, unsimulated: { refuse } });

// The members several ECS operations share.
export const ecsUnsimulated = {
  capacityProviderStrategy: accepted('capacity-provider-strategy', 'capacityProviderStrategy', capacityProviders, 'the playground runs every task on FARGATE'),
  enableECSManagedTags: accepted('enable-ecs-managed-tags', 'enableECSManagedTags', 'boolean'),
  enableExecuteCommand: accepted('enable-execute-command', 'enableExecuteCommand', 'boolean', 'there is no shell to reach in a simulated container'),
  placementConstraints: accepted('placement-constraints', 'placementConstraints', placementConstraints, 'Fargate spreads tasks over the zones'),
  placementStrategy: accepted('placement-strategy', 'placementStrategy', placementStrategy, 'Fargate spreads tasks over the zones'),
  platformVersion: accepted('platform-version', 'platformVersion', 'string'),
  propagateTags: accepted('propagate-tags', 'propagateTags', 'string'),
  tags: accepted('tags', 'tags', tag, 'the playground keeps no tags'),
  clientToken: accepted('client-token', 'clientToken', 'string'),
  volumeConfigurations: refused('volume-configurations', 'volumeConfigurations', { list: 'document' }, 'the playground has no EBS volumes. Leave --volume-configurations out.'),
  serviceRegistries: refused('service-registries', 'serviceRegistries', { list: 'document' }, 'the playground has no Cloud Map service discovery. Leave --service-registries out.'),
  serviceConnectConfiguration: refused('service-connect-configuration', 'serviceConnectConfiguration', 'document', 'the playground has no Service Connect. Leave --service-connect-configuration out.'),
  vpcLatticeConfigurations: refused('vpc-lattice-configurations', 'vpcLatticeConfigurations', { list: 'document' }, 'the playground has no VPC Lattice. Leave --vpc-lattice-configurations out.'),
  availabilityZoneRebalancing: accepted('availability-zone-rebalancing', 'availabilityZoneRebalancing', 'string'),
  monitoring: accepted('monitoring', 'monitoring', 'document'),
  deploymentController: {
    ...accepted('deployment-controller', 'deploymentController', { struct: [['type', 'string']], required: ['type'] }, 'every service here uses the ECS rolling deployment'),
    unsimulated: {
      why: 'every service here uses the ECS rolling deployment',
      refuse: 'the playground simulates the ECS rolling deployment only (type=ECS), not CodeDeploy or external controllers. Leave --deployment-controller out.',
      allows: (v) => typeof v === 'object' && v !== null && Object.hasOwn(v, 'type') && (v as { type: unknown }).type === 'ECS',
    },
  } satisfies Param,
  include: (fields: string) => accepted('include', 'include', strings, `the playground keeps no ${fields}`),
} as const;

/** The API's pagination members (hidden by the CLI, still taken) and the CLI's own pagination
 *  options (awscli/customizations/paginate.py): the playground answers in one page. */
const ONE_PAGE = 'the playground answers in one page';
export const ecsPagination: readonly Param[] = [accepted('next-token', 'nextToken', 'string', ONE_PAGE), accepted('max-results', 'maxResults', 'integer', ONE_PAGE)];
export const elbv2Pagination: readonly Param[] = [accepted('marker', 'Marker', 'string', ONE_PAGE)];
export const CLI_PAGINATION: readonly Param[] = [
  accepted('starting-token', 'cli:starting-token', 'string', ONE_PAGE),
  accepted('page-size', 'cli:page-size', 'integer', ONE_PAGE),
  accepted('max-items', 'cli:max-items', 'integer', ONE_PAGE),
];

/** `--cli-input-json` is every operation's (awscli/customizations/cliinput.py). */
export const CLI_INPUT_JSON: Param = {
  name: 'cli-input-json', api: 'cli:cli-input-json', schema: 'string',
  help: 'The request as JSON (what --generate-cli-skeleton writes); options on the line override it. Paste the JSON itself: the playground cannot read file://.',
};

/** The other options the CLI gives every operation. */
export const CLI_INPUT_OTHERS: readonly Param[] = [
  refused('cli-input-yaml', 'cli:cli-input-yaml', 'string', 'paste the request as JSON with --cli-input-json instead.'),
  // Its value (input, output, yaml-input) is optional on AWS: taken as a flag, the value left over.
  refused('generate-cli-skeleton', 'cli:generate-cli-skeleton', 'boolean', "the playground writes no skeletons: aws <command> <subcommand> help lists the parameters it takes."),
];

/** Global options the CLI takes anywhere on the line (awscli/data/cli.json): the ones the
 *  playground uses, and the rest accepted with a note or refused with what to do. */
export const GLOBALS: readonly Param[] = [
  accepted('debug', 'debug', 'boolean', 'the playground logs nothing'),
  refused('endpoint-url', 'endpointUrl', 'string', 'this aws sends its calls to the simulation and nowhere else. Leave --endpoint-url out.'),
  accepted('no-verify-ssl', 'noVerifySsl', 'boolean', 'the simulation is not reached over the network'),
  accepted('no-paginate', 'noPaginate', 'boolean', ONE_PAGE),
  { name: 'output', api: 'output', schema: 'string', help: 'json (the default), text, table or off.', choices: ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'], offered: ['json', 'text', 'table', 'off'] },
  { name: 'query', api: 'query', schema: 'string', help: 'A JMESPath query to use in filtering the response data.' },
  refused('profile', 'profile', 'string', 'the playground has one account and no profiles. Leave --profile out.'),
  { name: 'region', api: 'region', schema: 'string', help: "us-east-1, the playground's region.", choices: ['us-east-1'] },
  { ...accepted('color', 'color', 'string', 'the terminal has no colour'), choices: ['on', 'off', 'auto'] },
  accepted('no-sign-request', 'noSignRequest', 'boolean', 'nothing is signed here'),
  accepted('ca-bundle', 'caBundle', 'string', 'the simulation is not reached over the network'),
  accepted('cli-read-timeout', 'cliReadTimeout', 'integer', 'the simulation answers at once'),
  accepted('cli-connect-timeout', 'cliConnectTimeout', 'integer', 'the simulation answers at once'),
  { ...accepted('cli-binary-format', 'cliBinaryFormat', 'string'), choices: ['base64', 'raw-in-base64-out'] },
  accepted('no-cli-pager', 'noCliPager', 'boolean', 'the terminal never pages'),
  refused('cli-auto-prompt', 'cliAutoPrompt', 'boolean', 'the terminal has no auto-prompt: press Tab to complete a command, or run aws <command> <subcommand> help.'),
  accepted('no-cli-auto-prompt', 'noCliAutoPrompt', 'boolean'),
  { ...accepted('cli-error-format', 'cliErrorFormat', 'string', 'errors are printed in the default format'), choices: ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] },
];

/** "Note (playground): --platform-version is accepted and not simulated: …." */
export const acceptedNote = (param: Param) =>
  `--${param.name} is accepted and not simulated${param.unsimulated?.why ? `: ${param.unsimulated.why}` : ''}.`;

/** The refusal of an AWS parameter the playground does not have, in the playground's words. */
export const refusalMessage = (param: Param) => `The playground's aws does not simulate --${param.name}: ${param.unsimulated?.refuse ?? ''}`;
