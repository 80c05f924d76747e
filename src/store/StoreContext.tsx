import { createContext, useContext, type ReactNode } from 'react';
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
