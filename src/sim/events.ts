// Events are past-tense facts with a sequence number and a sim time. Every change the engine
// makes is announced by one, in order: the log is what the UI narrates, the tests read and a
// share link replays. (Service events in AWS's wording are one kind; see serviceEvents.ts.)

import type { SimEvent, SimEventBody, World } from './model/index.ts';

/** The world being changed and the events that change has produced so far. */
export type Step = { world: World; events: SimEvent[] };

export function emit(step: Step, body: SimEventBody): SimEvent {
  const event = { ...body, seq: step.world.seq++, at: step.world.now } as SimEvent;
  step.events.push(event);
  return event;
}
