// The keyboard map, one list for the handler and the "?" dialog so they never disagree.

import { focusOfNode } from '../../diagram/project.ts';
import type { ScriptCommand } from '../../sim/index.ts';
import { scaleBy } from './scale.ts';
import { SPEEDS } from '../../session/record.ts';
import type { PageStore } from '../../store/pageStore.ts';
import type { PaneStore } from '../../store/paneStore.ts';
import { step } from '../../store/playback.ts';
import { resetPane } from '../pageSession.ts';
import { focusKind, presenterKey } from '../present/keys.ts';

export const SHORTCUTS = [
  { keys: 'Space or K', what: 'Play / pause' },
  { keys: '.', what: 'Step to the next thing that happens (pauses)' },
  { keys: '− / +', what: 'Slower / faster (¼× to 64×)' },
  { keys: 'R', what: 'Reset the scenario to its start' },
  { keys: '← ↑ → ↓', what: 'On the diagram: move to the nearest node that way' },
  { keys: '← / →', what: 'On the timeline: back / on 5 s (with Shift, a minute)' },
  { keys: 'PageUp / PageDown', what: 'On the timeline: the previous / next mark' },
  { keys: 'Home / End', what: 'On the timeline: the start / live' },
  { keys: 'Enter', what: 'On the diagram: select the focused node' },
  { keys: 'S or Delete', what: 'Stop the selected task' },
  { keys: 'C', what: 'Crash its essential container (exit 1)' },
  { keys: 'O', what: 'Kill it out of memory (exit 137)' },
  { keys: 'H', what: 'Make its health check fail' },
  { keys: 'G', what: 'Hang its app: it stops answering (checks time out, clients get 504)' },
  { keys: '[ / ]', what: 'Selected service: one task fewer / more' },
  { keys: 'U', what: 'Update the selected service… (revision, counts, deployment settings)' },
  { keys: 'T', what: 'Run task…' },
  { keys: 'N', what: 'Create service…' },
  { keys: 'E', what: 'Register a new revision…' },
  { keys: 'Escape', what: 'Clear the selection (in presenter mode, with nothing selected: leave it)' },
  { keys: 'P', what: 'Presenter mode on / off: large type, the chrome hidden' },
  { keys: 'PageDown / PageUp, → / ←', what: 'In presenter mode: the lesson’s next / previous step (no lesson: PageDown steps the clock)' },
  { keys: 'W', what: 'In presenter mode: whack-a-task, stop a random running task of a service' },
  { keys: '1, 2, 3…', what: "In presenter mode: answer a lesson's question" },
  { keys: '?', what: 'This list' },
] as const;

/** The clock's keys, the same on every page that has a clock: Space or K play / pause, . steps
 *  (every pane together), − / + slower / faster. True when `key` was one of them. */
export function clockShortcut(pageStore: PageStore, panes: readonly PaneStore[], key: string): boolean {
  const page = pageStore.getState();
  const speedIndex = SPEEDS.indexOf(page.speed);
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      page.setPlaying(!page.playing);
      return true;
    case '.':
      step(pageStore, panes);
      return true;
    case '-':
    case '_':
      page.setSpeed(SPEEDS[Math.max(0, speedIndex - 1)]!);
      return true;
    case '+':
    case '=':
      page.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)]!);
      return true;
  }
  return false;
}

// A range input (the timeline) takes arrows and Home/End itself, but the other keys stay shortcuts.
const TYPING = 'input:not([type="range"]), select, textarea, [contenteditable="true"]';

/** Handle one keydown; returns true when it was a shortcut (the caller then prevents default). */
export function handleShortcut(pageStore: PageStore, paneStore: PaneStore, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest(TYPING)) return false;
  const page = pageStore.getState();
  const s = paneStore.getState();
  // A dialog has its own keys (Escape closes it).
  if (page.dialog) return false;
  const onControl = target?.closest('button, a, [role="tab"], summary') !== null && target !== null;
  const onNode = target?.closest('.react-flow__node');
  const key = e.key;

  // P switches presenter mode on and off, Escape leaves it (present/keys.ts says when); its
  // other keys are the presenter layer's (present/Presenter.tsx).
  const presenter = presenterKey({
    key, modifier: false, repeat: e.repeat, focus: focusKind(target), mode: page.chrome.mode, dialog: false, selection: s.selection !== null, lesson: page.lesson !== null,
  });
  if (presenter?.kind === 'enter' || presenter?.kind === 'leave') {
    page.setMode(presenter.kind === 'enter' ? 'present' : 'full');
    return true;
  }
  if (presenter?.kind === 'swallow' && (key === 'p' || key === 'P')) return true;

  // The task a fault applies to: the selected one, or the node that has focus.
  const focusedNode = onNode ? focusOfNode(onNode.getAttribute('data-id') ?? '') : null;
  const task = s.selection?.kind === 'task' ? s.selection.id : focusedNode?.kind === 'task' ? focusedNode.id : null;
  const onTask = (make: (task: string) => ScriptCommand) => {
    if (task) s.dispatch(make(task));
    return true;
  };

  if (onNode && key.startsWith('Arrow')) {
    const next = nearestNode(onNode, key);
    if (next) next.focus();
    return true;
  }
  // An embedded figure's keys are its controls': none, play/pause only, or all of them.
  if (page.chrome.mode === 'embed') {
    if (page.chrome.controls === 'none') return false;
    if (page.chrome.controls === 'minimal' && key !== ' ' && key !== 'k' && key !== 'K') return false;
  }

  switch (key) {
    case ' ':
    case 'k':
    case 'K':
    case '.':
    case '-':
    case '_':
    case '+':
    case '=':
      if (key === ' ' && (onControl || onNode)) return false; // Space presses buttons and selects nodes
      return clockShortcut(pageStore, [paneStore], key);
    case 'r':
    case 'R':
      resetPane(pageStore, paneStore);
      return true;
    case 's':
    case 'S':
    case 'Delete':
      return onTask((t) => ({ type: 'stopTask', task: t }));
    case 'c':
    case 'C':
      return onTask((t) => ({ type: 'crashContainer', task: t, exitCode: 1 }));
    case 'o':
    case 'O':
      return onTask((t) => ({ type: 'oomKillContainer', task: t }));
    case 'h':
    case 'H':
      return onTask((t) => ({ type: 'failHealthChecks', task: t }));
    case 'g':
    case 'G':
      return onTask((t) => ({ type: 'hangContainer', task: t }));
    case 'u':
    case 'U': {
      // The selected service, or the service node that has focus.
      const name = s.selection?.kind === 'service' ? s.selection.id : focusedNode?.kind === 'service' ? focusedNode.id : null;
      const service = name !== null ? s.sim.world.services.get(name) : undefined;
      if (service?.status === 'ACTIVE') page.openDialog({ kind: 'updateService', service: service.serviceName });
      return true;
    }
    case '[':
    case ']': {
      const service = s.selection?.kind === 'service' ? s.sim.world.services.get(s.selection.id) : undefined;
      if (service) s.dispatch(scaleBy(service, key === ']' ? 1 : -1, s.sim.world.config.maxDesiredCount));
      return true;
    }
    case 't':
    case 'T':
      page.openDialog({ kind: 'runTask' });
      return true;
    case 'n':
    case 'N':
      page.openDialog({ kind: 'createService' });
      return true;
    case 'e':
    case 'E':
      page.openDialog({ kind: 'registerRevision', ...(s.selection?.kind === 'taskDefinition' ? { taskDefinition: s.selection.id } : {}) });
      return true;
    case 'Escape':
      if (!s.selection) return false;
      s.select(null);
      return true;
    case '?':
      page.openDialog({ kind: 'shortcuts' });
      return true;
  }
  return false;
}

/** The focusable node nearest to `from` in the arrow's direction (by the centres on screen). */
function nearestNode(from: Element, key: string): HTMLElement | null {
  const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const a = centre(from.getBoundingClientRect());
  const [dx, dy] = key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowRight' ? [1, 0] : key === 'ArrowUp' ? [0, -1] : [0, 1];
  let best: HTMLElement | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const node of from.parentElement?.querySelectorAll<HTMLElement>('.react-flow__node[tabindex="0"]') ?? []) {
    if (node === from) continue;
    const b = centre(node.getBoundingClientRect());
    const along = (b.x - a.x) * dx + (b.y - a.y) * dy;
    if (along <= 1) continue;
    const across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
    const score = along + 2 * across; // prefer straight ahead over diagonal
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  }
  return best;
}
