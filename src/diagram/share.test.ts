import { describe, expect, it } from 'vitest';
import { limitChanges } from './share.ts';

type N = { id: string; type: string; v: number };
const node = (id: string, type = 'task', v = 0): N => ({ id, type, v });

/** Run frames of limitChanges as the store does, each frame's output the next one's previous. */
function frames(shown: N[], wanted: (frame: number) => N[], max: number, count: number) {
  let after: string | null = null;
  const out: N[][] = [];
  for (let f = 0; f < count; f++) {
    const step: { nodes: N[]; last?: string } = limitChanges(shown, wanted(f), max, after);
    after = step.last ?? null;
    out.push((shown = step.nodes));
  }
  return out;
}

describe('limitChanges takes turns', () => {
  it('goes on after the task drawn last, round to the start, the frame`s other nodes first', () => {
    const before = [node('zone', 'zone'), ...['a', 'b', 'c', 'd'].map((id) => node(id))];
    const next = [node('zone', 'zone', 1), ...['a', 'b', 'c', 'd'].map((id) => node(id, 'task', 1))];
    // The zone takes one of the three, then a and b; the turn goes on at c, then d, then round to a.
    const first = limitChanges(before, next, 3);
    expect(first.nodes).toEqual([next[0], next[1], next[2], before[3], before[4]]);
    expect(first).toMatchObject({ behind: true, last: 'b' });
    // Next frame every task has changed again; the zone has not (the store hands back its object).
    const again = [next[0]!, ...['a', 'b', 'c', 'd'].map((id) => node(id, 'task', 2))];
    const second = limitChanges(first.nodes, again, 3, first.last);
    expect(second.nodes.map((n) => `${n.id}${n.v}`)).toEqual(['zone1', 'a2', 'b1', 'c2', 'd2']);
    expect(second.last).toBe('a');
    // A task drawn last that has gone: the turn starts from the top again.
    expect(limitChanges(first.nodes, again, 1, 'gone').nodes.map((n) => `${n.id}${n.v}`)).toEqual(['zone1', 'a2', 'b1', 'c0', 'd0']);
  });

  it('lets every waiting task in within ⌈waiting / max⌉ frames, though the first ones change in every frame', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const shown = ids.map((id) => node(id));
    // t0–t2 change again in every frame (a burst of health checks); the others changed once.
    const wanted = (f: number) => ids.map((id, i) => node(id, 'task', i < 3 ? f + 1 : 1));
    const drawn = frames(shown, wanted, 3, Math.ceil(10 / 3));
    for (const id of ids) expect(drawn.some((nodes) => nodes.find((n) => n.id === id)!.v > 0), id).toBe(true);
  });

  it('fills a new scene in reading order, each frame going on where the last stopped', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `t${i}`);
    const scene = [node('cluster', 'cluster'), ...ids.map((id) => node(id))];
    const drawn = frames([scene[0]!], () => scene, 3, 3);
    expect(drawn.map((nodes) => nodes.filter((n) => n.type === 'task').map((n) => n.id))).toEqual([ids.slice(0, 3), ids.slice(0, 6), ids]);
  });
});
