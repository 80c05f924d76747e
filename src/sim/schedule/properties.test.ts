// Properties over random expressions, zones and instants (fast-check prints the seed and the
// shrunk case of any failure): firings strictly increase and land on whole minutes; each one is a
// wall-clock time the expression names, in its zone; in UTC none is skipped; and the parser never
// throws, whatever it is given, and names a field in every problem.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchingDays } from './cronMatch.ts';
import { nextFiring, parseScheduleExpression } from './expression.ts';
import type { CronFields, ScheduleExpression } from './expression.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Auckland'];

const item = (min: number, max: number, names: readonly string[] = []) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min, max }).map(String),
    ...(names.length > 0 ? [fc.constantFrom(...names)] : []),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${a}-${b}`),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: max - min + 1 })).map(([a, s]) => `${a}/${s}`),
    fc.integer({ min: 1, max: Math.max(1, Math.floor((max - min) / 2)) }).map((s) => `*/${s}`),
  );
const field = (min: number, max: number, names: readonly string[] = []) => fc.array(item(min, max, names), { minLength: 1, maxLength: 3 }).map((items) => items.join(','));
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const weekdayItem = fc.oneof(fc.integer({ min: 1, max: 7 }).map(String), fc.constantFrom(...WEEKDAYS), fc.constantFrom('MON-FRI', 'FRI-MON', '2-6'));

const days = fc.oneof(
  fc.tuple(fc.oneof(field(1, 31), fc.constantFrom('L', 'LW', 'L-2', '1W', '15W', '31W')), fc.constant('?')),
  fc.tuple(fc.constant('?'), fc.oneof(fc.array(weekdayItem, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(',')), fc.constantFrom('*', 'L', '6L', 'MONL', '3#2', 'FRI#5', '1#1'))),
);
const cronText = fc
  .tuple(field(0, 59), field(0, 23), days, field(1, 12, MONTHS), fc.constantFrom('*', '2026-2040', '2030', '2027/3', '2100-2102'))
  .map(([minutes, hours, [dom, dow], month, year]) => `cron(${minutes} ${hours} ${dom} ${month} ${dow} ${year})`);
const rateText = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom('minute', 'hour', 'day')).map(([n, unit]) => `rate(${n} ${unit}${n === 1 ? '' : 's'})`);

const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2150, 0, 1) / 1000 }).map((s) => s * 1000 + 137);

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The zone's wall clock at an instant, from Intl directly rather than through timeZone.ts. */
function wallClock(zone: string, epochMs: number) {
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })));
  const part = (type: string) => Number(f.formatToParts(epochMs).find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

function matches(fields: CronFields, t: { year: number; month: number; day: number; hour: number; minute: number }): boolean {
  return fields.years.includes(t.year) && fields.months.includes(t.month) && fields.hours.includes(t.hour) && fields.minutes.includes(t.minute) && matchingDays(fields, t.year, t.month).includes(t.day);
}

function run(expression: ScheduleExpression, after: number, start: number, timeZone: string, count: number): number[] {
  const out: number[] = [];
  for (let i = 0, at = after; i < count; i += 1) {
    const next = nextFiring(expression, { afterEpochMs: at, startEpochMs: start, timeZone });
    if (next === null) break;
    out.push(next);
    at = next;
  }
  return out;
}

describe('nextFiring, iterated', () => {
  it('strictly increases, lands on whole minutes, and each cron firing is a wall-clock time the expression names', () => {
    fc.assert(
      fc.property(fc.oneof(cronText, rateText), fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), (text, zone, after, sinceStart) => {
        const parsed = parseScheduleExpression(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const times = run(parsed.expression, after, after - sinceStart, zone, 8);
        let previous = after;
        for (const t of times) {
          expect(t).toBeGreaterThan(previous);
          expect(t % 60_000).toBe(0);
          if (parsed.expression.kind === 'cron') expect(matches(parsed.expression.fields, wallClock(zone, t))).toBe(true);
          if (parsed.expression.kind === 'rate' && t !== times[0]) expect(t - previous).toBe(parsed.expression.everyMs);
          previous = t;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('in UTC skips no matching minute', () => {
    fc.assert(
      fc.property(cronText, instant, (text, after) => {
        const parsed = parseScheduleExpression(text);
        if (!parsed.ok || parsed.expression.kind !== 'cron') throw new Error(text);
        const { fields } = parsed.expression;
        const next = nextFiring(parsed.expression, { afterEpochMs: after, startEpochMs: after, timeZone: 'UTC' });
        const end = next ?? after + 3 * 86_400_000;
        // Every whole minute strictly between `after` and the answer (up to three days of them) must not match.
        for (let t = Math.floor(after / 60_000 + 1) * 60_000; t < Math.min(end, after + 3 * 86_400_000); t += 60_000) {
          const d = new Date(t);
          const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
          if (matches(fields, wall)) expect.fail(`${text} matches ${d.toISOString()}, before the answer ${next === null ? 'null' : new Date(next).toISOString()}`);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

describe('parseScheduleExpression on anything', () => {
  const alphabet = fc.constantFrom(...'cronateATE()0123456789 *?/,-#LWmonfrijanMONFRIJANsminuteshourdays\t'.split(''));
  const noise = fc.oneof(
    fc.string(),
    fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')),
    fc.array(alphabet, { maxLength: 30 }).map((cs) => `cron(${cs.join('')})`),
    fc.array(alphabet, { maxLength: 20 }).map((cs) => `rate(${cs.join('')})`),
    fc.array(alphabet, { maxLength: 24 }).map((cs) => `at(${cs.join('')})`),
  );

  it('never throws, and every problem names its field first', () => {
    fc.assert(
      fc.property(noise, (text) => {
        const result = parseScheduleExpression(text);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.message.startsWith(`${problem.field}: `)).toBe(true);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
