// The one lesson runner: where the learner is in a lesson, and what the engine says about it. It
// sits on the session layer and holds no simulation of its own: every check reads the session's
// world and its recent events, so a seek shows the right moment and the checks answer for it
// (Back returns to where the stage began; a scrub to before it begins the stage again there). Pure and immutable: each function returns a new LessonState,
// which the page keeps in a store and the headless checker in a loop.
//
// Stages: the lesson's steps, then its practice, then its quiz. A stage remembers the moment it
// began (Back seeks there) and the last event seq before it (its checks see only what came after).

import type { DispatchOutcome, Millis, ScriptCommand, SimEvent, World } from '../sim/index.ts';
import { DEFAULT_WITHIN, type Check, type Lesson, type LessonContext, type Move, type Step } from './model.ts';

/** What the runner reads of a session. */
export type SessionView = { readonly world: World; readonly now: Millis; readonly recent: readonly SimEvent[]; readonly appliedCount: number };

/** What a lesson acts through: a session, or a pane store (which also redraws). */
export interface LessonHost {
  readonly session: SessionView;
  dispatch(command: ScriptCommand): DispatchOutcome;
  /** Show the moment `at`, before the log's command of index `before` (see Session.seek). */
  seek(at: Millis, before?: number): void;
  /** Run on to the next thing that happens, at most `limit` ms (the headless checker, a deep link). */
  advance(limit: Millis): void;
}

export type StageKind = 'step' | 'practice' | 'quiz';

export type StageState = {
  readonly startedAt: Millis;
  readonly startSeq: number;
  /** The session's log position when it began: Back returns to before the commands given after
   *  it, even in the same millisecond (the step's own action, given at once). */
  readonly startApplied: number;
  /** The prediction's chosen answer (steps with one). */
  readonly answer: number | null;
  /** The engine has answered the prediction. */
  readonly revealed: boolean;
  /** The gate was met (latched: it stays met if the world moves on). */
  readonly done: boolean;
  /** The practice's `keep` was broken (latched until the practice restarts). */
  readonly broken: boolean;
};

export type LessonState = {
  readonly lesson: Lesson;
  /** 0 … steps.length − 1: a step; steps.length: the practice; steps.length + 1: the quiz. */
  readonly position: number;
  /** One per stage entered so far, up to the current position. */
  readonly stages: readonly StageState[];
  readonly quizAnswers: readonly (number | null)[];
};

export const stageCount = (lesson: Lesson) => lesson.steps.length + 2;
export const stageKind = (lesson: Lesson, position: number): StageKind =>
  position < lesson.steps.length ? 'step' : position === lesson.steps.length ? 'practice' : 'quiz';
export const currentStep = (s: LessonState): Step | undefined => s.lesson.steps[s.position];
export const currentStage = (s: LessonState): StageState => s.stages[s.position]!;

const lastSeq = (session: SessionView) => session.recent.at(-1)?.seq ?? -1;

function freshStage(session: SessionView): StageState {
  return { startedAt: session.now, startSeq: lastSeq(session), startApplied: session.appliedCount, answer: null, revealed: false, done: false, broken: false };
}

/** What a stage's checks see now. */
export function contextOf(session: SessionView, stage: StageState): LessonContext {
  const recent = session.recent;
  let from = recent.length;
  while (from > 0 && recent[from - 1]!.seq > stage.startSeq) from--;
  return { world: session.world, events: recent.slice(from), since: stage.startedAt };
}

/** Begin a lesson at its first step, at the session's current moment. */
export function startLesson(lesson: Lesson, session: SessionView): LessonState {
  return { lesson, position: 0, stages: [freshStage(session)], quizAnswers: lesson.quiz.map(() => null) };
}

function withStage(s: LessonState, change: Partial<StageState>): LessonState {
  const stages = s.stages.slice();
  stages[s.position] = { ...currentStage(s), ...change };
  return { ...s, stages };
}

/** The prediction is waiting for an answer: the page pauses the simulation until it has one. */
export function awaitingPrediction(s: LessonState): boolean {
  const step = currentStep(s);
  return step?.predict !== undefined && currentStage(s).answer === null;
}

export function answerPrediction(s: LessonState, choice: number): LessonState {
  const step = currentStep(s);
  if (!step?.predict || currentStage(s).answer !== null || !Number.isInteger(choice) || choice < 0 || choice >= step.predict.choices.length) return s;
  return withStage(s, { answer: choice });
}

/** Look at the engine again: reveal a prediction, meet a gate, notice a broken practice rule. */
export function evaluate(s: LessonState, session: SessionView): LessonState {
  const stage = currentStage(s);
  const kind = stageKind(s.lesson, s.position);
  if (kind === 'quiz') return s;
  const ctx = contextOf(session, stage);
  if (kind === 'practice') {
    const { goal, keep } = s.lesson.practice;
    if (stage.done || stage.broken) return s;
    if (keep && !keep.holds(ctx)) return withStage(s, { broken: true });
    return goal(ctx) ? withStage(s, { done: true }) : s;
  }
  const step = currentStep(s)!;
  let next = stage;
  if (step.predict && stage.answer !== null && !stage.revealed && step.predict.revealWhen(ctx)) next = { ...next, revealed: true };
  if (!next.done && stepGateMet(step, next, ctx)) next = { ...next, done: true };
  return next === stage ? s : withStage(s, next);
}

function stepGateMet(step: Step, stage: StageState, ctx: LessonContext): boolean {
  if (step.predict && !stage.revealed) return false;
  if (step.done) return step.done(ctx);
  return true; // a step to read, or a prediction that has been revealed
}

/** Whether Next may be pressed. */
export function canAdvance(s: LessonState): boolean {
  const kind = stageKind(s.lesson, s.position);
  if (kind === 'quiz') return false;
  return currentStage(s).done;
}

/** The quiz is answered in full and the practice done: the lesson is complete. */
export function isComplete(s: LessonState): boolean {
  return stageKind(s.lesson, s.position) === 'quiz' && s.quizAnswers.every((a) => a !== null);
}

export function next(s: LessonState, session: SessionView): LessonState {
  if (!canAdvance(s)) return s;
  const position = s.position + 1;
  return { ...s, position, stages: [...s.stages.slice(0, position), freshStage(session)] };
}

/** Back one stage: the host is sent to the moment it began, and it starts over. */
export function back(s: LessonState, host: LessonHost): LessonState {
  if (s.position === 0) return s;
  const position = s.position - 1;
  const earlier = s.stages[position]!;
  host.seek(earlier.startedAt, earlier.startApplied);
  return { ...s, position, stages: [...s.stages.slice(0, position), { ...earlier, answer: null, revealed: false, done: false, broken: false }] };
}

/** Try the practice again from its start (after a broken rule, say). */
export function restartStage(s: LessonState, host: LessonHost): LessonState {
  const stage = currentStage(s);
  host.seek(stage.startedAt, stage.startApplied);
  return withStage(s, { answer: null, revealed: false, done: false, broken: false });
}

/** The learner went back on the timeline to before the current stage began (a scrub, a fork):
 *  the stage begins again at the moment shown, its answer kept, so its checks see what they do
 *  from here (the events after a fork reuse the sequence numbers of the future it replaced). */
export function rebase(s: LessonState, session: SessionView): LessonState {
  const stage = currentStage(s);
  if (session.now >= stage.startedAt && session.appliedCount >= stage.startApplied) return s;
  return withStage(s, { ...freshStage(session), answer: stage.answer });
}

export function answerQuiz(s: LessonState, question: number, choice: number): LessonState {
  const q = s.lesson.quiz[question];
  if (stageKind(s.lesson, s.position) !== 'quiz' || !q || s.quizAnswers[question] !== null) return s;
  if (!Number.isInteger(choice) || choice < 0 || choice >= q.choices.length) return s;
  const quizAnswers = s.quizAnswers.slice();
  quizAnswers[question] = choice;
  return { ...s, quizAnswers };
}

// ---- Playing a lesson through the engine: deep links, "Do it for me", the headless checker -----

const STEP: Millis = 1000;

/** Run the host until `check` holds or `within` ms have passed; whether it held. `onStep` sees
 *  every moment on the way (the checker uses it to watch a practice's rule). */
export function runUntil(host: LessonHost, check: () => boolean, within: Millis = DEFAULT_WITHIN, onStep?: () => void): boolean {
  const stop = host.session.now + within;
  for (;;) {
    onStep?.();
    if (check()) return true;
    if (host.session.now >= stop) return false;
    host.advance(Math.min(STEP, stop - host.session.now));
  }
}

export type PlayProblem = { stage: number; message: string };

/** Give a list of moves: each once its `after` holds. Stops at the first that can't be given. */
export function playMoves(host: LessonHost, moves: readonly Move[], context: () => LessonContext, within: Millis, onStep?: () => void): string | null {
  for (const [i, move] of moves.entries()) {
    const after = move.after;
    if (after && !runUntil(host, () => after(context()), within, onStep)) return `move ${i + 1} waited ${within / 1000} s for its moment and it never came`;
    const { outcome } = host.dispatch(move.command);
    if (!outcome.ok) return `move ${i + 1} (${move.command.type}) was rejected: ${outcome.error.message}`;
  }
  return null;
}

/** The moves of the current step that are ready now (a step's "Do it for me"). */
export function readyMoves(s: LessonState, session: SessionView): ScriptCommand[] {
  const step = currentStep(s);
  if (!step?.task) return [];
  const ctx = contextOf(session, currentStage(s));
  const out: ScriptCommand[] = [];
  for (const move of step.task.solution) {
    if (move.after && !move.after(ctx)) break;
    out.push(move.command);
  }
  return out;
}

/**
 * Play a lesson as a learner who does everything right, up to stage `until` (entered, not yet
 * done): each step's prediction answered correctly, its moves given, the engine run until its gate
 * holds. What a deep link rebuilds and what the checker walks. `onStage` sees each stage when it
 * is done, before the next begins.
 */
export function playTo(
  lesson: Lesson,
  host: LessonHost,
  until: number,
  onStage?: (s: LessonState) => string | null,
): { state: LessonState; problem: PlayProblem | null } {
  let s = startLesson(lesson, host.session);
  const target = Math.max(0, Math.min(until, stageCount(lesson) - 1));
  while (s.position < target) {
    const position = s.position;
    const fail = (message: string) => ({ state: s, problem: { stage: position, message } });
    if (stageKind(lesson, position) === 'practice') {
      const { practice } = lesson;
      const within = practice.within ?? DEFAULT_WITHIN;
      const moves = playMoves(host, practice.solution, () => contextOf(host.session, currentStage(s)), within, () => (s = evaluate(s, host.session)));
      if (moves) return fail(`the practice's solution: ${moves}`);
      if (!runUntil(host, () => (s = evaluate(s, host.session)) && currentStage(s).done, within)) return fail(currentStage(s).broken ? `the practice's solution broke its rule: ${practice.keep?.text}` : `the practice's goal was not reached within ${within / 1000} s`);
    } else {
      const step = lesson.steps[position]!;
      const within = step.within ?? DEFAULT_WITHIN;
      if (step.predict) s = answerPrediction(s, step.predict.answer);
      const moves = playMoves(host, step.task?.solution ?? [], () => contextOf(host.session, currentStage(s)), within);
      if (moves) return fail(moves);
      if (!runUntil(host, () => canAdvance((s = evaluate(s, host.session))), within)) {
        const waiting = step.predict && !currentStage(s).revealed ? 'its prediction was never revealed' : 'its gate was never met';
        return fail(`${waiting} within ${within / 1000} s`);
      }
    }
    const problem = onStage?.(s);
    if (problem) return fail(problem);
    s = next(s, host.session);
  }
  return { state: s, problem: null };
}

/** A host for a bare session (the checker; a deep link builds the session before the page sees it). */
export function sessionHost(session: SessionView & { dispatch(c: ScriptCommand): DispatchOutcome; seek(at: Millis, before?: number): void; advanceToNextEvent(limit: Millis): unknown }): LessonHost {
  return {
    get session() {
      return session;
    },
    dispatch: (c) => session.dispatch(c),
    seek: (at, before) => session.seek(at, before),
    advance: (limit) => void session.advanceToNextEvent(limit),
  };
}

export type { Check };
