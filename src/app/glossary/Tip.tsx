// The tooltip of a <Term>, loaded on first use with the definitions and the positioning library.
// It is portalled to <body> with position: fixed, so no scroll box or table clips it, and placed by
// Floating UI: below the term (above when there is no room), shifted sideways to stay inside the
// viewport, never over the term it explains, and hidden while the term is scrolled out of sight.

import { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, type TermId } from './terms.ts';

type Props = {
  id: TermId;
  tipId: string;
  anchor: RefObject<HTMLElement | null>;
  onEnter: () => void;
  onLeave: () => void;
  onDismiss: () => void;
};

/** Room kept between the tooltip and the viewport's edges, and between it and its term (px). */
const EDGE = 8;
const GAP = 6;

export default function Tip({ id, tipId, anchor, onEnter, onLeave, onDismiss }: Props) {
  const tip = useRef<HTMLDivElement>(null);
  const entry = GLOSSARY.get(id);

  useLayoutEffect(() => {
    const reference = anchor.current;
    const floating = tip.current;
    if (!reference || !floating) return;
    const place = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(GAP), flip({ padding: EDGE }), shift({ padding: EDGE }), hide()],
      }).then(({ x, y, placement, middlewareData }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.dataset.placement = placement;
        floating.classList.toggle('term-out-of-view', middlewareData.hide?.referenceHidden === true);
      });
    return autoUpdate(reference, floating, place);
  }, [anchor]);

  // Escape dismisses it wherever focus is (1.4.13), before the page's own Escape (clear the
  // selection) sees the key: one Escape, one thing undone. A dialog's Escape is the dialog's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inDialog = e.target instanceof Element && e.target.closest('dialog');
      if (inDialog && !anchor.current?.closest('dialog')) return;
      e.preventDefault();
      onDismiss();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [anchor, onDismiss]);

  if (!entry) return null;
  return createPortal(
    <div ref={tip} id={tipId} role="tooltip" className="glossary-tip" onPointerEnter={onEnter} onPointerLeave={onLeave}>
      <strong className="glossary-term">{entry.term}</strong> {entry.short}
    </div>,
    document.body,
  );
}
