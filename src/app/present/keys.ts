// Presenter mode's keys, as one pure function: given the key, what has focus and the page's state,
// what the key does. The full page's handler (actions/shortcuts.ts) asks it about P and Escape,
// which switch presenter mode on and off; the presenter's layer (Presenter.tsx) about the rest —
// the clicker's keys, which step a lesson, and W, which stops a random task of a service. Tiny
// and import-free but for types: the first screen's handler imports it.

import type { Mode } from '../../store/mode.ts';

/** What the focused element does with keys of its own, as far as these keys care. */
export type FocusKind =
  /** Nothing in particular (the page, a heading, the lesson's text). */
  | 'page'
  /** A button, a link, a checkbox: Enter and Space are theirs, the arrows and pages are not. */
  | 'control'
  /** A text field or a contenteditable: every key types. */
  | 'text'
  /** A select: arrows and PageUp/PageDown choose. */
  | 'select'
  /** A range input (the timeline): arrows, PageUp/PageDown, Home/End move it. */
  | 'range'
  /** A radio group (a lesson's prediction, the quiz): the arrows choose. */
  | 'radio'
  /** Tabs: the arrows move between them. */
  | 'tab'
  /** The diagram: the arrows move between nodes. */
  | 'diagram';

export type KeyInput = {
  key: string;
  /** Ctrl, Meta or Alt held: the browser's or the system's key, never ours. */
  modifier: boolean;
  /** Held down: the key repeats (a clicker never does; a held arrow would race through steps). */
  repeat: boolean;
  focus: FocusKind;
  mode: Mode;
  /** A dialog is open: it has its own keys (Escape closes it). */
  dialog: boolean;
  /** Something is selected on the diagram: Escape clears that first. */
  selection: boolean;
  /** A lesson is open (its panel shown, or loading). */
  lesson: boolean;
};

export type PresenterKey =
  | { kind: 'enter' } // full page → presenter mode
  | { kind: 'leave' } // presenter mode → full page
  | { kind: 'next' } // the lesson's next stage
  | { kind: 'back' } // the lesson's previous stage
  | { kind: 'step' } // no lesson: the clock steps to the next thing that happens
  | { kind: 'say'; text: string } // nothing to do, and the HUD says why
  | { kind: 'whack' } // stop a random running task of a service
  | { kind: 'answer'; choice: number } // a lesson's question: choice n (0-based), from the room
  | { kind: 'swallow' }; // ours, but nothing happens (a repeat): the browser must not scroll either

const FORWARD = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const BACKWARD = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);
const ARROWS = new Set(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']);
/** Focus that uses the arrows itself. */
const OWNS_ARROWS = new Set<FocusKind>(['text', 'select', 'range', 'radio', 'tab', 'diagram']);
/** Focus that uses PageUp / PageDown itself. */
const OWNS_PAGES = new Set<FocusKind>(['text', 'select', 'range']);

export const NO_LESSON_BACK = 'Back (PageUp, ←) steps through a lesson; with none open there is nothing to go back to. PageDown steps the clock.';

/** What the key does in presenter mode or on the full page, or null: not one of these keys here
 *  (the page's other shortcuts, or the focused control, have it). */
export function presenterKey(input: KeyInput): PresenterKey | null {
  const { key, mode } = input;
  // An embedded figure has no presenter mode; a dialog and a text field keep their keys.
  if (input.modifier || mode === 'embed' || input.dialog || input.focus === 'text' || input.focus === 'select') return null;
  if (key === 'p' || key === 'P') {
    if (input.repeat) return { kind: 'swallow' };
    return mode === 'present' ? { kind: 'leave' } : { kind: 'enter' };
  }
  if (mode !== 'present') return null;
  if (key === 'Escape') return input.selection ? null : { kind: 'leave' };
  if (key === 'w' || key === 'W') return input.repeat ? { kind: 'swallow' } : { kind: 'whack' };
  // 1–9 answer a lesson's question, so the room's answer needs no Tab and Space (a radio group
  // takes digits as nothing of its own, so focus there is fine too).
  if (input.lesson && /^[1-9]$/.test(key)) return input.repeat ? { kind: 'swallow' } : { kind: 'answer', choice: Number(key) - 1 };
  const forward = FORWARD.has(key);
  if (!forward && !BACKWARD.has(key)) return null;
  if (ARROWS.has(key) ? OWNS_ARROWS.has(input.focus) : OWNS_PAGES.has(input.focus)) return null;
  if (input.repeat) return { kind: 'swallow' };
  if (input.lesson) return { kind: forward ? 'next' : 'back' };
  return forward ? { kind: 'step' } : { kind: 'say', text: NO_LESSON_BACK };
}

/** What the focused element is, for presenterKey. */
export function focusKind(target: Element | null): FocusKind {
  if (!target) return 'page';
  if (target.closest('input[type="range"]')) return 'range';
  if (target.closest('input[type="radio"], [role="radio"], [role="radiogroup"]')) return 'radio';
  if (target.closest('input[type="checkbox"], input[type="button"], input[type="submit"], input[type="reset"]')) return 'control';
  if (target.closest('input, textarea, [contenteditable="true"], [contenteditable=""]')) return 'text';
  if (target.closest('select')) return 'select';
  if (target.closest('[role="tab"], [role="tablist"]')) return 'tab';
  if (target.closest('.react-flow')) return 'diagram';
  if (target.closest('button, a[href], summary, [role="button"]')) return 'control';
  return 'page';
}
