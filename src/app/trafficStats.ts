// Summaries of the engine's per-second traffic counts, for the nodes, the charts and their text.

import type { Traffic, TrafficSecond } from '../sim/index.ts';

export type Summary = { requests: number; ok: number; e500: number; e502: number; e503: number; e504: number; latencyMs: number; seconds: number };

/** The last `n` complete seconds (the current one is still filling up). */
export function lastSeconds(traffic: Traffic, n: number): Summary {
  const list = traffic.seconds.slice(-n - 1, -1);
  return summarise(list);
}

export function summarise(list: readonly TrafficSecond[]): Summary {
  const out: Summary = { requests: 0, ok: 0, e500: 0, e502: 0, e503: 0, e504: 0, latencyMs: 0, seconds: list.length };
  for (const s of list) {
    out.requests += s.requests;
    out.ok += s.ok;
    out.e500 += s.status5xx['500'];
    out.e502 += s.status5xx['502'];
    out.e503 += s.status5xx['503'];
    out.e504 += s.status5xx['504'];
    out.latencyMs += s.latencyMs;
  }
  return out;
}

/** What each error status means to a client of the ALB (spec §6.7). */
export const ERROR_MEANINGS = [
  { status: '503', key: 'e503', meaning: 'no target' },
  { status: '502', key: 'e502', meaning: 'cut off' },
  { status: '504', key: 'e504', meaning: 'timed out' },
  { status: '500', key: 'e500', meaning: 'app failing' },
] as const;

/** "3× 503 · 1× 504": the errors in a summary, most telling first; '' when there are none. */
export function errorCounts(s: Summary, withMeaning = false): string {
  return ERROR_MEANINGS.filter((e) => s[e.key] > 0)
    .map((e) => (withMeaning ? `${s[e.key]} × ${e.status} (${e.meaning})` : `${s[e.key]}× ${e.status}`))
    .join(withMeaning ? ', ' : ' · ');
}

/** How many requests the task has served, as the views print it. */
export const servedBy = (traffic: Traffic, taskArn: string) => (traffic.perTask.get(taskArn)?.served ?? 0).toLocaleString('en');

/** A share in whole percent, never rounded up to 100 % while any part was missed (a score's
 *  seconds, the clients' requests in a card too narrow for a decimal). */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 100;
  const p = Math.round((100 * part) / whole);
  return p === 100 && part < whole ? 99 : p;
}

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 1)} %`);
export const meanLatency = (s: Summary) => (s.ok === 0 ? null : s.latencyMs / s.ok);
