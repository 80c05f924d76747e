// Small formatting helpers shared by the panels.

import { clockLabel, isoTimestamp, type Millis, type World } from '../sim/index.ts';

/** A timestamp as the console shows it (ISO, UTC) plus the sim clock, or an em dash. */
export function when(world: World, at: Millis | undefined): string {
  return at === undefined ? '—' : `${isoTimestamp(world.config.epochMs, at)} (${clockLabel(at)})`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
