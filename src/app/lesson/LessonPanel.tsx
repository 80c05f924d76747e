// The lesson panel: the step the learner is on, what to do and which control does it, the
// prediction that pauses the simulation until answered, what the engine then showed, Back and
// Next, the practice and the quiz. It drives the one lesson runner (src/lessons/runner.ts) on the
// pane's session; it knows no lesson in particular. Loaded only when a lesson is open.

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { CATALOG } from '../../lessons/catalog.ts';
import {
  awaitingPrediction,
  canAdvance,
  currentStage,
  currentStep,
  isComplete,
  stageCount,
  stageKind,
  type Lesson,
  type LessonState,
  type Prediction,
  type QuizQuestion,
} from '../../lessons/index.ts';
import { usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { useReasonTip } from '../actions/floatTip.ts';
import { CONTROLS, highlightCss } from './controls.ts';
import { createLessonStore } from './lessonStore.ts';
import './lesson.css';

export default function LessonPanel() {
  const page = usePageApi();
  const pane = usePaneApi();
  const [store] = useState(() => createLessonStore(page, pane));
  useEffect(() => store.start(), [store]);
  const state = useStore(store, (s) => s.state);
  const moved = useStore(store, (s) => s.moved);
  const ready = useStore(store, (s) => s.ready);
  const acted = useStore(store, (s) => s.acted);
  const rebuilt = useStore(store, (s) => s.rebuilt);
  const actions = store.getState();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Next, Back and Restart take the learner to a new stage: its heading gets focus, so a screen
  // reader reads where they are and Tab goes on from there.
  useEffect(() => {
    if (moved > 0) headingRef.current?.focus();
  }, [moved]);

  if (!state) return <section className="lesson-panel" aria-label="Lesson"><p className="muted">Loading the lesson…</p></section>;

  const { lesson } = state;
  const index = CATALOG.findIndex((c) => c.id === lesson.id);
  const kind = stageKind(lesson, state.position);
  const stage = currentStage(state);
  const step = currentStep(state);
  const complete = isComplete(state);
  const close = () => {
    page.getState().setLesson(null);
    document.querySelector<HTMLElement>('.app-header [data-control="lessons"]')?.focus();
  };
  const nextLesson = CATALOG[index + 1];
  const asking = awaitingPrediction(state);
  const highlight =
    kind !== 'step' || !step || asking ? '' : step.task && !stage.done ? highlightCss(step.task.controls ?? [], step.task.spotlight) : highlightCss(step.look ?? [], undefined);

  return (
    <section className="lesson-panel" aria-labelledby="lesson-title">
      <Highlight css={highlight} />
      <div className="lesson-head">
        <p className="lesson-kicker">
          Lesson {index + 1} of {CATALOG.length}
        </p>
        <button type="button" className="close" aria-label="Close the lesson (the scene stays)" onClick={close}>
          ×
        </button>
      </div>
      <h2 id="lesson-title">{lesson.title}</h2>
      <StageProgress lesson={lesson} position={state.position} />
      {rebuilt !== null && (
        <p className="small muted">
          Opened at this step: {rebuilt === 1 ? 'step 1 was' : `steps 1–${rebuilt} were`} played for you, as the lesson says. Back goes to them.
        </p>
      )}

      <div className="lesson-stage">
        <h3 ref={headingRef} tabIndex={-1}>
          {kind === 'step' ? step!.title : kind === 'practice' ? 'Practice' : 'Quiz'}
        </h3>
        {kind === 'step' && step && (
          <>
            <p>{step.text}</p>
            {step.predict && <PredictionView prediction={step.predict} state={state} onAnswer={actions.answer} />}
            {step.task && !asking && !stage.done && acted && (
              <p className="lesson-acted" role="status">
                <span aria-hidden="true">✓ </span>You did it. Now watch what ECS does: the step is done when the engine has answered.
              </p>
            )}
            {step.task && !asking && !stage.done && !acted && (
              <div className="lesson-task">
                <p>
                  <strong>Do this:</strong> {step.task.text}
                </p>
                {(step.task.controls ?? []).length > 0 && (
                  <p className="small muted">Outlined on the page: {(step.task.controls ?? []).map((c) => CONTROLS.get(c)?.label ?? c).join(', ')}.</p>
                )}
                <button type="button" onClick={actions.doItForMe} disabled={!ready} title={ready ? 'Do this step for me' : 'Wait: the step is not ready for that yet'}>
                  Do it for me
                </button>
              </div>
            )}
            <StepStatus state={state} />
          </>
        )}
        {kind === 'practice' && <PracticeView state={state} onRetry={actions.retry} />}
        {kind === 'quiz' && <QuizView questions={lesson.quiz} answers={state.quizAnswers} onAnswer={actions.answerQuiz} />}
        {complete && (
          <div className="lesson-complete" role="status">
            <p>
              <strong>Lesson complete.</strong> {nextLesson ? `Next: ${nextLesson.title}.` : 'That was the last lesson.'}
            </p>
            {nextLesson && (
              <button type="button" className="primary" onClick={() => page.getState().setLesson({ id: nextLesson.id, step: 1 })}>
                Start lesson {index + 2}
              </button>
            )}
          </div>
        )}
      </div>

      <div className="lesson-nav">
        <button type="button" onClick={actions.back} disabled={state.position === 0} title="Back to the moment the step before began: the timeline goes back with it">
          ← Back
        </button>
        <button type="button" onClick={actions.restart} title="Start the lesson again from its first step">
          Restart
        </button>
        {kind !== 'quiz' && <NextButton ready={canAdvance(state)} onNext={actions.next} why={waitingFor(state)} />}
      </div>
    </section>
  );
}

/** Focus what `ref` points at when `now` turns true (an answer locked in: the form that had focus
 *  is gone, so focus goes to what replaced it rather than to the page's body). */
function useFocusWhenTrue(now: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const was = useRef(now);
  useEffect(() => {
    if (now && !was.current) ref.current?.focus();
    was.current = now;
  }, [now]);
  return ref;
}

/** What Next is waiting for, in words (its disabled reason). */
function waitingFor(s: LessonState): string {
  if (awaitingPrediction(s)) return 'Answer the question first.';
  const kind = stageKind(s.lesson, s.position);
  if (kind === 'practice') return currentStage(s).broken ? 'The rule broke: try again.' : 'Reach the goal first.';
  const step = currentStep(s);
  if (step?.predict && !currentStage(s).revealed) return 'Watch what happens first.';
  if (step?.task) return 'Do the step first (or press Do it for me).';
  return 'Wait for it to happen.';
}

/** The step's outline of the controls it points at, as a constructed style sheet: the page's
 *  Content-Security-Policy (style-src 'self') refuses an inline <style>, not the CSSOM. */
function Highlight({ css }: { css: string }) {
  useEffect(() => {
    if (!css || !('adoptedStyleSheets' in document) || typeof CSSStyleSheet === 'undefined') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return null;
}

function NextButton({ ready, onNext, why }: { ready: boolean; onNext: () => void; why: string }) {
  const reasonId = useId();
  const tip = useReasonTip();
  return (
    <span className="action" {...tip}>
      <button type="button" className="primary" aria-disabled={!ready || undefined} aria-describedby={ready ? undefined : reasonId} onClick={() => ready && onNext()}>
        Next →
      </button>
      {!ready && (
        <span role="tooltip" id={reasonId} className="reason-tip">
          {why}
        </span>
      )}
    </span>
  );
}

function StageProgress({ lesson, position }: { lesson: Lesson; position: number }) {
  const total = stageCount(lesson);
  const label = position < lesson.steps.length ? `Step ${position + 1} of ${lesson.steps.length}` : position === lesson.steps.length ? 'Practice' : 'Quiz';
  return (
    <div className="lesson-progress">
      <progress max={total} value={position + 1} aria-label={`Lesson progress: ${label}`} />
      <span className="small muted" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

function StepStatus({ state }: { state: LessonState }) {
  const step = currentStep(state)!;
  const stage = currentStage(state);
  if (stage.done && (step.doneText || step.task)) return <p className="lesson-done" role="status"><span aria-hidden="true">✓ </span>{step.doneText ?? 'Done.'}</p>;
  if (!stage.done && step.done && !step.task && !step.predict) return <p className="small muted" role="status">Waiting for the engine… (press Play if the clock is paused)</p>;
  return null;
}

function Choices({ name, choices, onPick, legend }: { name: string; choices: readonly string[]; onPick: (i: number) => void; legend: ReactNode }) {
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <form
      className="lesson-choices"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked !== null) onPick(picked);
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        {choices.map((c, i) => (
          <label key={c}>
            <input type="radio" name={name} checked={picked === i} onChange={() => setPicked(i)} /> {c}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={picked === null}>
        Lock in my answer
      </button>
    </form>
  );
}

function PredictionView({ prediction, state, onAnswer }: { prediction: Prediction; state: LessonState; onAnswer: (choice: number) => void }) {
  const stage = currentStage(state);
  const name = useId();
  const ref = useFocusWhenTrue(stage.answer !== null);
  if (stage.answer === null)
    return (
      <div className="lesson-predict">
        <p className="small muted">Predict first: the simulation is paused until you answer.</p>
        <Choices name={name} choices={prediction.choices.map((c) => c.text)} onPick={onAnswer} legend={<strong>{prediction.question}</strong>} />
      </div>
    );
  const chosen = prediction.choices[stage.answer]!.text;
  const right = stage.answer === prediction.answer;
  return (
    <div className={stage.revealed ? 'lesson-predict revealed' : 'lesson-predict'} ref={ref} tabIndex={-1}>
      <p>
        <strong>{prediction.question}</strong>
      </p>
      {!stage.revealed ? (
        <p>
          You said: {chosen} <span className="muted">Now watch what the engine does.</span>
        </p>
      ) : (
        <>
          <p className={right ? 'verdict right' : 'verdict wrong'} role="status">
            <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
            {right ? `You were right: ${chosen}` : `Not this time. You said: ${chosen} What happened: ${prediction.choices[prediction.answer]!.text}`}
          </p>
          <p>{prediction.explain}</p>
        </>
      )}
    </div>
  );
}

function PracticeView({ state, onRetry }: { state: LessonState; onRetry: () => void }) {
  const { practice } = state.lesson;
  const stage = currentStage(state);
  return (
    <div className="lesson-practice">
      <p>
        <strong>Goal:</strong> {practice.text}
      </p>
      {practice.keep && (
        <p>
          <strong>Rule:</strong> {practice.keep.text}.
        </p>
      )}
      {practice.hint && (
        <details>
          <summary>A hint</summary>
          <p>{practice.hint}</p>
        </details>
      )}
      {stage.done ? (
        <p className="lesson-done" role="status"><span aria-hidden="true">✓ </span>Goal reached: the engine checked it.</p>
      ) : stage.broken ? (
        <div>
          <p className="verdict wrong" role="status"><span aria-hidden="true">✗ </span>The rule broke ({practice.keep?.text} no longer held).</p>
          <button type="button" onClick={onRetry}>Try again from the start of the practice</button>
        </div>
      ) : (
        <p className="small muted">Use the diagram and the inspector; the engine checks the goal as you go.</p>
      )}
    </div>
  );
}

function QuizView({ questions, answers, onAnswer }: { questions: readonly QuizQuestion[]; answers: readonly (number | null)[]; onAnswer: (q: number, choice: number) => void }) {
  const base = useId();
  return (
    <ol className="lesson-quiz">
      {questions.map((q, i) => (
        <li key={q.id}>
          <QuizItem question={q} answer={answers[i] ?? null} name={`${base}-${i}`} onAnswer={(c) => onAnswer(i, c)} />
        </li>
      ))}
    </ol>
  );
}

function QuizItem({ question: q, answer: a, name, onAnswer }: { question: QuizQuestion; answer: number | null; name: string; onAnswer: (choice: number) => void }) {
  const ref = useFocusWhenTrue(a !== null);
  if (a === null) return <Choices name={name} choices={q.choices} onPick={onAnswer} legend={q.question} />;
  return (
    <div ref={ref} tabIndex={-1}>
      <p>{q.question}</p>
      <p className={a === q.answer ? 'verdict right' : 'verdict wrong'} role="status">
        <span aria-hidden="true">{a === q.answer ? '✓ ' : '✗ '}</span>
        {a === q.answer ? `Right: ${q.choices[q.answer]}` : `Not quite. You said: ${q.choices[a]} The answer: ${q.choices[q.answer]}`}
      </p>
      <p>{q.explain}</p>
    </div>
  );
}
