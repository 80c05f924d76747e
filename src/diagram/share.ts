// Structural sharing between two projections: a node whose content is the same as last time is
// handed back as last time's object, so a node component's store selector sees no change and the
// node does not re-render. (React Flow's own node objects, with their measured size, are the
// skeletons made by toFlowNodes below.)

type Shareable = { id: string; position: { x: number; y: number }; data: object; selected?: boolean };

export function shareUnchanged<N extends Shareable>(previous: readonly N[], next: N[]): N[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n]));
  const shared = next.map((n) => {
    const old = byId.get(n.id);
    if (!old || old === n) return n; // the projection reused it already: nothing to compare
    return sameNode(old, n) ? old : n;
  });
  // Nothing changed at all: the same array, so nothing downstream even looks.
  return sameItems(previous, shared) ? (previous as N[]) : shared;
}

/** Edges: the old object for an unchanged edge, the old array when none changed. */
export function shareEdges<E extends { id: string }>(previous: readonly E[], next: E[]): E[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((e) => [e.id, e]));
  const shared = next.map((e) => {
    const old = byId.get(e.id);
    return old && sameEdge(old as Record<string, unknown>, e as Record<string, unknown>) ? old : e;
  });
  return sameItems(previous, shared) ? (previous as E[]) : shared;
}

/** Like shallowEqual, but an edge's small `data` object is compared by its fields. */
function sameEdge(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) =>
    k === 'data' && a.data && b.data ? shallowEqual(a.data as Record<string, unknown>, b.data as Record<string, unknown>) : Object.is(a[k], b[k]),
  );
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameNode(a: Shareable, b: Shareable): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    shallowEqual(a.data as Record<string, unknown>, b.data as Record<string, unknown>) &&
    shallowEqualRest(a, b)
  );
}

/** The node's other plain fields (size, ariaLabel, zIndex…). */
function shallowEqualRest(a: Shareable, b: Shareable): boolean {
  for (const key of Object.keys(b)) {
    if (key === 'data' || key === 'position') continue;
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  }
  return true;
}

export function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * Hand React Flow at most `max` node changes per frame. When 200 tasks pass their first health
 * check in the same second, redrawing them all in one frame is a long task (> 50 ms); spread
 * over a few frames it is invisible. A new task node is a change too, so a 200-task scene is
 * drawn over its first frames rather than in one long one; every other new node (the cluster,
 * zones, bands, cards) goes in at once, so the picture's frame is whole from the start. `behind`
 * says changes are waiting.
 *
 * Tasks take turns. The frame's other nodes go first (there are a handful); then the tasks from
 * the one after `after` (the task whose change went in last: `last`, while changes wait), round
 * to the start. In reading order alone the first tasks would win every frame: at 64× a 200-task
 * start changes some 20 tasks a frame, and the last zone's tasks waited 90 frames (1.5 s) to
 * show a state the first ones had shown long before. Taking turns, a task waits about
 * ⌈waiting tasks / max⌉ frames, and a scene still fills in in reading order (each frame goes on
 * where the last stopped).
 */
export function limitChanges<N extends { id: string; type: string }>(
  previous: readonly N[],
  next: N[],
  max: number,
  after: string | null = null,
): { nodes: N[]; behind: boolean; last?: string } {
  if (next === previous) return { nodes: next, behind: false };
  const byId = new Map(previous.map((n) => [n.id, n]));
  const frame: number[] = []; // changed nodes other than tasks, by index in next
  const tasks: number[] = []; // changed (or new) tasks
  let from = 0; // the first of `tasks` after `after`, in reading order
  for (let i = 0; i < next.length; i++) {
    const n = next[i]!;
    const old = byId.get(n.id);
    if (n.id === after) from = tasks.length + (old === n ? 0 : 1);
    if (old === n || (!old && n.type !== 'task')) continue;
    (n.type === 'task' ? tasks : frame).push(i);
  }
  if (frame.length + tasks.length <= max) return { nodes: next, behind: false };
  const admitted = new Set(frame.slice(0, max));
  const turns = Math.max(0, max - frame.length);
  let last: string | null = after;
  for (let k = 0; k < turns; k++) {
    const i = tasks[(from + k) % tasks.length]!;
    admitted.add(i);
    last = next[i]!.id;
  }
  const nodes: N[] = [];
  for (let i = 0; i < next.length; i++) {
    const n = next[i]!;
    const old = byId.get(n.id);
    if (old === n || (!old && n.type !== 'task') || admitted.has(i)) nodes.push(n);
    else if (old) nodes.push(old); // a new task that must wait is simply not there yet
  }
  return last === null ? { nodes, behind: true } : { nodes, behind: true, last };
}

/** The edges whose two ends are both on the diagram (a task may still be waiting its turn). */
export function edgesBetween<E extends { source: string; target: string }>(edges: E[], nodes: readonly { id: string }[]): E[] {
  const shown = new Set(nodes.map((n) => n.id));
  return edges.every((e) => shown.has(e.source) && shown.has(e.target)) ? edges : edges.filter((e) => shown.has(e.source) && shown.has(e.target));
}

/** What React Flow itself is given: where each node is and how it behaves, not what it shows. */
export type FlowNode = {
  id: string;
  type: string;
  position: { x: number; y: number };
  width: number;
  height: number;
  selected: boolean;
  selectable: boolean;
  focusable: boolean;
  draggable: false;
  zIndex: number;
  data: Record<string, never>;
  domAttributes?: { 'aria-labelledby': string };
  measured?: unknown;
};

/** The id of a node's label element: prefixed with its pane's id, so two panes showing the same
 *  seed (the same task IDs) never share an element id. */
export const nodeLabelId = (pane: string, id: string) => `${pane}-label-${id}`;
const NO_DATA: Record<string, never> = {};

/**
 * React Flow's nodes, kept static while only their content changes ("selector" mode, toolchain
 * §5): a node component reads its content from the store by id, so a task changing status
 * re-renders that one node and React Flow never sees the change. Its accessible name comes from
 * a label inside the node (aria-labelledby), for the same reason. A skeleton is replaced only
 * when the node moves, resizes or its selection changes.
 */
export function toFlowNodes(pane: string, previous: readonly FlowNode[], nodes: readonly { id: string; type: string; position: { x: number; y: number }; width: number; height: number; selected: boolean; selectable: boolean; focusable: boolean; zIndex: number }[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const next = nodes.map((n): FlowNode => {
    const old = byId.get(n.id);
    if (
      old && old.type === n.type && old.position.x === n.position.x && old.position.y === n.position.y && old.width === n.width &&
      old.height === n.height && old.selected === n.selected && old.zIndex === n.zIndex && old.focusable === n.focusable
    ) return old;
    return {
      id: n.id,
      type: n.type,
      position: n.position,
      width: n.width,
      height: n.height,
      selected: n.selected,
      selectable: n.selectable,
      focusable: n.focusable,
      draggable: false,
      zIndex: n.zIndex,
      data: NO_DATA,
      ...(n.focusable ? { domAttributes: { 'aria-labelledby': nodeLabelId(pane, n.id) } } : {}),
      // Its size is known: say so up front, so React Flow need not measure and report back.
      measured: old?.measured ?? { width: n.width, height: n.height },
    };
  });
  return next.length === previous.length && next.every((n, i) => n === previous[i]) ? (previous as FlowNode[]) : next;
}
