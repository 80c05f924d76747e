import { createContext, startTransition, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimStore, SimStoreState } from './simStore.ts';

const StoreContext = createContext<SimStore | null>(null);

export function SimStoreProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for event handlers that act without re-rendering on every change. */
export function useSimStoreApi(): SimStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSimStore needs a <SimStoreProvider> above it');
  return store;
}

export function useSimStore<T>(selector: (s: SimStoreState) => T): T {
  return useStore(useSimStoreApi(), selector);
}

/** The world's version for text views (tables, inspector, events), refreshed at most every
 *  `intervalMs` while time merely passes — a table of 200 rows need not redraw at 60 Hz — and
 *  then as a transition, which React renders in slices between frames; after anything the user
 *  does, at once. The diagram is not throttled. */
export function useThrottledVersion(intervalMs = 250): number {
  const store = useSimStoreApi();
  const subscribe = useCallback(
    (onChange: (urgent: boolean) => void) => {
      let last = 0;
      let timer: number | undefined;
      const fire = (urgent = false) => {
        timer = undefined;
        last = performance.now();
        onChange(urgent);
      };
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.version === prev.version) return;
        const wait = intervalMs - (performance.now() - last);
        if (!s.ticked || wait <= 0) {
          window.clearTimeout(timer);
          fire(!s.ticked);
        } else if (timer === undefined) {
          timer = window.setTimeout(() => fire(), wait);
        }
      });
      return () => {
        unsubscribe();
        window.clearTimeout(timer);
      };
    },
    [store, intervalMs],
  );
  const [version, setVersion] = useState(() => store.getState().version);
  useEffect(
    () =>
      subscribe((urgent) => {
        const version = store.getState().version;
        if (urgent) setVersion(version);
        else startTransition(() => setVersion(version));
      }),
    [subscribe, store],
  );
  return version;
}
