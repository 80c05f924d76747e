// Mechanics the engine loads with their first use, so the first screen does not carry them.
//
// Schedules (scheduledTasks.ts with its expression parser, src/sim/schedule) are most of a cron
// implementation, and the first screen creates no schedule. So commands.ts and engine.ts reach the
// mechanic through this slot, and src/sim/schedules.ts — the public door for schedules — fills it
// when it is imported. Everything that can bring a schedule command imports that door first: the
// schedule form, the CLI, the lessons, a scene with a schedule, the record parser (links, saved
// sessions, files) and the headless tools. A schedule command that arrives without it is a
// programming error, and fails loudly rather than being refused (a refusal would make the same
// command log mean two things).
//
// The slot holds code, never state: whether it is filled changes no outcome, only whether the
// outcome can be computed. A world with a schedule in it, or a schedule's timer, exists only if
// the mechanic was there to create it.

import type { Step } from './events.ts';
import type { Command, CommandError, SimEvent } from './model/index.ts';

type Outcome = { ok: true; taskArns?: string[] } | { ok: false; error: CommandError };

export type ScheduleMechanic = {
  createSchedule(step: Step, command: Extract<Command, { type: 'createSchedule' }>): Outcome;
  updateSchedule(step: Step, command: Extract<Command, { type: 'updateSchedule' }>): Outcome;
  deleteSchedule(step: Step, name: string): Outcome;
  runScheduleNow(step: Step, name: string): Outcome;
  scheduleFires(step: Step, name: string, timerSeq: number): void;
  observeScheduledTask(step: Step, event: SimEvent): void;
};

let scheduleMechanic: ScheduleMechanic | null = null;

export function installScheduleMechanic(mechanic: ScheduleMechanic): void {
  scheduleMechanic = mechanic;
}

export function scheduleMechanicOf(): ScheduleMechanic {
  if (scheduleMechanic === null)
    throw new Error('A schedule command reached the engine before its mechanic was loaded: import src/sim/schedules.ts first (the schedule form, the CLI, the lessons and the record parser do).');
  return scheduleMechanic;
}
