// Marks close together on the scrub bar are drawn as one button: two 24-px buttons must never
// overlap, however many moments a busy minute has. Pure, so it is tested directly.

import type { Marker, MarkerKind } from '../../session/markers.ts';
import { clockLabel, type Millis } from '../../sim/index.ts';

export type Cluster = { at: Millis; kind: MarkerKind; names: string[] };

/** What a cluster leads with: what the user did, then what went wrong, then how ECS answered. */
const PRIORITY: readonly MarkerKind[] = ['action', 'fault', 'stopped', 'unhealthy', 'replacement', 'scheduled', 'steady'];

/** Marks close together on the bar become one button, so no two buttons overlap. A cluster is
 *  led by its most telling mark — it is drawn as that one and takes you to its moment — and names
 *  the others after it, in time order. */
export function clusterMarkers(markers: readonly Marker[], end: Millis, share: number): Cluster[] {
  const groups: Marker[][] = [];
  const gap = Math.max(end, 1) * share;
  for (const m of markers) {
    const last = groups.at(-1);
    if (last && m.at - last[0]!.at < gap) last.push(m);
    else groups.push([m]);
  }
  return groups.map((group) => {
    const lead = group.reduce((best, m) => (PRIORITY.indexOf(m.kind) < PRIORITY.indexOf(best.kind) ? m : best));
    const rest = group.filter((m) => m !== lead);
    return { at: lead.at, kind: lead.kind, names: [lead, ...rest].map((m) => `${m.label} at ${clockLabel(m.at)}`) };
  });
}

const MINUTE = 60_000;
/** The bar's scales: the smallest that holds the session with a little room to grow. */
const SCALES = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440].map((m) => m * MINUTE);

/** The length the scrub bar shows for a session recorded to `end`: it steps up now and then, so
 *  what is drawn on the bar stays put while time runs. */
export function timelineScale(end: Millis): Millis {
  const wanted = end * 1.05;
  return SCALES.find((s) => s >= wanted) ?? Math.ceil(wanted / (1440 * MINUTE)) * 1440 * MINUTE;
}
