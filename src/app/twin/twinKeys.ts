// The twin view's keys, bound on its page only: Space or K play / pause, . steps both worlds,
// − / + slower / faster, 1–5 the faults of the bar (each button names its key), P presenter mode
// on / off (Escape leaves it), and in presenter mode the clicker's PageDown / → steps both worlds.

import type { PageStore } from '../../store/pageStore.ts';
import { clockShortcut } from '../actions/shortcuts.ts';
import { focusKind, presenterKey } from '../present/keys.ts';
import { checkFault, FAULTS } from './faults.ts';
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
  const presenter = presenterKey({
    key: e.key, modifier: false, repeat: e.repeat, focus: focusKind(target), mode: page.chrome.mode, dialog: false, selection: false, lesson: false,
  });
  switch (presenter?.kind) {
    case 'enter':
    case 'leave':
      page.setMode(presenter.kind === 'enter' ? 'present' : 'full');
      return true;
    case 'step':
      return clockShortcut(pageStore, [twin.left, twin.right], '.');
    case 'swallow':
      return true;
    // The twin view has no lesson to go back in, nor a score to whack for: those keys do nothing here.
  }
  const fault = FAULTS.find((f) => f.key === e.key);
  if (!fault) return false;
  // A key has no disabled look of its own: when the fault can't hit both sides yet, say why.
  const check = checkFault(twin.left.getState().sim.world, twin.right.getState().sim.world, fault);
  if (!check.enabled) page.notify({ tone: 'info', text: `${fault.label} (${e.key}) can't be given yet: ${check.reason}` });
  else applyFault(pageStore, twin, fault);
  return true;
}
