import { createContext, useContext } from 'react';
import type { TwinPanes } from './twinActions.ts';

/** The twin view's two panes, for the controls that act on both (the fault bar, the comparisons). */
export const TwinContext = createContext<TwinPanes | null>(null);

export function useTwin(): TwinPanes {
  const twin = useContext(TwinContext);
  if (!twin) throw new Error('useTwin needs the twin view above it');
  return twin;
}
