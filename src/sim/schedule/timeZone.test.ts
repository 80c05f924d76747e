// Time zone names as the Scheduler takes them, and the offsets and wall-clock conversions the
// firing times rest on, checked against Date (an independent calendar) and known transitions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysInMonth, weekday } from './civil.ts';
import { checkTimeZone, civilMinuteAt, instantsOfCivilMinute, offsetAt } from './timeZone.ts';

const ms = (iso: string) => Date.parse(`${iso}Z`);

describe('checkTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('takes %s', (name) => {
    expect(checkTimeZone(name)).toBeNull();
  });

  it.each([
    ['', 'give an IANA time zone name'],
    ['Europe/Berln', 'not in the IANA time zone database'],
    ['Mars/Olympus_Mons', 'not in the IANA time zone database'],
    ['europe/berlin', 'case-sensitive: write Europe/Berlin'],
    ['+01:00', 'not an IANA time zone name'],
    ['UTC+1', 'not in the IANA time zone database'],
    [' UTC', 'not an IANA time zone name'],
    ['__proto__', 'not an IANA time zone name'],
    ['constructor', 'not in the IANA time zone database'],
    [`Europe/${'x'.repeat(50)}`, 'at most 50 characters'],
  ])('refuses "%s": %s', (name, words) => {
    const problem = checkTimeZone(name);
    expect(problem?.field).toBe('timezone');
    expect(problem?.message.startsWith('timezone: ')).toBe(true);
    expect(problem?.message).toContain(words);
  });
});

describe('offsets and wall clocks', () => {
  it('knows each zone’s offset either side of its transitions', () => {
    expect(offsetAt('America/New_York', ms('2026-03-08T06:59:59'))).toBe(-5 * 3_600_000);
    expect(offsetAt('America/New_York', ms('2026-03-08T07:00'))).toBe(-4 * 3_600_000);
    expect(offsetAt('Europe/Berlin', ms('2026-10-25T00:59:59'))).toBe(2 * 3_600_000);
    expect(offsetAt('Europe/Berlin', ms('2026-10-25T01:00'))).toBe(3_600_000);
    expect(offsetAt('Asia/Kolkata', ms('2026-06-01T00:00'))).toBe(5.5 * 3_600_000);
    expect(offsetAt('UTC', ms('2026-06-01T00:00'))).toBe(0);
  });

  it('finds no instant for a wall-clock minute in a gap, and two for one in an overlap, earliest first', () => {
    const wall = (iso: string) => ms(iso) / 60_000; // a wall-clock minute, counted as if the zone were UTC
    expect(instantsOfCivilMinute('America/New_York', wall('2026-03-08T02:30'))).toEqual([]);
    expect(instantsOfCivilMinute('America/New_York', wall('2026-11-01T01:30'))).toEqual([ms('2026-11-01T05:30'), ms('2026-11-01T06:30')]);
    expect(instantsOfCivilMinute('America/New_York', wall('2026-07-01T12:00'))).toEqual([ms('2026-07-01T16:00')]);
  });

  it('maps an instant to its wall-clock minute and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1980-01-01T00:00') / 60_000, max: ms('2150-01-01T00:00') / 60_000 }), fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Auckland'), (minute, zone) => {
        const instant = minute * 60_000;
        const wall = civilMinuteAt(zone, instant);
        expect(instantsOfCivilMinute(zone, wall)).toContain(instant);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the civil calendar agrees with Date', () => {
  it('days from civil, civil from days, days in a month and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1900-01-01T00:00') / 86_400_000, max: ms('2400-12-31T00:00') / 86_400_000 }), (days) => {
        const date = new Date(days * 86_400_000);
        const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(civilFromDays(days)).toEqual(civil);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
        expect(weekday(civil.year, civil.month, civil.day)).toBe(date.getUTCDay() + 1); // AWS: 1 = SUN
        expect(daysInMonth(civil.year, civil.month)).toBe(new Date(Date.UTC(civil.year, civil.month, 0)).getUTCDate());
      }),
      { numRuns: 1000 },
    );
  });
});
