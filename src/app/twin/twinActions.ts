// What the twin view's controls do to its two panes: one fault to both at once, start both over.
// Both panes are always at the same moment (one clock, one scrub bar), so a fault given in the
// past forks both sessions at the same time.

import type { PageStore } from '../../store/pageStore.ts';
import type { PaneStore } from '../../store/paneStore.ts';
import { checkFault, type Fault } from './faults.ts';
import { newTwinSession } from './twinSessions.ts';

export type TwinPanes = { left: PaneStore; right: PaneStore };

/** Apply `fault` to both sides, or to neither (the bar says why when it can't). */
export function applyFault(page: PageStore, { left, right }: TwinPanes, fault: Fault): boolean {
  const check = checkFault(left.getState().sim.world, right.getState().sim.world, fault);
  if (!check.enabled) return false;
  page.getState().acted();
  const outcomes = [left.getState().dispatch(fault.command(check.left.taskArn)), right.getState().dispatch(fault.command(check.right.taskArn))];
  // checkFault asks the engine's own rules (availability.ts), so this should not happen; if it does, say so.
  const rejected = outcomes.find((o) => !o.outcome.ok)?.outcome;
  if (rejected && !rejected.ok) page.getState().notify({ tone: 'problem', text: `${fault.label} was not applied to both sides: ${rejected.error.message}` });
  return !rejected;
}

/** Both worlds from their start again, same seed. */
export function startOver(page: PageStore, { left, right }: TwinPanes): void {
  page.getState().acted();
  const seed = left.getState().session.seed;
  left.getState().load(newTwinSession('left', seed, 'reset'));
  right.getState().load(newTwinSession('right', seed, 'reset'));
  page.getState().setPlaying(true);
}
