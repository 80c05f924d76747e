// The playback driver's loop against a fake frame clock and document: it stops asking for frames
// while the tab is hidden or the page is held (an embedded figure off-screen), and the time away
// is not sim time.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPageStore } from './pageStore.ts';
import { createPaneStore, newPaneSession } from './paneStore.ts';
import { holdPlayback, isPlaybackHeld, startPlayback } from './playback.ts';

type FrameCallback = (now: number) => void;
let queued = new Map<number, FrameCallback>();
let nextId = 1;
let clock = 0;
let hidden = false;
const listeners = new Set<() => void>();

/** Run one animation frame `ms` after the last; how many callbacks ran. */
function frame(ms = 16): number {
  clock += ms;
  const due = [...queued.values()];
  queued = new Map();
  for (const cb of due) cb(clock);
  return due.length;
}
const setHidden = (value: boolean) => {
  hidden = value;
  for (const l of listeners) l();
};

beforeEach(() => {
  queued = new Map();
  clock = 0;
  hidden = false;
  listeners.clear();
  Object.assign(globalThis, {
    requestAnimationFrame: (cb: FrameCallback) => (queued.set(nextId, cb), nextId++),
    cancelAnimationFrame: (id: number) => queued.delete(id),
    document: {
      get hidden() {
        return hidden;
      },
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    },
  });
});
afterEach(() => {
  for (const key of ['requestAnimationFrame', 'cancelAnimationFrame', 'document']) Reflect.deleteProperty(globalThis, key);
});

const setup = () => {
  const page = createPageStore({ speed: 1, playing: true });
  const pane = createPaneStore(newPaneSession('default', 1));
  const start = pane.getState().sim.now; // a scene may start warm, past T+0
  return { page, pane, elapsed: () => pane.getState().sim.now - start, stop: startPlayback(page, [pane]) };
};

describe('startPlayback', () => {
  it('advances sim time by the wall time × speed, in whole steps', () => {
    const { elapsed, stop } = setup();
    frame(); // the first frame counts from itself
    for (let i = 0; i < 10; i++) frame(50);
    expect(elapsed()).toBe(500);
    stop();
    expect(queued.size).toBe(0);
  });

  it('asks for no frames while held, and resumes without a jump', () => {
    const { page, elapsed, stop } = setup();
    frame();
    frame(100);
    expect(elapsed()).toBe(100);
    const release = holdPlayback(page);
    expect(isPlaybackHeld(page)).toBe(true);
    expect(queued.size).toBe(0);
    expect(frame(60_000)).toBe(0); // a minute away: nothing runs
    expect(page.getState().playing).toBe(true); // not the user's Pause
    release();
    release(); // twice is harmless
    expect(queued.size).toBe(1);
    frame(5_000); // the first frame back: elapsed counts from it
    frame(100);
    expect(elapsed()).toBe(200);
    stop();
  });

  it('runs again only when every hold is released', () => {
    const { page, stop } = setup();
    const a = holdPlayback(page);
    const b = holdPlayback(page);
    a();
    expect(queued.size).toBe(0);
    b();
    expect(queued.size).toBe(1);
    stop();
  });

  it('stops its loop while the tab is hidden, as before without counting the time', () => {
    const { elapsed, stop } = setup();
    frame();
    frame(100);
    setHidden(true);
    expect(queued.size).toBe(0);
    setHidden(true);
    expect(queued.size).toBe(0);
    setHidden(false);
    expect(queued.size).toBe(1);
    frame(30_000);
    frame(100);
    expect(elapsed()).toBe(200);
    stop();
    setHidden(false); // a stopped driver stays stopped
    expect(queued.size).toBe(0);
  });

  it('holds one page, not another', () => {
    const one = setup();
    const other = setup();
    holdPlayback(one.page);
    expect(queued.size).toBe(1);
    frame();
    frame(100);
    expect(other.elapsed()).toBe(100);
    expect(one.elapsed()).toBe(0);
    one.stop();
    other.stop();
  });
});

describe('an embedded figure', () => {
  it('starts its clock only once it has been seen', async () => {
    const { EMBED_DEFAULTS } = await import('./mode.ts');
    const { figureSeen } = await import('./playback.ts');
    const page = createPageStore({ speed: 1, playing: true, chrome: { ...EMBED_DEFAULTS, autoplay: true } });
    const pane = createPaneStore(newPaneSession('default', 1));
    let stop = startPlayback(page, [pane]);
    expect(queued.size).toBe(0);
    stop(); // StrictMode's second mount: the driver starts again, still waiting
    stop = startPlayback(page, [pane]);
    expect(queued.size).toBe(0);
    figureSeen(page);
    expect(queued.size).toBe(1);
    stop();
    stop = startPlayback(page, [pane]); // seen once is seen
    expect(queued.size).toBe(1);
    stop();
  });
});
