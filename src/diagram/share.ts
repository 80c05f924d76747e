// Structural sharing between two projections. React Flow skips a node whose object did not change,
// and keeps the size it measured on the node object (`measured`). So: a node whose content is the
// same as last time is handed back as last time's object, and a changed node keeps the
// measurement — otherwise every tick would re-render and re-measure every node (toolchain §5).

type Shareable = { id: string; position: { x: number; y: number }; data: object; selected?: boolean; measured?: unknown };

export function shareUnchanged<N extends Shareable>(previous: readonly N[], next: N[]): N[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = byId.get(n.id);
    if (!old) return n;
    if (sameNode(old, n)) return old;
    return old.measured === undefined ? n : { ...n, measured: old.measured };
  });
}

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

/** Edges carry no measurement: reuse the old array when nothing about the edges changed. */
export function sameEdges<E extends { id: string; className?: string }>(a: readonly E[], b: readonly E[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i]!.id && e.className === b[i]!.className);
}
