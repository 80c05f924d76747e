// The lessons menu: every lesson in course order with how far this browser got in it. Picking
// one opens it at its first step (a finished one too: taking it again is the point of a lesson).

import { CATALOG } from '../../lessons/catalog.ts';
import { usePage, usePageApi } from '../../store/StoreContext.tsx';
import { Dialog } from '../actions/Dialog.tsx';
import { readProgress } from './progress.ts';
import './lesson.css';

export function LessonsDialog() {
  const page = usePageApi();
  const current = usePage((s) => s.lesson?.id ?? null);
  const open = (id: string) => {
    page.getState().openDialog(null);
    // The lesson open now starts again from its first step (closed, then opened afresh).
    if (id === current) page.getState().setLesson(null);
    page.getState().setLesson({ id, step: 1 });
  };
  return (
    <Dialog title="Lessons" wide>
      <p className="muted small">Each lesson starts its own scene and walks through it: read, predict, try, then a practice and a short quiz. Your progress stays in this browser.</p>
      <ol className="lessons-list">
        {CATALOG.map((c, i) => {
          const progress = readProgress(c.id);
          const state = progress.complete ? 'Done' : progress.reached > 0 ? 'Started' : '';
          return (
            <li key={c.id}>
              <button type="button" onClick={() => open(c.id)} aria-current={c.id === current ? 'true' : undefined} autoFocus={i === 0}>
                <span>
                  {c.title}
                  {c.id === current && <span className="muted"> (open now)</span>}
                </span>
                {state && <span className="lesson-state">{state}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
