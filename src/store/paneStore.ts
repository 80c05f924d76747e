// One store per simulation pane: its session (the recorded timeline), what the user has selected,
// and what the views derive from the moment shown — the diagram's projection, the recent events,
// the chart history, the scrub bar's marks. The page's clock, dialogs and notices live apart
// (pageStore.ts), so two panes on one page share a clock but nothing else.
//
// Components read a pane through narrow selectors; every change to the world bumps `version`,
// which is what views of the world subscribe to. `timeline` says why the world jumped (a seek, a
// fork, a reset): a view that caches what it drew asks that, never "is the Simulation new?".

import { createStore, type StoreApi } from 'zustand/vanilla';
import { EMPTY_MEMORY, type Orientation } from '../diagram/layout.ts';
import { projectDiagram, STOPPED_LINGER, type Diagram, type DiagramNode, type Focus } from '../diagram/project.ts';
import { edgesBetween, limitChanges, shareEdges, shareUnchanged, toFlowNodes, type FlowNode } from '../diagram/share.ts';
import type { Marker } from '../session/markers.ts';
import type { SessionRecord } from '../session/record.ts';
import { isPlanEvent, Session, type PlanEvent, type Timeline } from '../session/session.ts';
import type { DispatchOutcome, Millis, ScriptCommand, SimEvent, Simulation, Task, World } from '../sim/index.ts';
import { findScenario, SECOND } from '../sim/index.ts';

export const RECENT_EVENTS = 400;
export const RECENT_PLANS = 40;
/** A single step runs to the next event, but never more than this much sim time. */
export const STEP_LIMIT = 5 * 60_000;
/** Events that change nothing on the diagram (plans, service event texts). A container's state
 *  does: a selected task shows its containers, and a task of several names each one's state. */
const QUIET_EVENTS = new Set<SimEvent['type']>(['SchedulerPlanned', 'ServiceEvent', 'CommandRejected', 'TrafficChanged']);
/** Changed diagram nodes handed to React Flow per frame (see limitChanges). */
export const NODE_CHANGES_PER_FRAME = 5;
export const HISTORY_SECONDS = 600;
/** Entries the terminal keeps (what was typed, and what was done in the UI). */
export const TRANSCRIPT_LIMIT = 200;
/** Lines typed that Up and Down recall. */
export const TYPED_HISTORY_LIMIT = 100;

export type Measured = { id: string; width: number; height: number };
/** Desired and running tasks per service, once per second of sim time (for the charts). */
export type CountsSample = { second: number; services: Map<string, { desired: number; running: number }> };
export type PaneSession = Session<CountsSample>;

/** What the scrub bar marks on the recorded branch. Replaced only when the branch changes (a
 *  command, a fork, a new mark), not as time runs on: see `end` for that. */
export type Branch = { revision: number; markers: readonly Marker[]; otherFuture: { forkedAt: Millis; end: Millis; replaced: boolean } | null };

export type PaneState = {
  /** Unique on the page: element ids derived from sim ids are prefixed with it. */
  id: string;
  session: PaneSession;
  /** The moment shown (session.simulation, kept here so selectors can watch it). */
  sim: Simulation;
  /** The pane's timeline identity: its epoch is bumped at every jump, whatever session the pane
   *  shows (a session loaded back by Undo has epochs of its own); the cause is the jump's. */
  timeline: Timeline;
  /** Bumped when the picture starts over (a reset, another session), not at a seek or a fork:
   *  the diagram refits then, and keeps the user's view otherwise. */
  scene: number;
  branch: Branch;
  /** The furthest moment recorded on this branch: the live end. */
  end: Millis;
  /** Bumped whenever the world shown changed: subscribe to this, then read the world. */
  version: number;
  /** Whether the last change was only time passing (playback), not something the user did. */
  ticked: boolean;
  /** Newest last, at most RECENT_EVENTS. */
  recent: SimEvent[];
  /** The scheduler's recent plans, newest last: the "why" behind what services did. */
  plans: PlanEvent[];
  /** Service counts over the last HISTORY_SECONDS seconds, oldest first. */
  history: CountsSample[];
  lastRejection: string | null;
  selection: Focus;
  /** What the user selected last, kept through a seek to a moment it does not exist in, so that
   *  it is selected again when it does. */
  wanted: Focus;
  hovered: Focus;
  orientation: Orientation;
  diagram: Diagram;
  /** The diagram's nodes by id: node components read their content here. */
  nodeById: Map<string, DiagramNode>;
  /** What React Flow is given: positions and behaviour only (see toFlowNodes). */
  flowNodes: FlowNode[];
  /** Some node changes are still waiting for the next frame (see limitChanges). */
  diagramBehind: boolean;
  /** While changes wait: the task node whose change was drawn last, so the next frame's turn
   *  starts after it (limitChanges); null when nothing waits. */
  diagramTurn: string | null;
  /** Apply a command now (recorded by the session). An accepted one from the UI joins the
   *  transcript, for "Show me the API". */
  dispatch: (command: ScriptCommand, source?: CommandSource) => DispatchOutcome;
  /** The terminal's history (TRANSCRIPT_LIMIT at most): a new session starts it afresh, and acting
   *  in the past drops what was done in the future it replaced. */
  transcript: readonly TranscriptEntry[];
  /** The lines typed, oldest first, for Up and Down: kept through a reset or another scene, as a
   *  shell keeps its history. */
  typedLines: readonly string[];
  /** Add a line typed in the terminal, with what it printed (`remember`: false for an interrupted
   *  line, which is shown but not recalled). */
  typed: (line: TypedLine, remember?: boolean) => void;
  /** `clear`: the terminal's history is emptied (the lines typed are still recalled). */
  clearTranscript: () => void;
  advanceTo: (simTime: number) => void;
  step: () => void;
  /** Show a recorded moment (clamped to the branch); `before`: before that log index's command (Session.seek). */
  seek: (simTime: number, before?: number) => void;
  returnToOtherFuture: () => void;
  reset: () => void;
  /** Replace the session: another scene, or a record from a link or an autosave. */
  load: (session: PaneSession) => void;
  select: (focus: Focus) => void;
  hover: (focus: Focus) => void;
  setOrientation: (orientation: Orientation) => void;
  /** Hand React Flow the next node changes still waiting (see limitChanges), time passing or not. */
  catchUp: () => void;
  /** React Flow reports the size it measured for each node; keep it on the node (toolchain §5). */
  measure: (sizes: Measured[]) => void;
};

export type PaneStore = StoreApi<PaneState>;

/** Who asked for a command: the page's controls (shown as their CLI equivalent, "Show me the
 *  API"), or the terminal, which prints its own line. */
export type CommandSource = 'ui' | 'cli';

/** The terminal's history, newest last: a command done in the UI (with the world just before it,
 *  so its CLI equivalent can be written when the terminal's code has loaded), or a line typed in
 *  the terminal and what it printed. */
export type TranscriptEntry =
  | { id: number; at: Millis; kind: 'ui'; command: ScriptCommand; before: World }
  | { id: number; at: Millis; kind: 'cli'; line: string; stdout: string; stderr: string; exitCode: number };
export type TypedLine = Omit<Extract<TranscriptEntry, { kind: 'cli' }>, 'id' | 'at' | 'kind'>;

export function sampleCounts(world: World): CountsSample {
  const services: CountsSample['services'] = new Map();
  for (const s of world.services.values()) if (s.status !== 'INACTIVE') services.set(s.serviceName, { desired: s.desiredCount, running: s.runningCount });
  return { second: Math.floor(world.now / 1000), services };
}

/** A new session of a scene, run on to the moment the scene opens at (`opensAt`), recorded like
 *  any time that passed: the start is there to scrub back to. */
export function newPaneSession(scenario: string, seed: number, cause: 'start' | 'reset' = 'start'): PaneSession {
  const session = new Session({ scenario, seed, recentLimit: RECENT_EVENTS, planLimit: RECENT_PLANS, sample: sampleCounts, cause });
  const opensAt = findScenario(scenario)?.opensAt;
  if (opensAt) session.advanceTo(opensAt * SECOND);
  return session;
}

export function openPaneSession(record: SessionRecord) {
  return Session.open<CountsSample>(record, { recentLimit: RECENT_EVENTS, planLimit: RECENT_PLANS, sample: sampleCounts });
}

const EMPTY_DIAGRAM: Diagram = { memory: EMPTY_MEMORY, nodes: [], edges: [], recentlyStopped: [] };
const sameTasks = (a: readonly Task[], b: readonly Task[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const branchOf = (session: PaneSession): Branch => ({ revision: session.revision, markers: session.markers.slice(), otherFuture: session.otherFuture });

/** Append, keeping the newest `max`: one copy per call. */
function appendNewest<T>(list: T[], items: readonly T[], max: number): T[] {
  if (items.length === 0) return list;
  const drop = Math.max(0, list.length + items.length - max);
  const next = drop > 0 ? list.slice(drop) : list.slice();
  for (const item of items.length > max ? items.slice(-max) : items) next.push(item);
  return next.length > max ? next.slice(-max) : next;
}

/** The transcript with one more entry, keeping the newest TRANSCRIPT_LIMIT. */
const withEntry = (list: readonly TranscriptEntry[], entry: TranscriptEntry) => [...list.slice(1 - TRANSCRIPT_LIMIT), entry];

export function createPaneStore(session: PaneSession, options: { id?: string; orientation?: Orientation } = {}): PaneStore {
  const id = options.id ?? 'main';
  let nextEntry = 1;
  /** Project the world again, sharing every node that did not change with the last projection. */
  const reproject = (s: Pick<PaneState, 'sim' | 'diagram' | 'selection' | 'hovered' | 'orientation' | 'flowNodes' | 'nodeById' | 'diagramTurn'>, limit = Number.POSITIVE_INFINITY) => {
    const next = projectDiagram(s.sim.world, s.diagram.memory, { focus: s.selection ?? s.hovered, selected: s.selection, orientation: s.orientation }, s.diagram.nodes);
    const { nodes, behind, last } = limitChanges(s.diagram.nodes, shareUnchanged(s.diagram.nodes, next.nodes), limit, s.diagramTurn);
    const edges = shareEdges(s.diagram.edges, behind ? edgesBetween(next.edges, nodes) : next.edges);
    const recentlyStopped = sameTasks(s.diagram.recentlyStopped, next.recentlyStopped) ? s.diagram.recentlyStopped : next.recentlyStopped;
    const nodeById = nodes === s.diagram.nodes ? s.nodeById : new Map(nodes.map((n) => [n.id, n]));
    return { diagram: { memory: next.memory, nodes, edges, recentlyStopped }, nodeById, flowNodes: toFlowNodes(id, s.flowNodes, nodes), diagramBehind: behind, diagramTurn: last ?? null };
  };
  /** Everything derived from the moment the session shows, afresh (a start, a jump). A jump
   *  within one scene keeps the picture's memory, so tasks keep their places; its changes are
   *  spread over frames like any burst, so a scrub never stalls a frame. */
  const fresh = (session: PaneSession, orientation: Orientation, previous?: Pick<PaneState, 'diagram' | 'wanted' | 'flowNodes' | 'nodeById' | 'diagramTurn'>) => {
    const sim = session.simulation;
    const wanted = previous?.wanted ?? null;
    const selection = wanted && stillThere(sim.world, wanted) ? wanted : null;
    const picture = previous ?? { diagram: EMPTY_DIAGRAM, flowNodes: [], nodeById: new Map<string, DiagramNode>(), diagramTurn: null };
    return {
      session, sim, branch: branchOf(session), end: session.end, recent: session.recent, plans: session.plans, history: session.samplesUpToNow(HISTORY_SECONDS),
      selection, wanted, hovered: null,
      ...reproject({ ...picture, sim, selection, hovered: null, orientation }, NODE_CHANGES_PER_FRAME),
    };
  };

  return createStore<PaneState>()((set, get) => {
    /** Does the diagram need a new projection after time moved on with these events? */
    const stale = (s: PaneState, events: SimEvent[]) => {
      if (s.diagramBehind || events.some((e) => !QUIET_EVENTS.has(e.type))) return true;
      const now = s.sim.now;
      // A faded task's time on the diagram ran out, or an old stopped task was forgotten.
      return (
        s.diagram.nodes.some((n) => n.data.kind === 'task' && n.data.fading && (n.data.task.stoppedAt ?? now) <= now - STOPPED_LINGER) ||
        s.diagram.recentlyStopped.some((t) => !s.sim.world.tasks.has(t.taskArn))
      );
    };
    /** After the session moved on (time, or a command applied in order): append what happened. */
    const afterEvents = (events: SimEvent[], extra: Partial<PaneState> = {}, ticked = false) =>
      set((s) => {
        const session = s.session;
        const second = Math.floor(session.now / 1000);
        return {
          ...extra,
          ticked,
          version: s.version + 1,
          recent: appendNewest(s.recent, events, RECENT_EVENTS),
          // The session keeps the plans' tail, as it keeps it in checkpoints: the same after a seek.
          plans: events.some(isPlanEvent) ? session.plans : s.plans,
          history: s.history.at(-1)?.second === second ? s.history : session.samplesUpToNow(HISTORY_SECONDS),
          end: session.end,
          ...(s.branch.revision !== session.revision ? { branch: branchOf(session) } : {}),
          // While time passes, big changes are spread over frames; what the user does shows at once.
          ...(stale(s, events) ? reproject(s, ticked ? NODE_CHANGES_PER_FRAME : Number.POSITIVE_INFINITY) : {}),
        };
      });
    /** After a jump (seek, fork, return, reset, load): everything from the session afresh. */
    const afterJump = (keepLayout: boolean, extra: Partial<PaneState> = {}, session?: PaneSession, cause?: Timeline['cause']) =>
      set((s) => ({
        ...fresh(session ?? s.session, s.orientation, keepLayout ? s : undefined),
        timeline: { epoch: s.timeline.epoch + 1, cause: cause ?? (session ?? s.session).timeline.cause },
        // A rejection belongs to the moment it happened in.
        lastRejection: null,
        ...extra,
        ticked: false,
        version: s.version + 1,
        scene: keepLayout ? s.scene : s.scene + 1,
        // Another session (a reset, a scene, a link) starts the terminal's history afresh.
        ...(keepLayout ? {} : { transcript: [] }),
      }));

    return {
      ...fresh(session, options.orientation ?? 'wide'),
      timeline: session.timeline,
      transcript: [],
      typedLines: [],
      id,
      orientation: options.orientation ?? 'wide',
      version: 0,
      scene: 0,
      ticked: false,
      lastRejection: null,
      dispatch(command, source = 'ui') {
        const s = get();
        const epoch = s.session.timeline.epoch;
        // The world before, for the command's CLI equivalent: a checkpoint shares every entity.
        const before = source === 'ui' ? s.session.simulation.checkpoint() : null;
        const result = s.session.dispatch(command);
        const extra: Partial<PaneState> = { lastRejection: result.outcome.ok ? null : result.outcome.error.message };
        const forked = s.session.timeline.epoch !== epoch;
        // A fork replaced the future: what was done there is no longer this session's story.
        const kept = forked ? s.transcript.filter((e) => e.at <= s.session.now) : s.transcript;
        if (forked) extra.transcript = kept;
        if (before && result.outcome.ok) extra.transcript = withEntry(kept, { id: nextEntry++, at: before.now, kind: 'ui', command, before });
        // A fork cut the future: the events shown are the session's, the world is the one shown.
        if (forked) afterJump(true, extra);
        else afterEvents(result.events, extra);
        return result;
      },
      advanceTo(simTime) {
        afterEvents(get().session.advanceTo(simTime), {}, true);
      },
      typed(line, remember = true) {
        set((s) => ({
          transcript: withEntry(s.transcript, { id: nextEntry++, at: s.sim.now, kind: 'cli', ...line }),
          ...(remember ? { typedLines: [...s.typedLines.slice(1 - TYPED_HISTORY_LIMIT), line.line] } : {}),
        }));
      },
      clearTranscript() {
        set({ transcript: [] });
      },
      step() {
        afterEvents(get().session.advanceToNextEvent(STEP_LIMIT));
      },
      seek(simTime, before) {
        const { session } = get();
        if (simTime === session.now && (before === undefined || before === session.appliedCount)) return;
        session.seek(simTime, before);
        afterJump(true);
      },
      returnToOtherFuture() {
        if (get().session.returnToOtherFuture()) afterJump(true);
      },
      reset() {
        const { session } = get();
        afterJump(false, {}, newPaneSession(session.scenario, session.seed, 'reset'));
      },
      load(next) {
        afterJump(false, {}, next, 'open');
      },
      select: (selection) => set((s) => ({ selection, wanted: selection, ...reproject({ ...s, selection }) })),
      hover: (hovered) => {
        const s = get();
        if (s.hovered?.kind === hovered?.kind && s.hovered?.id === hovered?.id) return;
        set({ hovered, ...reproject({ ...s, hovered }) });
      },
      setOrientation: (orientation) => set((s) => ({ orientation, ...reproject({ ...s, orientation }) })),
      catchUp: () => {
        if (get().diagramBehind) set((s) => reproject(s, NODE_CHANGES_PER_FRAME));
      },
      measure(sizes) {
        const byId = new Map(sizes.map((m) => [m.id, m]));
        set((s) => ({
          flowNodes: s.flowNodes.map((n) => {
            const m = byId.get(n.id);
            return m ? { ...n, measured: { width: m.width, height: m.height } } : n;
          }),
        }));
      },
    };
  });
}

/** Whether a selection still names something in this world (after a seek it may not). */
function stillThere(world: World, focus: NonNullable<Focus>): boolean {
  switch (focus.kind) {
    case 'task':
      return world.tasks.has(focus.id);
    case 'service':
      return world.services.has(focus.id);
    case 'taskDefinition':
      return world.taskDefinitions.has(focus.id);
    case 'loadBalancer':
      return world.loadBalancers.has(focus.id);
    case 'schedule':
      return world.schedules.has(focus.id);
  }
}
