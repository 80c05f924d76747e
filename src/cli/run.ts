// One command line, start to finish, in the order the CLI does it: split the line; the global
// options (anywhere on the line); the command and subcommand; --query compiled; the operation's
// arguments parsed and unpacked; the request checked as botocore checks it; the call; the
// response through --query and --output. Every way it can fail is a value (a CliResult): nothing
// here throws, whatever the line (the fuzz test holds it to that).

import * as jmespath from 'jmespath';
import { CLI_INPUT_JSON, leftovers, parseArgs, unpack } from './args.ts';
import type { CliHost, Input } from './context.ts';
import { argparseError, EXIT, jsonOutput, ok, otherError, paramError, textOutput, type CliResult } from './format.ts';
import { invalidChoice, operationHelp, serviceHelp, topHelp } from './help.ts';
import { GLOBALS, SERVICES, type Operation } from './ops.ts';
import { validate } from './schema.ts';
import { tokenize } from './tokens.ts';
import { dockerPush } from './docker.ts';

type Globals = { query?: string; output: string };

/** jmespath's compile is not in its type definitions: it parses an expression, or throws why not. */
const { compile, search } = jmespath as unknown as { compile(expression: string): unknown; search(data: unknown, expression: string): unknown };

/** The global options, wherever they are on the line; the other words in order. */
function takeGlobals(words: readonly string[]): { globals: Globals; rest: string[] } | CliResult {
  const globals: Globals = { output: 'json' };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.indexOf('=');
    const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    const param = GLOBALS.find((g) => `--${g.name}` === flag);
    if (!param) {
      rest.push(word);
      continue;
    }
    if (param.schema === 'boolean') continue;
    const value = eq > 0 && word.startsWith('--') ? word.slice(eq + 1) : words[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) return argparseError(`argument --${param.name}: expected one argument`);
    if (param.name === 'output' && !param.choices!.includes(value)) return argparseError(invalidChoice('--output', value, param.choices!));
    if (param.name === 'region' && value !== 'us-east-1')
      return otherError(`The playground has one region, us-east-1: it cannot reach ${value}. Leave --region out, or say us-east-1.`);
    if (param.name === 'query') globals.query = value;
    if (param.name === 'output') globals.output = value;
  }
  return { globals, rest };
}

const positionals = (words: readonly string[]) => words.filter((w) => !w.startsWith('-'));

export function runCli(line: string, host: CliHost): CliResult {
  const tokens = tokenize(line);
  if (!tokens.ok) return { stdout: '', stderr: `${tokens.message}\n`, exitCode: EXIT.other };
  const [program, ...words] = tokens.words;
  if (program === undefined) return ok('');
  if (program === 'docker') return dockerPush(words, host);
  if (program !== 'aws')
    return { stdout: '', stderr: `${program.slice(0, 40)}: command not found. This terminal runs aws ecs and aws elbv2 commands (and docker push): start the line with aws, e.g. aws ecs list-services.\n`, exitCode: 127 };
  if (words.length === 1 && words[0] === '--version') return ok('aws-cli (the ECS Playground\'s subset of the AWS CLI v2: ecs and elbv2)\n');

  const taken = takeGlobals(words);
  if ('exitCode' in taken) return taken;
  const { globals, rest } = taken;
  const service = positionals(rest)[0];
  if (service === undefined) return argparseError('the following arguments are required: command');
  if (service === 'help') return ok(topHelp());
  const ops = SERVICES.get(service);
  if (!ops) return playgroundChoice(invalidChoice('command', service, SERVICES.keys()), 'commands ecs and elbv2');

  const query = globals.query;
  if (query !== undefined) {
    try {
      compile(query);
    } catch (e) {
      return paramError(`Bad value for --query ${globals.query}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const afterService = rest.slice(rest.indexOf(service) + 1);
  const opName = positionals(afterService)[0];
  if (opName === undefined) return argparseError('the following arguments are required: operation');
  if (opName === 'help') return ok(serviceHelp(service, ops));
  const op = ops.get(opName);
  if (!op) return playgroundChoice(invalidChoice('operation', opName, ops.keys()), `${service} subcommands ${[...ops.keys()].join(', ')}`);
  const args = afterService.filter((_, i) => i !== afterService.indexOf(opName));
  return runOperation(op, args, globals, query, host);
}

/** An invalid choice, and — since the real CLI has hundreds more — what the playground has. */
function playgroundChoice(message: string, has: string): CliResult {
  const result = argparseError(message);
  return { ...result, stderr: `${result.stderr}(The playground's aws has the ${has}.)\n` };
}

function runOperation(op: Operation, words: readonly string[], globals: Globals, query: string | undefined, host: CliHost): CliResult {
  const params = [...op.params, CLI_INPUT_JSON];
  const parsed = parseArgs(words, params);
  if ('exitCode' in parsed) return parsed;
  if (parsed.help) return ok(operationHelp(op, host.world()));
  const unknown = leftovers(parsed);
  if (unknown) return unknown;

  const input: Input = Object.create(null) as Input;
  for (const param of op.params) {
    const raw = parsed.values.get(param.api);
    if (raw === undefined) continue;
    const value = unpack(param, raw);
    if (!value.ok) return value.result;
    input[param.api] = value.value;
  }
  const fromJson = parsed.values.get(CLI_INPUT_JSON.api);
  if (typeof fromJson === 'string') {
    const merged = mergeCliInput(op, input, fromJson);
    if (merged) return merged;
  }
  const problems: string[] = [];
  for (const param of op.params) {
    if (Object.hasOwn(input, param.api)) validate(input[param.api], param.schema, param.api, problems);
    else if (param.required && op.api !== 'RegisterTaskDefinition') problems.push(`Missing required parameter in input: "${param.api}"`);
  }
  if (problems.length) return paramError(`Parameter validation failed:\n${problems.join('\n')}`);

  const answer = op.run(input, { host, operation: op.api });
  if ('exitCode' in answer) return answer;
  const notes = (answer.notes ?? []).map((n) => `Note (playground): ${n}\n`).join('');
  return { ...present(answer.response, globals, query), ...(notes ? { stderr: notes } : {}) };
}

/** --cli-input-json: its members fill whatever the line did not give. */
function mergeCliInput(op: Operation, input: Input, text: string): CliResult | null {
  if (/^fileb?:\/\//.test(text))
    return paramError(`Error parsing parameter 'cli-input-json': Unable to load paramfile ${text}: the playground's terminal cannot read files on your computer. Paste the JSON itself, in single quotes.`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return paramError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return paramError(`Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${Array.isArray(doc) ? 'list' : doc === null ? 'NoneType' : typeof doc === 'string' ? 'str' : typeof doc === 'number' ? 'int' : 'bool'}'>`);
  const known = op.params.map((p) => p.api);
  for (const key of Object.keys(doc)) {
    // RegisterTaskDefinition's document is checked whole by the task definition importer.
    if (op.api !== 'RegisterTaskDefinition' && !known.includes(key))
      return paramError(`Parameter validation failed:\nUnknown parameter in input: "${key.slice(0, 64)}", must be one of: ${known.join(', ')}`);
    if (!Object.hasOwn(input, key)) input[key] = (doc as Record<string, unknown>)[key];
  }
  return null;
}

/** The response through --query, then --output. */
function present(response: Record<string, unknown>, globals: Globals, query: string | undefined): CliResult {
  let data: unknown = response;
  if (query !== undefined) {
    try {
      data = search(response, query);
    } catch (e) {
      return otherError(e instanceof Error ? e.message : String(e));
    }
  }
  switch (globals.output) {
    case 'text':
      return ok(textOutput(data));
    case 'off':
      return ok('');
    case 'json':
      return ok(query !== undefined && data === null ? 'null\n' : jsonOutput(data));
    default:
      return { ...ok(jsonOutput(data)), stderr: `Note (playground): --output ${globals.output} is not in the playground; here is the JSON.\n` };
  }
}
