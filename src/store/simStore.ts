// One store per mounted app (an embed never shares a clock with another): the simulation, the
// playback settings, what the user has selected, and what the views derive from the world — the
// diagram's projection and the recent events. Components read it through narrow selectors; every
// change to the sim bumps `version`, which is what views of the world subscribe to.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { EMPTY_MEMORY, type Orientation } from '../diagram/layout.ts';
import { projectDiagram, STOPPED_LINGER, type Diagram, type Focus } from '../diagram/project.ts';
import { edgesBetween, limitChanges, shareEdges, shareUnchanged, toFlowNodes, type FlowNode } from '../diagram/share.ts';
import type { DiagramNode } from '../diagram/project.ts';
import { Simulation, type DispatchOutcome, type ScriptCommand, type SimEvent, type Task } from '../sim/index.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export type Speed = (typeof SPEEDS)[number];
export const RECENT_EVENTS = 400;
export const RECENT_PLANS = 40;
/** A single step runs to the next event, but never more than this much sim time. */
export const STEP_LIMIT = 5 * 60_000;
/** Events that change nothing on the diagram (plans, service event texts, container details). */
const QUIET_EVENTS = new Set<SimEvent['type']>(['SchedulerPlanned', 'ServiceEvent', 'CommandRejected', 'ContainerStateChanged', 'TrafficChanged']);
/** Changed diagram nodes handed to React Flow per frame (see limitChanges). */
export const NODE_CHANGES_PER_FRAME = 5;

export type DialogRequest =
  | { kind: 'runTask' | 'createService' | 'registerRevision'; taskDefinition?: string }
  | { kind: 'shortcuts' };

export type SimSettings = { seed: number; scenario: string; speed: Speed };
export type PlanEvent = Extract<SimEvent, { type: 'SchedulerPlanned' }>;
export type Measured = { id: string; width: number; height: number };
/** Desired and running tasks per service, once per second of sim time (for the charts). */
export type CountsSample = { second: number; services: Record<string, { desired: number; running: number }> };
export const HISTORY_SECONDS = 600;

export type SimStoreState = {
  sim: Simulation;
  settings: SimSettings;
  /** Bumped whenever the simulation changed: subscribe to this, then read the world. */
  version: number;
  /** Whether the last change was only time passing (playback), not something the user did. */
  ticked: boolean;
  playing: boolean;
  /** Newest last, at most RECENT_EVENTS. */
  recent: SimEvent[];
  /** The scheduler's recent plans, newest last: the "why" behind what services did. */
  plans: PlanEvent[];
  /** Service counts over the last HISTORY_SECONDS seconds, oldest first. */
  history: CountsSample[];
  lastRejection: string | null;
  selection: Focus;
  hovered: Focus;
  orientation: Orientation;
  diagram: Diagram;
  /** The diagram's nodes by id: node components read their content here. */
  nodeById: Map<string, DiagramNode>;
  /** What React Flow is given: positions and behaviour only (see toFlowNodes). */
  flowNodes: FlowNode[];
  /** Some node changes are still waiting for the next frame (see limitChanges). */
  diagramBehind: boolean;
  /** The open dialog, if any (forms and the shortcuts list). */
  dialog: DialogRequest | null;
  openDialog: (dialog: DialogRequest | null) => void;
  dispatch: (command: ScriptCommand) => DispatchOutcome;
  advanceTo: (simTime: number) => void;
  step: () => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
  reset: () => void;
  select: (focus: Focus) => void;
  hover: (focus: Focus) => void;
  setOrientation: (orientation: Orientation) => void;
  /** Hand React Flow the next node changes still waiting (see limitChanges), time passing or not. */
  catchUp: () => void;
  /** React Flow reports the size it measured for each node; keep it on the node (toolchain §5). */
  measure: (sizes: Measured[]) => void;
};

export type SimStore = StoreApi<SimStoreState>;

function sampleCounts(sim: Simulation): CountsSample {
  const services: CountsSample['services'] = {};
  for (const s of sim.world.services.values()) if (s.status !== 'INACTIVE') services[s.serviceName] = { desired: s.desiredCount, running: s.runningCount };
  return { second: Math.floor(sim.now / 1000), services };
}

/** One sample per sim second: a new array only when a second has passed. */
function withSample(history: CountsSample[], sim: Simulation): CountsSample[] {
  const second = Math.floor(sim.now / 1000);
  if (history.length > 0 && history[history.length - 1]!.second === second) return history;
  return [...history, sampleCounts(sim)].slice(-HISTORY_SECONDS);
}

const sameTasks = (a: readonly Task[], b: readonly Task[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const isPlan = (e: SimEvent): e is PlanEvent => e.type === 'SchedulerPlanned';

export function createSimStore(settings: SimSettings, options: { orientation?: Orientation } = {}): SimStore {
  const orientation = options.orientation ?? 'wide';
  const start = (orientation: Orientation) => {
    const sim = Simulation.create({ seed: settings.seed, scenario: settings.scenario });
    const projected = projectDiagram(sim.world, EMPTY_MEMORY, { focus: null, selected: null, orientation });
    // A big scene is drawn over its first frames too: the cluster at once, then the tasks a few a frame.
    const { nodes, behind } = limitChanges([], projected.nodes, NODE_CHANGES_PER_FRAME);
    const diagram = { ...projected, nodes, edges: behind ? edgesBetween(projected.edges, nodes) : projected.edges };
    return {
      sim, recent: sim.setupEvents.slice(-RECENT_EVENTS), plans: sim.setupEvents.filter(isPlan), history: [sampleCounts(sim)],
      diagram, nodeById: new Map(nodes.map((n) => [n.id, n])), flowNodes: toFlowNodes([], nodes), diagramBehind: behind, selection: null, hovered: null,
    };
  };
  /** Append, keeping the newest `max`: one copy per call. */
  const record = <T,>(list: T[], items: T[], max: number) => {
    if (items.length === 0) return list;
    const drop = Math.max(0, list.length + items.length - max);
    const next = drop > 0 ? list.slice(drop) : list.slice();
    for (const item of items.length > max ? items.slice(-max) : items) next.push(item);
    return next.length > max ? next.slice(-max) : next;
  };

  return createStore<SimStoreState>()((set, get) => {
    /** Project the world again, sharing every node that did not change with the last projection. */
    const reproject = (s: Pick<SimStoreState, 'sim' | 'diagram' | 'selection' | 'hovered' | 'orientation' | 'flowNodes' | 'nodeById'>, limit = Number.POSITIVE_INFINITY) => {
      const next = projectDiagram(s.sim.world, s.diagram.memory, { focus: s.selection ?? s.hovered, selected: s.selection, orientation: s.orientation }, s.diagram.nodes);
      const { nodes, behind } = limitChanges(s.diagram.nodes, shareUnchanged(s.diagram.nodes, next.nodes), limit);
      const edges = shareEdges(s.diagram.edges, behind ? edgesBetween(next.edges, nodes) : next.edges);
      const recentlyStopped = sameTasks(s.diagram.recentlyStopped, next.recentlyStopped) ? s.diagram.recentlyStopped : next.recentlyStopped;
      const nodeById = nodes === s.diagram.nodes ? s.nodeById : new Map(nodes.map((n) => [n.id, n]));
      return { diagram: { memory: next.memory, nodes, edges, recentlyStopped }, nodeById, flowNodes: toFlowNodes(s.flowNodes, nodes), diagramBehind: behind };
    };
    /** Does the diagram need a new projection after time moved on with these events? */
    const stale = (s: SimStoreState, events: SimEvent[]) => {
      if (s.diagramBehind || events.some((e) => !QUIET_EVENTS.has(e.type))) return true;
      const now = s.sim.now;
      // A faded task's time on the diagram ran out, or an old stopped task was forgotten.
      return (
        s.diagram.nodes.some((n) => n.data.kind === 'task' && n.data.fading && (n.data.task.stoppedAt ?? now) <= now - STOPPED_LINGER) ||
        s.diagram.recentlyStopped.some((t) => s.sim.world.tasks.get(t.taskArn) === undefined)
      );
    };
    const afterEvents = (events: SimEvent[], extra: Partial<SimStoreState> = {}, ticked = false) =>
      set((s) => ({
        ...extra,
        ticked,
        version: s.version + 1,
        recent: record(s.recent, events, RECENT_EVENTS),
        plans: record(s.plans, events.filter(isPlan), RECENT_PLANS),
        history: withSample(s.history, s.sim),
        // While time passes, big changes are spread over frames; what the user does shows at once.
        ...(stale(s, events) ? reproject(s, ticked ? NODE_CHANGES_PER_FRAME : Number.POSITIVE_INFINITY) : {}),
      }));

    return {
      ...start(orientation),
      settings,
      orientation,
      version: 0,
      ticked: false,
      playing: true,
      lastRejection: null,
      dialog: null,
      openDialog: (dialog) => set({ dialog }),
      dispatch(command) {
        const result = get().sim.dispatch(command);
        afterEvents(result.events, { lastRejection: result.outcome.ok ? null : result.outcome.error.message });
        return result;
      },
      advanceTo(simTime) {
        afterEvents(get().sim.advanceTo(simTime), {}, true);
      },
      step() {
        set({ playing: false });
        afterEvents(get().sim.advanceToNextEvent(STEP_LIMIT));
      },
      setPlaying: (playing) => set({ playing }),
      setSpeed: (speed) => set((s) => ({ settings: { ...s.settings, speed } })),
      reset: () => set((s) => ({ ...start(s.orientation), version: s.version + 1, lastRejection: null })),
      select: (selection) => set((s) => ({ selection, ...reproject({ ...s, selection }) })),
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
