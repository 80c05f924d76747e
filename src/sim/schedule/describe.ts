// Plain words for a schedule, for the UI: "every 5 minutes", "at 12:00 every day (UTC)",
// "every 30 minutes from 20:00 to 02:30 on Monday through Friday (UTC)", "once, at 2026-01-05
// 09:30 (Europe/Berlin)". Times are the 24-hour clock of the schedule's own time zone, which is
// named, because a cron or at() schedule is read in that zone (spec §4.1).

import type { CronFields, ScheduleExpression } from '../model/scheduleExpression.ts';
import { formatClock } from './civil.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NTH = ['first', 'second', 'third', 'fourth', 'fifth'];

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Sorted values as runs: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(values: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const value of values) {
    const last = out[out.length - 1];
    if (last && value === last[1] + 1) last[1] = value;
    else out.push([value, value]);
  }
  return out;
}

/** Runs of three or more read "X through Y"; shorter ones are listed. */
function spans(values: number[], name: (value: number) => string): string {
  const words: string[] = [];
  for (const [from, to] of runs(values)) {
    if (to - from >= 2) words.push(`${name(from)} through ${name(to)}`);
    else for (let v = from; v <= to; v += 1) words.push(name(v));
  }
  return listWords(words);
}

/** The step of an arithmetic run from its first value to the field's end ([5,20,35,50] in 0-59 → 15), or null. */
function stepOf(values: number[], max: number): number | null {
  const [first, second] = values;
  if (first === undefined || second === undefined) return null;
  const step = second - first;
  if (first >= step) return null;
  const reachesEnd = (values[values.length - 1] ?? 0) + step > max;
  return reachesEnd && values.every((v, i) => v === first + i * step) ? step : null;
}

/** A contiguous run of hours, perhaps wrapping past midnight (20-2): its first and last hour. */
function hourWindow(hours: number[]): [number, number] | null {
  if (hours.length === 24) return null;
  const inSet = new Set(hours);
  const starts = hours.filter((h) => !inSet.has((h + 23) % 24));
  if (starts.length !== 1) return null;
  const first = starts[0] ?? 0;
  return [first, (first + hours.length - 1) % 24];
}

function timePhrase(fields: CronFields): string {
  const { minutes, hours } = fields;
  if (minutes.length * hours.length <= 4) {
    return `at ${listWords(hours.flatMap((h) => minutes.map((m) => formatClock(h, m))))}`;
  }
  const minuteStep = minutes.length === 60 ? 1 : stepOf(minutes, 59);
  const span = hourWindow(hours);
  if (minuteStep !== null) {
    const every = minuteStep === 1 ? 'every minute' : `every ${minuteStep} minutes`;
    const from = minutes[0] ?? 0;
    if (hours.length === 24) return from === 0 ? every : `${every} from minute ${from} of each hour`;
    if (span) return `${every} from ${formatClock(span[0], from)} to ${formatClock(span[1], minutes[minutes.length - 1] ?? 0)}`;
    return `${every} during hours ${listWords(hours.map(String))}`;
  }
  if (minutes.length === 1) {
    const minute = minutes[0] ?? 0;
    if (hours.length === 24) return minute === 0 ? 'every hour, on the hour' : `at minute ${minute} of every hour`;
    const hourStep = stepOf(hours, 23);
    if (hourStep !== null) return `every ${hourStep} hours from ${formatClock(hours[0] ?? 0, minute)}`;
  }
  return `at minutes ${listWords(minutes.map(String))} of ${hours.length === 24 ? 'every hour' : `hours ${listWords(hours.map(String))}`}`;
}

function dayPhrase(fields: CronFields): string {
  const { dayOfMonth, dayOfWeek } = fields;
  switch (dayOfMonth.kind) {
    case 'days':
      if (dayOfMonth.days.length === 31) return 'every day';
      if (dayOfMonth.days.length === 1) return `on the ${ordinal(dayOfMonth.days[0] ?? 1)} of the month`;
      return `on days ${spans(dayOfMonth.days, String).replaceAll(' through ', '-')} of the month`;
    case 'last':
      return dayOfMonth.offset === 0 ? 'on the last day of the month' : `${dayOfMonth.offset} ${dayOfMonth.offset === 1 ? 'day' : 'days'} before the last day of the month`;
    case 'lastWeekday':
      return 'on the last weekday (Monday to Friday) of the month';
    case 'nearestWeekday':
      return `on the weekday (Monday to Friday) nearest the ${ordinal(dayOfMonth.day)}`;
    case 'any':
      break;
  }
  switch (dayOfWeek.kind) {
    case 'days':
      if (dayOfWeek.days.length === 7) return 'every day';
      return `on ${spans(dayOfWeek.days, (d) => WEEKDAYS[d - 1] ?? String(d))}`;
    case 'last':
      return `on the last ${WEEKDAYS[dayOfWeek.weekday - 1]} of the month`;
    case 'nth':
      return `on the ${NTH[dayOfWeek.nth - 1]} ${WEEKDAYS[dayOfWeek.weekday - 1]} of the month`;
    case 'any':
      return 'every day';
  }
}

function cronWords(fields: CronFields, timeZone: string): string {
  const time = timePhrase(fields);
  let days = dayPhrase(fields);
  // "every 15 minutes every day" says the same thing twice.
  if (days === 'every day' && time.startsWith('every')) days = '';
  const months = fields.months.length === 12 ? '' : `in ${spans(fields.months, (m) => MONTHS[m - 1] ?? String(m))}`;
  const years = fields.years.length === 2199 - 1970 + 1 ? '' : `in ${runs(fields.years).map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ')}`;
  return [time, days, months, years, `(${timeZone})`].filter((part) => part !== '').join(' ');
}

/** Human words for the UI: "every 5 minutes", "at 12:00 every day (UTC)", "once, at 2026-01-05 09:30 (Europe/Berlin)". */
export function describeExpression(expression: ScheduleExpression, timeZone: string): string {
  switch (expression.kind) {
    case 'rate':
      return expression.value === 1 ? `every ${expression.unit}` : `every ${expression.value} ${expression.unit}`;
    case 'at': {
      const [date, time = ''] = expression.at.split('T');
      return `once, at ${date} ${time.endsWith(':00') ? time.slice(0, 5) : time} (${timeZone})`;
    }
    case 'cron':
      return cronWords(expression.fields, timeZone);
  }
}
