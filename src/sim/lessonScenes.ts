// The scenes lessons start from (src/lessons): each sets up just what its lesson needs. They are
// scenarios like any other — a link may open one — but the scene picker leaves them out.

import type { Scenario } from './scenarios.ts';
import { BASICS_SCENES } from './lessonScenes/basics.ts';
import { TRAFFIC_SCENES } from './lessonScenes/traffic.ts';
import { register, webTaskDefinition } from './sceneParts.ts';

export const LESSON_SCENES: readonly Scenario[] = [
  {
    name: 'lesson-kill',
    title: 'Lesson: kill a task',
    description: 'Service web keeps 3 copies of web:1 running; beside them, one copy of web:1 that you started yourself with RunTask.',
    setup: [
      register(webTaskDefinition()),
      { type: 'createService', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3 },
      { type: 'runTask', taskDefinition: 'web:1', count: 1 },
    ],
    script: [],
    listed: false,
  },
  ...BASICS_SCENES,
  ...TRAFFIC_SCENES,
];
