// The playback driver: the one place wall-clock time meets sim time. Each animation frame turns
// the wall time elapsed (× speed) into sim time, advanced in fixed 100 ms sim steps so the
// result never depends on the frame rate. It pauses while the tab is hidden. The clock is the
// page's: every pane on the page advances by the same steps.

import type { PageStore } from './pageStore.ts';
import { STEP_LIMIT, type PaneStore } from './paneStore.ts';

export const SIM_STEP_MS = 100;
const MAX_FRAME_MS = 250; // after a stall (a breakpoint, a slow frame), don't try to catch up

export function startPlayback(page: PageStore, panes: readonly PaneStore[]): () => void {
  let last: number | null = null;
  let carry = 0; // sim ms owed but not yet a whole step
  let frame = 0;

  const tick = (now: number) => {
    frame = requestAnimationFrame(tick);
    const { playing, speed } = page.getState();
    const elapsed = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
    last = now;
    if (document.hidden) return;
    carry = playing ? carry + elapsed * speed : 0;
    const steps = Math.floor(carry / SIM_STEP_MS);
    carry -= steps * SIM_STEP_MS;
    for (const pane of panes) {
      const { sim, advanceTo, catchUp } = pane.getState();
      // Frames with no sim step (paused, or a slow speed) still draw what the diagram owes.
      if (steps === 0) catchUp();
      else advanceTo(sim.now + steps * SIM_STEP_MS);
    }
  };
  const onVisibility = () => {
    last = null; // don't count hidden time
  };
  document.addEventListener('visibilitychange', onVisibility);
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** The single step: pause, and run to the next event ("show me what ECS does next"). Panes on
 *  one clock go together, to the first moment anything happens in any of them, so they stay at
 *  the same time. */
export function step(page: PageStore, panes: readonly PaneStore[]): void {
  page.getState().setPlaying(false);
  if (panes.length === 1) return panes[0]!.getState().step();
  if (panes.length === 0) return;
  const stop = panes[0]!.getState().sim.now + STEP_LIMIT;
  for (;;) {
    const now = panes[0]!.getState().sim.now;
    const to = Math.min(stop, ...panes.map(nextMoment));
    let happened = false;
    for (const pane of panes) {
      const before = pane.getState().recent.at(-1)?.seq;
      pane.getState().advanceTo(Math.max(now, to));
      if (pane.getState().recent.at(-1)?.seq !== before) happened = true;
    }
    if (happened || to >= stop) return;
  }
}

/** When a pane has something due next: a timer, or in the past a recorded command. */
function nextMoment(pane: PaneStore): number {
  const { session } = pane.getState();
  const timer = session.simulation.nextDueAt ?? Number.POSITIVE_INFINITY;
  const command = session.live ? Number.POSITIVE_INFINITY : (session.entries.find((e) => e.at > session.now)?.at ?? Number.POSITIVE_INFINITY);
  return Math.max(session.now, Math.min(timer, command));
}
