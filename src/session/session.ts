// A session is a recorded timeline: the scenario and seed it started from, every command the user
// gave with its sim time (the log), and checkpoints of the world every CHECKPOINT_EVERY ms. The
// engine is deterministic, so that is enough to rebuild any moment: restore the nearest checkpoint
// at or before it and replay the log to it. Acting in the past forks: the future after that moment
// is cut, and kept aside until the user acts again, so they can go back to it.
//
// Pure, like src/sim: no React, DOM, timers or wall clock. The store holds a Session per pane and
// asks it for moments; the view never touches the Simulation behind it except to read the world.

import { Simulation, type DispatchOutcome, type Millis, type ScriptCommand, type SimEvent, type World } from '../sim/index.ts';
import { addMarkers, commandMarker, eventMarkers, type Marker } from './markers.ts';
import { SESSION_VERSION, type LogEntry, type SessionRecord, type Speed } from './record.ts';

/** Spacing of checkpoints. Seeking costs one restore plus at most this much replay; memory costs
 *  one world per checkpoint (see `npm run bench`, which measures both at 200 tasks). */
export const CHECKPOINT_EVERY: Millis = 60_000;
const SECOND: Millis = 1000;

/** Why the timeline jumped. A view that caches what it drew asks this, not "is the Simulation
 *  object new?": a seek also replaces the Simulation, but it is not a reset. */
export type TimelineCause = 'start' | 'reset' | 'seek' | 'fork' | 'return' | 'open';
/** Bumped at every discontinuity: anything but time running on and commands applied live. */
export type Timeline = { readonly epoch: number; readonly cause: TimelineCause };

type Checkpoint = { at: Millis; applied: number; world: World; recent: SimEvent[] };

/** Everything of a branch that lies after the moment it forked. */
type Future = { log: LogEntry[]; checkpoints: Checkpoint[]; samples: unknown[]; markers: Marker[]; end: Millis };

/** The future that a fork replaced, and where the two branches part. */
type OtherFuture = Future & { forkedAt: Millis; applied: number };

export type SessionOptions<S> = {
  scenario: string;
  seed: number;
  /** How many of the newest events `recent` keeps. */
  recentLimit?: number;
  /** Called with the world at every whole sim second as the branch is recorded (the charts). */
  sample?: (world: World) => S;
  /** Where this session's timeline epochs start: a new session in the same pane continues them. */
  epoch?: number;
};

export type OpenResult<S> = { ok: true; session: Session<S> } | { ok: false; error: string };

export class Session<S = never> {
  readonly version = SESSION_VERSION;
  readonly scenario: string;
  readonly seed: number;
  /** What setting up the scenario produced at time 0. */
  readonly setupEvents: readonly SimEvent[];
  private sim: Simulation;
  private log: LogEntry[] = [];
  /** How many log entries the current moment has applied. */
  private applied = 0;
  private checkpoints: Checkpoint[] = [];
  private samples: S[] = [];
  private marks: Marker[] = [];
  private recentEvents: SimEvent[];
  private branchEnd: Millis = 0;
  private other: OtherFuture | null = null;
  private readonly recentLimit: number;
  private readonly sampler: ((world: World) => S) | undefined;
  private timelineState: Timeline;
  /** Bumped whenever the recorded branch changed (log, markers, end): the scrub bar's input. */
  private branchRevision = 0;

  constructor(options: SessionOptions<S>) {
    this.scenario = options.scenario;
    this.seed = options.seed;
    this.recentLimit = options.recentLimit ?? 400;
    this.sampler = options.sample;
    this.timelineState = { epoch: options.epoch ?? 0, cause: 'start' };
    this.sim = Simulation.create({ seed: this.seed, scenario: this.scenario });
    this.setupEvents = this.sim.setupEvents;
    this.recentEvents = this.setupEvents.slice(-this.recentLimit);
    this.record0();
  }

  /** Rebuild a recorded session (a share link, an autosave) at its playhead. The record's shape
   *  is checked by parseSessionRecord; here every command must also apply as it did when it was
   *  recorded, or nothing is opened: a link is never half applied. */
  static open<S>(record: SessionRecord, options: Omit<SessionOptions<S>, 'scenario' | 'seed'> = {}): OpenResult<S> {
    let session: Session<S>;
    try {
      session = new Session<S>({ ...options, scenario: record.scenario, seed: record.seed });
    } catch (e) {
      return { ok: false, error: `The session's scenario does not start: ${(e as Error).message}` };
    }
    for (const [i, entry] of record.log.entries()) {
      session.advanceTo(entry.at);
      const { outcome } = session.dispatch(entry.command);
      if (!outcome.ok) return { ok: false, error: `Step ${i + 1} of the session (at ${clock(entry.at)}) no longer applies: ${outcome.error.message}` };
    }
    session.advanceTo(record.end);
    session.seek(record.playhead);
    session.timelineState = { epoch: session.timelineState.epoch, cause: 'open' };
    return { ok: true, session };
  }

  // ---- What the view reads ----------------------------------------------------------------------

  get simulation(): Simulation {
    return this.sim;
  }
  get world(): World {
    return this.sim.world;
  }
  get now(): Millis {
    return this.sim.now;
  }
  /** The furthest moment recorded on this branch: the "live" end of the scrub bar. */
  get end(): Millis {
    return this.branchEnd;
  }
  /** At the live end: acting appends to the log rather than forking it. */
  get live(): boolean {
    return this.sim.now >= this.branchEnd;
  }
  get timeline(): Timeline {
    return this.timelineState;
  }
  get revision(): number {
    return this.branchRevision;
  }
  /** The newest events up to the current moment, oldest first (a copy). */
  get recent(): SimEvent[] {
    return this.recentEvents.slice(-this.recentLimit);
  }
  /** The marks on this branch, in time order (also those after the current moment). */
  get markers(): readonly Marker[] {
    return this.marks;
  }
  /** The commands of this branch, in order, with their sim times. */
  get entries(): readonly LogEntry[] {
    return this.log;
  }
  /** One sample per whole sim second from 0 up to the current moment. */
  samplesUpToNow(count: number): S[] {
    const last = Math.floor(this.sim.now / SECOND);
    return this.samples.slice(Math.max(0, last + 1 - count), last + 1);
  }
  /** The future the last fork replaced, while it can still be returned to. */
  get otherFuture(): { forkedAt: Millis; end: Millis } | null {
    return this.other && { forkedAt: this.other.forkedAt, end: this.other.end };
  }

  // ---- Acting -----------------------------------------------------------------------------------

  /** Apply a command now and record it. In the past, this forks: the recorded future is cut and
   *  set aside. A rejected command changes nothing, records nothing, and does not fork. */
  dispatch(command: ScriptCommand): DispatchOutcome {
    const forking = !this.live;
    const result = this.sim.dispatch(command);
    if (!result.outcome.ok) return result;
    if (forking) this.fork();
    else this.other = null; // acting again: the other future is gone for good
    const at = this.sim.now;
    this.log.push({ at, command });
    this.applied = this.log.length;
    addMarkers(this.marks, [commandMarker(at, command), ...eventMarkers(result.events)]);
    this.take(result.events);
    this.branchRevision++;
    return result;
  }

  /** Time runs on to `until`: through the recorded branch (replaying its commands), then past its
   *  end (recording checkpoints and samples as it goes). */
  advanceTo(until: Millis): SimEvent[] {
    if (!Number.isInteger(until) || until < this.sim.now) throw new RangeError(`A session moves forward to a whole ms (now ${this.sim.now}, asked for ${until}).`);
    // The recorded part first: its commands apply at their times; its checkpoints and marks exist.
    const replayTo = Math.min(until, this.branchEnd);
    const events = replayTo > this.sim.now || this.pendingAt(replayTo) ? this.replay(replayTo) : [];
    if (until > this.branchEnd) for (const e of this.extend(until)) events.push(e);
    return events;
  }

  /** Run until the next thing happens (an event, or a recorded command), at most `limit` ms on. */
  advanceToNextEvent(limit: Millis): SimEvent[] {
    const stop = this.sim.now + limit;
    for (;;) {
      const nextTimer = this.sim.world.timers[0]?.at ?? Number.POSITIVE_INFINITY;
      const nextCommand = this.live ? Number.POSITIVE_INFINITY : (this.log[this.applied]?.at ?? Number.POSITIVE_INFINITY);
      const to = Math.min(stop, Math.max(this.sim.now, Math.min(nextTimer, nextCommand)));
      const events = this.advanceTo(to);
      if (events.length > 0 || to >= stop) return events;
    }
  }

  /** Show the moment `at` (clamped to the recorded branch). Nothing recorded changes. */
  seek(at: Millis): void {
    const t = Math.max(0, Math.min(Math.round(at), this.branchEnd));
    const checkpoint = this.checkpointAtOrBefore(t);
    this.sim = Simulation.resume(checkpoint.world);
    this.applied = checkpoint.applied;
    this.recentEvents = checkpoint.recent.slice();
    this.replay(t);
    this.bump('seek');
  }

  /** Go back to the future the last fork replaced (swapping it with the current one, so the user
   *  can compare), at the same moment if that branch reaches it, else at its end. */
  returnToOtherFuture(): boolean {
    const other = this.other;
    if (!other) return false;
    const mine = this.cutAfter(other.forkedAt, other.applied);
    this.log.push(...other.log);
    this.checkpoints.push(...other.checkpoints);
    this.samples.push(...(other.samples as S[]));
    this.marks.push(...other.markers);
    this.branchEnd = other.end;
    this.other = { ...mine, forkedAt: other.forkedAt, applied: other.applied };
    const at = Math.min(this.sim.now, this.branchEnd);
    this.branchRevision++;
    this.seek(at);
    this.bump('return');
    return true;
  }

  /** Back to the scenario's start, with nothing recorded. */
  reset(): void {
    const epoch = this.timelineState.epoch;
    this.sim = Simulation.create({ seed: this.seed, scenario: this.scenario });
    this.log = [];
    this.applied = 0;
    this.checkpoints = [];
    this.samples = [];
    this.marks = [];
    this.branchEnd = 0;
    this.other = null;
    this.recentEvents = this.setupEvents.slice(-this.recentLimit);
    this.record0();
    this.branchRevision++;
    this.timelineState = { epoch: epoch + 1, cause: 'reset' };
  }

  /** What a share link or an autosave carries. */
  toRecord(speed: Speed): SessionRecord {
    return { version: SESSION_VERSION, scenario: this.scenario, seed: this.seed, log: this.log.slice(), playhead: this.sim.now, end: this.branchEnd, speed };
  }

  // ---- Inside -----------------------------------------------------------------------------------

  private record0(): void {
    this.checkpoints.push(this.checkpoint());
    if (this.sampler) this.samples.push(this.sampler(this.sim.world));
    addMarkers(this.marks, eventMarkers(this.setupEvents));
  }

  private checkpoint(): Checkpoint {
    return { at: this.sim.now, applied: this.applied, world: this.sim.checkpoint(), recent: this.recent };
  }

  /** Is a recorded command due at `t` and not applied yet? (A seek to exactly its time applies it.) */
  private pendingAt(t: Millis): boolean {
    const next = this.log[this.applied];
    return next !== undefined && next.at <= t;
  }

  /** Replay the recorded branch from now to `t`: its commands at their times. */
  private replay(t: Millis): SimEvent[] {
    const events: SimEvent[] = [];
    for (let next = this.log[this.applied]; next !== undefined && next.at <= t; next = this.log[this.applied]) {
      this.take(this.sim.advanceTo(next.at), events);
      const { outcome, events: applied } = this.sim.dispatch(next.command);
      // The engine is deterministic: a command recorded as accepted is accepted again.
      if (!outcome.ok) throw new Error(`Replay diverged at ${next.at} ms: ${outcome.error.message}`);
      this.take(applied, events);
      this.applied++;
    }
    this.take(this.sim.advanceTo(t), events);
    return events;
  }

  /** Run past the recorded end to `until`, taking a checkpoint at every CHECKPOINT_EVERY and a
   *  sample at every whole second on the way, exactly on those times. */
  private extend(until: Millis): SimEvent[] {
    const events: SimEvent[] = [];
    while (this.sim.now < until) {
      const nextSample = this.sampler ? (Math.floor(this.sim.now / SECOND) + 1) * SECOND : Number.POSITIVE_INFINITY;
      const nextCheckpoint = (Math.floor(this.sim.now / CHECKPOINT_EVERY) + 1) * CHECKPOINT_EVERY;
      const to = Math.min(until, nextSample, nextCheckpoint);
      const fresh = this.sim.advanceTo(to);
      this.take(fresh, events);
      const marks = eventMarkers(fresh);
      if (marks.length > 0) {
        addMarkers(this.marks, marks);
        this.branchRevision++;
      }
      this.branchEnd = to;
      if (to === nextSample) this.samples.push(this.sampler!(this.sim.world));
      if (to === nextCheckpoint) this.checkpoints.push(this.checkpoint());
    }
    return events;
  }

  /** Keep new events in the recent tail (trimmed now and then, not on every step), and hand them on. */
  private take(events: readonly SimEvent[], into?: SimEvent[]): void {
    for (const e of events) {
      this.recentEvents.push(e);
      into?.push(e);
    }
    if (this.recentEvents.length > 2 * this.recentLimit) this.recentEvents.splice(0, this.recentEvents.length - this.recentLimit);
  }

  /** Acting in the past: set the recorded future aside and make the current moment the end. */
  private fork(): void {
    const forkedAt = this.sim.now;
    this.other = { ...this.cutAfter(forkedAt, this.applied), forkedAt, applied: this.applied };
    this.branchEnd = forkedAt;
    this.bump('fork');
  }

  /** Remove and return everything of this branch after `t` (log entries from index `applied`). */
  private cutAfter(t: Millis, applied: number): Future {
    const keepCheckpoints = Math.floor(t / CHECKPOINT_EVERY) + 1;
    const keepSamples = this.sampler ? Math.floor(t / SECOND) + 1 : 0;
    const keepMarks = this.marks.findIndex((m) => m.at > t);
    return {
      log: this.log.splice(applied),
      checkpoints: this.checkpoints.splice(keepCheckpoints),
      samples: this.samples.splice(keepSamples),
      markers: keepMarks === -1 ? [] : this.marks.splice(keepMarks),
      end: this.branchEnd,
    };
  }

  private checkpointAtOrBefore(t: Millis): Checkpoint {
    const i = Math.min(Math.floor(t / CHECKPOINT_EVERY), this.checkpoints.length - 1);
    return this.checkpoints[i]!;
  }

  private bump(cause: TimelineCause): void {
    this.timelineState = { epoch: this.timelineState.epoch + 1, cause };
  }
}

function clock(at: Millis): string {
  const s = Math.floor(at / 1000);
  return `T+${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
