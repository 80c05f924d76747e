// How the AWS CLI v2 writes what it prints: timestamps, JSON, text, and its error lines.
//
// Timestamps: the CLI parses the service's epoch seconds into a datetime in the local zone and
// prints Python's isoformat() (awscli/customizations/timestampformat.py, cli_timestamp_format
// iso8601, the default): microseconds only when there are any ("…T09:00:22+00:00" for a whole
// second, "…T09:00:22.412000+00:00" otherwise). The playground's local zone is UTC.
//
// Errors (v2.34.0 and later, Feb 2026, awscli/errorformat.py): every error line is
// "aws: [ERROR]: …" after a blank line. Before 2.34 only argparse's usage errors had a prefix —
// "aws: [ERROR]:" from 2.31, "aws: error:" before that — and the others ("An error occurred (…)
// when calling …", a Python exception's text) had none.

import { isoTimestamp, type Millis, type World } from '../sim/index.ts';

export type CliResult = { stdout: string; stderr: string; exitCode: number };

/** AWS CLI v2 return codes (awscli/constants.py). */
export const EXIT = { ok: 0, usage: 252, configuration: 253, service: 254, other: 255 } as const;

/** A sim time as the CLI prints a timestamp. */
export function cliTimestamp(world: World, at: Millis): string {
  const iso = isoTimestamp(world.config.epochMs, at); // 2026-01-05T09:00:22.412Z
  const [whole, fraction = '000Z'] = iso.split('.');
  const ms = fraction.slice(0, 3);
  return ms === '000' ? `${whole}+00:00` : `${whole}.${ms}000+00:00`;
}

/** json.dump(response, indent=4, ensure_ascii=False) and a newline, as the JSON formatter does.
 *  A response of {} (an operation with no body) prints nothing. */
export function jsonOutput(value: unknown): string {
  if (isPlainObject(value) && Object.keys(value).length === 0) return '';
  return `${JSON.stringify(value, null, 4) ?? 'null'}\n`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python's str() of a JSON scalar. */
const pyStr = (v: unknown): string => (v === null || v === undefined ? 'None' : v === true ? 'True' : v === false ? 'False' : String(v));

/** --output text, as awscli/text.py writes it: a dict's scalars on one tab-separated line
 *  (sorted by key, led by the upper-cased name it sits under), then its lists and dicts. */
export function textOutput(value: unknown): string {
  const out: string[] = [];
  formatText(value, out, null, null);
  return out.join('');
}

function formatText(item: unknown, out: string[], identifier: string | null, scalarKeys: string[] | null): void {
  if (isPlainObject(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyStr(item)}\n`);
}

const isComplex = (v: unknown) => typeof v === 'object' && v !== null;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function formatList(items: unknown[], out: string[], identifier: string | null): void {
  if (items.length === 0) return;
  if (items.some(isPlainObject)) {
    const keys = new Set<string>();
    for (const el of items) if (isPlainObject(el)) for (const [k, v] of Object.entries(el)) if (!isComplex(v)) keys.add(k);
    const all = [...keys].sort(byCodePoint);
    for (const el of items) formatText(el, out, identifier, all);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter((el) => !isComplex(el));
    if (scalars.length) formatScalarList(scalars, out, identifier);
    for (const el of items) if (isComplex(el)) formatText(el, out, identifier, null);
  } else formatScalarList(items, out, identifier);
}

function formatScalarList(items: unknown[], out: string[], identifier: string | null): void {
  if (identifier !== null) for (const item of items) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  else out.push(`${items.map(pyStr).join('\t')}\n`);
}

function formatDict(item: Record<string, unknown>, out: string[], identifier: string | null, scalarKeys: string[] | null): void {
  const scalars: string[] = [];
  const nested: [string, unknown][] = [];
  if (scalarKeys === null) {
    for (const key of Object.keys(item).sort(byCodePoint)) {
      const v = item[key];
      if (isComplex(v)) nested.push([key, v]);
      else scalars.push(pyStr(v));
    }
  } else {
    for (const key of scalarKeys) scalars.push(Object.hasOwn(item, key) ? pyStr(item[key]) : '');
    for (const key of Object.keys(item).sort(byCodePoint)) if (!scalarKeys.includes(key)) nested.push([key, item[key]]);
  }
  if (scalars.length) out.push(`${[...(identifier !== null ? [identifier.toUpperCase()] : []), ...scalars].join('\t')}\n`);
  for (const [key, v] of nested) formatText(v, out, key, null);
}

/** One error line as v2 writes it to stderr. */
export const errorLine = (message: string) => `\naws: [ERROR]: ${message.trim()}\n`;

/** The usage block every parse error carries (awscli/argparser.py USAGE, after argparse's
 *  "usage: "). */
export const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

export const ok = (stdout: string): CliResult => ({ stdout, stderr: '', exitCode: EXIT.ok });

/** An argparse error (missing or malformed arguments, an invalid choice): its message, then the
 *  usage block, as "An error occurred (ParamValidation): …", exit 252. */
export const argparseError = (message: string): CliResult => ({
  stdout: '',
  stderr: errorLine(`An error occurred (ParamValidation): ${message}\n\n${USAGE}`),
  exitCode: EXIT.usage,
});

/** Options no parser took: the usage block first, then the error line (UnknownArgumentErrorHandler). */
export const unknownOptions = (remaining: readonly string[]): CliResult => ({
  stdout: '',
  stderr: `\n${USAGE}\n${errorLine(`Unknown options: ${remaining.join(', ')}`)}`,
  exitCode: EXIT.usage,
});

/** A parameter the CLI could not turn into a request (bad JSON, shorthand, --query), exit 252. */
export const paramError = (message: string): CliResult => ({
  stdout: '',
  stderr: errorLine(`An error occurred (ParamValidation): ${message}`),
  exitCode: EXIT.usage,
});

/** The service said no: "An error occurred (Code) when calling the Operation operation: message", exit 254. */
export const serviceError = (code: string, operation: string, message: string): CliResult => ({
  stdout: '',
  stderr: errorLine(`An error occurred (${code}) when calling the ${operation} operation: ${message}`),
  exitCode: EXIT.service,
});

/** What the playground's aws cannot do, in its own words — never in AWS's, so that nobody takes
 *  it for AWS's answer — as a usage error (exit 252): the line asks for something not here. */
export const playgroundRefusal = (message: string): CliResult => ({ stdout: '', stderr: errorLine(message), exitCode: EXIT.usage });

/** A line of the playground's own on stderr, beside what the CLI prints. */
export const note = (text: string) => `Note (playground): ${text}\n`;

/** Anything else the CLI trips on (a Python exception's text), exit 255. */
export const otherError = (message: string): CliResult => ({ stdout: '', stderr: errorLine(message), exitCode: EXIT.other });
