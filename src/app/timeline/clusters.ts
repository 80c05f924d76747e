// Marks close together on the scrub bar are drawn as one button: two 24-px buttons must never
// overlap, however many moments a busy minute has. Pure, so it is tested directly.

import type { Marker, MarkerKind } from '../../session/markers.ts';
import { clockLabel, type Millis } from '../../sim/index.ts';

export type Cluster = { at: Millis; kind: MarkerKind; names: string[] };

/** What a cluster leads with: what the user did, then what went wrong, then how ECS answered. */
const PRIORITY: readonly MarkerKind[] = ['action', 'fault', 'stopped', 'unhealthy', 'replacement', 'steady'];

/** Marks close together on the bar become one button, so no two buttons overlap. A cluster is
 *  named by all its marks, the most telling first, and takes you to the earliest. */
export function clusterMarkers(markers: readonly Marker[], end: Millis, share: number): Cluster[] {
  const groups: Marker[][] = [];
  const gap = Math.max(end, 1) * share;
  for (const m of markers) {
    const last = groups.at(-1);
    if (last && m.at - last[0]!.at < gap) last.push(m);
    else groups.push([m]);
  }
  return groups.map((group) => {
    const ranked = [...group].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.at - b.at);
    return { at: group[0]!.at, kind: ranked[0]!.kind, names: ranked.map((m) => `${m.label} at ${clockLabel(m.at)}`) };
  });
}

