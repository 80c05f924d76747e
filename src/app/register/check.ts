// One check of the editor's text: the engine's importer says what is wrong, by field, in the
// CLI's and ECS's words; this adds where each problem sits in the text, for the editor's marks
// and the error list's links. The rules are all the engine's (src/sim/taskDefinitionJson.ts).

import { parseTaskDefinitionJson, type ImportResult } from '../../sim/json.ts';
import { fieldSpans, lineOf, locateField, syntaxErrorOffset, type Span } from './locate.ts';

export type Problem = { field: string; message: string; span: Span | null; line: number | null };
export type Check = { text: string; result: ImportResult; problems: Problem[] };

export function checkDocument(text: string): Check {
  const result = parseTaskDefinitionJson(text);
  if (result.ok) return { text, result, problems: [] };
  if (result.kind === 'syntax') {
    const problems = result.errors.map((e) => {
      const at = syntaxErrorOffset(e.message, text);
      return { ...e, span: { from: at, to: Math.min(at + 1, text.length) }, line: lineOf(text, at) };
    });
    return { text, result, problems };
  }
  const spans = fieldSpans(text);
  const problems = result.errors.map((e) => {
    const span = locateField(spans, e.field);
    return { ...e, span, line: span ? lineOf(text, span.from) : null };
  });
  return { text, result, problems };
}

/** The one line the status announces: what Register would do now. */
export function summary(check: Check, registersAs: (family: string) => string): string {
  const { result } = check;
  if (result.ok) return `Ready: registers as ${registersAs(result.input.family)}.`;
  const n = result.errors.length;
  const what = result.kind === 'syntax' ? 'The JSON does not parse' : `${n} ${n === 1 ? 'problem' : 'problems'}`;
  return `${what}: not registered yet.`;
}

/** Who refuses it, as on AWS: the JSON parser, the CLI before sending, or ECS. */
export function refusedBy(kind: 'syntax' | 'parameter' | 'validation'): string {
  switch (kind) {
    case 'syntax':
      return 'The JSON does not parse: the AWS CLI would stop here too.';
    case 'parameter':
      return 'The AWS CLI would refuse it before sending anything ("Parameter validation failed:"):';
    case 'validation':
      return 'ECS would refuse it: "An error occurred (ClientException) when calling the RegisterTaskDefinition operation:"';
  }
}

/** A document laid out as the CLI and the export write it (two spaces), or null if it doesn't parse. */
export function formatted(text: string): string | null {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return null;
  }
}
