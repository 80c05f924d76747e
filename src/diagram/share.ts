// Structural sharing between two projections. React Flow skips a node whose object did not change,
// and keeps the size it measured on the node object (`measured`). So: a node whose content is the
// same as last time is handed back as last time's object, and a changed node keeps the
// measurement — otherwise every tick would re-render and re-measure every node (toolchain §5).

type Shareable = { id: string; position: { x: number; y: number }; data: object; selected?: boolean; measured?: unknown };

export function shareUnchanged<N extends Shareable>(previous: readonly N[], next: N[]): N[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n]));
  const shared = next.map((n) => {
    const old = byId.get(n.id);
    if (!old) return n;
    if (sameNode(old, n)) return old;
    return old.measured === undefined ? n : { ...n, measured: old.measured };
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

/** The node's other plain fields (size, ariaLabel, zIndex…), ignoring what React Flow adds. */
function shallowEqualRest(a: Shareable, b: Shareable): boolean {
  for (const key of Object.keys(b)) {
    if (key === 'data' || key === 'position' || key === 'measured') continue;
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
 * Hand React Flow at most `max` changed nodes per frame. When 200 tasks pass their first health
 * check in the same second, redrawing them all in one frame is a long task (> 50 ms); spread
 * over a few frames it is invisible. New nodes always go in; `behind` says more are waiting.
 */
export function limitChanges<N extends { id: string }>(previous: readonly N[], next: N[], max: number): { nodes: N[]; behind: boolean } {
  if (next === previous) return { nodes: next, behind: false };
  const byId = new Map(previous.map((n) => [n.id, n]));
  let changed = 0;
  let behind = false;
  const nodes = next.map((n) => {
    const old = byId.get(n.id);
    if (!old || old === n) return n;
    if (changed < max) {
      changed++;
      return n;
    }
    behind = true;
    return old;
  });
  return { nodes, behind };
}
