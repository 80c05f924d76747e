// Every lesson, played through the engine by the headless checker (check.ts): its gates are met,
// its predictions' answers are what the engine does, its practice is reachable and waits for the
// learner. And the catalog the first screen reads agrees with the lessons.

import { describe, expect, it } from 'vitest';
import { Session } from '../session/session.ts';
import { CATALOG } from './catalog.ts';
import { checkLesson, checkShape } from './check.ts';
import { ALL_LESSON_IDS, findLesson, LESSONS } from './index.ts';
import { MISCONCEPTIONS } from './misconceptions.ts';
import { stopsSince } from './queries.ts';
import { answerPrediction, back, canAdvance, contextOf, currentStage, evaluate, playTo, rebase, runUntil, sessionHost } from './runner.ts';

const makeHost = (scene: string, seed: number) => sessionHost(new Session({ scenario: scene, seed }));

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_, lesson) => {
  it('plays through the engine as its data says', () => {
    expect(checkLesson(lesson, makeHost)).toEqual([]);
  });

  // The checker really looks: give any prediction another answer and it fails, at that step.
  it.each(lesson.steps.flatMap((s, i) => (s.predict ? [[s.id, i] as const] : [])))('a wrong answer to the prediction in %s fails the checker', (id, at) => {
    const step = lesson.steps[at]!;
    const wrong = (step.predict!.answer + 1) % step.predict!.choices.length;
    const drifted = { ...lesson, steps: lesson.steps.map((s, i) => (i === at ? { ...s, predict: { ...s.predict!, answer: wrong } } : s)) };
    expect(checkLesson(drifted, makeHost)[0]).toMatch(new RegExp(`^step ${at + 1} \\(${id}\\): its prediction's`));
  });
});

describe('the lessons', () => {
  it('the catalog lists every lesson, in order, by id, title and scene, and no lesson is left out of it', () => {
    expect(LESSONS.map((l) => [l.id, l.title, l.scene])).toEqual(CATALOG.map((c) => [c.id, c.title, c.scene]));
    expect([...ALL_LESSON_IDS].sort()).toEqual(CATALOG.map((c) => c.id).sort());
  });

  it('every misconception of spec §8 is listed once, and each points at a step, prediction or quiz question that exists', () => {
    expect(MISCONCEPTIONS.map((m) => m.n)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    for (const m of MISCONCEPTIONS) {
      if ('notShown' in m) {
        expect(m.notShown.length).toBeGreaterThan(20);
        continue;
      }
      expect(m.taughtBy.length).toBeGreaterThan(0);
      for (const t of m.taughtBy) {
        const lesson = findLesson(t.lesson);
        const where = `§8.${m.n} → ${JSON.stringify(t)}`;
        expect(lesson, where).toBeDefined();
        expect([t.step, t.prediction, t.quiz].filter((x) => x !== undefined), where).toHaveLength(1);
        if (t.step) expect(lesson!.steps.some((s) => s.id === t.step), where).toBe(true);
        if (t.prediction) expect(lesson!.steps.find((s) => s.id === t.prediction)?.predict, where).toBeDefined();
        if (t.quiz) expect(lesson!.quiz.some((q) => q.id === t.quiz), where).toBe(true);
      }
    }
  });

  it('a step the learner went back before (a scrub, then a fork) begins again there, and still sees the learner act', () => {
    const lesson = findLesson('kill-a-task')!;
    const session = new Session({ scenario: lesson.scene, seed: 1 });
    const host = sessionHost(session);
    const at = lesson.steps.findIndex((s) => s.id === 'stop-your-task');
    let { state } = playTo(lesson, host, at);
    state = answerPrediction(state, lesson.steps[at]!.predict!.answer);
    const began = currentStage(state).startedAt;
    session.advanceTo(began + 20_000);
    session.seek(began - 2_000); // back on the timeline, before the step began
    state = rebase(state, session);
    expect(currentStage(state).startedAt).toBe(began - 2_000);
    expect(currentStage(state).answer).toBe(lesson.steps[at]!.predict!.answer);
    // Acting forks, and the new future's events reuse the sequence numbers of the one replaced.
    expect(host.dispatch({ type: 'stopTask', task: { family: 'web', standalone: true } }).outcome.ok).toBe(true);
    expect(stopsSince(contextOf(session, currentStage(state)), { family: 'web', standalone: true })).toHaveLength(1);
    expect(runUntil(host, () => canAdvance((state = evaluate(state, session))), 180_000)).toBe(true);
  });

  it('Back returns to before the step\'s own action, given in the millisecond the step began', () => {
    const lesson = findLesson('kill-a-task')!;
    const session = new Session({ scenario: lesson.scene, seed: 1 });
    const host = sessionHost(session);
    const { state } = playTo(lesson, host, 2); // step 2's stop was given the moment it began
    const before = back(state, host);
    expect(before.position).toBe(1);
    expect([...session.world.tasks.values()].filter((t) => t.serviceName === 'web' && t.desiredStatus === 'STOPPED')).toHaveLength(0);
    expect(session.live).toBe(false);
  });

  it('ids are unique', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  it('the checker catches a lesson whose prediction drifts from the engine', () => {
    const lesson = findLesson('kill-a-task')!;
    const stepAt = lesson.steps.findIndex((s) => s.predict);
    const step = lesson.steps[stepAt]!;
    const wrong = (step.predict!.answer + 1) % step.predict!.choices.length;
    const drifted = { ...lesson, steps: lesson.steps.map((s, i) => (i === stepAt ? { ...s, predict: { ...s.predict!, answer: wrong } } : s)) };
    const problems = checkLesson(drifted, makeHost);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^step ${stepAt + 1} \\(${step.id}\\): its prediction's answer`));
  });

  it('the checker catches a gate the engine never meets, and a goal met before the learner acts', () => {
    const lesson = findLesson('kill-a-task')!;
    const never = { ...lesson, steps: lesson.steps.map((s, i) => (i === 0 ? { ...s, done: () => false, within: 5_000 } : s)) };
    expect(checkLesson(never, makeHost)).toEqual([`step 1 (${lesson.steps[0]!.id}): its gate was never met within 5 s`]);
    const already = { ...lesson, practice: { ...lesson.practice, goal: () => true } };
    expect(checkLesson(already, makeHost)[0]).toMatch(/the practice's goal is met without the learner doing anything/);
  });

  it('checkShape names what the data gets wrong', () => {
    const lesson = findLesson('kill-a-task')!;
    const bad = { ...lesson, id: 'Bad Id', steps: lesson.steps.slice(0, 2), quiz: [] };
    expect(checkShape(bad)).toEqual(
      expect.arrayContaining([
        'id "Bad Id" must be lower-case words joined by hyphens',
        'has 2 steps; a lesson has 4–10',
        'has 0 quiz questions; a lesson has 2–4',
      ]),
    );
  });
});
