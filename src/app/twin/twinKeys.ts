// The twin view's keys, bound on its page only: Space or K play / pause, . steps both worlds,
// − / + slower / faster, 1–5 the faults of the bar (each button names its key).

import type { PageStore } from '../../store/pageStore.ts';
import { clockShortcut } from '../actions/shortcuts.ts';
import { FAULTS } from './faults.ts';
import { applyFault, type TwinPanes } from './twinActions.ts';

// A range input (the timeline) takes arrows and Home/End itself, and Space there plays / pauses.
const TYPING = 'input, select, textarea, [contenteditable="true"]';

export function handleTwinKey(pageStore: PageStore, twin: TwinPanes, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest(TYPING)) return false;
  const page = pageStore.getState();
  if (page.dialog) return false; // a dialog has its own keys
  const onControl = target?.closest('button, a, summary, .react-flow__node') != null;
  if (e.key === ' ' && onControl) return false; // Space presses buttons and selects nodes
  if (clockShortcut(pageStore, [twin.left, twin.right], e.key)) return true;
  const fault = FAULTS.find((f) => f.key === e.key);
  if (!fault) return false;
  applyFault(pageStore, twin, fault);
  return true;
}
