// Time zones for schedules, without Date: EventBridge Scheduler evaluates cron and at() in an IANA
// time zone (spec §4.1, "UTC default"). The offsets come from Intl.DateTimeFormat's formatToParts,
// given an epoch number, so the answer depends only on the tz database the host's ICU carries
// (Node 20 and current browsers ship 2025 data): the same instant and zone give the same wall
// clock on every run, which is what determinism needs. UTC, the default, never touches Intl.

import type { ExpressionProblem } from '../model/scheduleExpression.ts';
import { MINUTE_MS, daysFromCivil } from './civil.ts';

const DAY_MS = 86_400_000;

/** Formatters are costly to build and pure to use, so one per zone is kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// format() is three times faster than formatToParts(); en-US with these options prints
// "12/31/2025, 19:00:00". Should a host's ICU print it otherwise, formatToParts is the fallback.
const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function wallClockAt(formatter: Intl.DateTimeFormat, epochMs: number): [number, number, number, number, number, number] {
  const match = EN_US.exec(formatter.format(epochMs));
  if (match) return [Number(match[3]), Number(match[1]), Number(match[2]), Number(match[4]), Number(match[5]), Number(match[6])];
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(epochMs)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      wall[part.type] = Number(part.value);
    }
  }
  return [wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second];
}

/** The zone's offset from UTC at an instant, in ms (local wall clock − UTC), to the second. */
export function offsetAt(timeZone: string, epochMs: number): number {
  if (timeZone === 'UTC') return 0;
  const [year, month, day, hour, minute, second] = wallClockAt(formatterFor(timeZone), epochMs);
  const wallMs = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS + second * 1000;
  return wallMs - Math.floor(epochMs / 1000) * 1000;
}

/** The civil minute (see civil.ts) the zone's wall clock shows at an instant. */
export function civilMinuteAt(timeZone: string, epochMs: number): number {
  return Math.floor((epochMs + offsetAt(timeZone, epochMs)) / MINUTE_MS);
}

/**
 * Every instant at which the zone's wall clock reads this civil minute, earliest first: one
 * normally, none in a spring-forward gap, two in a fall-back overlap. Any instant showing wall time
 * L is L − offset, with the offset of a moment within a day of L (offsets run from −12 h to +14 h);
 * assuming no zone changes its offset twice within two days (none has since 1970), the offsets a
 * day either side are the only candidates, and when they agree there was no change at all.
 */
export function instantsOfCivilMinute(timeZone: string, civilMinute: number): number[] {
  const wallMs = civilMinute * MINUTE_MS;
  if (timeZone === 'UTC') return [wallMs];
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const after = offsetAt(timeZone, wallMs + DAY_MS);
  if (before === after) return [wallMs - before];
  const instants: number[] = [];
  for (const offset of [before, after]) {
    const instant = wallMs - offset;
    if (offsetAt(timeZone, instant) === offset) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

// ScheduleExpressionTimezone in CreateSchedule: 1 to 50 characters, an IANA zone name.
const MAX_TIME_ZONE_LENGTH = 50;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Validate an IANA time zone name ("UTC" default, "Europe/Berlin", "America/New_York"…). */
export function checkTimeZone(name: string): ExpressionProblem | null {
  const problem = (message: string): ExpressionProblem => ({ field: 'timezone', message: `timezone: ${message}` });
  if (name === '') return problem('give an IANA time zone name, such as UTC, Europe/Berlin or America/New_York.');
  if (name.length > MAX_TIME_ZONE_LENGTH) return problem(`a time zone name has at most ${MAX_TIME_ZONE_LENGTH} characters.`);
  // Intl also takes offsets such as +01:00, which are not IANA names and which the Scheduler refuses.
  if (!ZONE_NAME.test(name)) return problem(`"${name}" is not an IANA time zone name; names look like UTC, Europe/Berlin or America/New_York.`);
  let resolved: string;
  try {
    resolved = formatterFor(name).resolvedOptions().timeZone;
  } catch {
    return problem(`"${name}" is not in the IANA time zone database; names look like UTC, Europe/Berlin or America/New_York.`);
  }
  // Intl matches names case-insensitively; the database's names are case-sensitive.
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return problem(`time zone names are case-sensitive: write ${resolved}.`);
  return null;
}
