// @vitest-environment jsdom
// Exporting a revision: Copy puts the register-task-definition JSON on the clipboard, and when the
// browser refuses, says so and selects the JSON for the keyboard. (Download: e2e/register-json.spec.ts.)

import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportTaskDefinition } from '../../sim/json.ts';
import { createPaneStore, newPaneSession } from '../../store/paneStore.ts';
import { ExportTaskDefinition } from './ExportTaskDefinition.tsx';
import { findRevision } from './startingDocument.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const web = () => findRevision(createPaneStore(newPaneSession('default', 1)).getState().sim.world, 'web')!;

describe('ExportTaskDefinition', () => {
  it('copies the JSON register-task-definition takes, and names the file and the command', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const td = web();
    render(<ExportTaskDefinition td={td} />);
    expect(screen.getByTestId('export-td').textContent).toContain(`aws ecs register-task-definition --cli-input-json file://web-${td.revision}.json`);
    expect(screen.getByRole('button', { name: `Download web-${td.revision}.json` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New revision from JSON…' })).toBeNull();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' })));
    expect(writeText).toHaveBeenCalledWith(`${JSON.stringify(exportTaskDefinition(td), null, 2)}\n`);
    expect(screen.getByRole('status').textContent).toBe(`Copied web:${td.revision} as JSON.`);
  });

  it('says when the clipboard is refused, and selects the JSON to copy by hand', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) } });
    const onEdit = vi.fn();
    render(<ExportTaskDefinition td={web()} onEdit={onEdit} />);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' })));
    expect(screen.getByRole('status').textContent).toMatch(/^The browser did not allow copying\. The JSON is selected below/);
    const json = screen.getByTestId('export-json');
    expect((json.closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement).toBe(json);
    expect(window.getSelection()?.getRangeAt(0).toString()).toBe(json.textContent);
    fireEvent.click(screen.getByRole('button', { name: 'New revision from JSON…' }));
    expect(onEdit).toHaveBeenCalledOnce();
  });
});
