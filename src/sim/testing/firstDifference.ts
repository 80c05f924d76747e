// Deep comparison of world data, for property tests that compare snapshots thousands of times:
// vitest's toEqual is general and slow on a whole world; this knows the world holds only
// primitives, arrays, plain objects and Maps.

import { Simulation, type SimulationOptions } from '../simulation.ts';
import type { ScriptCommand, World } from '../model/index.ts';

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

/** Replay `log` (the commands a run accepted, with their times) on a fresh simulation of the same
 *  scenario and seed, in one advance from each command to the next, up to `world.now`: where the
 *  replay first differs from `world`, or null. Same seed and commands, however time is sliced,
 *  must give the same world. */
export function replayDifference(options: SimulationOptions, log: readonly { at: number; command: ScriptCommand }[], world: World): string | null {
  const replay = Simulation.create(options);
  for (const { at, command } of log) {
    if (at > replay.now) replay.advanceTo(at);
    replay.dispatch(command);
  }
  replay.advanceTo(world.now);
  return firstDifference(world, replay.world);
}
