// The caption line under the diagram: what just happened and why, in plain words, for everyone.
// It is also the page's polite live region, so what a screen reader hears is what the caption
// shows: at most one announcement every few seconds however fast the simulation runs (a burst is
// summed up, see narration.ts). A jump in the timeline is one sentence ("Showing T+02:10"), never
// the replayed events behind it. Hiding the caption hides the line, not the announcements.

import { useEffect, useState } from 'react';
import type { TimelineCause } from '../session/session.ts';
import type { SimEvent } from '../sim/index.ts';
import { usePage, usePaneApi } from '../store/StoreContext.tsx';
import { announcement, narrate, narrateJump } from './narration.ts';

const EVERY_MS = 2500;

const CAPTIONS_KEY = 'ecs-playground:captions';

function readCaptionsShown(): boolean {
  try {
    return localStorage.getItem(CAPTIONS_KEY) !== 'hidden';
  } catch {
    return true; // storage refused (a sandboxed frame): captions on
  }
}

/** `speaker`: who is talking, said before each announcement where two regions share a page (the twin view's sides). */
export function LiveRegion({ speaker }: { speaker?: string } = {}) {
  const store = usePaneApi();
  const [text, setText] = useState('');
  const [chosen, setShown] = useState(readCaptionsShown);
  // A URL's captions=on|off (an embed's snippet, a presenter's link) decides, and hides the toggle.
  const forced = usePage((s) => s.chrome.captions);
  const shown = forced ?? chosen;
  const toggle = () => {
    setShown(!shown);
    try {
      localStorage.setItem(CAPTIONS_KEY, shown ? 'hidden' : 'shown');
    } catch {
      // not kept: the choice lasts for this page
    }
  };
  useEffect(() => {
    let pending: string[] = [];
    let lastSeq = store.getState().recent.at(-1)?.seq ?? -1;
    let lastEpoch = store.getState().timeline.epoch;
    // The jump is said when the announcement is made, with the moment it jumped to (the last
    // one, while a drag goes on), not the moment the clock has reached since.
    let jump: TimelineCause | null = null;
    let jumpedTo = 0;
    const unsubscribe = store.subscribe((s) => {
      if (s.timeline.epoch !== lastEpoch) {
        // A seek, a fork, a reset: what is shown jumped. Say where to, once, and start over.
        lastEpoch = s.timeline.epoch;
        lastSeq = s.recent.at(-1)?.seq ?? -1;
        jump = s.timeline.cause;
        jumpedTo = s.sim.now;
        pending = [];
        return;
      }
      const fresh: SimEvent[] = [];
      for (let i = s.recent.length - 1; i >= 0 && s.recent[i]!.seq > lastSeq; i--) fresh.unshift(s.recent[i]!);
      if (fresh.length === 0) return;
      lastSeq = fresh.at(-1)!.seq;
      pending.push(...narrate(fresh));
    });
    const timer = window.setInterval(() => {
      if (pending.length === 0 && jump === null) return;
      const s = store.getState();
      setText(announcement(jump ? [narrateJump(jump, jumpedTo, s.session.scenario), ...pending] : pending));
      pending = [];
      jump = null;
    }, EVERY_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [store]);
  return (
    <div className={shown ? 'caption-bar' : 'caption-bar caption-hidden'}>
      <p className={shown ? 'caption' : 'visually-hidden'} role="status" aria-live="polite" data-testid="live-region">
        {speaker && text && <span className="visually-hidden">{speaker}: </span>}
        {text}
      </p>
      {shown && text === '' && (
        <p className="caption muted" aria-hidden="true">
          What happens is told here.
        </p>
      )}
      {forced === null && (
        <button type="button" className="caption-toggle" aria-pressed={shown} onClick={toggle} title={shown ? 'Hide the caption line' : 'Show the caption line'}>
          Captions
        </button>
      )}
    </div>
  );
}
