// One recorded branch of a session: its log of commands, its checkpoints, its chart samples and
// its marks, up to its end. A fork cuts the part after a moment off as a Tail, and a return puts
// a Tail back: the branch is the one place that keeps those four lists in step.

import type { Millis, SimEvent, World } from '../sim/index.ts';
import type { Marker } from './markers.ts';
import type { LogEntry } from './record.ts';

/** Spacing of checkpoints at first. Seeking costs one resume plus at most this much replay. */
export const CHECKPOINT_EVERY: Millis = 60_000;
/** Past this many checkpoints (four hours at the first spacing), every other one is let go and
 *  the spacing doubles: memory stays bounded in a day-long session, seeks grow a little slower. */
export const MAX_CHECKPOINTS = 240;
const SECOND: Millis = 1000;

/** The world at a moment, with what the views need to show it: the newest events and plans. */
export type Checkpoint = { at: Millis; applied: number; world: World; recent: SimEvent[]; plans: Extract<SimEvent, { type: 'SchedulerPlanned' }>[] };

/** What a fork cuts off a branch: everything after its moment. */
export type Tail<S> = { log: LogEntry[]; checkpoints: Checkpoint[]; samples: S[]; marks: Marker[]; end: Millis };

export class Branch<S> {
  log: LogEntry[] = [];
  /** One at every multiple of `every` from 0 to the end. */
  checkpoints: Checkpoint[] = [];
  every: Millis = CHECKPOINT_EVERY;
  /** One per whole second from 0 to the end (when the session samples at all). */
  samples: S[] = [];
  /** In time order; never merged or trimmed, so an index into them stays good. */
  marks: Marker[] = [];
  end: Millis = 0;

  /** The time of the next checkpoint after `now`. */
  nextCheckpointAfter(now: Millis): Millis {
    return (Math.floor(now / this.every) + 1) * this.every;
  }

  addCheckpoint(checkpoint: Checkpoint): void {
    this.checkpoints.push(checkpoint);
    if (this.checkpoints.length <= MAX_CHECKPOINTS) return;
    this.every *= 2;
    this.checkpoints = this.checkpoints.filter((c) => c.at % this.every === 0);
  }

  checkpointAtOrBefore(t: Millis): Checkpoint {
    return this.checkpoints[Math.min(Math.floor(t / this.every), this.checkpoints.length - 1)]!;
  }

  /** Cut off and return everything after `t`: the log from index `applied`, the marks from index
   *  `marks` (by default, those after `t`). Marks are cut by index on a return, because the
   *  command that forked made its marks at exactly the fork's moment. */
  cutAfter(t: Millis, applied: number, marks = this.marks.findIndex((m) => m.at > t)): Tail<S> {
    const tail: Tail<S> = {
      log: this.log.splice(applied),
      checkpoints: this.checkpoints.splice(Math.floor(t / this.every) + 1),
      samples: this.samples.length > 0 ? this.samples.splice(Math.floor(t / SECOND) + 1) : [],
      marks: marks === -1 ? [] : this.marks.splice(marks),
      end: this.end,
    };
    this.end = t;
    return tail;
  }

  /** Put a cut-off tail back (a return to the other future). */
  append(tail: Tail<S>): void {
    this.log.push(...tail.log);
    // The tail may be from before this branch last thinned its checkpoints.
    for (const c of tail.checkpoints) if (c.at % this.every === 0) this.checkpoints.push(c);
    this.samples.push(...tail.samples);
    this.marks.push(...tail.marks);
    this.end = tail.end;
  }
}
