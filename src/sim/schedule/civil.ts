// Civil-calendar arithmetic on plain integers, so schedules need no Date (src/sim is pure, and a
// Date would bring the host's own zone into play). A "civil minute" is minutes since
// 1970-01-01T00:00 counted on the wall clock of some zone, as if that zone were UTC: in UTC it is
// the epoch minute itself; elsewhere timeZone.ts turns it into instants.

import { civilFromDays } from '../time.ts';

/** The inverse of daysFromCivil (time.ts has it, for the ISO timestamps). */
export { civilFromDays };

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;

export type CivilTime = { year: number; month: number; day: number; hour: number; minute: number };

/** 1970-01-01 → 0 (Howard Hinnant's days_from_civil, valid for any proleptic Gregorian date). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}


export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** AWS's day-of-week numbering: 1 = Sunday … 7 = Saturday (1970-01-01 was a Thursday, 5). */
export function weekday(year: number, month: number, day: number): number {
  const days = daysFromCivil(year, month, day);
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

export function civilMinute(t: CivilTime): number {
  return daysFromCivil(t.year, t.month, t.day) * DAY_MINUTES + t.hour * 60 + t.minute;
}

export function civilTimeOf(civilMinutes: number): CivilTime {
  const days = Math.floor(civilMinutes / DAY_MINUTES);
  const minuteOfDay = civilMinutes - days * DAY_MINUTES;
  return { ...civilFromDays(days), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 2026-01-05 09:30 */
export function formatCivil(t: CivilTime): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

export function formatClock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}
