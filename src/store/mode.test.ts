import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, FULL_CHROME, readChrome } from './mode.ts';

describe('readChrome', () => {
  it('is the full playground without parameters', () => {
    expect(readChrome('')).toEqual({ chrome: FULL_CHROME, problems: [] });
  });

  it('reads an embed and its parameters', () => {
    const { chrome, problems } = readChrome('?embed&controls=none&autoplay=1&theme=dark&captions=off&panels=timeline,details');
    expect(problems).toEqual([]);
    expect(chrome).toEqual({ mode: 'embed', controls: 'none', autoplay: true, theme: 'dark', captions: false, panels: ['timeline', 'details'] });
  });

  it('reads presenter mode', () => {
    expect(readChrome('?present').chrome.mode).toBe('present');
    expect(readChrome('?present=0').chrome.mode).toBe('full');
  });

  it('falls back to each default with a message for a bad value', () => {
    const { chrome, problems } = readChrome('?embed=1&controls=huge&theme=pink&autoplay=maybe&panels=timeline,__proto__');
    expect(chrome).toEqual({ ...EMBED_DEFAULTS, panels: ['timeline'] });
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/controls must be one of full, minimal, none, not "huge"/);
    expect(problems.join(' ')).toMatch(/no panel "__proto__"/);
  });

  it('names unknown parameters and embed-only ones on the full page', () => {
    const { chrome, problems } = readChrome('?constructor=1&controls=none');
    expect(chrome).toEqual(FULL_CHROME);
    expect(problems).toEqual(['controls applies only to an embedded figure (?embed).', 'The page has no parameter "constructor": ignored.']);
  });

  it('takes panels=none as no panels, and shortens what it echoes', () => {
    expect(readChrome('?embed&panels=none').chrome.panels).toEqual([]);
    const { problems } = readChrome(`?embed&theme=${'x'.repeat(500)}`);
    expect(problems[0]!.length).toBeLessThan(140);
  });
});
