// Stopped tasks leave the diagram a minute after they stop and are listed here instead (they stay
// in the tasks table too: ECS shows stopped tasks for at least an hour, spec §3.4).

import { clockLabel, shortId } from '../../sim/index.ts';
import { useId } from 'react';
import { usePane, usePaneApi } from '../../store/StoreContext.tsx';

const SHOWN = 3;

export function RecentlyStopped() {
  const store = usePaneApi();
  const stopped = usePane((s) => s.diagram.recentlyStopped);
  const headingId = useId();
  if (stopped.length === 0) return null;
  return (
    <section className="recently-stopped" aria-labelledby={headingId}>
      <h2 id={headingId}>Recently stopped <span className="muted">({stopped.length})</span></h2>
      <ul>
        {stopped.slice(0, SHOWN).map((t) => (
          <li key={t.taskArn}>
            <button type="button" className="link" onClick={() => store.getState().select({ kind: 'task', id: t.taskArn })}>
              <span aria-hidden="true">○ </span><code>{shortId(t.taskId)}</code>
            </button>{' '}
            <span className="muted">{t.group} · {t.stopCode} · {clockLabel(t.stoppedAt ?? 0)}</span>
          </li>
        ))}
      </ul>
      {stopped.length > SHOWN && <p className="muted small">All of them are in the tasks table.</p>}
    </section>
  );
}
