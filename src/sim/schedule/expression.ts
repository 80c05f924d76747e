// EventBridge Scheduler's schedule expressions (spec §4.1): rate(value unit), cron(six fields) and
// at(yyyy-mm-ddThh:mm:ss), each read in the schedule's time zone (UTC by default), parsed into
// plain data, described in words, and asked for their next firing. A module on its own: the engine
// keeps schedules and their timers; this knows only expressions and time.
//
// Why our own calendar rather than croner behind an adapter (issue 13 allows either, "whichever is
// more correct"): croner is a fine library, but three of its choices are not AWS's. (1) Daylight
// saving: croner follows Vixie cron — a fixed time that falls in a spring-forward gap runs just
// after it, and interval jobs run twice in a fall-back hour — whereas AWS documents the opposite
// for the Scheduler: a time that does not exist is skipped that day, and a time that happens twice
// runs once, at its first occurrence. An adapter cannot undo that from outside. (2) It computes with
// Date, which src/sim's lint forbids (the host's clock and zone must not leak in), so it would
// need an exception. (3) Its dialect differs (0-6 weekdays, OR of the two day fields, no "exactly
// one ?" rule, years 1-9999), so the adapter would re-parse everything anyway to give AWS's
// messages per field. Here: civil-date arithmetic on integers (civil.ts), offsets from
// Intl.DateTimeFormat (timeZone.ts), the field grammar with AWS's table (cronFields.ts), a
// field-by-field search (cronMatch.ts); the tests check AWS's documented examples and croner-style
// cases (L, W, #, leap years, DST in America/New_York and Europe/Berlin).
//
// Precision: "All schedule types on EventBridge Scheduler invoke their targets with 60 second
// precision" (a schedule set for 1:00 invokes between 1:00:00 and 1:00:59). The sim models that
// minute by firing cron and rate schedules at its second 0; at() fires at the second it names,
// which lies in that same minute.

import type { ExpressionProblem, RateUnit, ScheduleExpression } from '../model/scheduleExpression.ts';
import { MINUTE_MS, civilMinute, daysInMonth } from './civil.ts';
import { parseCronFields } from './cronFields.ts';
import { nextMatchingMinute } from './cronMatch.ts';
import { civilMinuteAt, instantsOfCivilMinute } from './timeZone.ts';

export type { CronFields, DayOfMonthRule, DayOfWeekRule, ExpressionField, ExpressionProblem, RateUnit, ScheduleExpression } from '../model/scheduleExpression.ts';
export { checkTimeZone } from './timeZone.ts';
export { describeExpression } from './describe.ts';

export type ParsedExpression = { ok: true; expression: ScheduleExpression } | { ok: false; problems: ExpressionProblem[] };

// CreateSchedule's ScheduleExpression: 1 to 256 characters.
const MAX_EXPRESSION_LENGTH = 256;

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['minute', MINUTE_MS], ['minutes', MINUTE_MS],
  ['hour', 60 * MINUTE_MS], ['hours', 60 * MINUTE_MS],
  // "days represents a 24-hour duration on the clock": a day of rate is 24 h even across DST.
  ['day', 24 * 60 * MINUTE_MS], ['days', 24 * 60 * MINUTE_MS],
]);

const FORMS = 'rate(5 minutes), cron(0 12 * * ? *) or at(2026-01-05T09:30:00)';
const wrong = (message: string): ParsedExpression => ({ ok: false, problems: [{ field: 'expression', message: `expression: ${message}` }] });

function parseRate(inner: string): ParsedExpression {
  const parts = inner.trim().split(/\s+/);
  if (parts.length !== 2) return wrong('a rate expression is a value and a unit, such as rate(5 minutes) or rate(1 hour).');
  const [valueText = '', unit = ''] = parts;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) return wrong(`the rate's value must be a positive whole number, not "${valueText}".`);
  const unitMs = UNIT_MS.get(unit);
  if (unitMs === undefined) {
    const finer = /^(second|sec|ms)/i.test(unit) ? ' (the Scheduler counts in minutes at the finest)' : '';
    return wrong(`the rate's unit must be minute(s), hour(s) or day(s), not "${unit}"${finer}.`);
  }
  const value = Number(valueText);
  // AWS's rule: "If the value is equal to 1, then the unit must be singular. If the value is greater
  // than 1, the unit must be plural" — rate(1 hours) and rate(5 hour) are refused.
  const singular = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  if (value === 1 && unit !== singular) return wrong(`a value of 1 takes the singular unit: rate(1 ${singular}), not rate(1 ${unit}).`);
  if (value > 1 && unit === singular) return wrong(`a value above 1 takes the plural unit: rate(${value} ${unit}s), not rate(${value} ${unit}).`);
  const everyMs = value * unitMs;
  if (!Number.isSafeInteger(everyMs)) return wrong(`rate(${valueText} ${unit}) is too long a period.`);
  return { ok: true, expression: { kind: 'rate', value, unit: unit as RateUnit, everyMs } };
}

const AT_FORMAT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** The wall-clock parts of at(…), or what is wrong with them. */
function atParts(at: string): { civilMinute: number; second: number } | string {
  const match = AT_FORMAT.exec(at);
  if (!match) return `an at expression names a date and time as yyyy-mm-ddThh:mm:ss, such as at(2026-01-05T09:30:00), not at(${at}).`;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1970) return `at(${at}): the year must be 1970 or later.`;
  if (month < 1 || month > 12) return `at(${at}): the month must be 01-12.`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return `at(${at}): that month has days 01-${lastDay}.`;
  if (hour > 23) return `at(${at}): the hour must be 00-23.`;
  if (minute > 59) return `at(${at}): the minute must be 00-59.`;
  if (second > 59) return `at(${at}): the second must be 00-59.`;
  return { civilMinute: civilMinute({ year, month, day, hour, minute }), second };
}

/** Parse `rate(5 minutes)`, `cron(0 12 * * ? *)`, `at(2026-01-05T09:30:00)` as EventBridge Scheduler
 *  takes them. A problem names the field and the rule, in words a learner can act on. Never throws. */
export function parseScheduleExpression(text: string): ParsedExpression {
  if (typeof text !== 'string' || text === '') return wrong(`give a schedule expression, such as ${FORMS}.`);
  if (text.length > MAX_EXPRESSION_LENGTH) return wrong(`a schedule expression has at most ${MAX_EXPRESSION_LENGTH} characters.`);
  if (text.trim() !== text) return wrong('remove the spaces before and after the expression.');
  const match = /^([A-Za-z]+)\s*\(([^()]*)\)$/.exec(text);
  const keyword = match?.[1] ?? '';
  const inner = match?.[2] ?? '';
  if (!match || !['rate', 'cron', 'at'].includes(keyword.toLowerCase())) {
    return wrong(`"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a schedule expression; write ${FORMS}.`);
  }
  if (keyword !== keyword.toLowerCase() || text.charAt(keyword.length) !== '(') return wrong(`write ${keyword.toLowerCase()}( in lower case with no space before the bracket, as in ${FORMS}.`);
  if (keyword === 'rate') return parseRate(inner);
  if (keyword === 'at') {
    const parts = atParts(inner);
    return typeof parts === 'string' ? wrong(parts) : { ok: true, expression: { kind: 'at', at: inner } };
  }
  const cron = parseCronFields(inner);
  return cron.ok ? { ok: true, expression: { kind: 'cron', fields: cron.fields, source: text } } : cron;
}

export type FiringOptions = {
  /** The first firing returned is strictly after this instant (epoch ms). */
  afterEpochMs: number;
  /** When the schedule was created (or its StartDate): where a rate's periods are counted from. */
  startEpochMs: number;
  /** An IANA zone that checkTimeZone accepts; another makes Intl throw a RangeError. */
  timeZone: string;
};

/**
 * The first firing strictly after `afterEpochMs`, in `timeZone`; null if none ever comes (an at()
 * in the past, a cron whose year range has ended, February 30th).
 *
 * rate: AWS — "you use the StartDate property to set the first occurrence of the schedule. If you
 * do not provide a StartDate … your schedule starts invoking the target immediately." With
 * 60-second precision, "immediately" is the first whole minute after `startEpochMs` (created at
 * 10:00:00.000 or at 10:00:59, the first run is at 10:01:00), then every period after that.
 *
 * cron and at(), across daylight saving changes (AWS's Scheduler guide): when clocks spring
 * forward, a time that does not exist is skipped that day ("the invocation is skipped"); when they
 * fall back, a time that happens twice fires once, at its first occurrence. So a 15-minute cron
 * fires through the first 01:xx of a New York November night and not through the repeated one.
 * An at() in a spring-forward gap is undocumented; it follows the same rule and never fires.
 */
export function nextFiring(expression: ScheduleExpression, options: FiringOptions): number | null {
  const { afterEpochMs, startEpochMs, timeZone } = options;
  switch (expression.kind) {
    case 'rate': {
      const first = (Math.floor(startEpochMs / MINUTE_MS) + 1) * MINUTE_MS;
      if (afterEpochMs < first) return first;
      return first + (Math.floor((afterEpochMs - first) / expression.everyMs) + 1) * expression.everyMs;
    }
    case 'at': {
      const parts = atParts(expression.at);
      if (typeof parts === 'string') return null;
      const first = instantsOfCivilMinute(timeZone, parts.civilMinute)[0];
      if (first === undefined) return null;
      const instant = first + parts.second * 1000;
      return instant > afterEpochMs ? instant : null;
    }
    case 'cron': {
      let from = civilMinuteAt(timeZone, afterEpochMs);
      // Each pass either returns or moves `from` past a wall-clock minute that was skipped (a DST
      // gap) or already past; a spring-forward gap is at most a day (Samoa, 2011), so this bound
      // is never reached by a correct zone.
      for (let pass = 0; pass < 10_000; pass += 1) {
        const wallMinute = nextMatchingMinute(expression.fields, from);
        if (wallMinute === null) return null;
        const first = instantsOfCivilMinute(timeZone, wallMinute)[0];
        if (first !== undefined && first > afterEpochMs) return first;
        from = wallMinute + 1;
      }
      throw new RangeError(`nextFiring: no firing of ${expression.source} found in ${timeZone} after 10,000 wall-clock minutes; the time zone's offsets look inconsistent.`);
    }
  }
}
