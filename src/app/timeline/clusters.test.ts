import { describe, expect, it } from 'vitest';
import type { Marker } from '../../session/markers.ts';
import { clusterMarkers, timelineScale } from './clusters.ts';

const mark = (at: number, kind: Marker['kind'], label: string): Marker => ({ at, kind, label });

describe('clusterMarkers', () => {
  it('joins marks closer than the share of the bar, led by what the user did, at its moment', () => {
    const marks = [mark(10_000, 'steady', 'Service web reached a steady state'), mark(12_000, 'action', 'You stopped task 3f2a9c1d'), mark(13_000, 'replacement', 'Service web started a task'), mark(60_000, 'fault', 'Fault: task 3f2a9c1d ran out of memory (137)')];
    const clusters = clusterMarkers(marks, 100_000, 0.05);
    expect(clusters).toEqual([
      { at: 12_000, kind: 'action', names: ['You stopped task 3f2a9c1d at T+00:12', 'Service web reached a steady state at T+00:10', 'Service web started a task at T+00:13'] },
      { at: 60_000, kind: 'fault', names: ['Fault: task 3f2a9c1d ran out of memory (137) at T+01:00'] },
    ]);
  });

  it('keeps marks apart when the bar has room for them', () => {
    const marks = [mark(0, 'replacement', 'a'), mark(3_000, 'replacement', 'b'), mark(6_000, 'replacement', 'c')];
    expect(clusterMarkers(marks, 10_000, 0.2)).toHaveLength(3);
    expect(clusterMarkers(marks, 10_000, 0.35)).toHaveLength(2);
    expect(clusterMarkers(marks, 10_000, 1)).toHaveLength(1);
  });
});

describe('timelineScale', () => {
  it('steps up in round lengths with a little room ahead, so the marks stand still between steps', () => {
    expect(timelineScale(0)).toBe(60_000);
    expect(timelineScale(50_000)).toBe(60_000);
    expect(timelineScale(58_000)).toBe(120_000);
    expect(timelineScale(4 * 60_000)).toBe(5 * 60_000);
    expect(timelineScale(25 * 60 * 60_000)).toBe(48 * 60 * 60_000);
    for (let end = 0; end < 3 * 60 * 60_000; end += 7_919) expect(timelineScale(end)).toBeGreaterThan(end);
  });
});
