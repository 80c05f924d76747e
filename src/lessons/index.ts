// The lessons, in the order a course takes them (catalog.ts, which the first screen reads without
// loading the lessons themselves). Adding one: a file under content/, an entry in the catalog.

import { CATALOG } from './catalog.ts';
import { killATask } from './content/kill-a-task.ts';
import { PART_A } from './content/partA.ts';
import { PART_B } from './content/partB.ts';
import type { Lesson } from './model.ts';

const ALL = new Map<string, Lesson>([killATask, ...PART_A, ...PART_B].map((l) => [l.id, l]));

/** The catalog's lessons, in its order (lessons.test.ts checks none is missing or left out). */
export const LESSONS: readonly Lesson[] = CATALOG.flatMap((c) => ALL.get(c.id) ?? []);
export const ALL_LESSON_IDS: readonly string[] = [...ALL.keys()];

export const findLesson = (id: string): Lesson | undefined => (CATALOG.some((c) => c.id === id) ? ALL.get(id) : undefined);

export type * from './model.ts';
export * from './runner.ts';
