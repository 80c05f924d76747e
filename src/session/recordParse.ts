// Reading a session record (record.ts) from untrusted input: every field is checked, unknown
// fields are refused, and each error says what is wrong and where, in words for the person who
// clicked the link. Echoed values are shortened, so a huge bad value still gives a short message.
// parseSessionRecord never throws. Apart from record.ts because only the link codec (link.ts)
// uses it, and that is not on the first screen.

import { SCENARIOS, type ScriptCommand } from '../sim/index.ts';
import { COMMAND_FIELDS, parseCommand } from '../sim/json.ts';
// A record may hold schedule commands: reading one loads their mechanic (src/sim/extensions.ts).
import '../sim/schedules.ts';
import { MAX_LOG_ENTRIES, MAX_SESSION_MS, NEWER_VERSION, OLDER_VERSION, SESSION_VERSION, shorten, SPEEDS, type LogEntry, type SessionRecord, type Speed } from './record.ts';

const MAX_SEED = 0xffff_ffff;

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const RECORD_FIELDS = ['version', 'scenario', 'seed', 'log', 'playhead', 'end', 'speed'];
const ENTRY_FIELDS = ['at', 'command'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: a key like "constructor" must not find Object.prototype's. */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const isWholeMs = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A user's value as a message quotes it: short, and safe for any value (JSON.stringify throws on a BigInt). */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(shorten(v));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The end of "x must be …": what it is instead. */
const got = (v: unknown) => (v === undefined ? ' (it is missing)' : `, not ${describe(v)}`);

/** parseCommand quotes field names and values as given; shorten each quote, then the whole. */
const shortenMessage = (message: string) => shorten(message.replace(/"[^"]{60,}"/g, (q) => `"${shorten(q.slice(1, -1))}"`), 400);

function unknownField(o: Record<string, unknown>, known: string[], where: string): string | null {
  const extra = Object.keys(o).find((k) => !known.includes(k));
  return extra === undefined ? null : `${where} has an unknown field ${describe(extra)} (it takes ${known.join(', ')})`;
}

function checkCommand(raw: unknown): Result<ScriptCommand> {
  const parsed = parseCommand(raw);
  if (!parsed.ok) return { ok: false, error: shortenMessage(parsed.error) };
  // parseCommand lets "at" through (a script step carries one); in a record every field the
  // command has must be one it keeps.
  const dropped = Object.keys(raw as object).find((k) => !Object.hasOwn(parsed.value, k));
  if (dropped !== undefined) return { ok: false, error: `${parsed.value.type} has an unknown field ${describe(dropped)} (it takes ${Object.keys(COMMAND_FIELDS[parsed.value.type]).join(', ')})` };
  return parsed;
}

function checkLog(raw: unknown, end: number): Result<LogEntry[]> {
  if (!Array.isArray(raw)) return { ok: false, error: `"log" must be a list of commands${got(raw)}` };
  if (raw.length > MAX_LOG_ENTRIES) return { ok: false, error: `"log" has ${raw.length} commands; a session holds at most ${MAX_LOG_ENTRIES}` };
  const log: LogEntry[] = [];
  let previous = 0;
  for (let i = 0; i < raw.length; i++) {
    const where = `log[${i}]`;
    const entry: unknown = raw[i];
    if (!isObject(entry)) return { ok: false, error: `${where} must be an object like {"at": 1000, "command": {…}}${got(entry)}` };
    const extra = unknownField(entry, ENTRY_FIELDS, where);
    if (extra) return { ok: false, error: extra };
    const at = own(entry, 'at');
    if (!isWholeMs(at)) return { ok: false, error: `${where}.at must be a whole number of milliseconds, 0 or more${got(at)}` };
    if (at < previous) return { ok: false, error: `${where}.at (${at}) is before the command above it (${previous}): the log must be in time order` };
    if (at > end) return { ok: false, error: `${where}.at (${at}) is after the end of the session (${end})` };
    if (!Object.hasOwn(entry, 'command')) return { ok: false, error: `${where} needs "command"` };
    const command = checkCommand(entry.command);
    if (!command.ok) return { ok: false, error: `${where}: ${command.error}` };
    log.push({ at, command: command.value });
    previous = at;
  }
  return { ok: true, value: log };
}

export function parseSessionRecord(raw: unknown): Result<SessionRecord> {
  if (!isObject(raw)) return { ok: false, error: `a session must be an object with "version", "scenario", "seed" and "log"${got(raw)}` };
  // The version first: a newer format may have fields this page does not know.
  const version = own(raw, 'version');
  if (typeof version === 'number' && Number.isInteger(version) && version > SESSION_VERSION)
    return { ok: false, error: `${NEWER_VERSION} (session format ${version}); this page reads format ${SESSION_VERSION}.` };
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < SESSION_VERSION)
    return { ok: false, error: `${OLDER_VERSION} (session format ${version}), whose simulation has changed since: it would not replay what was recorded. Start from a scene instead.` };
  if (version !== SESSION_VERSION) return { ok: false, error: `"version" must be ${SESSION_VERSION}${got(version)}` };
  const extra = unknownField(raw, RECORD_FIELDS, 'the session');
  if (extra) return { ok: false, error: extra };

  const scenario = own(raw, 'scenario');
  // Compare with the names themselves, so "__proto__" or "constructor" never reach a lookup.
  if (typeof scenario !== 'string' || !SCENARIOS.some((s) => s.name === scenario))
    return { ok: false, error: `"scenario" must be one of ${SCENARIOS.map((s) => s.name).join(', ')}${got(scenario)}` };
  const seed = own(raw, 'seed');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return { ok: false, error: `"seed" must be a whole number from 0 to ${MAX_SEED}${got(seed)}` };
  const end = own(raw, 'end');
  if (!isWholeMs(end) || end > MAX_SESSION_MS)
    return { ok: false, error: `"end" must be a whole number of milliseconds from 0 to ${MAX_SESSION_MS} (a day)${got(end)}` };
  const playhead = own(raw, 'playhead');
  if (!isWholeMs(playhead)) return { ok: false, error: `"playhead" must be a whole number of milliseconds, 0 or more${got(playhead)}` };
  if (playhead > end) return { ok: false, error: `"playhead" (${playhead}) is after the end of the session (${end})` };
  const speed = own(raw, 'speed');
  if (!SPEEDS.includes(speed as Speed)) return { ok: false, error: `"speed" must be one of ${SPEEDS.join(', ')}${got(speed)}` };
  const log = checkLog(own(raw, 'log'), end);
  if (!log.ok) return log;

  return { ok: true, value: { version: SESSION_VERSION, scenario, seed, log: log.value, playhead, end, speed: speed as Speed } };
}
