// The tasks table: the full text equivalent of the diagram, like the console's Tasks tab. Every
// task the cluster still knows (stopped ones for an hour), sortable by any column, with its
// actions per row. Arrow keys move between rows, keeping the column.
//
// Virtualised: only the rows in the scroll box (and a few either side) are in the DOM, so the
// page's size follows what is on screen, not how many tasks stopped in the last hour (issue 11:
// 200 tasks were 4,000 cells). Screen readers get the whole table's size and each row's place
// from aria-rowcount and aria-rowindex; the arrow keys move to the next row, which is always
// drawn, and scrolling it into view draws the ones after it. A few dozen lines of our own rather
// than a library: rows are one line high, so a measured average height places them well enough.

import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { shortId, type Task, type World } from '../../sim/index.ts';
import { usePane, usePaneApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';
import { taskActions } from '../actions/availability.ts';
import { clockLabel } from '../../sim/index.ts';
import { HEALTH_ICON, STATUS_ICON, statusClass } from '../status.ts';
import { TASK_STATUS_ORDER } from '../../sim/index.ts';
import { Term } from '../glossary/Term.tsx';
import type { TermId } from '../glossary/terms.ts';

/** `term`: the glossary entry its header explains (one per term, headers only: no cell gets one). */
type Column = { key: string; label: string; term?: TermId; value: (t: Task) => string | number };

const COLUMNS: Column[] = [
  { key: 'task', label: 'Task', term: 'task', value: (t) => t.taskId },
  { key: 'group', label: 'Group', term: 'group', value: (t) => t.group },
  { key: 'lastStatus', label: 'Last status', term: 'lastStatus', value: (t) => TASK_STATUS_ORDER.indexOf(t.lastStatus) },
  { key: 'desiredStatus', label: 'Desired status', term: 'desiredStatus', value: (t) => t.desiredStatus },
  { key: 'health', label: 'Health', term: 'healthStatus', value: (t) => t.healthStatus },
  { key: 'az', label: 'AZ', term: 'availabilityZone', value: (t) => t.availabilityZone },
  { key: 'started', label: 'Started', value: (t) => t.startedAt ?? Number.MAX_SAFE_INTEGER },
  // The deployment that started a service task (ecs-svc/…), as the console's "Started by" shows it.
  { key: 'startedBy', label: 'Started by', term: 'startedBy', value: (t) => t.startedBy },
  { key: 'stopCode', label: 'Stop code', term: 'stopCode', value: (t) => t.stopCode ?? '' },
];

/** The columns in the order they are shown (Actions after Task, Stopped reason last). */
const COLUMN_CLASSES = ['task', 'actions', ...COLUMNS.slice(1).map((c) => c.key), 'reason'];

type Sort = { key: string; direction: 'ascending' | 'descending' };
const DEFAULT_SORT: Sort = { key: 'lastStatus', direction: 'ascending' };

export function sortTasks(tasks: Task[], sort: Sort): Task[] {
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]!;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...tasks].sort((a, b) => {
    const va = column.value(a);
    const vb = column.value(b);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return sign * primary || a.group.localeCompare(b.group) || a.createdAt - b.createdAt || a.taskId.localeCompare(b.taskId);
  });
}

export function TasksTable() {
  useThrottledVersion();
  const world = usePane((s) => s.sim.world);
  const selection = usePane((s) => s.selection);
  const rejection = usePane((s) => s.lastRejection);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const tasks = sortTasks([...world.tasks.values()], sort);
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const { first, last, before, after } = useRowWindow(scroller, body, tasks.length);
  const toggle = (key: string) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));

  return (
    <div className="tasks-table">
      {rejection && <p role="alert" className="notice">{rejection}</p>}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Tasks table" ref={scroller}>
        {/* The rows not drawn are room above and below the table, so the scroll bar is the whole table's. */}
        <div style={{ paddingTop: before, paddingBottom: after }}>
        <table aria-rowcount={tasks.length + 1}>
          <caption className="visually-hidden">Every task in the cluster, running and stopped within the last hour. The button beside each column's name sorts by it.</caption>
          {/* Fixed column widths (table-layout: fixed): a cell that gains text never makes the
              browser measure every cell of two hundred rows to size the columns again. */}
          <colgroup>
            {COLUMN_CLASSES.map((c) => <col key={c} className={`col-${c}`} />)}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.slice(0, 1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={toggle} />)}
              <th scope="col">Actions</th>
              {COLUMNS.slice(1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={toggle} />)}
              <th scope="col"><Term id="stoppedReason">Stopped reason</Term></th>
            </tr>
          </thead>
          <tbody onKeyDown={moveBetweenRows} ref={body}>
            {tasks.slice(first, last).map((t, i) => (
              <TaskRow key={t.taskArn} world={world} task={t} index={first + i + 2} selected={selection?.kind === 'task' && selection.id === t.taskArn} />
            ))}
          </tbody>
        </table>
        </div>
      </div>
      {tasks.length === 0 && <p className="muted">No tasks. Run one from a task definition, or create a service.</p>}
    </div>
  );
}

/** Rows drawn beyond each edge of the scroll box, so the next row for the arrow keys is there. */
const OVERSCAN = 8;
/** Up to this many tasks every row is drawn: the table stays whole for find-in-page and a screen
 *  reader's browse mode, and a focused row never scrolls out of the DOM. Beyond it (the 200-task
 *  scene) only the rows in view are. */
const DRAW_ALL_UP_TO = 60;
/** A row's height until one is measured (one line of text and a small button). */
const ROW_ESTIMATE = 33;

/**
 * Which rows to draw: those the scroll box shows, from its scroll position and the rows' measured
 * average height, plus OVERSCAN either side; `before` and `after` are the room the others take.
 */
function useRowWindow(scroller: RefObject<HTMLDivElement | null>, body: RefObject<HTMLTableSectionElement | null>, total: number) {
  const [view, setView] = useState({ top: 0, height: 600, rowHeight: ROW_ESTIMATE });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // On scroll, and when the box or the rows drawn change size (a stopped task's reason can
    // wrap): the scroll position, the box's height and the drawn rows' average height.
    const update = () => {
      const drawn = body.current?.rows.length ?? 0;
      const rowHeight = drawn > 0 ? body.current!.offsetHeight / drawn : ROW_ESTIMATE;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight && Math.abs(v.rowHeight - rowHeight) < 0.5 ? v : { top: el.scrollTop, height: el.clientHeight, rowHeight }));
    };
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update); // it also reports once at the start
    resize.observe(el);
    if (body.current) resize.observe(body.current);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scroller, body]);
  const { top, height, rowHeight } = view;
  if (total <= DRAW_ALL_UP_TO) return { first: 0, last: total, before: 0, after: 0 };
  // The header's height sits above the first row: close enough to leave out of the sums.
  const first = Math.max(0, Math.min(total, Math.floor(top / rowHeight)) - OVERSCAN);
  const last = Math.min(total, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  return { first, last, before: first * rowHeight, after: (total - last) * rowHeight };
}

/**
 * A sortable column header: its label — a glossary term where there is one, focusable and
 * explaining itself — then a sort button of its own (a focusable term cannot sit inside a button;
 * every column works alike). The header is named by its label alone, so a cell reads "Last
 * status", not "Last status Sort by Last status".
 */
function SortHeader({ column, sort, onSort }: { column: Column; sort: Sort; onSort: (key: string) => void }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} aria-label={column.label}>
      <span className="sort-header">
        {column.term ? <Term id={column.term}>{column.label}</Term> : <span>{column.label}</span>}
        <button type="button" className="sort sort-arrow" aria-label={`Sort by ${column.label}`} onClick={() => onSort(column.key)}>
          <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
        </button>
      </span>
    </th>
  );
}

/** Memoised on the task object: the engine replaces a task only when it changes, so a tick
 *  re-renders the rows whose task changed, not all two hundred. */
const TaskRow = memo(function TaskRow({ world, task: t, index, selected }: { world: World; task: Task; index: number; selected: boolean }) {
  const store = usePaneApi();
  const id = shortId(t.taskId);
  const stop = taskActions(world, t).stop;
  return (
    <tr aria-rowindex={index} data-testid={`task-${id}`} data-last-status={t.lastStatus} data-desired-status={t.desiredStatus} data-group={t.group} className={selected ? 'selected' : undefined}>
      <th scope="row">
        <button type="button" className="link" aria-pressed={selected} aria-label={`Task ${id}, ${t.family}:${t.revision}`} onClick={() => store.getState().select({ kind: 'task', id: t.taskArn })}>
          <code>{id}</code>
        </button>{' '}
        <span className="muted">{t.family}:{t.revision}</span>
      </th>
      <td>
        <ActionButton availability={stop} label={`Stop task ${id}`} onAction={() => store.getState().dispatch({ type: 'stopTask', task: t.taskArn })}>Stop</ActionButton>
      </td>
      <td>{t.group}</td>
      <td><span className={`status ${statusClass(t.lastStatus)}`}><span aria-hidden="true">{STATUS_ICON[t.lastStatus]} </span>{t.lastStatus}</span></td>
      <td>{t.desiredStatus}</td>
      <td><span aria-hidden="true">{HEALTH_ICON[t.healthStatus]} </span>{t.healthStatus}</td>
      <td>{t.availabilityZone}</td>
      <td>{t.startedAt === undefined ? '—' : clockLabel(t.startedAt)}</td>
      <td className="started-by"><code>{t.startedBy}</code></td>
      <td>{t.stopCode ?? ''}</td>
      <td className="reason">
        {t.stoppedReason ?? ''}
        {t.containers.some((c) => c.exitCode !== null) && (
          <span className="muted"> {t.containers.filter((c) => c.exitCode !== null).map((c) => `${c.name} exit ${c.exitCode}`).join(', ')}</span>
        )}
      </td>
    </tr>
  );
});

/** ↑/↓ from a control in one row to the control in the same column of the next row. */
function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const cell = (e.target as HTMLElement).closest('td, th');
  const row = cell?.parentElement;
  if (!cell || !row) return;
  const index = Array.from(row.children).indexOf(cell);
  const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  const target = next?.children[index]?.querySelector<HTMLElement>('button');
  if (target) {
    e.preventDefault();
    target.focus();
  }
}
