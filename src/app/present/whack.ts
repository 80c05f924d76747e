// Whack-a-task on a page: stop a random running task of a service through the pane store (so the
// session records it, and the views follow), and say what happened in a sentence for the HUD.

import { shortId, taskIdOf } from '../../sim/index.ts';
import type { PageStore } from '../../store/pageStore.ts';
import type { PaneStore } from '../../store/paneStore.ts';
import { whackCommand, whackTarget } from './score.ts';

/** Stop a random running task of a service (the selected one's, else the first that has one);
 *  what happened, in a sentence for the HUD. */
export function whack(page: PageStore, pane: PaneStore): string {
  const s = pane.getState();
  const selected = s.selection;
  const preferred = selected?.kind === 'service' ? selected.id : selected?.kind === 'task' ? (s.sim.world.tasks.get(selected.id)?.serviceName ?? null) : null;
  const target = whackTarget(s.sim.world, preferred);
  if ('problem' in target) return target.problem;
  const live = new Set([...s.sim.world.tasks.values()].filter((t) => t.desiredStatus === 'RUNNING').map((t) => t.taskArn));
  const { outcome } = s.dispatch(whackCommand(target.service));
  if (!outcome.ok) return `That whack missed: ${outcome.error.message}`;
  page.getState().acted();
  const hit = [...pane.getState().sim.world.tasks.values()].find((t) => live.has(t.taskArn) && t.desiredStatus === 'STOPPED');
  return `Whacked ${hit ? `task ${shortId(taskIdOf(hit.taskArn))}` : 'a task'} of service ${target.service}: watch it come back.`;
}
