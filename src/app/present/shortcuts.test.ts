// @vitest-environment jsdom
// The page's keyboard handler and presenter mode: P and Escape switch it, and never in an embedded
// figure, a dialog or a text field; the presenter's own keys are left to its layer.

import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, FULL_CHROME } from '../../store/mode.ts';
import { createPageStore } from '../../store/pageStore.ts';
import { createPaneStore, newPaneSession } from '../../store/paneStore.ts';
import { handleShortcut } from '../actions/shortcuts.ts';

const setup = (mode: 'full' | 'present' | 'embed' = 'full') => {
  const chrome = mode === 'embed' ? EMBED_DEFAULTS : { ...FULL_CHROME, mode };
  return { page: createPageStore({ speed: 8, chrome }), pane: createPaneStore(newPaneSession('default', 1)) };
};
/** Dispatch on an element so the event's target is it, and report whether the handler took it. */
function keyOn(s: ReturnType<typeof setup>, key: string, target: Element, repeat = false): boolean {
  let handled = false;
  const listener = (e: Event) => (handled = handleShortcut(s.page, s.pane, e as KeyboardEvent));
  document.addEventListener('keydown', listener);
  target.dispatchEvent(new KeyboardEvent('keydown', { key, repeat, bubbles: true }));
  document.removeEventListener('keydown', listener);
  return handled;
}

describe('handleShortcut and presenter mode', () => {
  it('P switches the full page into presenter mode and back; Escape leaves it', () => {
    const s = setup();
    expect(keyOn(s, 'p', document.body)).toBe(true);
    expect(s.page.getState().chrome.mode).toBe('present');
    expect(keyOn(s, 'P', document.body)).toBe(true);
    expect(s.page.getState().chrome.mode).toBe('full');
    keyOn(s, 'p', document.body);
    expect(keyOn(s, 'Escape', document.body)).toBe(true);
    expect(s.page.getState().chrome.mode).toBe('full');
  });

  it('Escape clears a selection before it leaves presenter mode', () => {
    const s = setup('present');
    s.pane.getState().select({ kind: 'service', id: 'web' });
    keyOn(s, 'Escape', document.body);
    expect(s.pane.getState().selection).toBeNull();
    expect(s.page.getState().chrome.mode).toBe('present');
    keyOn(s, 'Escape', document.body);
    expect(s.page.getState().chrome.mode).toBe('full');
  });

  it('does nothing with P in an embedded figure, in a dialog or in a text field; a held P switches once', () => {
    const embed = setup('embed');
    expect(keyOn(embed, 'p', document.body)).toBe(false);
    expect(embed.page.getState().chrome.mode).toBe('embed');

    const s = setup();
    s.page.getState().openDialog({ kind: 'shortcuts' });
    expect(keyOn(s, 'p', document.body)).toBe(false);
    s.page.getState().openDialog(null);
    const input = document.body.appendChild(document.createElement('input'));
    expect(keyOn(s, 'p', input)).toBe(false);
    input.remove();
    expect(s.page.getState().chrome.mode).toBe('full');

    keyOn(s, 'p', document.body);
    expect(keyOn(s, 'p', document.body, true)).toBe(true); // swallowed, not switched back
    expect(s.page.getState().chrome.mode).toBe('present');
  });

  it("an embedded figure's keys are its controls': none takes none, minimal only play/pause, full all", () => {
    const make = (controls: 'none' | 'minimal' | 'full') => ({ page: createPageStore({ speed: 8, chrome: { ...EMBED_DEFAULTS, controls } }), pane: createPaneStore(newPaneSession('default', 1)) });
    const none = make('none');
    for (const key of [' ', 'k', 'r', 't', 's', '?']) expect(keyOn(none, key, document.body), key).toBe(false);
    expect(none.page.getState().dialog).toBeNull();
    const minimal = make('minimal');
    expect(keyOn(minimal, 'k', document.body)).toBe(true);
    expect(minimal.page.getState().playing).toBe(false);
    const before = minimal.pane.getState().session;
    for (const key of ['r', 't', 'n', '.', '+']) expect(keyOn(minimal, key, document.body), key).toBe(false);
    expect(minimal.pane.getState().session).toBe(before); // R did not reset
    expect(minimal.page.getState().dialog).toBeNull(); // T opened nothing
    const full = make('full');
    expect(keyOn(full, 't', document.body)).toBe(true);
    expect(full.page.getState().dialog).toEqual({ kind: 'runTask' });
  });

  it('leaves the clicker keys and W to the presenter layer, and R still resets', () => {
    const s = setup('present');
    for (const key of ['PageDown', 'PageUp', 'ArrowRight', 'w', 'W']) expect(keyOn(s, key, document.body)).toBe(false);
    const session = s.pane.getState().session;
    expect(keyOn(s, 'r', document.body)).toBe(true);
    expect(s.pane.getState().session).not.toBe(session);
    expect(s.page.getState().chrome.mode).toBe('present');
  });
});
