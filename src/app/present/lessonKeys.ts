// The clicker's keys in a lesson: Next and Back of the lesson panel, or, when they cannot go,
// a sentence saying why (for the presenter's HUD). Loaded with the lesson (it reads the runner).

import { awaitingPrediction, canAdvance, currentStage, currentStep, stageKind, type LessonState } from '../../lessons/index.ts';
import type { PageStore } from '../../store/pageStore.ts';
import { runningLessonStore } from '../lesson/lessonStore.ts';

/** Why Next cannot go on from this stage, or null when it can. `acted`: the learner has done the
 *  step's task (the panel says "You did it. Now watch…"). */
export function nextBlocked(s: LessonState, acted = false): string | null {
  if (canAdvance(s)) return null;
  const kind = stageKind(s.lesson, s.position);
  if (kind === 'quiz') return 'This is the lesson’s last stage, the quiz: answer it in the lesson panel.';
  if (awaitingPrediction(s)) return 'Next waits for the question: answer it with its number (1, 2, 3…) or in the lesson panel.';
  if (kind === 'practice') return currentStage(s).broken ? 'Next waits: the practice’s rule broke. Try it again from its start.' : 'Next waits for the practice’s goal: reach it first.';
  const step = currentStep(s);
  if (step?.task && !acted) return 'Next waits for this step’s task: do it (or press Do it for me) first.';
  if (step?.predict && !currentStage(s).revealed) return 'Next waits: watch what the engine does first.';
  return 'Next waits for the engine: let the clock run (Space).';
}

/** Step the lesson open on this page one stage on or back; a sentence for the HUD when it cannot. */
export function stepLesson(page: PageStore, direction: 'next' | 'back'): string | null {
  const store = runningLessonStore(page);
  const state = store?.getState().state;
  if (!store || !state) return 'The lesson is still loading: press again in a moment.';
  if (direction === 'back') {
    if (state.position === 0) return 'This is the lesson’s first step: there is nothing before it.';
    store.getState().back();
    return null;
  }
  const blocked = nextBlocked(state, store.getState().acted);
  if (blocked) return blocked;
  store.getState().next();
  return null;
}

/** Answer the open question with choice `choice` (0-based); a sentence for the HUD either way. */
export function answerLesson(page: PageStore, choice: number): string {
  const store = runningLessonStore(page);
  const state = store?.getState().state;
  if (!store || !state) return 'The lesson is still loading: press again in a moment.';
  if (!awaitingPrediction(state)) return 'There is no question waiting for an answer now.';
  const choices = currentStep(state)?.predict?.choices ?? [];
  if (choice >= choices.length) return `This question has ${choices.length} answers: press 1 to ${choices.length}.`;
  store.getState().answer(choice);
  return `Answer ${choice + 1} locked in: “${choices[choice]!.text}”. Now watch what the engine does.`;
}
