import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 760px)';
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

type Watched = { list: MediaQueryList; subscribe: (onChange: () => void) => () => void; matches: () => boolean };
/** One MediaQueryList per query for the page, and stable functions to watch it: a hook that many
 *  components call (every traffic edge) neither re-parses the query nor resubscribes per render. */
const watched = new Map<string, Watched>();

function watch(query: string): Watched {
  let w = watched.get(query);
  if (!w) {
    const list = window.matchMedia(query);
    w = {
      list,
      subscribe: (onChange) => {
        list.addEventListener('change', onChange);
        return () => list.removeEventListener('change', onChange);
      },
      matches: () => list.matches,
    };
    watched.set(query, w);
  }
  return w;
}

export function useMediaQuery(query: string): boolean {
  const { subscribe, matches } = watch(query);
  return useSyncExternalStore(subscribe, matches, () => false);
}
