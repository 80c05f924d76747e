// Deep comparison of world data, for property tests that compare snapshots thousands of times:
// vitest's toEqual is general and slow on a whole world; this knows the world holds only
// primitives, arrays, plain objects and Maps.

/** Where `b` first differs from `a` (a path like `world.tasks.get("arn…").version`), or null if
 *  they are equal. Maps and objects must also agree on key order: the engine iterates in it. */
export function firstDifference(a: unknown, b: unknown, path = 'world'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return path;
    const bEntries = [...b.entries()];
    let i = 0;
    for (const [key, value] of a) {
      const [otherKey, otherValue] = bEntries[i++]!;
      const at = `${path}.get(${JSON.stringify(key)})`;
      if (!Object.is(key, otherKey)) return at;
      const diff = firstDifference(value, otherValue, at);
      if (diff) return diff;
    }
    return null;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length || aKeys.some((k, i) => k !== bKeys[i])) return `${path} (its keys)`;
  for (const key of aKeys) {
    const diff = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (diff) return diff;
  }
  return null;
}
