// The twin view's time controls: the one clock both worlds run on (play / pause, a step that
// moves both to the next thing that happens in either, speed) and Start over (both, same seed).

import { SPEEDS, type Speed } from '../../session/record.ts';
import { clockLabel } from '../../sim/index.ts';
import { step } from '../../store/playback.ts';
import { usePage, usePageApi } from '../../store/StoreContext.tsx';
import { useStore } from 'zustand';
import { compression } from '../Toolbar.tsx';
import { startOver } from './twinActions.ts';
import { useTwin } from './twinContext.ts';

const speedLabel = (s: number) => (s === 0.25 ? '¼×' : s === 0.5 ? '½×' : `${s}×`);

export function TwinControls() {
  const page = usePageApi();
  const twin = useTwin();
  const now = useStore(twin.left, (s) => s.sim.now); // both sides are always at the same moment
  const playing = usePage((s) => s.playing);
  const speed = usePage((s) => s.speed);
  const p = page.getState();
  return (
    <div className="toolbar" role="group" aria-label="Time, for both sides">
      <p className="clock" data-testid="clock">
        <span className="clock-time" aria-label={`Sim time ${clockLabel(now)}`}>{clockLabel(now)}</span>{' '}
        <span className="muted compression">{speedLabel(speed)} · {compression(speed)}</span>
      </p>
      <button type="button" onClick={() => p.setPlaying(!playing)} aria-keyshortcuts="Space K" className="primary play" data-focus-after-notice>
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>{playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => step(page, [twin.left, twin.right])} aria-keyshortcuts="." title="Step both sides to the next thing that happens">
        Step<span aria-hidden="true"> ›</span>
      </button>
      <label>
        <span className="visually-hidden">Speed</span>
        <select value={speed} onChange={(e) => p.setSpeed(Number(e.target.value) as Speed)} aria-label="Speed" aria-keyshortcuts="- +">
          {SPEEDS.map((v) => <option key={v} value={v}>{speedLabel(v)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => startOver(page, twin)} title="Both worlds from their start again, same seed">
        <span aria-hidden="true">↺ </span>Start over
      </button>
    </div>
  );
}
