// Firing times at the edges of the calendar — a day, a month, February in a leap year, L, W and # —
// and across daylight-saving changes in zones that have them, with AWS's documented rule: a time
// that does not exist is skipped, a time that happens twice fires once, at its first occurrence.
// Expected instants were worked out from the tz database independently of this code (weekdays of
// 2026: Jan 1 a Thursday, Feb 1 a Sunday, May 31 a Sunday, Aug 1 a Saturday, Aug 15 a Saturday).

import { describe, expect, it } from 'vitest';
import { nextFiring, parseScheduleExpression } from './expression.ts';

const ms = (iso: string) => Date.parse(`${iso}Z`);
const iso = (epochMs: number) => new Date(epochMs).toISOString().replace(':00.000Z', '');

function firings(text: string, from: string, count: number, timeZone = 'UTC'): Array<string | null> {
  const result = parseScheduleExpression(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' / '));
  const out: Array<string | null> = [];
  let after = ms(from);
  for (let i = 0; i < count; i += 1) {
    const next = nextFiring(result.expression, { afterEpochMs: after, startEpochMs: ms(from), timeZone });
    out.push(next === null ? null : iso(next));
    if (next === null) break;
    after = next;
  }
  return out;
}

describe('the calendar’s edges (UTC)', () => {
  it.each([
    ['a day boundary', 'cron(0/20 * * * ? *)', '2026-01-31T23:30', ['2026-01-31T23:40', '2026-02-01T00:00', '2026-02-01T00:20']],
    ['a year boundary', 'cron(30 23 * * ? *)', '2026-12-31T23:29', ['2026-12-31T23:30', '2027-01-01T23:30']],
    ['the 31st, only in months that have one', 'cron(0 0 31 * ? *)', '2026-01-31T00:00', ['2026-03-31T00:00', '2026-05-31T00:00', '2026-07-31T00:00', '2026-08-31T00:00']],
    ['February 29th, only in leap years', 'cron(0 12 29 2 ? *)', '2026-01-01T00:00', ['2028-02-29T12:00', '2032-02-29T12:00']],
    ['the century rule: 2100 is not a leap year', 'cron(0 12 29 2 ? 2097-2199)', '2097-01-01T00:00', ['2104-02-29T12:00']],
    ['February 30th never comes', 'cron(0 12 30 2 ? *)', '2026-01-01T00:00', [null]],
    ['L, the last day, in leap and common Februaries', 'cron(0 0 L 2 ? *)', '2026-01-01T00:00', ['2026-02-28T00:00', '2027-02-28T00:00', '2028-02-29T00:00']],
    ['L-3, three days before the last', 'cron(0 0 L-3 * ? *)', '2026-02-01T00:00', ['2026-02-25T00:00', '2026-03-28T00:00', '2026-04-27T00:00']],
    ['LW, the last weekday (Jan 31 and Feb 28 2026 are Saturdays, May 31 a Sunday)', 'cron(0 21 LW * ? *)', '2026-01-01T00:00', ['2026-01-30T21:00', '2026-02-27T21:00', '2026-03-31T21:00', '2026-04-30T21:00', '2026-05-29T21:00']],
    ['15W: a Sunday 15th moves to Monday, a Saturday 15th to Friday', 'cron(0 9 15W * ? *)', '2026-02-01T00:00', ['2026-02-16T09:00', '2026-03-16T09:00', '2026-04-15T09:00']],
    ['15W in August 2026 (a Saturday) is Friday the 14th', 'cron(0 9 15W 8 ? *)', '2026-01-01T00:00', ['2026-08-14T09:00']],
    ['1W never leaves the month: Saturday the 1st becomes Monday the 3rd', 'cron(0 9 1W 8 ? *)', '2026-01-01T00:00', ['2026-08-03T09:00']],
    ['31W never leaves the month: Sunday the 31st becomes Friday the 29th; June has no 31st', 'cron(0 9 31W * ? *)', '2026-05-01T00:00', ['2026-05-29T09:00', '2026-07-31T09:00', '2026-08-31T09:00']],
    ['3#2, the second Tuesday', 'cron(0 9 ? * 3#2 *)', '2026-01-01T00:00', ['2026-01-13T09:00', '2026-02-10T09:00', '2026-03-10T09:00']],
    ['6#5, the fifth Friday, skips months without one', 'cron(0 9 ? * 6#5 *)', '2026-01-01T00:00', ['2026-01-30T09:00', '2026-05-29T09:00', '2026-07-31T09:00']],
    ['2L, the last Monday', 'cron(0 9 ? * 2L *)', '2026-05-01T00:00', ['2026-05-25T09:00', '2026-06-29T09:00']],
    ['a year range that ends', 'cron(0 0 1 1 ? 2026-2027)', '2025-06-01T00:00', ['2026-01-01T00:00', '2027-01-01T00:00', null]],
    ['the last year AWS takes', 'cron(59 23 31 12 ? *)', '2199-12-31T23:58', ['2199-12-31T23:59', null]],
    ['a year before the range starts', 'cron(0 0 1 1 ? 2030)', '2026-06-01T00:00', ['2030-01-01T00:00', null]],
  ])('%s: %s', (_what, text, from, expected) => {
    expect(firings(text, from, expected.length)).toEqual(expected);
  });

  it('fires strictly after the instant asked about, even inside a matching minute', () => {
    expect(firings('cron(* * * * ? *)', '2026-01-05T10:00:00.001', 2)).toEqual(['2026-01-05T10:01', '2026-01-05T10:02']);
    expect(firings('cron(* * * * ? *)', '2026-01-05T09:59:59.999', 1)).toEqual(['2026-01-05T10:00']);
  });
});

describe('zones without daylight saving, and half-hour offsets', () => {
  it('runs at the wall-clock time of Asia/Kolkata (UTC+5:30)', () => {
    expect(firings('cron(0 9 * * ? *)', '2026-01-05T00:00', 2, 'Asia/Kolkata')).toEqual(['2026-01-05T03:30', '2026-01-06T03:30']);
  });

  it('skips a time in Lord Howe Island’s half-hour spring-forward gap (02:00-02:29 on 2026-10-04)', () => {
    expect(firings('cron(15 2 * * ? *)', '2026-10-02T00:00', 2, 'Australia/Lord_Howe')).toEqual(['2026-10-02T15:45', '2026-10-04T15:15']);
  });
});

describe('America/New_York across daylight saving (spring forward 2026-03-08 02:00 EST → 03:00 EDT; fall back 2026-11-01 02:00 EDT → 01:00 EST)', () => {
  it('skips a daily time that does not exist that day', () => {
    expect(firings('cron(30 2 * * ? *)', '2026-03-07T00:00', 2, 'America/New_York')).toEqual(['2026-03-07T07:30', '2026-03-09T06:30']);
  });

  it('an interval schedule runs straight through the gap, from 01:45 EST to 03:00 EDT', () => {
    expect(firings('cron(0/15 * * * ? *)', '2026-03-08T06:40', 3, 'America/New_York')).toEqual(['2026-03-08T06:45', '2026-03-08T07:00', '2026-03-08T07:15']);
  });

  it('runs a daily time that happens twice once, at its first occurrence (01:30 EDT, not 01:30 EST)', () => {
    expect(firings('cron(30 1 * * ? *)', '2026-10-31T12:00', 2, 'America/New_York')).toEqual(['2026-11-01T05:30', '2026-11-02T06:30']);
  });

  it('an interval schedule runs the repeated hour once: 01:45 EDT is followed by 02:00 EST', () => {
    expect(firings('cron(0/15 * * * ? *)', '2026-11-01T05:40', 3, 'America/New_York')).toEqual(['2026-11-01T05:45', '2026-11-01T07:00', '2026-11-01T07:15']);
  });

  it('asked from inside the repeated hour, waits for the first wall-clock time not yet run', () => {
    expect(firings('cron(0/15 * * * ? *)', '2026-11-01T06:20', 1, 'America/New_York')).toEqual(['2026-11-01T07:00']);
  });

  it('an at() in the gap never fires; an at() in the repeated hour fires at the first 01:30', () => {
    expect(firings('at(2026-03-08T02:30:00)', '2026-03-01T00:00', 1, 'America/New_York')).toEqual([null]);
    expect(firings('at(2026-11-01T01:30:00)', '2026-10-01T00:00', 2, 'America/New_York')).toEqual(['2026-11-01T05:30', null]);
  });

  it('an at() fires at the second it names', () => {
    expect(nextFiring({ kind: 'at', at: '2026-01-05T09:30:45' }, { afterEpochMs: ms('2026-01-05T14:30:20'), startEpochMs: 0, timeZone: 'America/New_York' })).toBe(ms('2026-01-05T14:30:45'));
  });
});

describe('Europe/Berlin across daylight saving (2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET)', () => {
  it('skips 02:30 on the day it does not exist', () => {
    expect(firings('cron(30 2 * * ? *)', '2026-03-28T00:00', 2, 'Europe/Berlin')).toEqual(['2026-03-28T01:30', '2026-03-30T00:30']);
  });

  it('runs 02:30 once on the day it happens twice', () => {
    expect(firings('cron(30 2 * * ? *)', '2026-10-24T12:00', 2, 'Europe/Berlin')).toEqual(['2026-10-25T00:30', '2026-10-26T01:30']);
  });

  it('an hourly schedule runs 23 times on the spring day and 24 (not 25) on the autumn day', () => {
    // Runs from a minute before local midnight to the next local midnight, as UTC instants.
    const runsBefore = (fromUtc: string, toUtc: string) => firings('cron(0 * * * ? *)', fromUtc, 30, 'Europe/Berlin').filter((t) => t !== null && t < toUtc).length;
    expect(runsBefore('2026-03-28T22:59', '2026-03-29T22:00')).toBe(23);
    expect(runsBefore('2026-10-24T21:59', '2026-10-25T23:00')).toBe(24);
  });
});
