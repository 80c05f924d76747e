// Where a field named by the importer sits in the text the user typed, so an error can be marked
// in the editor and a click on it can put the cursor there. The importer names fields as the AWS
// CLI does — `family`, `containerDefinitions[1].dependsOn[0].condition`,
// `containerDefinitions[0].dockerLabels.ecs-playground.app` — so the document's fields are indexed
// by the same paths. Pure: text in, offsets out.

/** A range of the text, as offsets: [from, to). */
export type Span = { from: number; to: number };

/** The JSON parser couldn't read the text: the document stops here and has no fields. */
class Stop extends Error {}

/**
 * Every field of a JSON document, by path: a member by its key token, an element of a list by
 * its value's first character, the document itself by '' . On text that isn't valid JSON it
 * returns what it read before the break. Keys are untrusted, hence a Map.
 */
export function fieldSpans(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) throw new Stop();
    i++;
  };
  const string = (): string => {
    const start = i;
    if (text[i] !== '"') throw new Stop();
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new Stop();
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new Stop();
    }
  };
  const value = (path: string) => {
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      spans.set(path, { from: start, to: start + 1 });
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        const keyStart = i;
        const key = string();
        const child = path === '' ? key : `${path}.${key}`;
        spans.set(child, { from: keyStart, to: i });
        expect(':');
        // The member's own entry is its key; its value's fields go under it, the key kept.
        const own = spans.get(child)!;
        value(child);
        spans.set(child, own);
        space();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (c === '[') {
      spans.set(path, { from: start, to: start + 1 });
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        space();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (c === '"') string();
    else {
      const token = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!token) throw new Stop();
      i += token[0].length;
    }
    spans.set(path, { from: start, to: i });
  };
  try {
    value('');
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return spans;
}

/**
 * Where a field is: itself if the document has it, else the nearest field above it that it
 * does (a missing `family` is the document; a label name the importer shortened is its
 * dockerLabels). Null when not even the document could be read.
 */
export function locateField(spans: ReadonlyMap<string, Span>, field: string): Span | null {
  let path = field;
  for (;;) {
    const found = spans.get(path);
    if (found) return found;
    if (path === '') return null;
    // Drop the last step: an index ("[2]") or a name (".links"; a label name may hold dots, and
    // then the shorter path is tried first, which is still the label's own path or above it).
    const cut = path.endsWith(']') ? path.lastIndexOf('[') : path.lastIndexOf('.');
    path = cut > 0 ? path.slice(0, cut) : '';
  }
}

/** The offset a syntax error names: the importer ends its message with "(char N)". */
export function syntaxErrorOffset(message: string, text: string): number {
  const at = /\(char (\d+)\)$/.exec(message);
  return at ? Math.min(Number(at[1]), text.length) : 0;
}

/** The 1-based line of an offset, for the error list (the editor's line numbers). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
