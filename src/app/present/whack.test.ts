import { describe, expect, it } from 'vitest';
import { shortId, taskIdOf } from '../../sim/index.ts';
import { createPageStore } from '../../store/pageStore.ts';
import { createPaneStore, newPaneSession } from '../../store/paneStore.ts';
import { scoreOf, WHACK_REASON } from './score.ts';
import { whack } from './whack.ts';

const stores = (scenario = 'default') => ({ page: createPageStore({ speed: 8 }), pane: createPaneStore(newPaneSession(scenario, 1)) });
const webTasks = (pane: ReturnType<typeof stores>['pane']) => [...pane.getState().sim.world.tasks.values()].filter((t) => t.serviceName === 'web');

describe('whack through the pane store', () => {
  it('stops one running task of web, records it in the session log, and names it', () => {
    const { page, pane } = stores();
    const text = whack(page, pane);
    const hit = webTasks(pane).find((t) => t.desiredStatus === 'STOPPED')!;
    expect(text).toBe(`Whacked task ${shortId(taskIdOf(hit.taskArn))} of service web: watch it come back.`);
    expect(hit.stoppedReason).toBe(WHACK_REASON);
    expect(pane.getState().session.entries).toHaveLength(1);
    expect(scoreOf(pane.getState().session)!.whacks).toBe(1);
  });

  it('hits the selected task’s service; a selected standalone task or task definition falls back to web', () => {
    const { page, pane } = stores();
    const report = [...pane.getState().sim.world.tasks.values()].find((t) => t.serviceName === undefined)!;
    pane.getState().select({ kind: 'task', id: report.taskArn });
    expect(whack(page, pane)).toMatch(/of service web/);
    expect(pane.getState().sim.world.tasks.get(report.taskArn)!.desiredStatus).toBe('RUNNING'); // a standalone task is never whacked
    pane.getState().select({ kind: 'taskDefinition', id: 'constructor' });
    expect(whack(page, pane)).toMatch(/of service web/);
  });

  it('with no service, or no running task, says why and changes nothing (not the log, not the RNG)', () => {
    const empty = stores('empty');
    const before = empty.pane.getState().session.entries.length;
    expect(whack(empty.page, empty.pane)).toMatch(/needs a service/);
    expect(empty.pane.getState().session.entries).toHaveLength(before);

    const { page, pane } = stores();
    for (let i = 0; i < 3; i++) whack(page, pane);
    const rng = [...pane.getState().sim.world.rng];
    const version = pane.getState().version;
    expect(whack(page, pane)).toMatch(/No task of service web is RUNNING right now/);
    expect(pane.getState().session.entries).toHaveLength(3);
    expect(pane.getState().sim.world.rng).toEqual(rng);
    expect(pane.getState().version).toBe(version);
  });

  it('in the past it forks, like any command: the future after it is set aside, the whack recorded', () => {
    const { page, pane } = stores();
    const t0 = pane.getState().sim.now;
    pane.getState().advanceTo(t0 + 30_000);
    pane.getState().seek(t0 + 10_000);
    whack(page, pane);
    const { session } = pane.getState();
    expect(session.entries).toEqual([expect.objectContaining({ at: t0 + 10_000 })]);
    expect(session.otherFuture).not.toBeNull();
    expect(scoreOf(session)!.since).toBe(t0 + 10_000);
  });
});
