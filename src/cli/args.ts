// The operation's arguments as argparse reads them in the CLI (awscli/argparser.py): `--name
// value` or `--name=value`, a unique prefix of a name, a list taking every value up to the next
// option, `--flag` / `--no-flag` for booleans; then the required ones; and anything left over is
// "Unknown options". Then each raw value becomes the model's type: an integer as Python's int()
// reads it, JSON or shorthand for structures, `file://` refused (there are no files here).

import { CLI_INPUT_JSON, type Param } from './param.ts';
import { fromShorthand, parseShorthand, type Schema } from './schema.ts';
import { argparseError, note, otherError, paramError, playgroundRefusal, unknownOptions, type CliResult } from './format.ts';

export type Raw = string | string[] | boolean;

const takesList = (schema: Schema) => typeof schema === 'object' && 'list' in schema;
const looksLikeOption = (word: string) => /^-[^\d]/.test(word) || word === '--';

type Option = { param: Param; negated: boolean };

/** Every option string of the parameters: --name, and --no-name for a boolean. */
function optionTable(params: readonly Param[]): Map<string, Option> {
  const table = new Map<string, Option>();
  for (const param of params) {
    table.set(`--${param.name}`, { param, negated: false });
    if (param.schema === 'boolean' && !param.name.startsWith('no-')) table.set(`--no-${param.name}`, { param, negated: true });
  }
  return table;
}

export type Parsed = { values: Map<string, Raw>; help: boolean; remaining: string[] };

/** argparse over `words`; an argparse error comes back as the CLI prints it. */
export function parseArgs(words: readonly string[], params: readonly Param[]): Parsed | CliResult {
  const table = optionTable(params);
  const values = new Map<string, Raw>();
  const remaining: string[] = [];
  let help = false;
  let positional = false; // argparse's optional positional "help" takes the first stray word
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!looksLikeOption(word)) {
      if (!positional) {
        positional = true;
        if (word === 'help') help = true;
        else remaining.push(word);
      } else remaining.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    const explicit = word.startsWith('--') && eq > 0 ? word.slice(eq + 1) : undefined;
    let option = table.get(flag);
    if (!option && flag.startsWith('--') && flag.length > 2) {
      const matches = [...table.keys()].filter((k) => k.startsWith(flag));
      if (matches.length > 1) return argparseError(`ambiguous option: ${flag} could match ${matches.join(', ')}`);
      if (matches.length === 1) option = table.get(matches[0]!);
    }
    if (!option) {
      remaining.push(word);
      continue;
    }
    const { param, negated } = option;
    const cli = `--${param.name}`;
    if (param.schema === 'boolean') {
      if (explicit !== undefined) return argparseError(`argument ${negated ? `--no-${param.name}` : cli}: ignored explicit argument '${explicit}'`);
      values.set(param.api, !negated);
      continue;
    }
    if (explicit !== undefined) {
      values.set(param.api, takesList(param.schema) ? [explicit] : explicit);
      continue;
    }
    if (takesList(param.schema)) {
      const list: string[] = [];
      while (i + 1 < words.length && !looksLikeOption(words[i + 1]!)) list.push(words[++i]!);
      if (list.length === 0) return argparseError(`argument ${cli}: expected at least one argument`);
      values.set(param.api, list);
    } else {
      const next = words[i + 1];
      if (next === undefined || looksLikeOption(next)) return argparseError(`argument ${cli}: expected one argument`);
      values.set(param.api, next);
      i++;
    }
  }
  if (!help && !values.has(CLI_INPUT_JSON.api)) {
    const missing = params.filter((p) => p.required && !values.has(p.api)).map((p) => `--${p.name}`);
    if (missing.length) return argparseError(`the following arguments are required: ${missing.join(', ')}`);
  }
  return { values, help, remaining };
}

export const leftovers = (parsed: Parsed): CliResult | null => (parsed.remaining.length ? unknownOptions(parsed.remaining) : null);

export const FILE = /^fileb?:\/\//;
/** A file:// or fileb:// value: the CLI would read the file; there are none here. */
export const noFiles = (cli: string, v: string) =>
  paramError(`Error parsing parameter '${cli}': Unable to load paramfile ${v}: the playground's terminal cannot read files on your computer. Paste the JSON itself, in single quotes.`);

function parseJson(cli: string, text: string): { ok: true; value: unknown } | { ok: false; result: CliResult } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, result: paramError(`Error parsing parameter '${cli}': Invalid JSON: ${why}\nJSON received: ${text}`) };
  }
}

/** A raw value in the model's type, as the CLI unpacks it (awscli/argprocess.py). */
export function unpack(param: Param, raw: Raw): { ok: true; value: unknown } | { ok: false; result: CliResult } {
  const cli = `--${param.name}`;
  const { schema } = param;
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const single = Array.isArray(raw) ? raw : [raw];
  for (const v of single) if (FILE.test(v)) return { ok: false, result: noFiles(cli, v) };
  if (schema === 'integer') {
    const text = (raw as string).trim();
    // Python's int(): an uncaught ValueError, so exit 255 (not a usage error).
    if (!/^[+-]?\d+$/.test(text)) {
      const error = otherError(`invalid literal for int() with base 10: '${raw as string}'`);
      return { ok: false, result: { ...error, stderr: `${error.stderr}${note(`${cli} takes a whole number, e.g. 5.`)}` } };
    }
    return { ok: true, value: Number(text) };
  }
  if (schema === 'string' || schema === 'boolean' || schema === 'document') return { ok: true, value: raw };
  if ('list' in schema) {
    const member = schema.list;
    const first = single[0]!.trimStart();
    if (single.length === 1 && first.startsWith('[')) return parseJson(cli, single[0]!);
    if (member === 'string' || member === 'integer' || member === 'boolean') {
      const out: unknown[] = [];
      for (const v of single) {
        const c = unpack({ ...param, schema: member }, v);
        if (!c.ok) return c;
        out.push(c.value);
      }
      return { ok: true, value: out };
    }
    const out: unknown[] = [];
    for (const v of single) {
      const c = structure(cli, member, v);
      if (!c.ok) return c;
      out.push(c.value);
    }
    return { ok: true, value: out };
  }
  return structure(cli, schema, raw as string);
}

function structure(cli: string, schema: Schema, text: string): { ok: true; value: unknown } | { ok: false; result: CliResult } {
  if (text.trimStart().startsWith('{') || schema === 'document') return parseJson(cli, text);
  const parsed = parseShorthand(text);
  if (!parsed.ok) return { ok: false, result: paramError(`Error parsing parameter '${cli}': ${parsed.message}`) };
  const converted = fromShorthand(parsed.value, schema);
  if (!converted.ok && converted.unsimulated !== undefined)
    return { ok: false, result: playgroundRefusal(`The playground's aws does not simulate ${converted.unsimulated} (in ${cli}): leave it out.`) };
  if (!converted.ok) return { ok: false, result: paramError(`Error parsing parameter '${cli}': ${converted.message}`) };
  return converted;
}
