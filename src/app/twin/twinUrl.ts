// The twin view's URL: ?view=twin&seed=7&speed=16. The seed and speed are read as the main page
// reads them (store/url.ts: a bad one is reported and replaced by its default); the twin view
// always shows its own two scenes, so a scenario in the query is reported and left out.

import type { Speed } from '../../session/record.ts';
import { readChrome, type ThemeChoice } from '../../store/mode.ts';
import { DEFAULT_SETTINGS, readUrl, sceneSearch } from '../../store/url.ts';
import { VIEW_PARAM } from './view.ts';

export type TwinSettings = { seed: number; speed: Speed };

/** The twin view's chrome: presenter mode or not (`&present`, as on the playground), and a theme
 *  the URL asks for. An embedded twin view does not exist: that is reported, and the view shown whole. */
export function readTwinChrome(search: string): { present: boolean; theme: ThemeChoice | null; problems: string[] } {
  const { chrome, problems } = readChrome(search);
  if (chrome.mode === 'embed') problems.push('The Task vs Service view is not made to be embedded: showing it whole.');
  return { present: chrome.mode === 'present', theme: chrome.theme, problems };
}

export function readTwinUrl(search: string): { settings: TwinSettings; problems: string[] } {
  const params = new URLSearchParams(search);
  const own = new URLSearchParams();
  for (const key of ['seed', 'speed']) {
    const value = params.get(key);
    if (value !== null) own.set(key, value);
  }
  const { settings, problems } = readUrl(`?${own}`);
  if (params.has('scenario')) problems.push('The Task vs Service view always shows its own two scenes: the scenario in the link was left out.');
  return { settings: { seed: settings.seed, speed: settings.speed }, problems };
}

/** The query for the twin view's scene as the page shows it (the chrome's part: mode.ts's chromeSearch). */
export function twinSearch(settings: TwinSettings): string {
  const params = new URLSearchParams({ [VIEW_PARAM]: 'twin' });
  if (settings.seed !== DEFAULT_SETTINGS.seed) params.set('seed', String(settings.seed));
  params.set('speed', String(settings.speed));
  return `?${params}`;
}

/** The main page's default scene with the same seed and speed (in presenter mode, if this is): the way back. */
export function playgroundSearch(settings: TwinSettings, present = false): string {
  return `${sceneSearch({ scenario: DEFAULT_SETTINGS.scenario, ...settings })}${present ? '&present' : ''}`;
}
