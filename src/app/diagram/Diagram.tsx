// The live diagram: React Flow drawing the store's projection in selector mode (toolchain §5). The
// store owns the node objects, which carry only position, size and selection; node components read
// what they show from the store, so a tick that changes three tasks re-renders three nodes and
// React Flow sees nothing. onNodesChange still writes back any size React Flow measures, and turns
// a click or Enter on a node into the store's selection.
//
// `wheel="page"` (the embedded figure) never traps the host page's scroll: the wheel scrolls the
// page unless the diagram has focus or Ctrl/Cmd is held (a trackpad pinch is a Ctrl+wheel), and
// one finger on a touch screen scrolls the page while two pinch-zoom the diagram.

import { Background, Controls, Panel, ReactFlow, useReactFlow, useStore as useFlowStore, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { focusOfNode } from '../../diagram/project.ts';
import { usePage, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { NODE_TYPES } from './nodes.tsx';
import { EDGE_TYPES } from './TrafficEdge.tsx';
import { RecentlyStopped } from './RecentlyStopped.tsx';

// Room at the left for the zoom buttons (React Flow's Controls, bottom left): the cluster's and the
// zones' labels run along the foot of their boxes, and a fit to the edge put the buttons over them.
// A projector has no zoom buttons (presenter mode fits the picture for the room): every pixel
// goes to the picture, for the largest type.
const FIT = { padding: { top: '16px', right: '16px', bottom: '16px', left: '56px' }, maxZoom: 1.5 } as const;
const FIT_PRESENT = { padding: 0.015, maxZoom: 1.5 } as const;

/** From this speed on, the task nodes' motion is off (diagram.css): PENDING lasts 5 sim seconds,
 *  160 ms at 32×, so a 0.6 s bar that fills with the status would never catch up with it, and at
 *  200 tasks a dozen such transitions at once were a repaint of each node in every frame (issue
 *  11: a quarter of a frame's work at 64×). The picture changes faster than motion could show. */
export const STILL_FROM_SPEED = 32;

/** How the wheel and touch act on the diagram: `diagram` (the full page) zooms with the wheel and
 *  pans with a drag; `page` leaves them to the page around a figure unless the diagram is focused. */
export type WheelMode = 'diagram' | 'page';

/** `label`: the diagram's accessible name, where a page shows more than one. */
export function Diagram({ label = 'Cluster diagram', wheel = 'diagram' }: { label?: string; wheel?: WheelMode }) {
  const store = usePaneApi();
  const paneId = usePane((s) => s.id);
  const nodes = usePane((s) => s.flowNodes) as Node[];
  const edges = usePane((s) => s.diagram.edges) as Edge[];
  const theme = usePage((s) => s.theme);
  const presenting = usePage((s) => s.chrome.mode === 'present');
  const fit = presenting ? FIT_PRESENT : FIT;
  const still = usePage((s) => s.speed >= STILL_FROM_SPEED);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const sizes = [];
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.push({ id: c.id, width: c.dimensions.width, height: c.dimensions.height });
        // Click, Enter or Space on a node selects it; deselection is the pane's click or Escape.
        if (c.type === 'select' && c.selected) store.getState().select(focusOfNode(c.id));
      }
      if (sizes.length) store.getState().measure(sizes);
    },
    [store],
  );

  // Stable handlers: React Flow passes them to every node wrapper, and a new function each render
  // would re-render all of them whenever a node comes or goes (toolchain §5's inline-props pitfall).
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const onNodeMouseEnter = useCallback((_: unknown, node: Node) => store.getState().hover(focusOfNode(node.id)), [store]);
  const onNodeMouseLeave = useCallback(() => store.getState().hover(null), [store]);
  // Once the user pans or zooms, the view is theirs: a new band or card no longer refits it
  // (Refit below) until they ask for a fit, or the scenario is reset.
  const userViewRef = useRef(false);
  const onMoveStart = useCallback((event: unknown) => {
    if (event) userViewRef.current = true; // null: a programmatic move, such as our own fitView
  }, []);
  const takeView = useCallback(() => void (userViewRef.current = true), []);
  const giveBackView = useCallback(() => void (userViewRef.current = false), []);
  // In a figure, the wheel is the diagram's only while focus is in it.
  const [focused, setFocused] = useState(false);
  const page = wheel === 'page';

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      onNodeMouseEnter={onNodeMouseEnter}
      onNodeMouseLeave={onNodeMouseLeave}
      onMoveStart={onMoveStart}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      fitView
      fitViewOptions={fit}
      minZoom={0.1}
      maxZoom={2}
      // preventScrolling off: a plain wheel is left to the page (React Flow still zooms on
      // Ctrl+wheel and a trackpad pinch); Cmd+wheel is PageWheel's.
      preventScrolling={!page || focused}
      className={[page && 'wheel-page', still && 'motion-still'].filter(Boolean).join(' ') || undefined}
      // React Flow derives its element ids (a11y descriptions, live message) from this id: one per
      // pane, so two diagrams on a page never share one.
      id={`${paneId}-flow`}
      aria-label={label}
      colorMode={theme === 'auto' ? 'system' : theme}
    >
      <Background gap={24} size={1} />
      {!presenting && <Controls showInteractive={false} fitViewOptions={fit} onZoomIn={takeView} onZoomOut={takeView} onFitView={giveBackView} />}
      <Panel position="top-right" className="recently-stopped-panel">
        <RecentlyStopped />
      </Panel>
      <Refit userViewRef={userViewRef} fit={fit} />
      {page && <PageWheel onFocusChange={setFocused} takeView={takeView} />}
    </ReactFlow>
  );
}

/** The figure's wheel and touch: whether focus is in the diagram, Cmd+wheel zoom at the pointer
 *  (React Flow's own wheel handler zooms only on Ctrl when it leaves scrolling to the page), and a
 *  one-finger touch kept from React Flow so the browser scrolls the page (embed.css lets it). */
function PageWheel({ onFocusChange, takeView }: { onFocusChange: (focused: boolean) => void; takeView: () => void }) {
  const domNode = useFlowStore((s) => s.domNode);
  const minZoom = useFlowStore((s) => s.minZoom);
  const maxZoom = useFlowStore((s) => s.maxZoom);
  const { getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    if (!domNode) return;
    const onFocusIn = () => onFocusChange(true);
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && domNode.contains(e.relatedTarget))) onFocusChange(false);
    };
    const onWheel = (e: WheelEvent) => {
      if (!e.metaKey || e.ctrlKey || domNode.contains(document.activeElement)) return;
      e.preventDefault();
      e.stopPropagation();
      const { x, y, zoom } = getViewport();
      const delta = -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002);
      const next = Math.min(maxZoom, Math.max(minZoom, zoom * 2 ** delta));
      const box = domNode.getBoundingClientRect();
      const px = e.clientX - box.left;
      const py = e.clientY - box.top;
      takeView();
      void setViewport({ zoom: next, x: px - ((px - x) * next) / zoom, y: py - ((py - y) * next) / zoom });
    };
    const onTouch = (e: TouchEvent) => {
      if (e.touches.length === 1) e.stopPropagation(); // d3-zoom never sees it: the page scrolls
    };
    domNode.addEventListener('focusin', onFocusIn);
    domNode.addEventListener('focusout', onFocusOut);
    domNode.addEventListener('wheel', onWheel, { capture: true, passive: false });
    domNode.addEventListener('touchstart', onTouch, { capture: true, passive: true });
    return () => {
      domNode.removeEventListener('focusin', onFocusIn);
      domNode.removeEventListener('focusout', onFocusOut);
      domNode.removeEventListener('wheel', onWheel, { capture: true });
      domNode.removeEventListener('touchstart', onTouch, { capture: true });
    };
  }, [domNode, minZoom, maxZoom, getViewport, setViewport, onFocusChange, takeView]);
  return null;
}

/**
 * Fit the whole picture again when its shape or its box changes — orientation, a new band, column
 * or card, the room the page gives it —
 * unless the user has made the view their own; a reset or a new scene gives it back (a seek does not).
 */
function Refit({ userViewRef, fit }: { userViewRef: RefObject<boolean>; fit: typeof FIT | typeof FIT_PRESENT }) {
  const { fitView } = useReactFlow();
  const scene = usePane((s) => s.scene); // a reset or another session: the picture starts over
  // The box the diagram has (it changes when a note above or below it comes or goes).
  const boxWidth = useFlowStore((s) => s.width);
  const boxHeight = useFlowStore((s) => s.height);
  const orientation = usePane((s) => s.orientation);
  const columns = usePane((s) => s.diagram.memory.columns);
  const bands = usePane((s) => s.diagram.memory.bands.length);
  // Runs on every store update: count without building an array.
  const cards = usePane((s) => {
    let n = 0;
    for (const node of s.diagram.nodes) if (node.type === 'service' || node.type === 'taskDefinition' || node.type === 'loadBalancer') n++;
    return n;
  });
  useEffect(() => {
    userViewRef.current = false;
  }, [scene, orientation, userViewRef]);
  useEffect(() => {
    if (userViewRef.current) return;
    const frame = requestAnimationFrame(() => void fitView(fit));
    return () => cancelAnimationFrame(frame);
  }, [fitView, userViewRef, scene, orientation, columns, bands, cards, boxWidth, boxHeight, fit]);
  return null;
}
