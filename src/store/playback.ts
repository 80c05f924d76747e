// The playback driver: the one place wall-clock time meets sim time. Each animation frame turns
// the wall time elapsed (× speed) into sim time, advanced in fixed 100 ms sim steps so the
// result never depends on the frame rate. It pauses while the tab is hidden.

import type { SimStore } from './simStore.ts';

export const SIM_STEP_MS = 100;
const MAX_FRAME_MS = 250; // after a stall (a breakpoint, a slow frame), don't try to catch up

export function startPlayback(store: SimStore): () => void {
  let last: number | null = null;
  let carry = 0; // sim ms owed but not yet a whole step
  let frame = 0;

  const tick = (now: number) => {
    frame = requestAnimationFrame(tick);
    const { playing, settings, sim, advanceTo, catchUp } = store.getState();
    const elapsed = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
    last = now;
    if (document.hidden) return;
    // Frames with no sim step (paused, or a slow speed) still draw what the diagram owes.
    if (!playing) return catchUp();
    carry += elapsed * settings.speed;
    const steps = Math.floor(carry / SIM_STEP_MS);
    if (steps === 0) return catchUp();
    carry -= steps * SIM_STEP_MS;
    advanceTo(sim.now + steps * SIM_STEP_MS);
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
