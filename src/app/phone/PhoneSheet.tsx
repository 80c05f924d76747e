// On a phone, what was tapped opens in a sheet at the bottom of the screen — the inspector, right
// under the finger, instead of far down the page. It is not modal: the zones view (or the diagram)
// above stays live, and tapping another task shows that one. Escape (the page's "clear the selection") or the close
// button dismisses it; focus goes into the sheet when it opens and back to the node when it closes.
// The page leaves room below itself as tall as the sheet, so nothing is out of reach behind it.

import { useEffect, useLayoutEffect, useRef } from 'react';
import { shortId, taskIdOf } from '../../sim/index.ts';
import { nodeId, type Focus } from '../../diagram/project.ts';
import { usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { zoneNodeSelector } from '../zones/ZonesView.tsx';

const KIND: Record<NonNullable<Focus>['kind'], string> = { task: 'Task', service: 'Service', taskDefinition: 'Task definition', loadBalancer: 'Load balancer', schedule: 'Schedule' };

/** What the sheet's title calls the selection. */
function titleOf(selection: NonNullable<Focus>): string {
  const name =
    selection.kind === 'task' ? shortId(taskIdOf(selection.id))
    : selection.kind === 'service' ? selection.id
    : selection.id.slice(selection.id.lastIndexOf('/') + 1);
  return `${KIND[selection.kind]} ${name}`;
}

/** What shows the selection: its diagram node, or its button in the zones view. */
const nodeOf = (selection: NonNullable<Focus>) => {
  const id = nodeId[selection.kind](selection.id);
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"], ${zoneNodeSelector(id)}`);
};

/** Scroll the page so `node` shows above the sheet, and its zone with it where the zone fits. */
function keepInSight(node: HTMLElement, zone: HTMLElement | null, sheet: HTMLElement) {
  const top = sheet.getBoundingClientRect().top;
  const zoneBox = zone?.getBoundingClientRect();
  const box = zoneBox && zoneBox.height <= top - 16 ? zoneBox : node.getBoundingClientRect();
  if (box.bottom > top - 8) window.scrollBy({ top: Math.min(box.bottom - top + 16, box.top - 8) });
}

export function PhoneSheet() {
  const store = usePaneApi();
  const selection = usePane((s) => s.selection);
  const sheet = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = useRef<NonNullable<Focus> | null>(null);

  // Opening: focus the sheet's title; keep the tapped node in sight above the sheet — in the zones
  // view, its whole zone where that fits — and again when either grows: the sheet as the
  // inspector's code arrives, the zone as a service's replacement arrives beside the task it
  // replaces (stop one, and the new one shows up above the sheet).
  useLayoutEffect(() => {
    const box = sheet.current;
    if (!selection || !box) return;
    const first = opened.current === null;
    opened.current = selection;
    const node = nodeOf(selection);
    const zone = node?.closest<HTMLElement>('.zv-zone') ?? null;
    if (node) keepInSight(node, zone, box);
    if (first && !box.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
    if (!node || typeof ResizeObserver === 'undefined') return;
    const heights = new Map<Element, number>();
    const observer = new ResizeObserver((entries) => {
      let grew = false;
      for (const entry of entries) {
        const height = entry.contentRect.height;
        if (height > (heights.get(entry.target) ?? height) + 1) grew = true;
        heights.set(entry.target, height);
      }
      if (grew && node.isConnected) keepInSight(node, zone, box);
    });
    observer.observe(box);
    if (zone) observer.observe(zone);
    return () => observer.disconnect();
  }, [selection]);

  // Closing: focus goes back to the node that was shown, if it is still on the diagram.
  useEffect(() => {
    if (selection || !opened.current) return;
    const was = opened.current;
    opened.current = null;
    if (document.activeElement === document.body || document.activeElement === null || !document.activeElement.isConnected) nodeOf(was)?.focus({ preventScroll: true });
  }, [selection]);

  if (!selection) return null;
  const title = titleOf(selection);
  const close = () => {
    const was = selection;
    store.getState().select(null);
    // The close button goes with the sheet: focus the node now rather than leave it on <body>.
    requestAnimationFrame(() => nodeOf(was)?.focus({ preventScroll: true }));
  };
  return (
    <>
      <div className="phone-sheet-room" aria-hidden="true" />
      <section
        ref={sheet}
        className="phone-sheet"
        aria-labelledby="phone-sheet-title"
        data-testid="phone-sheet"
        onKeyDown={(e) => {
          // Escape in a field of the sheet too (the page's shortcut ignores typing): one Escape, the sheet goes.
          if (e.key !== 'Escape' || e.defaultPrevented) return;
          e.preventDefault();
          close();
        }}
      >
        <div className="phone-sheet-head">
          <h2 id="phone-sheet-title" ref={heading} tabIndex={-1}>{title}</h2>
          <button type="button" className="close" onClick={close} aria-label={`Close ${title}`} aria-keyshortcuts="Escape">×</button>
        </div>
        <div className="phone-sheet-body">
          <Inspector />
        </div>
      </section>
    </>
  );
}
