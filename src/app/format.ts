// Small formatting helpers shared by the panels.

import { clockLabel, isoTimestamp, REASON_DESCRIPTIONS, type Millis, type Target, type World } from '../sim/index.ts';

/** A timestamp as the console shows it (ISO, UTC) plus the sim clock, or an em dash. */
export function when(world: World, at: Millis | undefined): string {
  return at === undefined ? '—' : `${isoTimestamp(world.config.epochMs, at)} (${clockLabel(at)})`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A target's health reason with AWS's description of it, or a dash. */
export const targetReason = (t: Target) => (t.reason ? `${t.reason}: ${REASON_DESCRIPTIONS[t.reason]}` : '—');
