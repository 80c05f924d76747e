// A lesson is data: a scene to start from, steps to read and do, a prediction or more, a practice
// goal and a quiz. One runner (runner.ts) reads every lesson on the session layer; adding a lesson
// adds a file under content/ and changes no component.
//
// What a step waits for is a Check: a question about the engine's state or its events since the
// step began — never a timer. The same checks let the headless checker (scripts/lessons.ts) play
// every lesson through the engine and prove that what a lesson says is what the engine does.

import type { Millis, ScriptCommand, SimEvent, World } from '../sim/index.ts';

/** What a check sees: the world now, and what happened since the step (or practice) began. */
export type LessonContext = {
  readonly world: World;
  /** Events since the step began, oldest first (the session's recent tail, so a seek rebuilds it). */
  readonly events: readonly SimEvent[];
  /** When the step began, in sim ms. */
  readonly since: Millis;
};

export type Check = (ctx: LessonContext) => boolean;

/** A control on the page a step points at; the page highlights it (see app/lesson/controls.ts). */
export type ControlId =
  | 'run-task'
  | 'create-service'
  | 'new-revision'
  | 'update-service'
  | 'force-deployment'
  | 'scale'
  | 'stop-task'
  | 'crash'
  | 'crash-container'
  | 'oom'
  | 'fail-health'
  | 'hang'
  | 'push-image'
  | 'deregister'
  | 'timeline'
  | 'play'
  | 'events-tab'
  | 'why-tab'
  | 'traffic-tab'
  | 'logs-tab'
  | 'tasks-table';

/** What the learner selects on the diagram for a step: the page highlights it. */
export type Spotlight = { kind: 'service' | 'taskDefinition' | 'loadBalancer'; id: string } | { kind: 'tasks'; service?: string; family?: string; standalone?: boolean };

/** One move of a solution: a command, given once `after` holds (at once without it). The checker
 *  and a deep link play these; "Do it for me" gives a step's moves that are ready. */
export type Move = { command: ScriptCommand; after?: Check };

/** Something to do in a step: what to do in words, which controls do it, and how the checker does it. */
export type Task = {
  text: string;
  controls?: readonly ControlId[];
  spotlight?: Spotlight;
  solution: readonly Move[];
};

/** Predict, then reveal: the simulation pauses, the learner picks, the engine answers. Each
 *  choice says how to tell it happened, so the checker proves the answer is what the engine does
 *  (the correct one happened, the others did not). */
export type Prediction = {
  question: string;
  choices: readonly { text: string; happened: Check }[];
  /** Index of the choice that happens. */
  answer: number;
  /** One paragraph: why it is so. */
  explain: string;
  /** The moment the engine has answered: the reveal waits for it. */
  revealWhen: Check;
};

export type Step = {
  id: string;
  title: string;
  /** A short caption: plain English, ours, accurate to the spec. */
  text: string;
  predict?: Prediction;
  task?: Task;
  /** Controls the text points at, outlined on the page while the step is shown (not a gate). */
  look?: readonly ControlId[];
  /** The gate: the step is done when this holds. Without it (and without a task or prediction) the
   *  step is read, then Next. */
  done?: Check;
  /** What the page says once the gate is met. */
  doneText?: string;
  /** The longest the checker or a deep link runs the engine waiting for the gate (default 10 min). */
  within?: Millis;
};

/** A goal the learner reaches on their own, checked by the engine; `keep` must hold all along. */
export type Practice = {
  text: string;
  goal: Check;
  keep?: { text: string; holds: Check };
  hint?: string;
  solution: readonly Move[];
  within?: Millis;
};

export type QuizQuestion = {
  id: string;
  question: string;
  choices: readonly string[];
  answer: number;
  explain: string;
};

export type Lesson = {
  id: string;
  title: string;
  /** One sentence: what the learner will see. */
  summary: string;
  /** The scenario it starts from (src/sim/scenarios.ts), and its seed. */
  scene: string;
  seed?: number;
  steps: readonly Step[];
  practice: Practice;
  quiz: readonly QuizQuestion[];
};

export const DEFAULT_WITHIN: Millis = 10 * 60_000;
