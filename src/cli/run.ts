// One command line, start to finish, in the order the CLI does it: split the line; the global
// options (anywhere on the line); the command and subcommand; --query compiled; the operation's
// arguments parsed and unpacked; the request checked as botocore checks it; the call; the
// response through --query and --output. Every way it can fail is a value (a CliResult): nothing
// here throws, whatever the line (the fuzz test holds it to that).

import * as jmespath from 'jmespath';
import { FILE, leftovers, noFiles, parseArgs, unpack } from './args.ts';
import type { CliHost, Input } from './context.ts';
import { argparseError, EXIT, jsonOutput, note, ok, otherError, paramError, playgroundRefusal, textOutput, type CliResult } from './format.ts';
import { invalidChoice, operationHelp, serviceHelp, topHelp } from './help.ts';
import { GLOBALS, optionsOf, SERVICES, type Operation } from './ops.ts';
import { acceptedNote, CLI_INPUT_JSON, refusalMessage } from './param.ts';
import { validate } from './schema.ts';
import { tableOutput } from './table.ts';
import { tokenize } from './tokens.ts';
// Schedule commands reach the engine from here (src/sim/extensions.ts).
import '../sim/schedules.ts';
import { dockerPush } from './docker.ts';

/** What the global options ask for, and the notes on those the playground accepts and ignores. */
type Globals = { query?: string; output: string; notes: string[] };

/** jmespath's compile is not in its type definitions: it parses an expression, or throws why not. */
const { compile, search } = jmespath as unknown as { compile(expression: string): unknown; search(data: unknown, expression: string): unknown };

const INT = /^[+-]?\d+$/;

/** The global options, wherever they are on the line; the other words in order. */
function takeGlobals(words: readonly string[]): { globals: Globals; rest: string[] } | CliResult {
  const globals: Globals = { output: 'json', notes: [] };
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
    const explicit = eq > 0 && word.startsWith('--') ? word.slice(eq + 1) : undefined;
    let value: string | undefined;
    if (param.schema === 'boolean') {
      if (explicit !== undefined) return argparseError(`argument ${flag}: ignored explicit argument '${explicit}'`);
    } else {
      value = explicit ?? words[++i];
      if (value === undefined || (explicit === undefined && value.startsWith('--'))) return argparseError(`argument ${flag}: expected one argument`);
      if (param.name === 'region') {
        if (value !== 'us-east-1') return playgroundRefusal(`The playground has one region, us-east-1: it cannot reach ${value.slice(0, 64)}. Leave --region out, or say us-east-1.`);
        continue;
      }
      if (param.choices && !param.choices.includes(value)) return argparseError(invalidChoice(flag, value, param.choices));
      if (param.schema === 'integer' && !INT.test(value)) return argparseError(`argument ${flag}: invalid int value: '${value}'`);
    }
    if (param.unsimulated?.refuse) return playgroundRefusal(refusalMessage(param));
    if (param.unsimulated) globals.notes.push(acceptedNote(param));
    else if (param.name === 'query' && value !== undefined) globals.query = value;
    else if (param.name === 'output' && value !== undefined) globals.output = value;
  }
  return { globals, rest };
}

const isWord = (w: string) => !w.startsWith('-');

export function runCli(line: string, host: CliHost): CliResult {
  const tokens = tokenize(line);
  if (!tokens.ok) return { stdout: '', stderr: `${tokens.message}\n`, exitCode: tokens.exitCode ?? EXIT.other };
  const [program, ...words] = tokens.words;
  if (program === undefined) return ok('');
  if (program === 'docker') return dockerPush(words, host);
  if (program !== 'aws')
    return { stdout: '', stderr: `${program.slice(0, 40)}: command not found. This terminal runs aws ecs and aws elbv2 commands (and docker push): start the line with aws, e.g. aws ecs list-services.\n`, exitCode: 127 };
  if (words.length === 1 && words[0] === '--version') return ok('aws-cli (the ECS Playground\'s subset of the AWS CLI v2: ecs and elbv2)\n');

  const taken = takeGlobals(words);
  if ('exitCode' in taken) return taken;
  const { globals, rest } = taken;
  const serviceAt = rest.findIndex(isWord);
  if (serviceAt < 0) return argparseError('the following arguments are required: command');
  const service = rest[serviceAt]!;
  if (service === 'help') return ok(topHelp());
  const ops = SERVICES.get(service);
  if (!ops) return playgroundChoice(invalidChoice('command', service, SERVICES.keys()), `commands ${[...SERVICES.keys()].join(' and ')}`, 'aws help');

  const query = globals.query;
  if (query !== undefined) {
    try {
      compile(query);
    } catch (e) {
      return paramError(`Bad value for --query ${query}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const afterService = rest.slice(serviceAt + 1);
  const opAt = afterService.findIndex(isWord);
  if (opAt < 0) return argparseError('the following arguments are required: operation');
  const opName = afterService[opAt]!;
  if (opName === 'help') return ok(serviceHelp(service, ops));
  if (service === 'ecs' && opName === 'wait') return noWaiters();
  const op = ops.get(opName);
  if (!op) return playgroundChoice(invalidChoice('operation', opName, ops.keys()), `${service} subcommands ${[...ops.keys()].join(', ')}`, `aws ${service} help`);
  // Options before the service reach the operation's parser too (the CLI hands each parser what
  // the one before did not take): an unknown one is reported there, with the rest.
  const args = [...rest.slice(0, serviceAt), ...afterService.slice(0, opAt), ...afterService.slice(opAt + 1)];
  return runOperation(op, args, globals, host);
}

/** An invalid choice, and — since the real CLI has hundreds more — what the playground has. */
function playgroundChoice(message: string, has: string, help: string): CliResult {
  const result = argparseError(message);
  return { ...result, stderr: `${result.stderr}\n${note(`The playground's aws has the ${has}. Run ${help} for what each does.`)}` };
}

/** `aws ecs wait …`: the CLI polls until a state is reached; the simulation moves only on the
 *  page's clock (or a script's sleep), never while a command waits. */
const noWaiters = () =>
  playgroundRefusal(
    "The playground's aws has no waiters: the simulation moves on the page's clock, not while a command waits. Watch the diagram, or run aws ecs describe-services --services <name> (or describe-tasks) again until it shows what you are waiting for.",
  );

function runOperation(op: Operation, words: readonly string[], globals: Globals, host: CliHost): CliResult {
  const params = optionsOf(op);
  const parsed = parseArgs(words, params);
  if ('exitCode' in parsed) return parsed;
  if (parsed.help) return ok(operationHelp(op, host.world()));
  // What the playground refuses outright goes first: it is the answer, whatever else the line has.
  for (const param of params)
    if (param.unsimulated?.refuse && !param.unsimulated.allows && parsed.values.has(param.api)) return playgroundRefusal(refusalMessage(param));
  const unknown = leftovers(parsed);
  if (unknown) return unknown;

  const input: Input = Object.create(null) as Input;
  for (const param of params) {
    const raw = parsed.values.get(param.api);
    if (raw === undefined || param === CLI_INPUT_JSON) continue;
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
  const unsimulated: string[] = [];
  // RegisterTaskDefinition's request is the task definition document: the importer checks it
  // whole, in the JSON editor's words.
  if (op.api !== 'RegisterTaskDefinition')
    for (const param of op.params) {
      if (Object.hasOwn(input, param.api)) validate(input[param.api], param.schema, param.api, problems, unsimulated);
      else if (param.required) problems.push(`Missing required parameter in input: "${param.api}"`);
    }
  if (problems.length) return paramError(`Parameter validation failed:\n${problems.join('\n')}`);
  if (unsimulated.length) return playgroundRefusal(`The playground's aws does not simulate ${unsimulated.join(', ')}: leave ${unsimulated.length > 1 ? 'them' : 'it'} out.`);

  // AWS's members the playground does not simulate: refused, or taken out with a note.
  const notes = [...globals.notes];
  for (const param of params) {
    const how = param.unsimulated;
    if (!how || !Object.hasOwn(input, param.api)) continue;
    if (how.refuse && !how.allows?.(input[param.api])) return playgroundRefusal(refusalMessage(param));
    notes.push(acceptedNote(param));
    delete input[param.api];
  }

  const answer = op.run(input, { host, operation: op.api });
  const before = notes.map(note).join('');
  if ('exitCode' in answer) return { ...answer, stderr: `${before}${answer.stderr}` };
  const result = present(op, answer.response, globals);
  return { ...result, stderr: `${before}${(answer.notes ?? []).map(note).join('')}${result.stderr}` };
}

/** --cli-input-json: its members fill whatever the line did not give. */
function mergeCliInput(op: Operation, input: Input, text: string): CliResult | null {
  if (FILE.test(text)) return noFiles('--cli-input-json', text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // The CLI names the argument without its dashes here, and with them below (cliinput.py).
    return paramError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return paramError(`Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${Array.isArray(doc) ? 'list' : doc === null ? 'NoneType' : typeof doc === 'string' ? 'str' : typeof doc === 'number' ? (Number.isInteger(doc) ? 'int' : 'float') : 'bool'}'>`);
  const members = op.params.map((p) => p.api);
  for (const [key, value] of Object.entries(doc)) {
    // RegisterTaskDefinition's document is checked whole by the task definition importer.
    if (op.api !== 'RegisterTaskDefinition' && !members.includes(key))
      return paramError(`Parameter validation failed:\nUnknown parameter in input: "${key.slice(0, 64)}", must be one of: ${members.join(', ')}`);
    // `input` has no prototype: "__proto__" is an own key like any other.
    if (!Object.hasOwn(input, key)) input[key] = value;
  }
  return null;
}

/** The response through --query, then --output. */
function present(op: Operation, response: Record<string, unknown>, globals: Globals): CliResult {
  let data: unknown = response;
  if (globals.query !== undefined) {
    try {
      data = search(response, globals.query);
    } catch (e) {
      return otherError(e instanceof Error ? e.message : String(e));
    }
  }
  switch (globals.output) {
    case 'text':
      return ok(textOutput(data));
    case 'table': {
      const table = tableOutput(op.api, data);
      return table.ok ? ok(table.text) : otherError(table.message);
    }
    case 'off':
      return ok('');
    case 'json':
      return ok(globals.query !== undefined && data === null ? 'null\n' : jsonOutput(data));
    default:
      return { ...ok(jsonOutput(data)), stderr: note(`--output ${globals.output} is not in the playground; here is the JSON.`) };
  }
}
