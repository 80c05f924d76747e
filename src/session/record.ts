// A session record: the scenario, the seed and every command the user dispatched with its sim
// time. Same seed + same commands = same world, so this is enough to rebuild any moment.
//
// Records arrive from share links and localStorage, so they are untrusted input: every field is
// checked, unknown fields are refused, and each error says what is wrong and where, in words for
// the person who clicked the link. Echoed values are shortened, so a huge bad value still gives
// a short message. The checks are recordParse.ts's: only what reads a link or a saved session
// needs them, and that loads after the first screen.

import type { Millis, ScriptCommand } from '../sim/index.ts';

/** The format, and the engine it replays on: a record replays exactly only on the simulation that
 *  made it, so a change in how the engine behaves (2: deployments, issue 9; 3: the default scene warm, its traffic from 40 s, issue 11) is a new version. */
export const SESSION_VERSION = 3;
/** Playback speeds (sim seconds per wall second). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export type Speed = (typeof SPEEDS)[number];
/** `at`: whole ms of sim time. */
export type LogEntry = { at: Millis; command: ScriptCommand };
/** What a link or an autosave carries: enough to rebuild the exact moment. */
export type SessionRecord = { version: typeof SESSION_VERSION; scenario: string; seed: number; log: LogEntry[]; playhead: Millis; end: Millis; speed: Speed };

/** A day of sim time: far past any lesson, and it bounds the replay a link can ask of whoever opens it. */
export const MAX_SESSION_MS = 24 * 60 * 60 * 1000;
/** Enough for hours of clicking; it bounds the work a link can ask for. */
export const MAX_LOG_ENTRIES = 5_000;
/** How a "made by a newer version" message starts, for link and session formats alike. */
export const NEWER_VERSION = 'This link was made by a newer version of ECS Playground';
/** How an "older version" message starts: its simulation has changed since, so it would not
 *  replay the moment it recorded. */
export const OLDER_VERSION = 'This link was made by an earlier version of ECS Playground';
const MAX_ECHO = 60;

/** Cut a user's text to a length that fits in a message. */
export function shorten(text: string, max = MAX_ECHO): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
