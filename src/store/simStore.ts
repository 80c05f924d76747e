// One store per mounted app (an embed never shares a clock with another): the simulation, the
// playback settings, and the recent events for the panels. Components read it through narrow
// selectors; every change to the sim bumps `version`, which is what views subscribe to.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { Simulation, type DispatchOutcome, type ScriptCommand, type SimEvent } from '../sim/index.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export type Speed = (typeof SPEEDS)[number];
export const RECENT_EVENTS = 300;

export type SimSettings = { seed: number; scenario: string; speed: Speed };

export type SimStoreState = {
  sim: Simulation;
  settings: SimSettings;
  /** Bumped whenever the simulation changed: subscribe to this, then read the world. */
  version: number;
  playing: boolean;
  /** Newest last, at most RECENT_EVENTS. */
  recent: SimEvent[];
  lastRejection: string | null;
  dispatch: (command: ScriptCommand) => DispatchOutcome;
  advanceTo: (simTime: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
  reset: () => void;
};

export type SimStore = StoreApi<SimStoreState>;

export function createSimStore(settings: SimSettings): SimStore {
  const start = () => {
    const sim = Simulation.create({ seed: settings.seed, scenario: settings.scenario });
    return { sim, recent: sim.setupEvents.slice(-RECENT_EVENTS) };
  };
  const record = (recent: SimEvent[], events: SimEvent[]) =>
    events.length === 0 ? recent : [...recent, ...events].slice(-RECENT_EVENTS);

  return createStore<SimStoreState>()((set, get) => ({
    ...start(),
    settings,
    version: 0,
    playing: true,
    lastRejection: null,
    dispatch(command) {
      const result = get().sim.dispatch(command);
      set((s) => ({
        version: s.version + 1,
        recent: record(s.recent, result.events),
        lastRejection: result.outcome.ok ? null : result.outcome.error.message,
      }));
      return result;
    },
    advanceTo(simTime) {
      const events = get().sim.advanceTo(simTime);
      set((s) => ({ version: s.version + 1, recent: record(s.recent, events) }));
    },
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set((s) => ({ settings: { ...s.settings, speed } })),
    reset: () => set((s) => ({ ...start(), version: s.version + 1, lastRejection: null })),
  }));
}
