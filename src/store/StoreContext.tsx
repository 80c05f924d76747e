import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimStore, SimStoreState } from './simStore.ts';

const StoreContext = createContext<SimStore | null>(null);

export function SimStoreProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useSimStore<T>(selector: (s: SimStoreState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSimStore needs a <SimStoreProvider> above it');
  return useStore(store, selector);
}
