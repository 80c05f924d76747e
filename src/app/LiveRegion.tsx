// A polite live region that narrates what happens, at most one announcement every few seconds
// however fast the simulation runs (a burst is summed up, see narration.ts). A jump in the
// timeline is one sentence ("Showing T+02:10"), never the replayed events behind it.

import { useEffect, useState } from 'react';
import type { TimelineCause } from '../session/session.ts';
import type { SimEvent } from '../sim/index.ts';
import { usePaneApi } from '../store/StoreContext.tsx';
import { announcement, narrate, narrateJump } from './narration.ts';

const EVERY_MS = 2500;

export function LiveRegion() {
  const store = usePaneApi();
  const [text, setText] = useState('');
  useEffect(() => {
    let pending: string[] = [];
    let lastSeq = store.getState().recent.at(-1)?.seq ?? -1;
    let lastEpoch = store.getState().timeline.epoch;
    // The jump is said when the announcement is made, with the moment shown then (a drag goes on).
    let jump: TimelineCause | null = null;
    const unsubscribe = store.subscribe((s) => {
      if (s.timeline.epoch !== lastEpoch) {
        // A seek, a fork, a reset: what is shown jumped. Say where to, once, and start over.
        lastEpoch = s.timeline.epoch;
        lastSeq = s.recent.at(-1)?.seq ?? -1;
        jump = s.timeline.cause;
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
      setText(announcement(jump ? [narrateJump(jump, s.sim.now, s.session.scenario), ...pending] : pending));
      pending = [];
      jump = null;
    }, EVERY_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [store]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-region">
      {text}
    </div>
  );
}
