// A session is a recorded timeline: the scenario and seed it started from, every command the user
// gave with its sim time (the log), and checkpoints of the world as it went (branch.ts). The
// engine is deterministic, so that is enough to rebuild any moment: resume the nearest checkpoint
// at or before it and replay the log to it. Acting in the past forks: the future after that moment
// is cut, and kept aside until the user acts again, so they can go back to it.
//
// Pure, like src/sim: no React, DOM, timers or wall clock. The store holds a Session per pane and
// asks it for moments; the view never touches the Simulation behind it except to read the world.

import { clockLabel, Simulation, type DispatchOutcome, type Millis, type ScriptCommand, type SimEvent, type World } from '../sim/index.ts';
import { Branch, type Checkpoint, type Tail } from './branch.ts';
import { commandMarker, eventMarkers, type Marker } from './markers.ts';
import { SESSION_VERSION, type LogEntry, type SessionRecord, type Speed } from './record.ts';

export { CHECKPOINT_EVERY } from './branch.ts';
const SECOND: Millis = 1000;

/** Why the timeline jumped. A view that caches what it drew asks this, not "is the Simulation
 *  object new?": a seek also replaces the Simulation, but it is not a reset. */
export type TimelineCause = 'start' | 'reset' | 'seek' | 'fork' | 'return' | 'open';
/** Bumped at every discontinuity: anything but time running on and commands applied live. */
export type Timeline = { readonly epoch: number; readonly cause: TimelineCause };

/** The future that a fork replaced, and where the two branches part. */
type OtherFuture<S> = Tail<S> & { forkedAt: Millis; applied: number; marksBefore: number; replaced: boolean };

export type SessionOptions<S> = {
  scenario: string;
  seed: number;
  /** How many of the newest events `recent` keeps, and of the scheduler's plans `plans`. */
  recentLimit?: number;
  planLimit?: number;
  /** Called with the world at every whole sim second as the branch is recorded (the charts). */
  sample?: (world: World) => S;
  /** Why it begins: a first start, or a reset (a new session in place of one left behind). */
  cause?: 'start' | 'reset';
};

export type OpenResult<S> = { ok: true; session: Session<S> } | { ok: false; error: string };

/** One of the scheduler's plans: the "why" behind what a service did. */
export type PlanEvent = Extract<SimEvent, { type: 'SchedulerPlanned' }>;
export const isPlanEvent = (e: SimEvent): e is PlanEvent => e.type === 'SchedulerPlanned';

export class Session<S = never> {
  readonly version = SESSION_VERSION;
  readonly scenario: string;
  readonly seed: number;
  private sim!: Simulation;
  private branch!: Branch<S>;
  /** How many log entries the current moment has applied. */
  private applied = 0;
  private recentEvents: SimEvent[] = [];
  private recentPlans: PlanEvent[] = [];
  private other: OtherFuture<S> | null = null;
  private readonly recentLimit: number;
  private readonly planLimit: number;
  private readonly sampler: ((world: World) => S) | undefined;
  private timelineState: Timeline;
  /** Bumped whenever the recorded branch changed (log, marks, a fork): the scrub bar's input. */
  private branchRevision = 0;
  /** Commands the user gave this session since it was made, opened or reset (autosave waits for one). */
  private userActions = 0;

  constructor(options: SessionOptions<S>) {
    this.scenario = options.scenario;
    this.seed = options.seed;
    this.recentLimit = options.recentLimit ?? 400;
    this.planLimit = options.planLimit ?? 40;
    this.sampler = options.sample;
    this.timelineState = { epoch: 0, cause: options.cause ?? 'start' };
    this.begin();
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
      if (!outcome.ok) return { ok: false, error: `Step ${i + 1} of the session (at ${clockLabel(entry.at)}) no longer applies: ${outcome.error.message}` };
    }
    session.advanceTo(record.end);
    session.seek(record.playhead);
    session.timelineState = { epoch: session.timelineState.epoch, cause: 'open' };
    session.userActions = 0;
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
    return this.branch.end;
  }
  /** At the live end: acting appends to the log rather than forking it. (At the end's very
   *  moment but before some of its commands — a seek with `before` — is the past.) */
  get live(): boolean {
    return this.sim.now >= this.branch.end && this.applied === this.branch.log.length;
  }
  /** How many of the log's commands the moment shown has applied: with the time, where a moment
   *  is (several commands may share a millisecond). */
  get appliedCount(): number {
    return this.applied;
  }
  get timeline(): Timeline {
    return this.timelineState;
  }
  get revision(): number {
    return this.branchRevision;
  }
  get actions(): number {
    return this.userActions;
  }
  /** The newest events up to the current moment, oldest first (a copy). */
  get recent(): SimEvent[] {
    return this.recentEvents.slice(-this.recentLimit);
  }
  /** The scheduler's newest plans up to the current moment, oldest first (a copy). */
  get plans(): PlanEvent[] {
    return this.recentPlans.slice(-this.planLimit);
  }
  /** The marks on this branch, in time order (also those after the current moment). */
  get markers(): readonly Marker[] {
    return this.branch.marks;
  }
  /** The commands of this branch, in order, with their sim times. */
  get entries(): readonly LogEntry[] {
    return this.branch.log;
  }
  /** Up to `count` samples, one per whole sim second, ending at the current moment. */
  samplesUpToNow(count: number): S[] {
    const last = Math.floor(this.sim.now / SECOND);
    return this.branch.samples.slice(Math.max(0, last + 1 - count), last + 1);
  }
  /** The other branch of the last fork, while it can still be returned to. `replaced`: it is
   *  the future the fork replaced (the user is on the one they made); false after a return. */
  get otherFuture(): { forkedAt: Millis; end: Millis; replaced: boolean } | null {
    return this.other && { forkedAt: this.other.forkedAt, end: this.other.end, replaced: this.other.replaced };
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
    // A copy: the caller may reuse its object, and the log is history.
    const recorded = structuredClone(command);
    this.branch.log.push({ at, command: recorded });
    this.applied = this.branch.log.length;
    this.branch.marks.push(commandMarker(at, recorded), ...eventMarkers(result.events));
    this.take(result.events);
    this.branchRevision++;
    this.userActions++;
    return result;
  }

  /** Time runs on to `until`: through the recorded branch (replaying its commands at their
   *  times), then past its end (recording checkpoints, samples and marks as it goes). */
  advanceTo(until: Millis): SimEvent[] {
    if (!Number.isInteger(until) || until < this.sim.now) throw new RangeError(`A session moves forward to a whole ms (now ${this.sim.now}, asked for ${until}).`);
    const events: SimEvent[] = [];
    // At the live end every recorded command is applied: only the past has any to replay.
    if (!this.live) this.replay(Math.min(until, this.branch.end), events);
    if (until >= this.branch.end) this.extend(until, events);
    return events;
  }

  /** Run until the next thing happens (an event, or a recorded command), at most `limit` ms on. */
  advanceToNextEvent(limit: Millis): SimEvent[] {
    const stop = this.sim.now + limit;
    for (;;) {
      const nextTimer = this.sim.nextDueAt ?? Number.POSITIVE_INFINITY;
      const nextCommand = this.live ? Number.POSITIVE_INFINITY : (this.branch.log[this.applied]?.at ?? Number.POSITIVE_INFINITY);
      const to = Math.min(stop, Math.max(this.sim.now, Math.min(nextTimer, nextCommand)));
      const events = this.advanceTo(to);
      if (events.length > 0 || to >= stop) return events;
    }
  }

  /** Show the moment `at` (clamped to the recorded branch). With `before`, the moment just before
   *  the log's command of that index (and those after it) at that time: where a lesson's step
   *  began, even if its command came in the same millisecond. Nothing recorded changes. */
  seek(at: Millis, before = Number.POSITIVE_INFINITY): void {
    const t = Math.max(0, Math.min(Math.round(at), this.branch.end));
    const checkpoint = this.branch.checkpointAtOrBefore(t);
    this.sim = Simulation.resume(checkpoint.world);
    this.applied = checkpoint.applied;
    this.recentEvents = checkpoint.recent.slice();
    this.recentPlans = checkpoint.plans.slice();
    this.replay(t, [], before);
    this.bump('seek');
  }

  /** Go back to the future the last fork replaced (swapping it with the current one, so the user
   *  can compare), at the same moment if that branch reaches it, else at its end. */
  returnToOtherFuture(): boolean {
    const other = this.other;
    if (!other) return false;
    const mine = this.branch.cutAfter(other.forkedAt, other.applied, other.marksBefore);
    this.branch.append(other);
    this.other = { ...mine, forkedAt: other.forkedAt, applied: other.applied, marksBefore: other.marksBefore, replaced: !other.replaced };
    this.branchRevision++;
    this.seek(Math.min(this.sim.now, this.branch.end));
    this.bump('return');
    return true;
  }

  /** What a share link or an autosave carries. */
  toRecord(speed: Speed): SessionRecord {
    return { version: SESSION_VERSION, scenario: this.scenario, seed: this.seed, log: this.branch.log.slice(), playhead: this.sim.now, end: this.branch.end, speed };
  }

  // ---- Inside -----------------------------------------------------------------------------------

  /** The scenario set up, its work due at time 0 done, and that moment recorded. */
  private begin(): void {
    this.sim = Simulation.create({ seed: this.seed, scenario: this.scenario });
    this.branch = new Branch<S>();
    this.applied = 0;
    this.other = null;
    this.recentEvents = [];
    this.recentPlans = [];
    const setup = [...this.sim.setupEvents, ...this.sim.advanceTo(0)];
    this.take(setup);
    this.branch.marks.push(...eventMarkers(setup));
    this.branch.addCheckpoint(this.checkpoint());
    if (this.sampler) this.branch.samples.push(this.sampler(this.sim.world));
  }

  private checkpoint(): Checkpoint {
    return { at: this.sim.now, applied: this.applied, world: this.sim.checkpoint(), recent: this.recent, plans: this.plans };
  }

  /** Replay the recorded branch from now to `t`: its commands at their times (those of index
   *  `before` on left for later). */
  private replay(t: Millis, events: SimEvent[], before = Number.POSITIVE_INFINITY): void {
    const log = this.branch.log;
    for (let next = log[this.applied]; next !== undefined && next.at <= t && this.applied < before; next = log[this.applied]) {
      this.take(this.sim.advanceTo(next.at), events);
      const { outcome, events: applied } = this.sim.dispatch(next.command);
      // The engine is deterministic: a command recorded as accepted is accepted again.
      if (!outcome.ok) throw new Error(`Replay diverged at ${next.at} ms: ${outcome.error.message}`);
      this.take(applied, events);
      this.applied++;
    }
    this.take(this.sim.advanceTo(t), events);
  }

  /** New ground, from the recorded end to `until`: work due now first (a command may have
   *  scheduled some), then on, with a checkpoint at every multiple of the branch's spacing and a
   *  sample at every whole second, exactly on those times. */
  private extend(until: Millis, events: SimEvent[]): void {
    this.record(this.sim.advanceTo(this.sim.now), events);
    while (this.sim.now < until) {
      const nextSample = this.sampler ? (Math.floor(this.sim.now / SECOND) + 1) * SECOND : Number.POSITIVE_INFINITY;
      const nextCheckpoint = this.branch.nextCheckpointAfter(this.sim.now);
      const to = Math.min(until, nextSample, nextCheckpoint);
      this.record(this.sim.advanceTo(to), events);
      this.branch.end = to;
      if (to === nextSample) this.branch.samples.push(this.sampler!(this.sim.world));
      if (to === nextCheckpoint) this.branch.addCheckpoint(this.checkpoint());
    }
  }

  /** Events on new ground: kept, handed on, and marked. */
  private record(fresh: readonly SimEvent[], events: SimEvent[]): void {
    this.take(fresh, events);
    const marks = eventMarkers(fresh);
    if (marks.length === 0) return;
    this.branch.marks.push(...marks);
    this.branchRevision++;
  }

  /** Keep new events in the recent tails (trimmed now and then, not on every step), and hand them on. */
  private take(fresh: readonly SimEvent[], into?: SimEvent[]): void {
    for (const e of fresh) {
      this.recentEvents.push(e);
      if (isPlanEvent(e)) this.recentPlans.push(e);
      into?.push(e);
    }
    if (this.recentEvents.length > 2 * this.recentLimit) this.recentEvents.splice(0, this.recentEvents.length - this.recentLimit);
    if (this.recentPlans.length > 2 * this.planLimit) this.recentPlans.splice(0, this.recentPlans.length - this.planLimit);
  }

  /** Acting in the past: set the recorded future aside and make the current moment the end. */
  private fork(): void {
    const forkedAt = this.sim.now;
    const tail = this.branch.cutAfter(forkedAt, this.applied);
    this.other = { ...tail, forkedAt, applied: this.applied, marksBefore: this.branch.marks.length, replaced: true };
    this.bump('fork');
  }

  private bump(cause: TimelineCause): void {
    this.timelineState = { epoch: this.timelineState.epoch + 1, cause };
  }
}
