// Placing a button's "why not" tooltip (.reason-tip) with Floating UI: fixed to the viewport, below
// its button (above when there is no room), shifted sideways to stay inside the viewport, so no
// scroll box clips it and no edge cuts it off. The tip stays in the DOM beside its button (it is
// what aria-describedby names); CSS shows it on hover and focus, and keeps it invisible until it
// has been placed. Floating UI loads on the first show, as the glossary's Tip does: the first
// screen's JS stays small.

import { useCallback, useEffect, useRef } from 'react';

type FloatingUi = typeof import('@floating-ui/dom');
let floatingUi: Promise<FloatingUi> | null = null;
const loadFloatingUi = () => (floatingUi ??= import('@floating-ui/dom'));

/** Room kept between the tip and the viewport's edges, and between the tip and its button (px). */
const EDGE = 8;
const GAP = 4;

/** Handlers for the wrapper of a button and its tip: place the tip while it shows. */
export function useReasonTip() {
  const wrapper = useRef<HTMLSpanElement>(null);
  const state = useRef({ hover: false, focus: false, stop: null as (() => void) | null });

  const update = useCallback(() => {
    const s = state.current;
    const root = wrapper.current;
    const tip = root?.querySelector<HTMLElement>('.reason-tip');
    const anchor = root?.querySelector<HTMLElement>('button');
    if (!(s.hover || s.focus) || !tip || !anchor) {
      s.stop?.();
      s.stop = null;
      if (tip) delete tip.dataset.placement;
      return;
    }
    if (s.stop) return;
    // Placing: don't start twice while the library loads. A leave and a new hover meanwhile
    // replace this token, and the load it started then places nothing (one autoUpdate at a time).
    const pending = () => {};
    s.stop = pending;
    void loadFloatingUi().then(({ autoUpdate, computePosition, flip, offset, shift }) => {
      if (s.stop !== pending) return;
      if (!(s.hover || s.focus) || !tip.isConnected) {
        s.stop = null;
        return;
      }
      const place = () =>
        void computePosition(anchor, tip, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [offset(GAP), flip({ padding: EDGE }), shift({ padding: EDGE })],
        }).then(({ x, y, placement }) => {
          tip.style.left = `${x}px`;
          tip.style.top = `${y}px`;
          tip.dataset.placement = placement;
        });
      s.stop = autoUpdate(anchor, tip, place);
    });
  }, []);

  useEffect(() => () => state.current.stop?.(), []);
  const shown = useCallback(
    (key: 'hover' | 'focus', on: boolean) => {
      state.current[key] = on;
      update();
    },
    [update],
  );
  const onPointerEnter = useCallback(() => shown('hover', true), [shown]);
  const onPointerLeave = useCallback(() => shown('hover', false), [shown]);
  const onFocus = useCallback(() => shown('focus', true), [shown]);
  const onBlur = useCallback(() => shown('focus', false), [shown]);
  return { ref: wrapper, onPointerEnter, onPointerLeave, onFocus, onBlur };
}
