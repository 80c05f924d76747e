// Parsing the six fields of an EventBridge Scheduler cron expression (spec §4.1), with AWS's table:
//
//   field         values                 wildcards
//   minutes       0-59                   , - * /
//   hours         0-23                   , - * /
//   day-of-month  1-31                   , - * ? / L W
//   month         1-12 or JAN-DEC        , - * /
//   day-of-week   1-7 or SUN-SAT         , - * ? L #      (1 = SUN: AWS's numbering, not Unix's 0-6)
//   year          1970-2199              , - * /
//
// and AWS's rules: exactly one of day-of-month and day-of-week is `?`; `#` stands alone ("3#1,6#3
// is invalid"). Where AWS's documentation is silent the parser follows Quartz, whose dialect AWS's
// is: a range may wrap (AWS's own example `0/30 20-2 ? * MON-FRI *` runs 20:00 to 02:30), `a/n`
// counts from a to the field's end, L and W stand alone in day-of-month (`L`, `L-3`, `LW`, `15W`),
// `L` alone in day-of-week is 7 (Saturday, the last day of the week) and `6L` the month's last
// Friday, names are matched case-insensitively, and leading zeros are fine (`07`).

import type { CronFields, DayOfMonthRule, DayOfWeekRule, ExpressionField, ExpressionProblem } from '../model/scheduleExpression.ts';

type FieldSpec = {
  field: ExpressionField;
  min: number;
  max: number;
  names?: readonly string[];
  /** What a learner can write, for messages. */
  values: string;
  steps: boolean;
  wraps: boolean;
  /** The rule for L, W and # where the field takes them at all. */
  specials?: string;
};

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const MINUTES: FieldSpec = { field: 'minutes', min: 0, max: 59, values: 'minutes are 0-59', steps: true, wraps: true };
const HOURS: FieldSpec = { field: 'hours', min: 0, max: 23, values: 'hours are 0-23', steps: true, wraps: true };
const DAY_OF_MONTH: FieldSpec = {
  field: 'day-of-month', min: 1, max: 31, values: 'days of the month are 1-31', steps: true, wraps: true,
  specials: 'L and W stand alone in day-of-month, as L, L-3, LW or 15W',
};
const MONTH: FieldSpec = { field: 'month', min: 1, max: 12, names: MONTH_NAMES, values: 'months are 1-12 or JAN-DEC', steps: true, wraps: true };
// AWS's table lists no `/` for day-of-week.
const DAY_OF_WEEK: FieldSpec = {
  field: 'day-of-week', min: 1, max: 7, names: WEEKDAY_NAMES, values: 'days of the week are 1-7 (1 = SUN, 7 = SAT) or SUN-SAT', steps: false, wraps: true,
  specials: 'L and # stand alone in day-of-week, as L, 6L or 3#2, one per expression',
};
const YEAR: FieldSpec = { field: 'year', min: 1970, max: 2199, values: 'years are 1970-2199', steps: true, wraps: false };

const FIELD_ORDER = 'minutes hours day-of-month month day-of-week year';

class FieldError extends Error {}
function fail(spec: FieldSpec, message: string): never {
  throw new FieldError(`${spec.field}: ${message}`);
}

function parseValue(spec: FieldSpec, token: string): number {
  if (token === '') fail(spec, `a value is missing; ${spec.values}.`);
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < spec.min || value > spec.max) {
      const unix = spec === DAY_OF_WEEK && value === 0 ? ' (AWS numbers the days 1-7 from Sunday, not 0-6 as Unix cron does)' : '';
      fail(spec, `${token} is out of range${unix}; ${spec.values}.`);
    }
    return value;
  }
  const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (named >= 0) return spec.min + named;
  if (token === '?') fail(spec, spec === DAY_OF_MONTH || spec === DAY_OF_WEEK ? '? stands alone: the whole field is ?, never part of a list or range.' : '? is only for day-of-month or day-of-week.');
  if (/^(?:(?:\d+|[A-Z]{3})?(?:L|W|#\d*)|L-\d*|LW)$/i.test(token)) {
    fail(spec, spec.specials ? `${token} cannot be part of a list or range: ${spec.specials}.` : `${token}: L, W and # belong in day-of-month and day-of-week only; ${spec.values}.`);
  }
  return fail(spec, `"${token}" is not a value here; ${spec.values}.`);
}

/** Values from a to b inclusive, wrapping past the field's end when b < a, every `step`-th. */
function walk(spec: FieldSpec, from: number, to: number, step: number): number[] {
  const span = spec.max - spec.min + 1;
  const count = (((to - from) % span) + span) % span;
  const values: number[] = [];
  for (let i = 0; i <= count; i += step) values.push(spec.min + ((from - spec.min + i) % span));
  return values;
}

function parseItem(spec: FieldSpec, item: string): number[] {
  if (item === '') fail(spec, 'a list has an empty item (two commas, or a comma at an end).');
  const slash = item.split('/');
  if (slash.length > 2) fail(spec, `"${item}" has more than one /.`);
  const [range = '', stepText] = slash;
  let step = 1;
  if (stepText !== undefined) {
    if (!spec.steps) fail(spec, `/ (increments) is not allowed in ${spec.field}; ${spec.values}.`);
    if (!/^\d+$/.test(stepText) || Number(stepText) < 1) fail(spec, `the increment after / in "${item}" must be a whole number of at least 1.`);
    step = Number(stepText);
  }
  if (range === '*') return walk(spec, spec.min, spec.max, step);
  const dash = range.split('-');
  if (dash.length > 2) fail(spec, `"${range}" is not a range; a range is two values with a - between them, such as ${spec === MONTH ? 'JAN-MAR' : `${spec.min}-${spec.min + 2}`}.`);
  const from = parseValue(spec, dash[0] ?? '');
  if (dash.length === 1) return stepText === undefined ? [from] : walk(spec, from, spec.max, step);
  const to = parseValue(spec, dash[1] ?? '');
  if (to < from && !spec.wraps) fail(spec, `the range ${range} runs backwards; write the earlier ${spec.field} first.`);
  return walk(spec, from, to, step);
}

function parseSet(spec: FieldSpec, text: string): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) for (const value of parseItem(spec, item)) values.add(value);
  return [...values].sort((a, b) => a - b);
}

function parseDayOfMonth(text: string): DayOfMonthRule {
  if (text === '?') return { kind: 'any' };
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'last', offset: 0 };
  if (upper === 'LW') return { kind: 'lastWeekday' };
  const before = /^L-(\d+)$/.exec(upper);
  if (before) {
    const offset = Number(before[1]);
    if (offset < 1 || offset > 30) fail(DAY_OF_MONTH, `in ${text} the days before the last must be 1-30.`);
    return { kind: 'last', offset };
  }
  const nearest = /^(\d+)W$/.exec(upper);
  if (nearest) return { kind: 'nearestWeekday', day: parseValue(DAY_OF_MONTH, nearest[1] ?? '') };
  return { kind: 'days', days: parseSet(DAY_OF_MONTH, text) };
}

function parseDayOfWeek(text: string): DayOfWeekRule {
  if (text === '?') return { kind: 'any' };
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'days', days: [7] };
  const last = /^(\d+|[A-Z]{3})L$/.exec(upper);
  if (last) return { kind: 'last', weekday: parseValue(DAY_OF_WEEK, last[1] ?? '') };
  const nth = /^(\d+|[A-Z]{3})#(\d+)$/.exec(upper);
  if (nth) {
    const weekday = parseValue(DAY_OF_WEEK, nth[1] ?? '');
    const n = Number(nth[2]);
    if (n < 1 || n > 5) fail(DAY_OF_WEEK, `in ${text} the number after # says which week of the month, 1-5.`);
    return { kind: 'nth', weekday, nth: n };
  }
  return { kind: 'days', days: parseSet(DAY_OF_WEEK, text) };
}

function attempt<T>(problems: ExpressionProblem[], field: ExpressionField, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    problems.push({ field, message: error.message });
    return undefined;
  }
}

/** The six fields of the text inside cron( … ), or what is wrong with each. */
export function parseCronFields(inner: string): { ok: true; fields: CronFields } | { ok: false; problems: ExpressionProblem[] } {
  const parts = inner.trim().split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 6) {
    const hint = parts.length === 5 ? ' Unix cron has five: add the year, * for every year.' : parts.length === 7 ? ' The Scheduler has no seconds field: drop the first one.' : '';
    return { ok: false, problems: [{ field: 'expression', message: `expression: a cron expression has six fields (${FIELD_ORDER}); this one has ${parts.length}.${hint}` }] };
  }
  const [minutesText = '', hoursText = '', dayOfMonthText = '', monthText = '', dayOfWeekText = '', yearText = ''] = parts;
  const problems: ExpressionProblem[] = [];
  const minutes = attempt(problems, 'minutes', () => parseSet(MINUTES, minutesText));
  const hours = attempt(problems, 'hours', () => parseSet(HOURS, hoursText));
  const dayOfMonth = attempt(problems, 'day-of-month', () => parseDayOfMonth(dayOfMonthText));
  const months = attempt(problems, 'month', () => parseSet(MONTH, monthText));
  const dayOfWeek = attempt(problems, 'day-of-week', () => parseDayOfWeek(dayOfWeekText));
  const years = attempt(problems, 'year', () => parseSet(YEAR, yearText));
  if (dayOfMonth && dayOfWeek) {
    if (dayOfMonth.kind === 'any' && dayOfWeek.kind === 'any') {
      problems.push({ field: 'day-of-month', message: 'day-of-month: day-of-month and day-of-week cannot both be ?; give one of them a value (* in day-of-month for every day).' });
    } else if (dayOfMonth.kind !== 'any' && dayOfWeek.kind !== 'any') {
      problems.push({ field: 'day-of-week', message: 'day-of-week: either day-of-month or day-of-week must be ?; write ? in the one that should not constrain the day.' });
    }
  }
  if (problems.length > 0 || !minutes || !hours || !dayOfMonth || !months || !dayOfWeek || !years) return { ok: false, problems };
  const text = { minutes: minutesText, hours: hoursText, dayOfMonth: dayOfMonthText, month: monthText, dayOfWeek: dayOfWeekText, year: yearText };
  return { ok: true, fields: { minutes, hours, dayOfMonth, months, dayOfWeek, years, text } };
}
