import { describe, expect, it } from 'vitest';
import { chromeSearch, FULL_CHROME } from '../../store/mode.ts';
import { playgroundSearch, readTwinChrome, readTwinUrl, twinSearch } from './twinUrl.ts';
import { readView } from './view.ts';

describe('the twin view in the URL', () => {
  it('is chosen by ?view=twin, and a bad view falls back to the playground with a message', () => {
    expect(readView('?view=twin&seed=3')).toEqual({ view: 'twin', problem: null });
    expect(readView('?scenario=twins')).toEqual({ view: 'main', problem: null });
    const bad = readView(`?view=${'x'.repeat(200)}`);
    expect(bad.view).toBe('main');
    expect(bad.problem).toMatch(/^There is no view "x{40}…"/);
  });

  it('keeps the seed and speed, and reports a bad one, or a scenario it will not show', () => {
    expect(readTwinUrl('?view=twin&seed=7&speed=16')).toEqual({ settings: { seed: 7, speed: 16 }, problems: [] });
    const { settings, problems } = readTwinUrl('?view=twin&seed=-1&speed=3&scenario=busy');
    expect(settings).toEqual({ seed: 1, speed: 8 });
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/seed must be a whole number.*speed must be one of.*own two scenes/);
  });

  it('writes the query a reload keeps, and the way back to the playground', () => {
    expect(twinSearch({ seed: 1, speed: 16 })).toBe('?view=twin&speed=16');
    expect(twinSearch({ seed: 9, speed: 4 })).toBe('?view=twin&seed=9&speed=4');
    expect(readTwinUrl(twinSearch({ seed: 9, speed: 4 })).settings).toEqual({ seed: 9, speed: 4 });
    expect(playgroundSearch({ seed: 9, speed: 4 })).toBe('?scenario=default&seed=9&speed=4');
  });

  it('reads presenter mode as the playground does, keeps it in the query and on the way back', () => {
    expect(readTwinChrome('?view=twin&present')).toEqual({ present: true, theme: null, problems: [] });
    expect(readTwinChrome('?view=twin&present=off&theme=dark')).toEqual({ present: false, theme: 'dark', problems: [] });
    expect(readTwinChrome('?view=twin&present=maybe').problems.join(' ')).toMatch(/present must be on or off, not "maybe"/);
    const embedded = readTwinChrome('?view=twin&embed');
    expect(embedded.present).toBe(false);
    expect(embedded.problems.join(' ')).toMatch(/not made to be embedded/);
    const presenting = `${twinSearch({ seed: 1, speed: 16 })}${chromeSearch({ ...FULL_CHROME, mode: 'present', theme: 'dark' })}`;
    expect(presenting).toBe('?view=twin&speed=16&present&theme=dark');
    expect(readTwinChrome(presenting)).toEqual({ present: true, theme: 'dark', problems: [] });
    expect(playgroundSearch({ seed: 9, speed: 4 }, true)).toBe('?scenario=default&seed=9&speed=4&present');
  });
});
