// @vitest-environment jsdom
// The error boundary: a view that throws leaves the session intact, and the fallback offers a reset
// that draws the views again, and a link that reopens the session as it was.

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageStore } from '../store/pageStore.ts';
import { createPaneStore, newPaneSession } from '../store/paneStore.ts';
import { readSessionHash } from '../store/url.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

afterEach(cleanup);

let broken = true;
function View() {
  if (broken) throw new Error('the view could not draw');
  return <p>drawn</p>;
}

describe('ErrorBoundary', () => {
  it('shows what went wrong, pauses, and a reset draws the view again on a fresh scene', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = createPageStore({ speed: 8 });
    const pane = createPaneStore(newPaneSession('basic', 1));
    pane.getState().advanceTo(30_000);
    broken = true;
    render(
      <ErrorBoundary page={page} pane={pane}>
        <View />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('the view could not draw');
    expect(page.getState().playing).toBe(false);
    expect(pane.getState().sim.now).toBe(30_000); // the session is kept
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reset the scene' }));
    expect(screen.getByText('drawn')).toBeTruthy();
    expect(pane.getState().sim.now).toBe(0);
  });

  it('copies a link that reopens the session at its moment', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const page = createPageStore({ speed: 8 });
    const pane = createPaneStore(newPaneSession('basic', 1));
    pane.getState().advanceTo(20_000);
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    broken = true;
    render(
      <ErrorBoundary page={page} pane={pane}>
        <View />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy a link to this session' }));
    await screen.findByText(/Copied/);
    const url = new URL(writeText.mock.calls[0]![0]);
    const link = readSessionHash(url.hash);
    expect(link).toMatchObject({ ok: true, record: { scenario: 'basic', playhead: 20_000 } });
    if (link?.ok) expect(link.record.log).toHaveLength(1);
  });
});
