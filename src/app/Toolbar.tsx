// Time controls: play/pause, single step, speed (¼× to 64× in log steps), reset, and the sim
// clock with how much real ECS time the current speed compresses. The scene's title opens the
// scene picker. Playing and speed are the page's (one clock); the clock shown is this pane's.

import { clockLabel, findScenario } from '../sim/index.ts';
import { SPEEDS, type Speed } from '../session/record.ts';
import { step } from '../store/playback.ts';
import { resetPane } from './pageSession.ts';
import type { PaneStore } from '../store/paneStore.ts';
import { usePage, usePageApi, usePane, usePaneApi } from '../store/StoreContext.tsx';

const speedLabel = (s: number) => (s === 0.25 ? '¼×' : s === 0.5 ? '½×' : `${s}×`);

/** "1 min of ECS takes 3.8 s here" — the compression, in words a projector audience reads. */
export function compression(speed: number): string {
  if (speed === 1) return 'real ECS time';
  const seconds = 60 / speed;
  const shown = seconds >= 60 ? `${seconds / 60} min` : `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  return `1 min of ECS takes ${shown}`;
}

/** The sim clock of `now`, with what the speed compresses unless `compression` is false. */
export function ClockTime({ now, compression: withCompression = true }: { now: number; compression?: boolean }) {
  const speed = usePage((s) => s.speed);
  return (
    <p className="clock" data-testid="clock">
      <span className="clock-time" aria-label={`Sim time ${clockLabel(now)}`}>{clockLabel(now)}</span>
      {withCompression && (
        <>
          {' '}
          <span className="muted compression">{speedLabel(speed)} · {compression(speed)}</span>
        </>
      )}
    </p>
  );
}

/** Play / Pause for the page's one clock. */
export function PlayPause() {
  const page = usePageApi();
  const playing = usePage((s) => s.playing);
  return (
    <button type="button" onClick={() => page.getState().setPlaying(!playing)} aria-keyshortcuts="Space K" className="primary play" data-focus-after-notice>
      <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>{playing ? 'Pause' : 'Play'}
    </button>
  );
}

/** The one clock's controls, the same on every page: the time shown (of `now`), play / pause, a
 *  step that moves every pane in `panes` to the next thing that happens in any, and the speed. */
export function ClockControls({ now, panes, stepTitle }: { now: number; panes: readonly PaneStore[]; stepTitle: string }) {
  const page = usePageApi();
  const speed = usePage((s) => s.speed);
  const p = page.getState();
  return (
    <>
      <ClockTime now={now} />
      <PlayPause />
      <button type="button" onClick={() => step(page, panes)} aria-keyshortcuts="." title={stepTitle}>
        Step<span aria-hidden="true"> ›</span>
      </button>
      <label>
        <span className="visually-hidden">Speed</span>
        <select value={speed} onChange={(e) => p.setSpeed(Number(e.target.value) as Speed)} aria-label="Speed" aria-keyshortcuts="- +">
          {SPEEDS.map((v) => <option key={v} value={v}>{speedLabel(v)}</option>)}
        </select>
      </label>
    </>
  );
}

export function Toolbar() {
  const pane = usePaneApi();
  const page = usePageApi();
  const now = usePane((s) => s.sim.now);
  const scenario = usePane((s) => s.session.scenario);
  const p = page.getState();
  const title = findScenario(scenario)?.title ?? scenario;

  return (
    <div className="toolbar" role="group" aria-label="Time">
      <button type="button" className="scenario" onClick={() => p.openDialog({ kind: 'scenes' })} aria-haspopup="dialog" title={`${title}: choose another scene`}>
        <span className="visually-hidden">Scene: </span><span className="scenario-title">{title}</span><span aria-hidden="true">&nbsp;▾</span>
      </button>
      <ClockControls now={now} panes={[pane]} stepTitle="Step to the next thing that happens" />
      <button type="button" onClick={() => resetPane(page, pane)} aria-keyshortcuts="R">
        <span aria-hidden="true">↺ </span>Reset
      </button>
    </div>
  );
}
