// The twin view's two sessions: the same seed, the two halves of one lesson (scenarios.ts: a
// standalone task of web:1 on the left; service web of one task behind web-alb on the right).
// They keep a longer tail of events than the main page, because each fault's sentence is read
// from the events since it (compare.ts), and these worlds are small: a fault makes ~30 events.

import { RECENT_PLANS, sampleCounts, type PaneSession } from '../../store/paneStore.ts';
import { Session } from '../../session/session.ts';
import type { Side } from './faults.ts';

export const TWIN_SCENES: Record<Side, string> = { left: 'twin-task', right: 'twin-service' };
/** Events kept for the comparisons: a few hundred faults' worth in these worlds. */
export const TWIN_RECENT_EVENTS = 10_000;

export function newTwinSession(side: Side, seed: number, cause: 'start' | 'reset' = 'start'): PaneSession {
  return new Session({ scenario: TWIN_SCENES[side], seed, recentLimit: TWIN_RECENT_EVENTS, planLimit: RECENT_PLANS, sample: sampleCounts, cause });
}
