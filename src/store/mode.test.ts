import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, FULL_CHROME, readChrome } from './mode.ts';

describe('readChrome', () => {
  it('is the full playground without parameters', () => {
    expect(readChrome('')).toEqual({ chrome: FULL_CHROME, problems: [] });
  });

  it('reads an embed and its parameters', () => {
    const { chrome, problems } = readChrome('?embed&controls=none&autoplay=1&theme=dark&captions=off&panels=timeline,details&layout=zones');
    expect(problems).toEqual([]);
    expect(chrome).toEqual({ mode: 'embed', controls: 'none', autoplay: true, theme: 'dark', captions: false, panels: ['timeline', 'details'], layout: 'zones', frameId: null });
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

  it('names embed-only parameters on the full page, and ignores unknown ones there in silence (utm_source, fbclid)', () => {
    const { chrome, problems } = readChrome('?constructor=1&controls=none&utm_source=feed&fbclid=abc');
    expect(chrome).toEqual(FULL_CHROME);
    expect(problems).toEqual(['controls applies only to an embedded figure (?embed).']);
  });

  it('takes panels=none as no panels, and shortens what it echoes', () => {
    expect(readChrome('?embed&panels=none').chrome.panels).toEqual([]);
    const { problems } = readChrome(`?embed&theme=${'x'.repeat(500)}`);
    expect(problems[0]!.length).toBeLessThan(140);
  });
});

describe('readChrome: the embed parameters', () => {
  it('defaults to minimal controls, paused, the timeline and a lesson panel', () => {
    expect(readChrome('?embed')).toEqual({ chrome: EMBED_DEFAULTS, problems: [] });
    expect(EMBED_DEFAULTS).toMatchObject({ controls: 'minimal', autoplay: false, panels: ['timeline', 'lesson'], frameId: null });
  });

  it('reads the lesson panel, a frame id and every spelling of on and off', () => {
    expect(readChrome('?embed&panels=lesson,tasks&id=fig-2').chrome).toMatchObject({ panels: ['lesson', 'tasks'], frameId: 'fig-2' });
    for (const on of ['', '1', 'true', 'ON', 'Yes']) expect(readChrome(`?embed&autoplay=${on}`).chrome.autoplay).toBe(true);
    for (const off of ['0', 'false', 'Off', 'no']) expect(readChrome(`?embed&autoplay=${off}&captions=${off}`).chrome).toMatchObject({ autoplay: false, captions: false });
    expect(readChrome('?embed&theme=AUTO&controls=Full').chrome).toMatchObject({ theme: 'auto', controls: 'full' });
  });

  it('says a repeated parameter counts once', () => {
    const { chrome, problems } = readChrome('?embed&controls=none&controls=full');
    expect(chrome.controls).toBe('none');
    expect(problems).toEqual(['controls is given more than once: the first one counts.']);
  });

  // The bad-input corpus: each keeps a working figure (the defaults for what was wrong) and says why.
  const corpus: { search: string; expect: Partial<ReturnType<typeof readChrome>['chrome']>; says: RegExp }[] = [
    { search: '?embed&controls=', expect: { controls: 'minimal' }, says: /controls must be one of/ },
    { search: '?embed&controls=__proto__', expect: { controls: 'minimal' }, says: /not "__proto__"/ },
    { search: '?embed&controls=constructor', expect: { controls: 'minimal' }, says: /not "constructor"/ },
    { search: '?embed&controls=toString', expect: { controls: 'minimal' }, says: /not "toString"/ },
    { search: '?embed&autoplay=2', expect: { autoplay: false }, says: /autoplay must be on or off/ },
    { search: '?embed&autoplay=%00', expect: { autoplay: false }, says: /autoplay must be on or off/ },
    { search: '?embed&captions=maybe', expect: { captions: true }, says: /captions must be on or off/ },
    { search: '?embed&theme=', expect: { theme: null }, says: /theme must be one of auto, light, dark, not ""/ },
    { search: '?embed&theme=hasOwnProperty', expect: { theme: null }, says: /not "hasOwnProperty"/ },
    { search: '?embed&theme=<script>alert(1)</script>', expect: { theme: null }, says: /theme must be one of/ },
    { search: '?embed&panels=__proto__,constructor', expect: { panels: ['timeline', 'lesson'] }, says: /no panel "__proto__".*showing the default/ },
    { search: '?embed&panels=details,details,timeline', expect: { panels: ['details', 'timeline'] }, says: /^$/ },
    { search: `?embed&panels=${'x,'.repeat(2000)}`, expect: { panels: ['timeline', 'lesson'] }, says: /no panel "x"/ },
    { search: '?embed&panels=,,,', expect: { panels: ['timeline', 'lesson'] }, says: /panels names no panel: showing the default \(timeline, lesson\)/ },
    { search: '?embed&panels=none,bogus', expect: { panels: [] }, says: /no panel "bogus"/ },
    { search: '?embed&layout=grid', expect: { layout: 'auto' }, says: /layout must be one of auto, zones, diagram, not "grid": using auto/ },
    { search: '?embed&layout=__proto__', expect: { layout: 'auto' }, says: /layout must be one of/ },
    { search: '?embed&layout=DIAGRAM', expect: { layout: 'diagram' }, says: /^$/ },
    { search: '?layout=zones', expect: { mode: 'full', layout: 'auto' }, says: /layout applies only to an embedded figure/ },
    { search: '?embed&id=', expect: { frameId: null }, says: /id must be 1 to 64/ },
    { search: `?embed&id=${'a'.repeat(65)}`, expect: { frameId: null }, says: /id must be 1 to 64/ },
    { search: '?embed&id=%22%3E%3Cimg%20src%3Dx%3E', expect: { frameId: null }, says: /id must be 1 to 64/ },
    { search: '?embed&id=__proto__', expect: { frameId: '__proto__' }, says: /^$/ }, // a plain name: only echoed
    { search: '?embed=maybe&controls=none', expect: { mode: 'full', controls: 'full' }, says: /embed must be on or off/ },
    { search: '?embed&present', expect: { mode: 'embed' }, says: /either embedded or presented/ },
    { search: '?embed&__proto__=1', expect: { mode: 'embed' }, says: /no parameter "__proto__"/ },
    { search: '?embed&constructor=x&toString=y', expect: { mode: 'embed' }, says: /no parameter "constructor".*no parameter "toString"/ },
    { search: '?embed&autoplay=1&autoplay=0', expect: { autoplay: true }, says: /autoplay is given more than once/ },
    { search: `?embed&${'k'.repeat(3000)}=1`, expect: { mode: 'embed' }, says: /no parameter "k{40}…"/ },
    { search: '?embed&controls=%E2%80%AEnone', expect: { controls: 'minimal' }, says: /controls must be one of/ },
  ];
  it.each(corpus)('$search: a working figure and a message', ({ search, expect: expected, says }) => {
    const { chrome, problems } = readChrome(search);
    expect(chrome).toMatchObject(expected);
    expect(problems.join(' ')).toMatch(says);
    expect(problems.length).toBeLessThan(4);
    for (const problem of problems) expect(problem.length).toBeLessThan(200);
    expect(Object.getPrototypeOf(chrome)).toBe(Object.prototype);
  });
});
