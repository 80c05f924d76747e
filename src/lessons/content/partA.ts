// Lessons 1, 2, 4, 6 and 7, in course order.

import type { Lesson } from '../model.ts';
import { anatomy } from './anatomy.ts';
import { oneOffJob } from './one-off-job.ts';
import { runningIsNotHealthy } from './running-is-not-healthy.ts';
import { scaleAcrossZones } from './scale-across-zones.ts';
import { stoppingTakesTime } from './stopping-takes-time.ts';

export const PART_A: readonly Lesson[] = [anatomy, oneOffJob, scaleAcrossZones, runningIsNotHealthy, stoppingTakesTime];
