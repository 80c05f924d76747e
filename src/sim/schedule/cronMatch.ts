// Which wall-clock minutes a parsed cron expression matches, on the civil calendar (civil.ts).
// Searching field by field (year, month, day, hour, minute) finds the next match in at most a few
// hundred steps even for `0 0 29 2 ? *` or a year range that has ended, so nothing iterates minute
// by minute.

import type { CronFields, DayOfMonthRule, DayOfWeekRule } from '../model/scheduleExpression.ts';
import { civilMinute, civilTimeOf, daysInMonth, weekday } from './civil.ts';

const SATURDAY = 7;
const SUNDAY = 1;

function daysOfMonth(rule: Exclude<DayOfMonthRule, { kind: 'any' }>, year: number, month: number, lastDay: number): number[] {
  switch (rule.kind) {
    case 'days':
      return rule.days.filter((day) => day <= lastDay);
    case 'last':
      return lastDay - rule.offset >= 1 ? [lastDay - rule.offset] : [];
    case 'lastWeekday': {
      const w = weekday(year, month, lastDay);
      return [w === SATURDAY ? lastDay - 1 : w === SUNDAY ? lastDay - 2 : lastDay];
    }
    case 'nearestWeekday': {
      // Quartz's rule: the weekday nearest the day, never leaving the month (1W on a Saturday is
      // Monday the 3rd; 31W on a Sunday is Friday the 29th). A day the month lacks (31W in April)
      // matches nothing that month, as a plain 31 does.
      const day = rule.day;
      if (day > lastDay) return [];
      const w = weekday(year, month, day);
      if (w === SATURDAY) return [day === 1 ? 3 : day - 1];
      if (w === SUNDAY) return [day === lastDay ? day - 2 : day + 1];
      return [day];
    }
  }
}

function daysOfWeek(rule: DayOfWeekRule, year: number, month: number, lastDay: number): number[] {
  const first = weekday(year, month, 1);
  const weekdayOf = (day: number) => ((first - 1 + day - 1) % 7) + 1;
  switch (rule.kind) {
    case 'any':
      return Array.from({ length: lastDay }, (_, i) => i + 1);
    case 'days': {
      const days: number[] = [];
      for (let day = 1; day <= lastDay; day += 1) if (rule.days.includes(weekdayOf(day))) days.push(day);
      return days;
    }
    case 'last':
      return [lastDay - ((weekdayOf(lastDay) - rule.weekday + 7) % 7)];
    case 'nth': {
      const day = 1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.nth - 1);
      return day <= lastDay ? [day] : [];
    }
  }
}

/** The days of a month the expression runs on, ascending. One of the two day fields is `?` (the
 *  parser makes sure), so the other alone decides. */
export function matchingDays(fields: CronFields, year: number, month: number): number[] {
  const lastDay = daysInMonth(year, month);
  if (fields.dayOfMonth.kind !== 'any') return daysOfMonth(fields.dayOfMonth, year, month, lastDay);
  return daysOfWeek(fields.dayOfWeek, year, month, lastDay);
}

/** The first civil minute at or after `from` that the expression matches, or null if none (the
 *  year field has run out). */
export function nextMatchingMinute(fields: CronFields, from: number): number | null {
  const start = civilTimeOf(from);
  for (const year of fields.years) {
    if (year < start.year) continue;
    for (const month of fields.months) {
      const sameMonth = year === start.year && month === start.month;
      if (year === start.year && month < start.month) continue;
      for (const day of matchingDays(fields, year, month)) {
        if (sameMonth && day < start.day) continue;
        const sameDay = sameMonth && day === start.day;
        for (const hour of fields.hours) {
          if (sameDay && hour < start.hour) continue;
          const sameHour = sameDay && hour === start.hour;
          const minute = fields.minutes.find((m) => !sameHour || m >= start.minute);
          if (minute !== undefined) return civilMinute({ year, month, day, hour, minute });
        }
      }
    }
  }
  return null;
}
