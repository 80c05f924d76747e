// Sim time is integer milliseconds since the scenario started. The world's config names the
// wall-clock instant of time 0 so the UI can print timestamps the way the ECS console does;
// the formatting is plain arithmetic (no Date), which keeps the core free of the host clock.

import type { Millis } from './model/index.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/**
 * Seconds, as a script or scenario writes them, to whole milliseconds — or null when they are not
 * a whole number of ms (1.0004 s). Decimal seconds carry float noise: JSON's 1.005 times 1000 is
 * 1004.9999999999999, and 0.1 + 0.2 is 0.30000000000000004. So a value within a few units in the
 * last place of a whole ms counts as that ms; anything further off is a fraction of a ms.
 */
export function millisOfSeconds(s: number): Millis | null {
  const exact = s * SECOND;
  const ms = Math.round(exact);
  const noise = 16 * Number.EPSILON * Math.max(1, Math.abs(exact));
  return Number.isSafeInteger(ms) && Math.abs(exact - ms) <= noise ? ms : null;
}

/** Sim time is whole ms: a fractional time given to the engine is a caller's bug, said at once
 *  rather than found later as an event at 1004.9999 ms. */
export function requireWholeMillis(ms: number, what: string): Millis {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${what} must be a whole number of milliseconds of sim time, not ${ms}.`);
  return ms;
}

/** ISO 8601 in UTC with milliseconds, e.g. 2026-01-05T09:00:22.000Z. */
export function isoTimestamp(epochMs: number, at: Millis): string {
  const total = epochMs + at;
  const ms = ((total % 1000) + 1000) % 1000;
  const secs = Math.floor(total / 1000);
  const days = Math.floor(secs / 86400);
  const sod = secs - days * 86400;
  const { year: y, month: m, day: d } = civilFromDays(days);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(sod / 3600))}:${pad(Math.floor((sod % 3600) / 60))}:${pad(sod % 60)}.${pad(ms, 3)}Z`;
}

/** Days since 1970-01-01 → the civil date (Howard Hinnant's civil_from_days, valid for any
 *  proleptic Gregorian date). The schedules' calendar (schedule/civil.ts) uses it too. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** T+mm:ss (or T+h:mm:ss past an hour), the sim clock as the UI shows it. */
export function clockLabel(at: Millis): string {
  const s = Math.floor(at / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `T+${h}:${mm}:${ss}` : `T+${mm}:${ss}`;
}
