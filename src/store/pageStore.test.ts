import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, FULL_CHROME } from './mode.ts';
import { createPageStore } from './pageStore.ts';

describe('the page store', () => {
  it("takes the user's theme over the URL's from then on (a reload keeps their choice), but not an embed's", () => {
    const page = createPageStore({ speed: 8, chrome: { ...FULL_CHROME, theme: 'dark' }, theme: 'dark' });
    page.getState().setTheme('light');
    expect(page.getState()).toMatchObject({ theme: 'light', chrome: { theme: null } });
    const embed = createPageStore({ speed: 8, chrome: { ...EMBED_DEFAULTS, theme: 'dark' }, theme: 'dark' });
    embed.getState().setTheme('light');
    expect(embed.getState()).toMatchObject({ theme: 'light', chrome: { theme: 'dark' } });
  });

  it('switches presenter mode on and off, but an embed stays one', () => {
    const page = createPageStore({ speed: 8 });
    page.getState().setMode('present');
    expect(page.getState().chrome.mode).toBe('present');
    page.getState().setMode('full');
    expect(page.getState().chrome.mode).toBe('full');
    const embed = createPageStore({ speed: 8, chrome: EMBED_DEFAULTS });
    embed.getState().setMode('present');
    expect(embed.getState().chrome.mode).toBe('embed');
  });
});
