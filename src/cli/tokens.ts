// A command line as a shell would split it (shell-quote's parse): quotes and escapes are undone,
// a trailing "# comment" is dropped. There is no shell behind the terminal, so anything a shell
// would do rather than pass on — a pipe, a redirect, `;`, a glob, a $VARIABLE — is refused with
// what to write instead, never half run.

import { parse } from 'shell-quote';

/** A refusal carries bash's exit code where bash itself would refuse the line. */
export type Tokens = { ok: true; words: string[] } | { ok: false; message: string; exitCode?: number };

type Variable = { variable: string };
const isVariable = (e: unknown): e is Variable => typeof e === 'object' && e !== null && Object.hasOwn(e, 'variable');

/** The quote bash is still looking for at the end of the line, or null when they all close.
 *  shell-quote closes an open quote at the end of the line without a word; bash would not run the
 *  line at all. Outside quotes a backslash escapes the next character and a # that starts a word
 *  starts a comment; inside double quotes a backslash escapes; inside single quotes nothing does. */
export function openQuote(line: string): "'" | '"' | null {
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = null;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return null;
  }
  return quote;
}

export function tokenize(line: string): Tokens {
  const open = openQuote(line);
  // bash's words (it would then wait for the rest of the line; this terminal takes one line).
  if (open !== null)
    return { ok: false, exitCode: 2, message: `bash: unexpected EOF while looking for matching \`${open}'\nNote (playground): close the quote on the same line: the terminal runs one line at a time.` };
  // A variable comes back as a marker, not as "" (which is what bash gives an unset one). A
  // malformed ${…} is the one thing shell-quote throws on, as JSON.parse throws on bad JSON: bash
  // refuses the line too ("bad substitution"), and so does the terminal.
  let entries: ReturnType<typeof parse<Variable>>;
  try {
    entries = parse(line, (name: string): Variable => ({ variable: name }));
  } catch {
    return { ok: false, message: "The line has a ${…} substitution, and the playground's terminal has no shell variables: write the value itself, or quote a literal ${ as '${'." };
  }
  const words: string[] = [];
  for (const e of entries) {
    if (typeof e === 'string') words.push(e);
    else if (isVariable(e))
      return { ok: false, message: `The playground's terminal has no shell variables: $${e.variable} is not set. Write the value itself (the terminal completes names with Tab).` };
    else if ('comment' in e) break;
    else if (e.op === 'glob')
      return { ok: false, message: `${e.pattern} would be expanded by a shell as a file pattern. Quote it: '${e.pattern}'.` };
    else
      return { ok: false, message: `The playground's terminal runs one aws command at a time, without a shell: "${e.op}" (a pipe, redirect or command separator) is not supported. Use --query to pick from the output.` };
  }
  return { ok: true, words };
}
