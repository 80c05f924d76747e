// A polite live region that narrates what happens, at most one announcement every few seconds
// however fast the simulation runs (a burst is summed up, see narration.ts).

import { useEffect, useState } from 'react';
import type { SimEvent } from '../sim/index.ts';
import { useSimStoreApi } from '../store/StoreContext.tsx';
import { announcement, narrate } from './narration.ts';

const EVERY_MS = 2500;

export function LiveRegion() {
  const store = useSimStoreApi();
  const [text, setText] = useState('');
  useEffect(() => {
    let pending: string[] = [];
    let lastSeq = store.getState().recent.at(-1)?.seq ?? -1;
    let lastSim = store.getState().sim;
    const unsubscribe = store.subscribe((s) => {
      if (s.sim !== lastSim) {
        // A reset: start over, and say so.
        lastSim = s.sim;
        lastSeq = s.recent.at(-1)?.seq ?? -1;
        pending = ['The scenario was reset to its start.'];
        return;
      }
      const fresh: SimEvent[] = [];
      for (let i = s.recent.length - 1; i >= 0 && s.recent[i]!.seq > lastSeq; i--) fresh.unshift(s.recent[i]!);
      if (fresh.length === 0) return;
      lastSeq = fresh.at(-1)!.seq;
      pending.push(...narrate(fresh));
    });
    const timer = window.setInterval(() => {
      if (pending.length === 0) return;
      setText(announcement(pending));
      pending = [];
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
