import { describe, expect, it } from 'vitest';
import type { TrafficSecond } from '../sim/index.ts';
import { errorCounts, summarise } from './trafficStats.ts';

const second = (n: number, errors: Partial<TrafficSecond['status5xx']>): TrafficSecond => {
  const status5xx = { '500': 0, '502': 0, '503': 0, '504': 0, ...errors };
  const failed = Object.values(status5xx).reduce((a, b) => a + b, 0);
  return { second: n, requests: 10, ok: 10 - failed, status5xx, latencyMs: 0 };
};

describe('summarise and errorCounts', () => {
  it('counts 504 beside 500, 502 and 503, most telling first', () => {
    const s = summarise([second(1, { '504': 2 }), second(2, { '503': 1, '500': 1 }), second(3, {})]);
    expect(s).toMatchObject({ requests: 30, ok: 26, e500: 1, e502: 0, e503: 1, e504: 2 });
    expect(errorCounts(s)).toBe('1× 503 · 2× 504 · 1× 500');
    expect(errorCounts(s, true)).toBe('1 × 503 (no target), 2 × 504 (timed out), 1 × 500 (app failing)');
    expect(errorCounts(summarise([second(1, {})]))).toBe('');
  });
});
