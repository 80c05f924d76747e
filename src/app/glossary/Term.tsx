// An ECS term on screen that explains itself: dotted underline, focusable, and on hover or keyboard
// focus a tooltip with our plain definition (glossary in terms.ts). WCAG 1.4.13: Escape dismisses
// it without moving the pointer or focus, the pointer can move onto it, and it stays until hover
// and focus have both left. Screen readers get the definition on focus through aria-describedby.
//
// Only this file is on the first screen (a few hundred bytes): the tooltip, the positioning library
// and the definitions (Tip.tsx) load on first hover or focus — or on the first Tab anywhere, so a
// keyboard or screen-reader user's first term already has its definition when focus lands on it.

import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import type { TermId } from './terms.ts';
import './glossary.css';

let loading: Promise<typeof import('./Tip.tsx')> | undefined;
const load = () => (loading ??= import('./Tip.tsx'));
const Tip = lazy(load);

if (typeof document !== 'undefined') {
  const onTab = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    document.removeEventListener('keydown', onTab);
    void load();
  };
  document.addEventListener('keydown', onTab);
}

/** Hover opens after a moment (a pointer sweeping across a row of headers pops nothing up) and
 *  closes a moment after the pointer leaves (time to cross the gap onto the tooltip). */
const SHOW_MS = 250;
const HIDE_MS = 200;

export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const tipId = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const clicked = useRef(false);
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  // Escape hides it until the pointer comes back or focus does.
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus) && !dismissed;
  const later = (ms: number, then: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(then, ms);
  };
  // The tooltip is this element's child in React's tree: entering it counts as entering the term.
  const enter = () => {
    void load();
    if (hover) clearTimeout(timer.current);
    else later(SHOW_MS, () => {
      setDismissed(false);
      setHover(true);
    });
  };
  const leave = () => later(HIDE_MS, () => setHover(false));
  // The pointer may be on the tooltip, which goes without a pointerleave: the hover is over.
  const dismiss = () => {
    clearTimeout(timer.current);
    setDismissed(true);
    setHover(false);
  };
  return (
    <span
      ref={anchor}
      className="term"
      tabIndex={0}
      aria-describedby={open ? tipId : undefined}
      onPointerEnter={enter}
      onPointerLeave={leave}
      // A mouse click focuses the term as well: hover shows it already, and focus must not pin it
      // open once the mouse has gone. Keyboard, screen reader and touch focus do open it.
      onPointerDown={(e) => (clicked.current = e.pointerType === 'mouse')}
      onFocus={() => {
        void load();
        if (clicked.current) return;
        setDismissed(false);
        setFocus(true);
      }}
      onBlur={() => {
        clicked.current = false;
        setFocus(false);
      }}
    >
      {children}
      {open && (
        <Suspense fallback={null}>
          <Tip id={id} tipId={tipId} anchor={anchor} onEnter={enter} onLeave={leave} onDismiss={dismiss} />
        </Suspense>
      )}
    </span>
  );
}
