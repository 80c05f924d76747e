import { createContext, startTransition, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PageState, PageStore } from './pageStore.ts';
import type { PaneState, PaneStore } from './paneStore.ts';

// Two contexts: the page (clock, dialogs, notices) and the pane a component sits in (its session
// and views). A component inside a pane reads its own pane; the page's things are shared.
const PageContext = createContext<PageStore | null>(null);
const PaneContext = createContext<PaneStore | null>(null);

export function PageStoreProvider({ store, children }: { store: PageStore; children: ReactNode }) {
  return <PageContext.Provider value={store}>{children}</PageContext.Provider>;
}

export function PaneStoreProvider({ store, children }: { store: PaneStore; children: ReactNode }) {
  return <PaneContext.Provider value={store}>{children}</PaneContext.Provider>;
}

function required<S>(store: S | null, hook: string): S {
  if (!store) throw new Error(`${hook} needs its store's provider above it`);
  return store;
}

/** The page store itself, for event handlers that act without re-rendering on every change. */
export const usePageApi = (): PageStore => required(useContext(PageContext), 'usePage');
export const usePage = <T,>(selector: (s: PageState) => T): T => useStore(usePageApi(), selector);

/** The store of the pane this component is in. */
export const usePaneApi = (): PaneStore => required(useContext(PaneContext), 'usePane');
export const usePane = <T,>(selector: (s: PaneState) => T): T => useStore(usePaneApi(), selector);

/** The world's version for text views (tables, inspector, events), refreshed at most every
 *  `intervalMs` while time merely passes — a table of 200 rows need not redraw at 60 Hz — and
 *  then as a transition, which React renders in slices between frames; after anything the user
 *  does, at once. The diagram is not throttled. `of`: a pane named outright, for a view that
 *  watches more than the pane it sits in (the twin view's fault bar and sentences). */
export function useThrottledVersion(intervalMs = 250, of?: PaneStore): number {
  const context = useContext(PaneContext);
  const store = required(of ?? context, 'useThrottledVersion');
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
