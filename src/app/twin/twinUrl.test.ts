import { describe, expect, it } from 'vitest';
import { playgroundSearch, readTwinUrl, twinSearch } from './twinUrl.ts';
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
});
