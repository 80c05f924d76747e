// How far the learner got in each lesson, kept in this browser: the furthest stage reached and
// whether the lesson was completed. Read by the lessons menu; a damaged entry reads as no progress.

export type LessonProgress = { reached: number; complete: boolean };

const keyOf = (id: string) => `ecs-playground:lesson:${id}`;
const NONE: LessonProgress = { reached: 0, complete: false };

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readProgress(id: string, store: Storage | null = storage()): LessonProgress {
  try {
    const raw = store?.getItem(keyOf(id));
    if (!raw) return NONE;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return NONE;
    const reached = Object.hasOwn(value, 'reached') ? (value as { reached: unknown }).reached : 0;
    const complete = Object.hasOwn(value, 'complete') ? (value as { complete: unknown }).complete : false;
    return { reached: Number.isInteger(reached) && (reached as number) >= 0 && (reached as number) < 100 ? (reached as number) : 0, complete: complete === true };
  } catch {
    return NONE;
  }
}

/** Record a stage reached (never less than before) and completion (never undone). */
export function recordProgress(id: string, stage: number, complete: boolean, store: Storage | null = storage()): void {
  const before = readProgress(id, store);
  const next = { reached: Math.max(before.reached, stage), complete: before.complete || complete };
  if (next.reached === before.reached && next.complete === before.complete) return;
  try {
    store?.setItem(keyOf(id), JSON.stringify(next));
  } catch {
    // not kept: progress lasts for this page
  }
}
