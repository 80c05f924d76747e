// The clicker's keys in a lesson: Next and Back of the lesson panel, or, when they cannot go,
// a sentence saying why (for the presenter's HUD). Loaded with the lesson (it reads the runner).

import { awaitingPrediction, canAdvance, currentStage, currentStep, stageKind, type LessonState } from '../../lessons/index.ts';
import type { PageStore } from '../../store/pageStore.ts';
import { runningLessonStore } from '../lesson/lessonStore.ts';

/** Why Next cannot go on from this stage, or null when it can. */
export function nextBlocked(s: LessonState): string | null {
  if (canAdvance(s)) return null;
  const kind = stageKind(s.lesson, s.position);
  if (kind === 'quiz') return 'This is the lesson’s last stage, the quiz: answer it in the lesson panel.';
  if (awaitingPrediction(s)) return 'Next waits for the question: answer it in the lesson panel first.';
  if (kind === 'practice') return currentStage(s).broken ? 'Next waits: the practice’s rule broke. Try it again from its start.' : 'Next waits for the practice’s goal: reach it first.';
  const step = currentStep(s);
  if (step?.predict && !currentStage(s).revealed) return 'Next waits: watch what the engine does first.';
  if (step?.task) return 'Next waits for this step’s task: do it (or press Do it for me) first.';
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
  const blocked = nextBlocked(state);
  if (blocked) return blocked;
  store.getState().next();
  return null;
}
