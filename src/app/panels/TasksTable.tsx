// The tasks table: the full text equivalent of the diagram, like the console's Tasks tab. Every
// task the cluster still knows (stopped ones for an hour), sortable by any column, with its
// actions per row. Arrow keys move between rows, keeping the column.

import { memo, startTransition, useEffect, useState, type KeyboardEvent } from 'react';
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
  const rows = useRowBudget(tasks.length);
  const toggle = (key: string) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));

  return (
    <div className="tasks-table">
      {rejection && <p role="alert" className="notice">{rejection}</p>}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Tasks table">
        <table>
          <caption className="visually-hidden">Every task in the cluster, running and stopped within the last hour. The button beside each column's name sorts by it.</caption>
          {/* Fixed column widths (table-layout: fixed): a cell that gains text never makes the
              browser measure every cell of two hundred rows to size the columns again. */}
          <colgroup>
            {COLUMN_CLASSES.map((c) => <col key={c} className={`col-${c}`} />)}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.slice(0, 1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={toggle} />)}
              <th scope="col">Actions</th>
              {COLUMNS.slice(1).map((c) => <SortHeader key={c.key} column={c} sort={sort} onSort={toggle} />)}
              <th scope="col"><Term id="stoppedReason">Stopped reason</Term></th>
            </tr>
          </thead>
          <tbody onKeyDown={moveBetweenRows}>
            {tasks.slice(0, rows).map((t) => (
              <TaskRow key={t.taskArn} world={world} task={t} selected={selection?.kind === 'task' && selection.id === t.taskArn} />
            ))}
          </tbody>
        </table>
      </div>
      {tasks.length === 0 && <p className="muted">No tasks. Run one from a task definition, or create a service.</p>}
    </div>
  );
}

/** New rows added per frame: a 200-task scene fills the table over twenty frames. */
const ROWS_PER_FRAME = 10;

/**
 * How many rows to draw. Two hundred tasks arriving together would be 4,000 new cells laid out in
 * one frame (an 80 ms task); a frame adds at most ROWS_PER_FRAME, from the top, which is the part
 * of the table on screen. Every row is there within a few frames, for the keyboard, screen
 * readers and find-in-page alike (a virtual list would not be).
 */
function useRowBudget(total: number): number {
  const [shown, setShown] = useState(0);
  const count = Math.min(total, shown + ROWS_PER_FRAME);
  useEffect(() => {
    if (count === shown) return;
    // Remember what is drawn; while rows are still owed, the next frame brings more.
    const frame = requestAnimationFrame(() => startTransition(() => setShown(count)));
    return () => cancelAnimationFrame(frame);
  }, [count, shown]);
  return count;
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
const TaskRow = memo(function TaskRow({ world, task: t, selected }: { world: World; task: Task; selected: boolean }) {
  const store = usePaneApi();
  const id = shortId(t.taskId);
  const stop = taskActions(world, t).stop;
  return (
    <tr data-testid={`task-${id}`} data-last-status={t.lastStatus} data-desired-status={t.desiredStatus} data-group={t.group} className={selected ? 'selected' : undefined}>
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
