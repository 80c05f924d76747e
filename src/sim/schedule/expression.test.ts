// Schedule expressions as AWS documents them: every example in the EventBridge cron reference and
// the Scheduler guide's schedule types, with its next firings worked out by hand (UTC unless the
// example names a zone); the mistakes a learner makes, each refused with the field named; and the
// words the UI shows. Times here are written as ISO strings and read with Date, which the tests
// may use: it is an oracle independent of civil.ts.

import { describe, expect, it } from 'vitest';
import { describeExpression, nextFiring, parseScheduleExpression } from './expression.ts';
import type { ExpressionField, ScheduleExpression } from './expression.ts';

const ms = (iso: string) => Date.parse(`${iso}Z`);
const iso = (epochMs: number) => new Date(epochMs).toISOString().replace(':00.000Z', '');

function parsed(text: string): ScheduleExpression {
  const result = parseScheduleExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.problems.map((p) => p.message).join(' / ')}`);
  return result.expression;
}

/** The next `count` firings after `from`, iterating nextFiring on its own answers. */
function firings(text: string, from: string, count: number, timeZone = 'UTC', start = from): Array<string | null> {
  const expression = parsed(text);
  const out: Array<string | null> = [];
  let after = ms(from);
  for (let i = 0; i < count; i += 1) {
    const next = nextFiring(expression, { afterEpochMs: after, startEpochMs: ms(start), timeZone });
    out.push(next === null ? null : iso(next));
    if (next === null) break;
    after = next;
  }
  return out;
}

describe('the cron reference’s examples (2026-01-05 is a Monday, 2026-01-09 a Friday)', () => {
  it.each([
    ['cron(0 10 * * ? *)', 'Run at 10:00 am (UTC+0) every day', '2026-01-05T09:00', ['2026-01-05T10:00', '2026-01-06T10:00', '2026-01-07T10:00']],
    ['cron(15 12 * * ? *)', 'Run at 12:15 pm (UTC+0) every day', '2026-01-05T12:15', ['2026-01-06T12:15', '2026-01-07T12:15']],
    ['cron(0 18 ? * MON-FRI *)', 'Run at 6:00 pm (UTC+0) every Monday through Friday', '2026-01-09T09:00', ['2026-01-09T18:00', '2026-01-12T18:00', '2026-01-13T18:00']],
    ['cron(0 8 1 * ? *)', 'Run at 8:00 am (UTC+0) every 1st day of the month', '2026-01-05T09:00', ['2026-02-01T08:00', '2026-03-01T08:00', '2026-04-01T08:00']],
    ['cron(0/15 * * * ? *)', 'Run every 15 minutes', '2026-01-05T09:07', ['2026-01-05T09:15', '2026-01-05T09:30', '2026-01-05T09:45', '2026-01-05T10:00']],
    ['cron(0/10 * ? * MON-FRI *)', 'Run every 10 minutes Monday through Friday', '2026-01-09T23:41', ['2026-01-09T23:50', '2026-01-12T00:00', '2026-01-12T00:10']],
    ['cron(0/5 8-17 ? * MON-FRI *)', 'Run every 5 minutes Monday through Friday between 8:00 am and 5:55 pm (UTC+0)', '2026-01-05T17:52', ['2026-01-05T17:55', '2026-01-06T08:00', '2026-01-06T08:05']],
    // "between 10:00 pm on the starting day to 2:00 am on the following day", and, as the reference
    // adds, 12:00 am to 2:00 am on Monday morning: hours 0-2 of a Saturday are not MON-FRI. (Hour 20
    // is 8:00 pm, whatever the table's words say; the expression is what runs.)
    ['cron(0/30 20-2 ? * MON-FRI *)', 'Run every 30 minutes Monday through Friday between 10:00 pm and 2:00 am', '2026-01-09T23:45', ['2026-01-12T00:00', '2026-01-12T00:30', '2026-01-12T01:00', '2026-01-12T01:30', '2026-01-12T02:00', '2026-01-12T02:30', '2026-01-12T20:00']],
    ['cron(0 12 * * ? *)', 'runs every day at 12:00pm UTC+0', '2026-01-05T12:00', ['2026-01-06T12:00', '2026-01-07T12:00']],
    ['cron(5,35 14 * * ? *)', 'runs every day, at 2:05pm and 2:35pm UTC+0', '2026-01-05T14:10', ['2026-01-05T14:35', '2026-01-06T14:05', '2026-01-06T14:35']],
    // "at 10:15am UTC+0 on the last Friday of each month during the years 2019 to 2022", then never.
    ['cron(15 10 ? * 6L 2019-2022)', 'the last Friday of each month, 2019 to 2022', '2022-10-01T00:00', ['2022-10-28T10:15', '2022-11-25T10:15', '2022-12-30T10:15', null]],
  ])('%s — %s', (text, _meaning, from, expected) => {
    expect(firings(text, from, expected.length)).toEqual(expected);
  });
});

describe('the Scheduler guide’s examples', () => {
  it('cron(30 8 * * ? *) in America/New_York runs at 8:30 New York time, EST in winter and EDT in summer', () => {
    expect(firings('cron(30 8 * * ? *)', '2026-01-05T00:00', 2, 'America/New_York')).toEqual(['2026-01-05T13:30', '2026-01-06T13:30']);
    expect(firings('cron(30 8 * * ? *)', '2026-07-06T00:00', 1, 'America/New_York')).toEqual(['2026-07-06T12:30']);
  });

  it('at(2022-11-20T13:00:00) in America/Los_Angeles runs once, at 1 pm UTC-8 on November 20, 2022', () => {
    expect(firings('at(2022-11-20T13:00:00)', '2022-11-01T00:00', 2, 'America/Los_Angeles')).toEqual(['2022-11-20T21:00', null]);
    expect(firings('at(2022-11-20T13:00:00)', '2022-11-20T21:00', 1, 'America/Los_Angeles')).toEqual([null]);
  });

  it('cron(30 2 * * ? *) in America/Los_Angeles skips the day clocks spring forward past 2:30', () => {
    // 2026-03-08: 1:59:59 PST is followed by 3:00 PDT.
    expect(firings('cron(30 2 * * ? *)', '2026-03-07T00:00', 2, 'America/Los_Angeles')).toEqual(['2026-03-07T10:30', '2026-03-09T09:30']);
  });

  it.each([
    ['rate(1 minute)', '2026-01-05T10:00:30', ['2026-01-05T10:01', '2026-01-05T10:02', '2026-01-05T10:03']],
    ['rate(5 minutes)', '2026-01-05T10:00:30', ['2026-01-05T10:01', '2026-01-05T10:06', '2026-01-05T10:11']],
    ['rate(1 hour)', '2026-01-05T10:00', ['2026-01-05T10:01', '2026-01-05T11:01', '2026-01-05T12:01']],
    ['rate(1 day)', '2026-01-05T10:00', ['2026-01-05T10:01', '2026-01-06T10:01']],
  ])('%s created at %s starts at once (the next whole minute) and then runs every period', (text, created, expected) => {
    expect(firings(text, created, expected.length)).toEqual(expected);
  });

  it('a rate counts its periods from the schedule’s creation, whenever it is asked', () => {
    const every = parsed('rate(7 minutes)');
    const start = ms('2026-01-05T10:00:10'); // runs at 10:01, 10:08 … 10:57, 11:04: from the first run, not the hour
    expect(iso(nextFiring(every, { afterEpochMs: ms('2026-01-05T11:00'), startEpochMs: start, timeZone: 'UTC' }) ?? 0)).toBe('2026-01-05T11:04');
    expect(iso(nextFiring(every, { afterEpochMs: ms('2026-01-05T11:04'), startEpochMs: start, timeZone: 'UTC' }) ?? 0)).toBe('2026-01-05T11:11');
  });

  it('rate(1 day) is 24 hours even across a daylight-saving change, whatever the zone', () => {
    expect(firings('rate(1 day)', '2026-03-07T12:00', 3, 'America/New_York')).toEqual(['2026-03-07T12:01', '2026-03-08T12:01', '2026-03-09T12:01']);
  });
});

describe('what parses', () => {
  it('reads a rate into its value, unit and period', () => {
    expect(parsed('rate(5 minutes)')).toEqual({ kind: 'rate', value: 5, unit: 'minutes', everyMs: 300_000 });
    expect(parsed('rate(1 day)')).toEqual({ kind: 'rate', value: 1, unit: 'day', everyMs: 86_400_000 });
  });

  it('keeps an at() as written and a cron’s source', () => {
    expect(parsed('at(2026-01-05T09:30:00)')).toEqual({ kind: 'at', at: '2026-01-05T09:30:00' });
    const cron = parsed('cron(0 12 * * ? *)');
    expect(cron.kind === 'cron' && cron.source).toBe('cron(0 12 * * ? *)');
  });

  it.each([
    ['month and weekday names in any case', 'cron(0 9 ? jan,Jul * *)', 'cron(0 9 ? 1,7 * *)'],
    ['weekday names and numbers (1 = SUN)', 'cron(0 9 ? * sun,MON *)', 'cron(0 9 ? * 1,2 *)'],
    ['a range that wraps past the end of the week', 'cron(0 9 ? * FRI-MON *)', 'cron(0 9 ? * 1,2,6,7 *)'],
    ['steps from a value, from *, and over a range', 'cron(5/20 1-7/3 * * ? *)', 'cron(5,25,45 1,4,7 * * ? *)'],
    ['lists of steps and ranges', 'cron(0 1-7/2,11-23/4 * * ? *)', 'cron(0 1,3,5,7,11,15,19,23 * * ? *)'],
    ['leading zeros', 'cron(05 07/12 ? * * *)', 'cron(5 7,19 ? * * *)'],
    ['a range of one value', 'cron(30-30 13-13 ? * 2,4,6 *)', 'cron(30 13 ? * 2,4,6 *)'],
    ['year steps and lists', 'cron(0 0 1 1 ? 2026-2032/2,2031)', 'cron(0 0 1 1 ? 2026,2028,2030,2031,2032)'],
    ['L alone in day-of-week is Saturday, the last day of the week', 'cron(0 9 ? * L *)', 'cron(0 9 ? * SAT *)'],
    ['a named weekday with L', 'cron(0 9 ? * friL *)', 'cron(0 9 ? * 6L *)'],
    ['a named weekday with #', 'cron(0 9 ? * MON#1 *)', 'cron(0 9 ? * 2#1 *)'],
  ])('%s: %s means %s', (_what, text, same) => {
    const a = parsed(text);
    const b = parsed(same);
    expect(a.kind === 'cron' && b.kind === 'cron' && { ...a.fields, text: null }).toEqual(b.kind === 'cron' && { ...b.fields, text: null });
  });
});

describe('what is refused, with the field named', () => {
  const problemsOf = (text: string) => {
    const result = parseScheduleExpression(text);
    return result.ok ? [] : result.problems;
  };

  it.each<[string, ExpressionField, string]>([
    ['cron(0 12 * * * *)', 'day-of-week', 'either day-of-month or day-of-week must be ?'],
    ['cron(0 12 1 * MON *)', 'day-of-week', 'either day-of-month or day-of-week must be ?'],
    ['cron(0 12 ? * ? *)', 'day-of-month', 'cannot both be ?'],
    ['cron(0 12 * * ?)', 'expression', 'six fields'],
    ['cron(0 0 12 * * ? *)', 'expression', 'no seconds field'],
    ['cron(60 12 * * ? *)', 'minutes', '60 is out of range; minutes are 0-59'],
    ['cron(0/0 12 * * ? *)', 'minutes', 'at least 1'],
    ['cron(? 12 * * ? *)', 'minutes', '? is only for day-of-month or day-of-week'],
    ['cron(0 24 * * ? *)', 'hours', '24 is out of range; hours are 0-23'],
    ['cron(0 1,,2 * * ? *)', 'hours', 'empty item'],
    ['cron(0 L * * ? *)', 'hours', 'L, W and # belong in day-of-month and day-of-week only'],
    ['cron(0 12 32 * ? *)', 'day-of-month', '32 is out of range'],
    ['cron(0 12 0 * ? *)', 'day-of-month', '0 is out of range'],
    ['cron(0 12 1,L * ? *)', 'day-of-month', 'L and W stand alone'],
    ['cron(0 12 32W * ? *)', 'day-of-month', '32 is out of range'],
    ['cron(0 12 W * ? *)', 'day-of-month', 'L and W stand alone'],
    ['cron(0 12 L-31 * ? *)', 'day-of-month', '1-30'],
    ['cron(0 12 1 13 ? *)', 'month', '13 is out of range; months are 1-12 or JAN-DEC'],
    ['cron(0 12 1 JULY ? *)', 'month', '"JULY" is not a value here'],
    ['cron(0 12 ? * 0 *)', 'day-of-week', 'not 0-6 as Unix cron does'],
    ['cron(0 12 ? * 8 *)', 'day-of-week', '8 is out of range'],
    ['cron(0 12 ? * MON/2 *)', 'day-of-week', '/ (increments) is not allowed in day-of-week'],
    ['cron(0 12 ? * 3#1,6#3 *)', 'day-of-week', 'one per expression'],
    ['cron(0 12 ? * 2#6 *)', 'day-of-week', 'which week of the month, 1-5'],
    ['cron(0 12 ? * 1-5L *)', 'day-of-week', 'L and # stand alone'],
    ['cron(0 12 15W * ? 1969)', 'year', '1969 is out of range; years are 1970-2199'],
    ['cron(0 12 * * ? 2200)', 'year', 'years are 1970-2199'],
    ['cron(0 12 * * ? 2025-2020)', 'year', 'runs backwards'],
    ['rate(1 minutes)', 'expression', 'rate(1 minute), not rate(1 minutes)'],
    ['rate(1 hours)', 'expression', 'rate(1 hour), not rate(1 hours)'],
    ['rate(5 hour)', 'expression', 'rate(5 hours), not rate(5 hour)'],
    ['rate(0 minutes)', 'expression', 'positive whole number'],
    ['rate(1.5 hours)', 'expression', 'positive whole number'],
    ['rate(-5 minutes)', 'expression', 'positive whole number'],
    ['rate(30 seconds)', 'expression', 'minutes at the finest'],
    ['rate(2 weeks)', 'expression', 'minute(s), hour(s) or day(s)'],
    ['rate(5minutes)', 'expression', 'a value and a unit'],
    ['Rate(5 minutes)', 'expression', 'lower case'],
    ['cron (0 12 * * ? *)', 'expression', 'no space before the bracket'],
    [' rate(5 minutes)', 'expression', 'remove the spaces'],
    ['every 5 minutes', 'expression', 'is not a schedule expression'],
    ['', 'expression', 'give a schedule expression'],
    ['at(2026-02-29T09:00:00)', 'expression', 'that month has days 01-28'],
    ['at(2026-13-01T09:00:00)', 'expression', 'the month must be 01-12'],
    ['at(2026-01-05T24:00:00)', 'expression', 'the hour must be 00-23'],
    ['at(2026-01-05 09:30:00)', 'expression', 'yyyy-mm-ddThh:mm:ss'],
    ['at(2026-01-05T09:30)', 'expression', 'yyyy-mm-ddThh:mm:ss'],
  ])('%s: %s — %s', (text, field, words) => {
    const problems = problemsOf(text);
    expect(problems.map((p) => p.field)).toContain(field);
    const problem = problems.find((p) => p.field === field);
    expect(problem?.message.startsWith(`${field}: `)).toBe(true);
    expect(problem?.message).toContain(words);
  });

  it('names every field that is wrong, not just the first', () => {
    expect(problemsOf('cron(61 25 * 13 ? 1900)').map((p) => p.field)).toEqual(['minutes', 'hours', 'month', 'year']);
  });

  it('refuses an expression longer than the 256 characters CreateSchedule takes', () => {
    expect(problemsOf(`cron(${'1,'.repeat(130)}1 * * * ? *)`)[0]?.message).toContain('256 characters');
  });

  it('takes names such as __proto__ and toString as the mistakes they are', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(problemsOf(`cron(0 12 ? ${name} * *)`).map((p) => p.field)).toEqual(['month']);
      expect(problemsOf(`rate(5 ${name})`).map((p) => p.field)).toEqual(['expression']);
    }
  });
});

describe('describeExpression', () => {
  it.each([
    ['rate(5 minutes)', 'UTC', 'every 5 minutes'],
    ['rate(1 minute)', 'UTC', 'every minute'],
    ['rate(1 day)', 'Europe/Berlin', 'every day'],
    ['at(2026-01-05T09:30:00)', 'Europe/Berlin', 'once, at 2026-01-05 09:30 (Europe/Berlin)'],
    ['at(2026-01-05T09:30:45)', 'UTC', 'once, at 2026-01-05 09:30:45 (UTC)'],
    ['cron(0 12 * * ? *)', 'UTC', 'at 12:00 every day (UTC)'],
    ['cron(5,35 14 * * ? *)', 'UTC', 'at 14:05 and 14:35 every day (UTC)'],
    ['cron(0 18 ? * MON-FRI *)', 'UTC', 'at 18:00 on Monday through Friday (UTC)'],
    ['cron(0 8 1 * ? *)', 'UTC', 'at 08:00 on the 1st of the month (UTC)'],
    ['cron(0/15 * * * ? *)', 'UTC', 'every 15 minutes (UTC)'],
    ['cron(0/5 8-17 ? * MON-FRI *)', 'UTC', 'every 5 minutes from 08:00 to 17:55 on Monday through Friday (UTC)'],
    ['cron(0/30 20-2 ? * MON-FRI *)', 'UTC', 'every 30 minutes from 20:00 to 02:30 on Monday through Friday (UTC)'],
    ['cron(15 10 ? * 6L 2019-2022)', 'UTC', 'at 10:15 on the last Friday of the month in 2019-2022 (UTC)'],
    ['cron(0 9 ? * 3#2 *)', 'America/New_York', 'at 09:00 on the second Tuesday of the month (America/New_York)'],
    ['cron(0 21 LW * ? *)', 'UTC', 'at 21:00 on the last weekday (Monday to Friday) of the month (UTC)'],
    ['cron(0 9 15W * ? *)', 'UTC', 'at 09:00 on the weekday (Monday to Friday) nearest the 15th (UTC)'],
    ['cron(0 0 L * ? *)', 'UTC', 'at 00:00 on the last day of the month (UTC)'],
    ['cron(30 0 1 JAN,APR,JUL,OCT ? *)', 'UTC', 'at 00:30 on the 1st of the month in January, April, July and October (UTC)'],
    ['cron(0 */3 * * ? *)', 'UTC', 'every 3 hours from 00:00 (UTC)'],
    ['cron(0 * * * ? *)', 'UTC', 'every hour, on the hour (UTC)'],
    ['cron(* * * * ? *)', 'UTC', 'every minute (UTC)'],
    ['cron(0 9 1-15 * ? 2027)', 'UTC', 'at 09:00 on days 1-15 of the month in 2027 (UTC)'],
  ])('%s in %s reads "%s"', (text, timeZone, words) => {
    expect(describeExpression(parsed(text), timeZone)).toBe(words);
  });
});
