// The lesson being taken, beside the page and its pane: the runner's state (src/lessons/runner.ts)
// and what the learner does to it. It opens the lesson the page asks for (a deep link, the menu,
// "Start lesson 4"), looks at the engine again whenever the pane's world changes, holds the clock
// while a prediction waits for its answer, and keeps the URL and the progress up to date.

import '../../sim/schedules.ts'; // a lesson's scene may hold schedules (src/sim/extensions.ts)
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  answerPrediction,
  answerQuiz,
  awaitingPrediction,
  back,
  currentStage,
  evaluate,
  findLesson,
  isComplete,
  next,
  playTo,
  readyMoves,
  rebase,
  restartStage,
  sessionHost,
  stageCount,
  stageKind,
  type Lesson,
  type LessonHost,
  type LessonState,
} from '../../lessons/index.ts';
import type { PageStore } from '../../store/pageStore.ts';
import { newPaneSession, type PaneStore } from '../../store/paneStore.ts';
import { recordProgress } from './progress.ts';

export type LessonStoreState = {
  state: LessonState | null;
  /** The current step has moves "Do it for me" can give now. */
  ready: boolean;
  /** The learner has acted since the current stage began (a command in the session's log). */
  acted: boolean;
  /** The stage a deep link opened at, its earlier steps played for the learner (until they move on). */
  rebuilt: number | null;
  /** Bumped when the stage changes by the learner's hand (Next, Back, Restart): the panel moves focus then. */
  moved: number;
  answer: (choice: number) => void;
  answerQuiz: (question: number, choice: number) => void;
  next: () => void;
  back: () => void;
  restart: () => void;
  retry: () => void;
  doItForMe: () => void;
};

/** `start` opens the lesson the page asks for and follows the page and the pane until the
 *  function it returns is called (a React effect's mount and cleanup). */
export type LessonStore = StoreApi<LessonStoreState> & { start: () => () => void };

/** The lesson store running on each page, between its start and its stop: presenter mode's
 *  clicker keys step it (src/app/present). A WeakMap: a page that is gone takes it along. */
const running = new WeakMap<PageStore, LessonStore>();
export const runningLessonStore = (page: PageStore): LessonStore | undefined => running.get(page);

/** The pane as the runner's host: acting and seeking go through the store, so the views follow. */
function paneHost(pane: PaneStore): LessonHost {
  return {
    get session() {
      return pane.getState().session;
    },
    dispatch: (c) => pane.getState().dispatch(c),
    seek: (t, before) => pane.getState().seek(t, before),
    advance: (limit) => pane.getState().advanceTo(pane.getState().sim.now + limit),
  };
}

/** Build the lesson's moment at `stage` on a fresh session of its scene — the scene, then every
 *  earlier step done as the lesson says — and show it in the pane. */
function begin(lesson: Lesson, stage: number, page: PageStore, pane: PaneStore): LessonState {
  const session = newPaneSession(lesson.scene, lesson.seed ?? 1);
  const { state, problem } = playTo(lesson, sessionHost(session), stage);
  pane.getState().load(session);
  if (problem) page.getState().notify({ tone: 'problem', text: `This lesson could not rebuild step ${stage + 1}, so it opens at step ${state.position + 1}.` });
  return state;
}

export function createLessonStore(page: PageStore, pane: PaneStore): LessonStore {
  const host = paneHost(pane);
  let opened: string | null = null;
  /** Set while the lesson itself puts a session in the pane (a start, a restart). */
  let loading = false;
  const show = (lesson: Lesson, stage: number) => {
    loading = true;
    try {
      return begin(lesson, stage, page, pane);
    } finally {
      loading = false;
    }
  };
  /** The state as the engine now answers it, whether "Do it for me" has something to give, and
   *  whether the learner has acted in this stage. */
  const settle = (state: LessonState) => {
    const next = evaluate(state, host.session);
    const stage = currentStage(next);
    // Only a step still waiting on its task has moves to offer: the rest skip reading the events again.
    const waiting = stageKind(next.lesson, next.position) === 'step' && next.lesson.steps[next.position]!.task !== undefined && !stage.done;
    return { state: next, ready: waiting && readyMoves(next, host.session).length > 0, acted: host.session.appliedCount > stage.startApplied };
  };
  /** The clock follows the lesson: it waits while a question waits for its answer and once a step
   *  is done (the learner reads on, and the world does not run ahead of the next step's text),
   *  and runs while a step waits for the engine. Play still works: the learner may go on. */
  const pace = (state: LessonState) => {
    const done = currentStage(state).done || stageKind(state.lesson, state.position) === 'quiz';
    page.getState().setPlaying(!(awaitingPrediction(state) || done));
  };

  // A lesson in an embedded figure is the post's, not the reader's: it keeps no progress.
  const keepProgress = (id: string, position: number, complete: boolean) => page.getState().chrome.mode !== 'embed' && recordProgress(id, position, complete);
  const store = createStore<LessonStoreState>()((set, get) => {
    /** A new lesson state: the clock held for a prediction, the URL and the progress told. */
    const commit = (changed: LessonState, moved: boolean) => {
      const before = get().state;
      const settled = settle(changed);
      const { state } = settled;
      set({ ...settled, moved: moved ? get().moved + 1 : get().moved, ...(moved ? { rebuilt: null } : {}) });
      // A stage entered afresh (Next, Back, Restart) sets the clock's pace.
      if (moved || before?.position !== state.position) pace(state);
      if (before?.position !== state.position || before.lesson !== state.lesson) page.getState().setLesson({ id: state.lesson.id, step: state.position + 1 });
      keepProgress(state.lesson.id, state.position, isComplete(state));
    };
    const change = (f: (s: LessonState) => LessonState, moved = false) => {
      const s = get().state;
      if (s) commit(f(s), moved);
    };
    return {
      state: null,
      ready: false,
      acted: false,
      rebuilt: null,
      moved: 0,
      answer(choice) {
        change((s) => answerPrediction(s, choice));
        page.getState().setPlaying(true); // the answer is in: let the engine show what happens
      },
      answerQuiz: (question, choice) => change((s) => answerQuiz(s, question, choice)),
      next: () => change((s) => next(s, host.session), true),
      back: () => change((s) => back(s, host), true),
      retry: () => change((s) => restartStage(s, host)),
      restart() {
        const s = get().state;
        if (s) commit(show(s.lesson, 0), true);
      },
      doItForMe() {
        const s = get().state;
        if (s) for (const command of readyMoves(s, host.session)) host.dispatch(command);
      },
    };
  });

  /** Open the lesson the page asks for, at its step: once per lesson (Back and Next move within it). */
  const open = () => {
    const link = page.getState().lesson;
    if (link === null) opened = null; // closed: the same lesson picked again opens afresh
    if (link === null || link.id === opened) return;
    const lesson = findLesson(link.id);
    if (!lesson) return;
    opened = link.id;
    const stages = stageCount(lesson);
    if (link.step > stages) page.getState().notify({ tone: 'problem', text: `“${lesson.title}” has ${stages} steps, not ${link.step}: showing the last.` });
    const state = show(lesson, Math.min(link.step, stages) - 1);
    const settled = settle(state);
    store.setState({ ...settled, rebuilt: settled.state.position > 0 ? settled.state.position : null, moved: store.getState().moved + (store.getState().state ? 1 : 0) });
    pace(settled.state);
    page.getState().setLesson({ id: lesson.id, step: state.position + 1 });
    keepProgress(lesson.id, state.position, isComplete(state));
  };
  const start = () => {
    running.set(page, lessonStore);
    const offPage = page.subscribe((s, prev) => s.lesson !== prev.lesson && open());
    // The engine answers: every change to the world is a chance for a gate to open.
    const offPane = pane.subscribe((s, prev) => {
      const current = store.getState().state;
      if (!current) return;
      if (s.session !== prev.session && !loading) {
        // Reset, Undo, another scene or a link: the lesson's world is gone, so the lesson closes.
        page.getState().setLesson(null);
        // The notice opens it again (in presenter mode the Lessons menu is hidden).
        const id = current.lesson.id;
        const notice = page.getState().notify({
          tone: 'info',
          text: `The lesson “${current.lesson.title}” was closed: the scene it ran in was replaced.`,
          untilAction: true,
          action: { label: 'Start it again', run: () => (page.getState().dismiss(notice), page.getState().setLesson({ id, step: 1 })) },
        });
        return;
      }
      if (s.version === prev.version) return;
      // Back on the timeline to before the step began: the step begins again there.
      const based = s.timeline !== prev.timeline ? rebase(current, s.session) : current;
      const next = settle(based);
      const was = store.getState();
      if (next.state !== current || next.ready !== was.ready || next.acted !== was.acted) store.setState(next);
      // A gate just met, or a prediction just revealed: the clock waits for the learner to read on.
      if (!currentStage(current).done && currentStage(next.state).done) page.getState().setPlaying(false);
    });
    open();
    return () => {
      offPage();
      offPane();
      if (running.get(page) === lessonStore) running.delete(page);
    };
  };
  const lessonStore: LessonStore = Object.assign(store, { start });
  return lessonStore;
}
