// --output table, drawn the way the AWS CLI draws it (awscli/formatter.py TableFormatter over
// awscli/table.py MultiTable), because half of AWS's documentation shows its output so:
//
// - the response becomes sections: a title box (the operation's name at the top, then each key
//   that holds a list or an object), a header row of a dict's scalar keys (sorted) and its values;
//   a list of dicts is one header row and a row per element, or — when the elements hold lists or
//   objects too — a section per element; nested sections are indented with a '|' on each side;
// - every section is as wide as the widest: its columns are widened in proportion (Python's
//   round(), half to even), and the rounding error is taken from the first columns or given to
//   the last;
// - wider than the terminal (80 columns: what the CLI assumes when it cannot ask), each section of
//   a single row is turned on its side, one "key | value" row per column.
//
// Values are Python's str() (True, None). Widths count East Asian wide characters as two, as
// table.py does (an approximation of unicodedata's W, F and A classes: the common ranges).
// Where Python raises (a row of the wrong length in a section, a list that mixes objects and
// other values), the answer is that exception's text, as the CLI prints it (exit 255): the first
// one is kept as a value, and the table is not drawn.

const TERMINAL_WIDTH = 80;

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2010, 0x2010], [0x2013, 0x2016], [0x2018, 0x2019], [0x201c, 0x201d], [0x2020, 0x2022], [0x2024, 0x2027],
  [0x2030, 0x2030], [0x2032, 0x2033], [0x2190, 0x2199], [0x2460, 0x24e9], [0x2500, 0x257f], [0x25a0, 0x25ff], [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3], [0xe000, 0xf8ff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];
const LATIN_AMBIGUOUS = new Set([0xa1, 0xa4, 0xa7, 0xa8, 0xaa, 0xad, 0xae, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbc, 0xbd, 0xbe, 0xbf, 0xc6, 0xd0, 0xd7, 0xd8, 0xde, 0xdf, 0xe0, 0xe1, 0xe6, 0xe8, 0xe9, 0xea, 0xec, 0xed, 0xf0, 0xf2, 0xf3, 0xf7, 0xf8, 0xf9, 0xfa, 0xfc, 0xfe]);

const isWide = (code: number) => LATIN_AMBIGUOUS.has(code) || WIDE.some(([lo, hi]) => code >= lo && code <= hi);

/** table.py's get_text_length: columns on a terminal. */
export function textLength(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

const spaces = (n: number) => ' '.repeat(Math.max(0, n));
const dashes = (n: number) => '-'.repeat(Math.max(0, n));

/** Python 3's round() of a float: to the nearest integer, a half to the even one. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor; // exact for the widths a table has
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Python's repr() of a JSON value (a string in single quotes unless it holds one and no double). */
function pyRepr(v: unknown): string {
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v.replace(/\\/g, '\\\\')}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return pyStr(v);
}

/** Python's str() of a value in a cell: a list or dict (a key scalar elsewhere) as its repr. */
const pyStr = (v: unknown): string =>
  v === null || v === undefined ? 'None' : v === true ? 'True' : v === false ? 'False' : typeof v === 'object' ? pyRepr(v) : String(v);

class Section {
  headers: string[] = [];
  rows: string[][] = [];
  private columns: number | null = null;
  private widths: number[] = [];
  constructor(
    readonly title: string,
    readonly indent: number,
    /** Where a row Python would refuse is reported. */
    private readonly fail: (message: string) => void = () => {},
  ) {}

  addHeader(headers: string[]) {
    this.grow(headers);
    if (this.columns === null) this.columns = headers.length;
    this.headers = headers;
  }

  addRow(values: readonly unknown[]) {
    if (this.columns === null) this.columns = values.length;
    if (values.length !== this.columns) return this.fail(`Row should have ${this.columns} elements, instead it has ${values.length}`);
    const row = values.map(pyStr);
    this.rows.push(row);
    this.grow(row);
  }

  private grow(cells: readonly string[]) {
    if (this.widths.length === 0) this.widths = cells.map(textLength);
    else cells.forEach((cell, i) => (this.widths[i] = Math.max(textLength(cell), this.widths[i] ?? 0)));
  }

  /** Each column's width, padded, and scaled so that together they are `total` wide. */
  columnWidths(padding: number, total?: number): number[] {
    const unscaled = this.widths.map((w) => w + padding);
    if (total === undefined || unscaled.length === 0) return unscaled;
    const scale = total / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let off = scaled.reduce((a, b) => a + b, 0) - total;
    while (off !== 0) {
      const order = scaled.map((_, i) => i);
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) [scaled[i], off] = [scaled[i]! - 1, off - 1];
        else [scaled[i], off] = [scaled[i]! + 1, off + 1];
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, indent: number): number {
    const columns = this.widths.reduce((sum, w) => sum + w + padding, 0) + 2 + 2 * indent;
    return Math.max(textLength(this.title) + 2 + 2 * indent, columns);
  }
}

/** table.py's center_text: the arithmetic kept as it is, negative counts included. */
function center(text: string, length: number, left: string, right: string): string {
  const size = textLength(text);
  const start = Math.floor(length / 2) - Math.floor(size / 2) - 1;
  const sofar = textLength(left) + start + size;
  return `${left}${spaces(start)}${text}${spaces(length - textLength(right) - sofar)}${right}`;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const size = textLength(text);
  const padding = length - (size + 2 + textLength(left) + textLength(right)) >= 0 ? 2 : 0;
  return `${left}${spaces(padding)}${text}${spaces(length - (left.length + padding + size) - right.length)}${right}`;
}

const lineBreak = (widths: readonly number[]) => `${widths.map((w, i) => (i === 0 ? `+${dashes(w - 2)}+` : `${dashes(w - 1)}+`)).join('')}\n`;

class MultiTable {
  sections: Section[] = [];
  /** The first exception Python would have raised building the table. */
  error: string | null = null;
  private current: Section | null = null;

  fail = (message: string) => {
    this.error ??= message;
  };
  newSection(title: string, indent: number) {
    this.current = new Section(title, indent, this.fail);
    this.sections.push(this.current);
  }
  addHeader(headers: string[]) {
    this.current!.addHeader(headers);
  }
  addRow(values: readonly unknown[]) {
    this.current!.addRow(values);
  }

  render(): string {
    let width = this.maxWidth();
    if (width > TERMINAL_WIDTH) {
      this.sections = this.sections.map((s) => {
        if (s.rows.length !== 1 || s.headers.length === 0) return s;
        const vertical = new Section(s.title, s.indent);
        s.headers.forEach((h, i) => vertical.addRow([h, s.rows[0]![i]]));
        return vertical;
      });
      width = this.maxWidth();
    }
    const out = [`${dashes(width)}\n`];
    for (const s of this.sections) {
      const edge = '|'.repeat(s.indent);
      const write = (line: string) => out.push(`${edge}${line.slice(0, -1)}${edge}\n`);
      renderSection(s, width - 2 * s.indent, write);
    }
    return out.join('');
  }

  private maxWidth() {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indent)));
  }
}

function renderSection(s: Section, width: number, write: (line: string) => void) {
  if (s.title) {
    write(`${center(s.title, width, '|', '|')}\n`);
    if (s.headers.length === 0 && s.rows.length === 0) write(`+${dashes(width - 2)}+\n`);
  }
  if (s.headers.length) {
    const widths = s.columnWidths(4, width);
    write(lineBreak(widths));
    write(`${s.headers.map((h, i) => center(h, widths[i]!, i === 0 ? '|' : '', '|')).join('')}\n`);
  }
  if (s.rows.length) {
    const widths = s.columnWidths(4, width);
    if (widths.length === 0) return;
    write(lineBreak(widths));
    for (const row of s.rows) write(`${widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join('')}\n`);
    write(lineBreak(widths));
  }
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v !== 'object' || v === null;
/** Python's truthiness of a JSON value. */
const truthy = (v: unknown) => !(v === null || v === undefined || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (isDict(v) && Object.keys(v).length === 0));
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const pyTypeName = (v: unknown) => (v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : Array.isArray(v) ? 'list' : 'dict');

/** A dict's keys: those holding scalars, and the rest, each sorted. */
function scalarKeys(d: Dict): [string[], string[]] {
  const keys = Object.keys(d).sort(byCodePoint);
  return [keys.filter((k) => isScalar(d[k])), keys.filter((k) => !isScalar(d[k]))];
}

function build(table: MultiTable, title: string | null, current: unknown, indent: number): boolean {
  if (!truthy(current)) return false;
  if (title !== null) table.newSection(title, indent);
  if (Array.isArray(current)) {
    if (isDict(current[0])) fromList(table, current, indent, title);
    else
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        // A dict among scalars: Python iterates its keys, and they are the row.
        else if (isDict(item)) table.addRow(Object.keys(item));
        else if ((item as unknown[]).every(isScalar)) table.addRow(item as unknown[]);
        else build(table, null, item, 0);
      }
  }
  if (isDict(current)) fromDict(table, current, indent);
  return true;
}

function fromDict(table: MultiTable, current: Dict, indent: number) {
  const [headers, more] = scalarKeys(current);
  if (headers.length === 1) table.addRow([headers[0], current[headers[0]!]]);
  else if (headers.length) {
    table.addHeader(headers);
    table.addRow(headers.map((k) => current[k]));
  }
  for (const key of more) build(table, key, current[key], indent + 1);
}

function fromList(table: MultiTable, current: unknown[], indent: number, title: string | null) {
  const headerSet = new Set<string>();
  const moreSet = new Set<string>();
  for (const item of current) {
    // Python reads each element as a dict; anything else fails there.
    if (!isDict(item)) return table.fail(`'${pyTypeName(item)}' object has no attribute 'get'`);
    const [h, m] = scalarKeys(item);
    h.forEach((k) => headerSet.add(k));
    m.forEach((k) => moreSet.add(k));
  }
  const headers = [...headerSet].sort(byCodePoint);
  const more = [...moreSet].sort(byCodePoint);
  table.addHeader(headers);
  current.forEach((element, i) => {
    const item = element as Dict;
    if (i > 0 && more.length) {
      table.newSection(title ?? '', indent);
      table.addHeader(headers);
    }
    table.addRow(headers.map((h) => (Object.hasOwn(item, h) ? item[h] : '')));
    for (const key of more) if (Object.hasOwn(item, key)) build(table, key, item[key], indent + 1);
  });
}

/** The response (after --query) as --output table prints it, titled with the operation's name;
 *  or the Python exception's text where the CLI would fail. */
export function tableOutput(title: string, data: unknown): { ok: true; text: string } | { ok: false; message: string } {
  const table = new MultiTable();
  const drawn = build(table, title, data, 0);
  if (table.error !== null) return { ok: false, message: table.error };
  return { ok: true, text: drawn ? table.render() : '' };
}
