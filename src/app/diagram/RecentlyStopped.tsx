// Stopped tasks leave the diagram a minute after they stop and are listed here instead (they stay
// in the tasks table too: ECS shows stopped tasks for at least an hour, spec §3.4).
//
// A small chip over the diagram's top-right corner ("3 stopped"), which opens the list on demand:
// open all the time it covered the nodes under it (issue 11). The layout keeps that corner clear
// of nodes (src/diagram/layout.ts); only the open list may cover the picture, and Escape or the
// chip closes it again.

import { clockLabel, shortId } from '../../sim/index.ts';
import { useId, useState, type KeyboardEvent } from 'react';
import { usePane, usePaneApi } from '../../store/StoreContext.tsx';

const SHOWN = 3;

export function RecentlyStopped() {
  const store = usePaneApi();
  const stopped = usePane((s) => s.diagram.recentlyStopped);
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (stopped.length === 0) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation(); // closes the list, not the selection
      setOpen(false);
    }
  };
  return (
    <section className={open ? 'recently-stopped open' : 'recently-stopped'} aria-label="Recently stopped tasks" onKeyDown={onKeyDown}>
      {/* Its name says it whole; the text is short, and on a phone only the count and the icon. */}
      <button type="button" className="recently-stopped-chip" aria-expanded={open} aria-controls={listId} aria-label={`Recently stopped: ${stopped.length} ${stopped.length === 1 ? 'task' : 'tasks'}`} onClick={() => setOpen((o) => !o)}>
        ○ {stopped.length}<span className="chip-word"> stopped</span>{open ? ' ▴' : ' ▾'}
      </button>
      <div id={listId} hidden={!open}>
        <ul>
          {stopped.slice(0, SHOWN).map((t) => (
            <li key={t.taskArn}>
              <button type="button" className="link" onClick={() => store.getState().select({ kind: 'task', id: t.taskArn })}>
                <code>{shortId(t.taskId)}</code>
              </button>{' '}
              <span className="muted">{t.group} · {t.stopCode} · {clockLabel(t.stoppedAt ?? 0)}</span>
            </li>
          ))}
        </ul>
        {stopped.length > SHOWN && <p className="muted small">All of them are in the tasks table.</p>}
      </div>
    </section>
  );
}
