// The headless lesson checker: plays a lesson through the engine as a learner who does everything
// right, and says where the lesson's data and the engine disagree. Run for every lesson by Vitest
// (lessons.test.ts, so CI runs it) and by `npm run lessons` (a report per lesson). A lesson whose
// text drifts from what the engine does fails here, not in a classroom.

import type { Millis } from '../sim/index.ts';
import type { Lesson } from './model.ts';
import { answerPrediction, canAdvance, contextOf, evaluate, playTo, runUntil, stageCount, type LessonHost, type LessonState, type SessionView } from './runner.ts';

/** A fresh host on the lesson's scene: each check that needs a clean start makes one. */
export type MakeHost = (scene: string, seed: number) => LessonHost;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** What can be told from the data alone. */
export function checkShape(lesson: Lesson): string[] {
  const problems: string[] = [];
  const say = (m: string) => problems.push(m);
  if (!/^[a-z0-9-]+$/.test(lesson.id)) say(`id "${lesson.id}" must be lower-case words joined by hyphens`);
  if (lesson.steps.length < 4 || lesson.steps.length > 10) say(`has ${lesson.steps.length} steps; a lesson has 4–10`);
  if (lesson.quiz.length < 2 || lesson.quiz.length > 4) say(`has ${lesson.quiz.length} quiz questions; a lesson has 2–4`);
  if (!lesson.steps.some((s) => s.predict)) say('has no prediction; every lesson asks at least one');
  const ids = new Set<string>();
  for (const [i, step] of lesson.steps.entries()) {
    const where = `step ${i + 1} (${step.id})`;
    if (ids.has(step.id)) say(`${where}: its id is used twice`);
    ids.add(step.id);
    if (step.task && !step.done) say(`${where}: it asks the learner to do something, so it needs a gate (done)`);
    if (step.task && step.task.solution.length === 0) say(`${where}: its task has no solution for the checker and "Do it for me"`);
    if (words(step.text) > 120) say(`${where}: its text is ${words(step.text)} words; keep a caption under 120`);
    const p = step.predict;
    if (p) {
      if (p.choices.length < 2) say(`${where}: a prediction needs at least two choices`);
      if (!Number.isInteger(p.answer) || p.answer < 0 || p.answer >= p.choices.length) say(`${where}: its prediction's answer ${p.answer} is not one of its choices`);
    }
  }
  const quizIds = new Set<string>();
  for (const q of lesson.quiz) {
    if (quizIds.has(q.id)) say(`quiz ${q.id}: its id is used twice`);
    quizIds.add(q.id);
    if (q.choices.length < 2) say(`quiz ${q.id}: needs at least two choices`);
    if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.choices.length) say(`quiz ${q.id}: its answer ${q.answer} is not one of its choices`);
  }
  if (lesson.practice.solution.length === 0) say('the practice has no solution, so the checker cannot show its goal is reachable');
  return problems;
}

/** How long, without the learner acting, the practice's goal must stay unmet. */
export const IDLE_WINDOW: Millis = 3 * 60_000;

/**
 * Play the lesson through the engine: every gate is reached, every prediction's answer is what
 * happens (and no other choice is), a step that asks the learner to act is not done until they
 * do, and the practice's goal is not met before the learner acts and is reached by its solution
 * without breaking its rule.
 */
export function checkLesson(lesson: Lesson, makeHost: MakeHost): string[] {
  const problems = checkShape(lesson);
  if (problems.length > 0) return problems;
  const seed = lesson.seed ?? 1;
  const practiceAt = lesson.steps.length;

  const host = makeHost(lesson.scene, seed);
  const onStage = (s: LessonState): string | null => {
    const step = s.lesson.steps[s.position];
    const predict = step?.predict;
    if (!predict) return null;
    const ctx = contextOf(host.session, s.stages[s.position]!);
    const happened = predict.choices.map((c) => c.happened(ctx));
    if (!happened[predict.answer]) return `its prediction's answer "${predict.choices[predict.answer]!.text}" did not happen`;
    const others = predict.choices.filter((_, i) => i !== predict.answer && happened[i]);
    if (others.length > 0) return `its prediction's wrong answer "${others[0]!.text}" happened too`;
    return null;
  };
  const played = playTo(lesson, host, stageCount(lesson) - 1, onStage);
  if (played.problem) {
    const { stage, message } = played.problem;
    const name = stage < practiceAt ? `step ${stage + 1} (${lesson.steps[stage]!.id})` : 'the practice';
    return [`${name}: ${message}`];
  }

  // A step that asks the learner to do something waits for them: with nobody acting, it stays open.
  for (const [i, step] of lesson.steps.entries()) {
    if (!step.task) continue;
    const waiting = makeHost(lesson.scene, seed);
    const at = playTo(lesson, waiting, i);
    if (at.problem) return [`reaching step ${i + 1} (${step.id}) a second time: ${at.problem.message}`];
    let s = step.predict ? answerPrediction(at.state, step.predict.answer) : at.state;
    if (runUntil(waiting, () => canAdvance((s = evaluate(s, waiting.session))), IDLE_WINDOW))
      return [`step ${i + 1} (${step.id}): it is done without the learner doing anything (within ${IDLE_WINDOW / 1000} s)`];
  }

  // The practice's goal must wait for the learner: from its start, with nobody acting, it stays unmet.
  const idle = makeHost(lesson.scene, seed);
  const atPractice = playTo(lesson, idle, practiceAt);
  if (atPractice.problem) return [`reaching the practice a second time: ${atPractice.problem.message}`];
  const stage = atPractice.state.stages[practiceAt]!;
  const ctx = () => contextOf(idle.session, stage);
  if (runUntil(idle, () => lesson.practice.goal(ctx()), IDLE_WINDOW)) return [`the practice's goal is met without the learner doing anything (within ${IDLE_WINDOW / 1000} s)`];
  return [];
}

export type { SessionView };
