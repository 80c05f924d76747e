// Which view the page's query asks for. Tiny and import-free: main.tsx reads it before anything
// else loads, and the twin view's own code is fetched only when it is asked for.

export type View = 'main' | 'twin';
export const VIEW_PARAM = 'view';

/** The view `?view=` names; a bad value falls back to the main page with a message saying so. */
export function readView(search: string): { view: View; problem: string | null } {
  const value = new URLSearchParams(search).get(VIEW_PARAM);
  if (value === null || value === 'main') return { view: 'main', problem: null };
  if (value === 'twin') return { view: 'twin', problem: null };
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { view: 'main', problem: `There is no view "${shown}" (there is twin, the Task vs Service view): showing the playground.` };
}
