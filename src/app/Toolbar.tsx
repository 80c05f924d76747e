// Time controls: play/pause, single step, speed (¼× to 64× in log steps), reset, and the sim
// clock with how much real ECS time the current speed compresses.

import { clockLabel, findScenario } from '../sim/index.ts';
import { SPEEDS, type Speed } from '../store/simStore.ts';
import { useSimStore, useSimStoreApi } from '../store/StoreContext.tsx';

const speedLabel = (s: number) => (s === 0.25 ? '¼×' : s === 0.5 ? '½×' : `${s}×`);

/** "1 min of ECS takes 3.8 s here" — the compression, in words a projector audience reads. */
export function compression(speed: number): string {
  if (speed === 1) return 'real ECS time';
  const seconds = 60 / speed;
  const shown = seconds >= 60 ? `${seconds / 60} min` : `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  return `1 min of ECS takes ${shown}`;
}

export function Toolbar() {
  const store = useSimStoreApi();
  const now = useSimStore((s) => s.sim.now);
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.settings.speed);
  const scenario = useSimStore((s) => s.settings.scenario);
  const s = store.getState();

  return (
    <div className="toolbar" role="group" aria-label="Time">
      <p className="scenario">{findScenario(scenario)?.title}</p>
      <p className="clock" data-testid="clock">
        <span className="clock-time" aria-label={`Sim time ${clockLabel(now)}`}>{clockLabel(now)}</span>{' '}
        <span className="muted compression">{speedLabel(speed)} · {compression(speed)}</span>
      </p>
      <button type="button" onClick={() => s.setPlaying(!playing)} aria-keyshortcuts="Space" className="primary">
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>{playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => s.step()} aria-keyshortcuts="." title="Step to the next thing that happens">
        Step<span aria-hidden="true"> ›</span>
      </button>
      <label>
        <span className="visually-hidden">Speed</span>
        <select value={speed} onChange={(e) => s.setSpeed(Number(e.target.value) as Speed)} aria-label="Speed">
          {SPEEDS.map((v) => <option key={v} value={v}>{speedLabel(v)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => s.reset()} aria-keyshortcuts="R">
        <span aria-hidden="true">↺ </span>Reset
      </button>
    </div>
  );
}
