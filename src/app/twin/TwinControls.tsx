// The twin view's time controls: the one clock both worlds run on (play / pause, a step that
// moves both to the next thing that happens in either, speed) and Start over (both, same seed).

import { usePageApi } from '../../store/StoreContext.tsx';
import { useStore } from 'zustand';
import { ClockControls } from '../Toolbar.tsx';
import { startOver } from './twinActions.ts';
import { useTwin } from './twinContext.ts';

export function TwinControls() {
  const page = usePageApi();
  const twin = useTwin();
  const now = useStore(twin.left, (s) => s.sim.now); // both sides are always at the same moment
  return (
    <div className="toolbar" role="group" aria-label="Time, for both sides">
      <ClockControls now={now} panes={[twin.left, twin.right]} stepTitle="Step both sides to the next thing that happens" />
      <button type="button" onClick={() => startOver(page, twin)} title="Both worlds from their start again, same seed">
        <span aria-hidden="true">↺ </span>Start over
      </button>
    </div>
  );
}
