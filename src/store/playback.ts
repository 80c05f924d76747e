// The playback driver: the one place wall-clock time meets sim time. Each animation frame turns
// the wall time elapsed (× speed) into sim time, advanced in fixed 100 ms sim steps so the
// result never depends on the frame rate. The clock is the page's: every pane on the page advances
// by the same steps.
//
// While the tab is hidden, or while something holds the page still (an embedded figure scrolled
// off-screen: holdPlayback), the driver asks for no animation frames at all — it costs nothing —
// and when it runs again it counts from that frame: the time away is not sim time. Being held is
// not the user's Pause: `playing` is untouched, so a figure that comes back plays on.

import type { PageStore } from './pageStore.ts';
import { STEP_LIMIT, type PaneStore } from './paneStore.ts';

export const SIM_STEP_MS = 100;
const MAX_FRAME_MS = 250; // after a stall (a breakpoint, a slow frame), don't try to catch up

/** What holds each page's clock still, and who to tell when that changes. */
type Holds = { tokens: Set<object>; listeners: Set<() => void> };
const holds = new WeakMap<PageStore, Holds>();
const holdsOf = (page: PageStore): Holds => {
  let h = holds.get(page);
  if (!h) holds.set(page, (h = { tokens: new Set(), listeners: new Set() }));
  return h;
};

/** Hold the page's playback still (no frames, no sim time) until the returned release is called.
 *  Holds add up: the driver runs again once every one is released. Releasing twice is harmless. */
export function holdPlayback(page: PageStore): () => void {
  const h = holdsOf(page);
  const token = {};
  h.tokens.add(token);
  for (const listener of h.listeners) listener();
  return () => {
    if (!h.tokens.delete(token)) return;
    for (const listener of h.listeners) listener();
  };
}

/** An embedded figure's clock waits until the figure has been seen: one far down a post, or
 *  loaded before its view is, does not run its scene unwatched. */
const seen = new WeakSet<PageStore>();
const waitingToBeSeen = new WeakMap<PageStore, Set<() => void>>();

/** The figure is on screen (or cannot tell): its clock may start, now and from then on. */
export function figureSeen(page: PageStore): void {
  seen.add(page);
  for (const release of waitingToBeSeen.get(page) ?? []) release();
  waitingToBeSeen.delete(page);
}

/** Whether the page's playback is held (for the views that say so). */
export const isPlaybackHeld = (page: PageStore): boolean => holdsOf(page).tokens.size > 0;

export function startPlayback(page: PageStore, panes: readonly PaneStore[]): () => void {
  let last: number | null = null;
  let carry = 0; // sim ms owed but not yet a whole step
  let frame: number | null = null;
  const h = holdsOf(page);
  let unseenHold: (() => void) | null = null;
  if (page.getState().chrome.mode === 'embed' && !seen.has(page)) {
    unseenHold = holdPlayback(page);
    if (!waitingToBeSeen.has(page)) waitingToBeSeen.set(page, new Set());
    waitingToBeSeen.get(page)!.add(unseenHold);
  }

  const tick = (now: number) => {
    frame = requestAnimationFrame(tick);
    const { playing, speed } = page.getState();
    const elapsed = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
    last = now;
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
  /** Run the loop when the page is shown and nothing holds it; otherwise stop it outright. */
  const sync = () => {
    const run = !document.hidden && h.tokens.size === 0;
    if (run && frame === null) {
      last = null; // the first frame back counts from itself: no jump for the time away
      frame = requestAnimationFrame(tick);
    } else if (!run && frame !== null) {
      cancelAnimationFrame(frame);
      frame = null;
    }
  };
  document.addEventListener('visibilitychange', sync);
  h.listeners.add(sync);
  sync();
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    document.removeEventListener('visibilitychange', sync);
    h.listeners.delete(sync);
    if (unseenHold) {
      unseenHold();
      waitingToBeSeen.get(page)?.delete(unseenHold);
    }
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
