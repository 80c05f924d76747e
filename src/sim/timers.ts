// The engine is a discrete-event simulation: everything that happens later is a timer in a
// binary min-heap ordered by time, then the scheduler's ticks after everything else due in the
// same millisecond, then creation order. Advancing time pops due timers in that order, so the
// result does not depend on how the caller slices time into steps. The heap is a plain array
// and lives in the world, so snapshots carry it.
//
// Timers are not cancelled. A handler checks that the world still looks the way the timer
// expected (e.g. the task is still PENDING) and does nothing otherwise.

import type { Millis, Timer, TimerKind, World } from './model/index.ts';

// The scheduler's tick runs after everything else due in the same millisecond, so it sees all of
// it at once: three tasks whose stop reaches them at 124.000 s are deregistered in one event.
const rank = (t: Timer) => (t.kind === 'reconcile' ? 1 : 0);

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && (rank(a) < rank(b) || (rank(a) === rank(b) && a.seq < b.seq)));
}

/** Plan `timer` at `at` (never before now); returns its sequence number, unique in the world. */
export function schedule(world: World, at: Millis, timer: TimerKind): number {
  const heap = world.timers;
  const seq = world.timerSeq++;
  heap.push({ ...timer, at: Math.max(at, world.now), seq } as Timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
  return seq;
}

export function peekTimer(world: World): Timer | undefined {
  return world.timers[0];
}

export function popTimer(world: World): Timer | undefined {
  const heap = world.timers;
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < heap.length && before(heap[l]!, heap[smallest]!)) smallest = l;
    if (r < heap.length && before(heap[r]!, heap[smallest]!)) smallest = r;
    if (smallest === i) break;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
  return top;
}
