// Lessons 5, 8, 9, 10 and 11, in course order.

import type { Lesson } from '../model.ts';
import { behindALoadBalancer } from './behind-a-load-balancer.ts';
import { rollingDeployment } from './rolling-deployment.ts';
import { circuitBreaker } from './circuit-breaker.ts';
import { crashLoopVsWontStart } from './crash-loop-vs-wont-start.ts';
import { immutableRevision } from './immutable-revision.ts';

export const PART_B: readonly Lesson[] = [behindALoadBalancer, rollingDeployment, circuitBreaker, crashLoopVsWontStart, immutableRevision];
