import { clockLabel, findScenario } from '../sim/index.ts';
import { SPEEDS, type Speed } from '../store/simStore.ts';
import { useSimStore } from '../store/StoreContext.tsx';

export function Toolbar() {
  const now = useSimStore((s) => s.sim.now);
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.settings.speed);
  const scenario = useSimStore((s) => s.settings.scenario);
  const setPlaying = useSimStore((s) => s.setPlaying);
  const setSpeed = useSimStore((s) => s.setSpeed);
  const reset = useSimStore((s) => s.reset);

  return (
    <div className="toolbar">
      <p className="scenario">{findScenario(scenario)?.title}</p>
      <p className="clock" aria-label={`Sim time ${clockLabel(now)}`} data-testid="clock">
        {clockLabel(now)} <span className="muted">({speed}× real ECS time)</span>
      </p>
      <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={!playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <button type="button" onClick={reset}>Reset</button>
    </div>
  );
}
