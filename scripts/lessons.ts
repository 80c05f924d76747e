// npm run lessons: the headless lesson checker, lesson by lesson (src/lessons/check.ts). Plays
// every lesson through the engine as a learner who does everything right and prints what it
// found; exits non-zero if any lesson's data disagrees with the engine. CI runs the same check
// through Vitest (src/lessons/lessons.test.ts).

import '../src/sim/schedules.ts'; // the mechanic of schedule commands (src/sim/extensions.ts)
import { checkLesson } from '../src/lessons/check.ts';
import { LESSONS, sessionHost, stageCount } from '../src/lessons/index.ts';
import { Session } from '../src/session/session.ts';

let failed = 0;
for (const [i, lesson] of LESSONS.entries()) {
  const started = performance.now();
  const problems = checkLesson(lesson, (scene, seed) => sessionHost(new Session({ scenario: scene, seed })));
  const ms = Math.round(performance.now() - started);
  const predictions = lesson.steps.filter((s) => s.predict).length;
  const head = `${String(i + 1).padStart(2)}. ${lesson.id.padEnd(26)} ${lesson.steps.length} steps, ${predictions} ${predictions === 1 ? 'prediction' : 'predictions'}, ${lesson.quiz.length} quiz, ${stageCount(lesson)} stages  ${ms} ms`;
  if (problems.length === 0) console.log(`ok   ${head}`);
  else {
    failed++;
    console.log(`FAIL ${head}`);
    for (const p of problems) console.log(`       ${p}`);
  }
}
console.log(failed === 0 ? `All ${LESSONS.length} lessons play through the engine as their data says.` : `${failed} of ${LESSONS.length} lessons disagree with the engine.`);
process.exit(failed === 0 ? 0 : 1);
