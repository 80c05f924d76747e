// A parameter's shape, as botocore's model gives it, and the two ways a value reaches it from the
// command line: JSON, or the CLI's shorthand syntax (`targetGroupArn=…,containerName=web,
// containerPort=80`, `awsvpcConfiguration={subnets=[a,b],assignPublicIp=ENABLED}`). Either way
// the result is checked the way botocore checks a request before sending it ("Parameter validation
// failed: Invalid type for parameter …"), so a mistake is named by its path.
//
// Keys are the user's: objects made here have no prototype to find (`constructor`, `__proto__`
// are just unknown keys), and every read is Object.hasOwn first.

export type Schema =
  | 'string'
  | 'integer'
  | 'boolean'
  /** Checked elsewhere (container definitions: the task definition importer). */
  | 'document'
  | { list: Schema }
  | { struct: readonly (readonly [string, Schema])[]; required?: readonly string[]; /** Every member the API has, for the "must be one of" message. */ members?: readonly string[] };

/** A failure is botocore's words, or (`unsimulated`) a member AWS has and the playground does not
 *  simulate — said in the playground's words, never as an unknown key. */
export type Converted = { ok: true; value: unknown } | { ok: false; message: string; unsimulated?: string };

const own = (o: object, k: string): unknown => (Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

// ---- Shorthand syntax ----------------------------------------------------------------------------

class ShorthandError {
  constructor(readonly message: string) {}
}

/** Parse shorthand (`a=b,c=[d,e],f={g=h}`) into plain values: strings, lists, objects. */
export function parseShorthand(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const p = new ShorthandParser(text);
  const result = p.parameter();
  return result instanceof ShorthandError ? { ok: false, message: result.message } : { ok: true, value: result };
}

const KEY = /^[A-Za-z0-9\-_.#/:]*/;
const NEXT_KEY = /^\s*[A-Za-z0-9\-_.#/:]+\s*=/;

class ShorthandParser {
  private i = 0;
  constructor(private readonly text: string) {}

  private fail(expected: string): ShorthandError {
    const actual = this.i >= this.text.length ? 'EOF' : this.text[this.i]!;
    return new ShorthandError(`Expected: '${expected}', received: '${actual}' for input:\n ${this.text}\n${' '.repeat(this.i + 1)}^`);
  }
  private skipSpace() {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }
  private expect(c: string): ShorthandError | null {
    this.skipSpace();
    if (this.text[this.i] !== c) return this.fail(c);
    this.i++;
    return null;
  }
  private key(): string {
    const k = KEY.exec(this.text.slice(this.i))![0];
    this.i += k.length;
    return k;
  }

  parameter(): Record<string, unknown> | ShorthandError {
    const out = record();
    for (;;) {
      const key = this.key();
      const eq = this.expect('=');
      if (eq) return eq;
      if (Object.hasOwn(out, key)) return new ShorthandError(`Second instance of key "${key}" encountered for input:\n${this.text}\nThis is often because there is a preceding "," instead of a space.`);
      const value = this.csv();
      if (value instanceof ShorthandError) return value;
      out[key] = value;
      this.skipSpace();
      if (this.i >= this.text.length) return out;
      const comma = this.expect(',');
      if (comma) return comma;
    }
  }

  /** A value, or several separated by commas — until a comma starts the next `key=`. */
  private csv(): unknown {
    this.skipSpace();
    if (this.i >= this.text.length) return '';
    if (this.text[this.i] === '[') return this.list();
    if (this.text[this.i] === '{') return this.hash();
    const values: string[] = [];
    for (;;) {
      const v = this.scalar(',');
      if (v instanceof ShorthandError) return v;
      values.push(v);
      if (this.text[this.i] !== ',' || NEXT_KEY.test(this.text.slice(this.i + 1))) break;
      this.i++;
    }
    return values.length === 1 ? values[0] : values;
  }

  private scalar(stops: string): string | ShorthandError {
    this.skipSpace();
    const quote = this.text[this.i];
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.i + 1);
      if (end < 0) {
        this.i = this.text.length;
        return this.fail(quote);
      }
      const v = this.text.slice(this.i + 1, end);
      this.i = end + 1;
      return v;
    }
    let v = '';
    while (this.i < this.text.length && !stops.includes(this.text[this.i]!)) {
      if (this.text[this.i] === '\\' && this.text[this.i + 1] === ',') this.i++;
      v += this.text[this.i++];
    }
    return v.trimEnd();
  }

  private element(): unknown {
    this.skipSpace();
    if (this.text[this.i] === '[') return this.list();
    if (this.text[this.i] === '{') return this.hash();
    return this.scalar(',]}');
  }

  private list(): unknown[] | ShorthandError {
    this.i++; // [
    const out: unknown[] = [];
    this.skipSpace();
    while (this.text[this.i] !== ']') {
      if (this.i >= this.text.length) return this.fail(']');
      const v = this.element();
      if (v instanceof ShorthandError) return v;
      out.push(v);
      this.skipSpace();
      if (this.text[this.i] !== ']') {
        const comma = this.expect(',');
        if (comma) return comma;
        this.skipSpace();
      }
    }
    this.i++;
    return out;
  }

  private hash(): Record<string, unknown> | ShorthandError {
    this.i++; // {
    const out = record();
    this.skipSpace();
    while (this.text[this.i] !== '}') {
      if (this.i >= this.text.length) return this.fail('}');
      const key = this.key();
      const eq = this.expect('=');
      if (eq) return eq;
      const v = this.element();
      if (v instanceof ShorthandError) return v;
      out[key] = v;
      this.skipSpace();
      if (this.text[this.i] !== '}') {
        const comma = this.expect(',');
        if (comma) return comma;
        this.skipSpace();
      }
    }
    this.i++;
    return out;
  }
}

/** Shorthand strings to the model's types (what botocore would send): ints, booleans, lists. */
export function fromShorthand(value: unknown, schema: Schema): Converted {
  if (schema === 'integer') {
    if (typeof value !== 'string') return { ok: true, value };
    const text = value.trim();
    return /^[+-]?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: `invalid literal for int() with base 10: '${value}'` };
  }
  if (schema === 'boolean') return typeof value === 'string' ? { ok: true, value: value.toLowerCase() === 'true' } : { ok: true, value };
  if (schema === 'string' || schema === 'document') return { ok: true, value };
  if ('list' in schema) {
    const items = Array.isArray(value) ? value : [value];
    const out: unknown[] = [];
    for (const item of items) {
      const c = fromShorthand(item, schema.list);
      if (!c.ok) return c;
      out.push(c.value);
    }
    return { ok: true, value: out };
  }
  if (!isRecord(value)) return { ok: true, value };
  const out = record();
  for (const key of Object.keys(value)) {
    const member = schema.struct.find(([name]) => name === key);
    if (!member && schema.members?.includes(key)) return { ok: false, message: '', unsimulated: key };
    if (!member) return { ok: false, message: `Unknown key '${key}', valid choices are: ${membersOf(schema).join(', ')}` };
    const c = fromShorthand(value[key], member[1]);
    if (!c.ok) return c;
    out[key] = c.value;
  }
  return { ok: true, value: out };
}

// ---- botocore's validation --------------------------------------------------------------------------

const pyType = (v: unknown) =>
  v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : Array.isArray(v) ? 'list' : 'dict';
const shorten = (s: string) => (s.length > 64 ? `${s.slice(0, 61)}…` : s);
const pyRepr = (v: unknown): string =>
  v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : typeof v === 'string' ? shorten(v) : typeof v === 'number' ? String(v) : shorten(JSON.stringify(v) ?? '');
const VALID: Record<string, string> = { string: "<class 'str'>", integer: "<class 'int'>", boolean: "<class 'bool'>", list: "<class 'list'>, <class 'tuple'>", struct: "<class 'dict'>" };

type Struct = Extract<Schema, { struct: unknown }>;
/** Every member the API's structure has (botocore's list), simulated or not. */
const membersOf = (schema: Struct) => schema.members ?? schema.struct.map(([n]) => n);

/** Every problem botocore would report for `value` at `path`, in its words; the paths of members
 *  AWS has and the playground does not simulate go to `unsimulated`. */
export function validate(value: unknown, schema: Schema, path: string, errors: string[] = [], unsimulated: string[] = []): string[] {
  const invalid = (kind: string) => errors.push(`Invalid type for parameter ${path}, value: ${pyRepr(value)}, type: <class '${pyType(value)}'>, valid types: ${VALID[kind]}`);
  if (schema === 'document') return errors;
  if (schema === 'string') {
    if (typeof value !== 'string') invalid('string');
  } else if (schema === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) invalid('integer');
  } else if (schema === 'boolean') {
    if (typeof value !== 'boolean') invalid('boolean');
  } else if ('list' in schema) {
    if (!Array.isArray(value)) invalid('list');
    else value.forEach((item, i) => validate(item, schema.list, `${path}[${i}]`, errors, unsimulated));
  } else if (!isRecord(value)) invalid('struct');
  else {
    for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) errors.push(`Missing required parameter in ${path}: "${name}"`);
    for (const key of Object.keys(value)) {
      const member = schema.struct.find(([name]) => name === key);
      if (!member && schema.members?.includes(key)) unsimulated.push(`${path}.${key}`);
      else if (!member) errors.push(`Unknown parameter in ${path}: "${shorten(key)}", must be one of: ${membersOf(schema).join(', ')}`);
      else validate(own(value, key), member[1], `${path}.${key}`, errors, unsimulated);
    }
  }
  return errors;
}
