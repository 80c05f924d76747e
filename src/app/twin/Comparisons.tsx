// Beneath both sides: one sentence per fault, newest first, saying what the same fault did on
// each side and why they differ — read from both sessions' logs and events at the moment shown
// (compare.ts), so scrubbing back tells the story as it stood then.

import { clockLabel } from '../../sim/index.ts';
import { useThrottledVersion } from '../../store/StoreContext.tsx';
import { compareFaults } from './compare.ts';
import { useTwin } from './twinContext.ts';

export function Comparisons() {
  const twin = useTwin();
  useThrottledVersion(250, twin.left);
  useThrottledVersion(250, twin.right);
  const moment = (pane: typeof twin.left) => {
    const { session } = pane.getState();
    return { entries: session.entries, events: session.recent, world: session.world };
  };
  const comparisons = compareFaults(moment(twin.left), moment(twin.right)).reverse();
  return (
    <section className="comparisons" aria-labelledby="twin-comparisons-heading">
      <h2 id="twin-comparisons-heading">What differed, and why</h2>
      {comparisons.length === 0 ? (
        <p className="muted">Give both sides a fault from the bar above: a sentence here will say what ECS did on each side, and why.</p>
      ) : (
        <ol className="comparison-list" reversed>
          {comparisons.map((c) => (
            <li key={`${c.at}-${c.fault.id}`} data-testid="comparison">
              <p className="comparison-fault">
                <strong>{c.fault.label}</strong> <span className="muted">at {clockLabel(c.at)}.</span>
              </p>
              <p>
                <strong className="side-tag tag-left">Left:</strong> {c.left}.{' '}
                <strong className="side-tag tag-right">Right:</strong> {c.right}.
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
