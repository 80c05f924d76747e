// The page's colours: light, dark, or auto (the OS's choice, followed live). The choice is the
// user's, kept in localStorage; an embed's `theme=` parameter overrides it for that figure without
// storing anything. Applied as `data-theme` on <html>, which the style sheets key their palettes on.

import type { ThemeChoice } from '../store/mode.ts';

const KEY = 'ecs-playground:theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The user's stored choice; anything unreadable is auto. */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function storeTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'auto') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  } catch {
    // Storage refused (private mode, a sandboxed iframe): the choice lasts for this page.
  }
}

/** Light or dark, as a choice resolves now. */
export function resolveTheme(theme: ThemeChoice): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return typeof window !== 'undefined' && window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

export function applyTheme(theme: ThemeChoice): void {
  document.documentElement.dataset.theme = theme;
}

/** The theme a page opens with (the URL's, else the user's stored one), applied: what the page
 *  store starts with, so React Flow's colour mode agrees with the page's. */
export function bootTheme(fromUrl: ThemeChoice | null): ThemeChoice {
  const theme = fromUrl ?? storedTheme();
  applyTheme(theme);
  return theme;
}
