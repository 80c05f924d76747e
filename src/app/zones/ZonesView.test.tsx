// @vitest-environment jsdom
// The zones view tells the scene in words, from the same projection as the diagram: the load
// balancer, the service at its count, each zone with its tasks grouped by service or family; a
// click selects; a service's stopped task is replaced, a standalone one is not.

import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageStore } from '../../store/pageStore.ts';
import { createPaneStore, newPaneSession, type PaneStore } from '../../store/paneStore.ts';
import { PageStoreProvider, PaneStoreProvider } from '../../store/StoreContext.tsx';
import { ZonesView } from './ZonesView.tsx';

afterEach(cleanup);

function show(pane: PaneStore) {
  render(
    <PageStoreProvider store={createPageStore({ speed: 8 })}>
      <PaneStoreProvider store={pane}>
        <ZonesView label="Cluster by Availability Zone" />
      </PaneStoreProvider>
    </PageStoreProvider>,
  );
  return screen.getByRole('region', { name: 'Cluster by Availability Zone' });
}

const zone = (view: HTMLElement, name: string) => within(view).getByRole('group', { name: new RegExp(`^${name}`) });
const chips = (view: HTMLElement) => [...view.querySelectorAll<HTMLButtonElement>('.zv-task')];
const webChips = (view: HTMLElement) => chips(view).filter((c) => c.dataset.group === 'service:web');

describe('ZonesView', () => {
  it('tells the warm default scene: the load balancer, the service at 3 of 3, one web task per zone, the job as started by you', () => {
    const view = show(createPaneStore(newPaneSession('default', 1)));
    expect(within(view).getByRole('button', { name: /^Load balancer web-alb/ }).textContent).toContain('3 healthy');
    expect(view.querySelector('[data-testid="zone-service-web"]')!.textContent).toContain('3 of 3 running · ✓ steady');
    for (const name of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
      const z = zone(view, name);
      expect(within(z).getByRole('heading').textContent).toMatch(new RegExp(`^${name} · \\d running$`));
      expect(webChips(z)).toHaveLength(1);
    }
    for (const chip of webChips(view)) expect(chip.textContent).toMatch(/RUNNING.*✓ healthy · target healthy/);
    const job = chips(view).filter((c) => c.classList.contains('standalone'));
    expect(job).toHaveLength(1);
    expect(job[0]!.textContent).toContain('started by you');
    expect(job[0]!.textContent).not.toContain('target');
    expect(job[0]!.closest('.zv-band')!.textContent).toMatch(/^standalone · family:report/);
    // Each task's name is the diagram node's: everything in words for a screen reader.
    expect(webChips(view)[0]!.getAttribute('aria-label')).toMatch(/^Task \w{8}, RUNNING, service web, us-east-1\w, health HEALTHY, target healthy$/);
  });

  it('selects what is clicked, and a second click clears it', () => {
    const pane = createPaneStore(newPaneSession('default', 1));
    const view = show(pane);
    const chip = webChips(view)[0]!;
    fireEvent.click(chip);
    expect(pane.getState().selection).toEqual({ kind: 'task', id: chip.dataset.nodeId!.slice('task:'.length) });
    expect(webChips(view)[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(webChips(view)[0]!);
    expect(pane.getState().selection).toBeNull();
    fireEvent.click(within(view).getByRole('button', { name: /^Service web/ }));
    expect(pane.getState().selection).toEqual({ kind: 'service', id: 'web' });
    fireEvent.click(within(view).getByRole('button', { name: /^Task definition web:1/ }));
    expect(pane.getState().selection?.kind).toBe('taskDefinition');
  });

  it('scales the service with its + and − buttons', () => {
    const pane = createPaneStore(newPaneSession('default', 1));
    const view = show(pane);
    fireEvent.click(within(view).getByRole('button', { name: 'Increase desired count of web' }));
    expect(pane.getState().sim.world.services.get('web')!.desiredCount).toBe(4);
    expect(view.querySelector('[data-testid="zone-service-web"]')!.textContent).toContain('of 4 running');
    fireEvent.click(within(view).getByRole('button', { name: 'Decrease desired count of web' }));
    expect(pane.getState().sim.world.services.get('web')!.desiredCount).toBe(3);
  });

  it("a stopped service task is replaced in the zones; a stopped standalone task is not", () => {
    const pane = createPaneStore(newPaneSession('default', 1));
    const view = show(pane);
    const web = webChips(view)[0]!;
    const webId = web.dataset.testid!;
    const job = chips(view).find((c) => c.classList.contains('standalone'))!;
    const jobId = job.dataset.testid!;
    const webTask = pane.getState().sim.world.tasks.get(web.dataset.nodeId!.slice('task:'.length))!;
    act(() => {
      pane.getState().dispatch({ type: 'stopTask', task: webTask.taskArn });
      pane.getState().dispatch({ type: 'stopTask', task: job.dataset.nodeId!.slice('task:'.length) });
    });
    expect(view.querySelector(`[data-testid="${webId}"]`)!.textContent).toContain('RUNNING → STOPPED');
    act(() => {
      pane.getState().advanceTo(pane.getState().sim.now + 120_000);
      // What the page's frames do: the picture takes a burst of changes a few at a time.
      while (pane.getState().diagramBehind) pane.getState().catchUp();
    });
    const before = new Set([webId]);
    const fresh = webChips(view).filter((c) => !before.has(c.dataset.testid!) && c.dataset.lastStatus === 'RUNNING');
    expect(fresh).toHaveLength(3); // the two that ran on, and the replacement
    expect(fresh.some((c) => zone(view, webTask.availabilityZone).contains(c))).toBe(true);
    // The job is stopped, and nothing started another.
    expect(chips(view).filter((c) => c.classList.contains('standalone') && c.dataset.lastStatus !== 'STOPPED')).toHaveLength(0);
    expect(view.querySelector(`[data-testid="${jobId}"]`)?.getAttribute('data-last-status') ?? 'STOPPED').toBe('STOPPED');
  });

  it('groups by whatever the group is called, __proto__ included', () => {
    const pane = createPaneStore(newPaneSession('default', 1));
    act(() => {
      const td = [...pane.getState().sim.world.taskDefinitions.values()].find((t) => t.family === 'report')!;
      const out = pane.getState().dispatch({ type: 'runTask', taskDefinition: td.taskDefinitionArn, group: '__proto__' });
      expect(out.outcome.ok).toBe(true);
    });
    const view = show(pane);
    const band = [...view.querySelectorAll('.zv-band-name')].find((b) => b.textContent === 'standalone · __proto__');
    expect(band).toBeTruthy();
  });
});
