// One bar of faults for both worlds: each button applies the same fault to the standalone task on
// the left and to service web's task on the right, at the same moment. A fault that can't hit
// both now stays in the bar, marked unavailable, and the note under it says why — often the
// lesson itself ("nothing starts another: a task you run yourself is not replaced").

import { useId } from 'react';
import { usePageApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { checkFault, FAULTS } from './faults.ts';
import { applyFault } from './twinActions.ts';
import { useTwin } from './twinContext.ts';

export function FaultBar() {
  const page = usePageApi();
  const twin = useTwin();
  useThrottledVersion(250, twin.left);
  useThrottledVersion(250, twin.right);
  const noteId = useId();
  const headingId = useId();
  const left = twin.left.getState().sim.world;
  const right = twin.right.getState().sim.world;
  const checks = FAULTS.map((fault) => ({ fault, check: checkFault(left, right, fault) }));
  const reasons = [...new Set(checks.flatMap(({ check }) => (check.enabled ? [] : [check.reason])))];

  // The note sits just under the bar rather than in it: on a phone the bar stays on screen (sticky)
  // and must stay short; the buttons point at the note (aria-describedby) wherever it is.
  return (
    <>
      <section className="fault-bar" aria-labelledby={headingId} data-testid="fault-bar">
        <h2 id={headingId} className="fault-title">Faults</h2>
        <div className="fault-buttons" role="group" aria-labelledby={headingId}>
          {checks.map(({ fault, check }) => (
            <button
              key={fault.id}
              type="button"
              aria-disabled={check.enabled ? undefined : 'true'}
              aria-describedby={check.enabled ? undefined : noteId}
              aria-keyshortcuts={fault.key}
              onClick={() => applyFault(page, twin, fault)}
            >
              {fault.label}
              <kbd aria-hidden="true">{fault.key}</kbd>
            </button>
          ))}
        </div>
      </section>
      <p id={noteId} className="fault-note" data-testid="fault-note">
        {reasons.length === 0 ? 'Each fault hits both sides at once. Both tasks are RUNNING: any fault can hit them.' : reasons.join(' ')}
      </p>
    </>
  );
}
