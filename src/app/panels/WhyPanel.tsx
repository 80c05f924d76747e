// Why: the scheduler's reasons for what it did, straight from its plans (src/sim/scheduler/plan.ts).
// This is the ledger no console shows: which AZ a task went to and why, what was replaced first,
// and why nothing happens while a deployment waits.

import { clockLabel, shortId } from '../../sim/index.ts';
import { usePane } from '../../store/StoreContext.tsx';
import { plural } from '../format.ts';

export function WhyPanel() {
  const plans = usePane((s) => s.plans);
  if (plans.length === 0) return <p className="muted">The scheduler has not acted yet. Services plan every second; a standalone task never gets a plan.</p>;
  return (
    <ol className="why-list" data-testid="why">
      {[...plans].reverse().map((p) => (
        <li key={p.seq}>
          <p className="why-head"><time className="muted">{clockLabel(p.at)}</time> service <strong>{p.serviceName}</strong></p>
          <ul>
            {p.actions.map((a, i) => (
              <li key={i}>
                <strong>{a.action === 'launch' ? `Start ${plural(a.count ?? 1, 'task')}` : a.action === 'wait' ? 'Wait' : `Stop ${a.taskIds?.map(shortId).join(', ') ?? ''}`}</strong>: {a.reason}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
