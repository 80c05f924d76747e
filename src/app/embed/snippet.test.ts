import { describe, expect, it } from 'vitest';
import { readChrome } from '../../store/mode.ts';
import { readSessionHash, readUrl } from '../../store/url.ts';
import { embedUrl, hostScriptLine, iframeSnippet, SANDBOX, type EmbedOptions } from './snippet.ts';

const BASE = 'https://play.example.org/tools/ecs/';
const defaults: EmbedOptions = { subject: { kind: 'scene', scenario: 'default', seed: 1 }, controls: 'minimal', autoplay: false, speed: 8, theme: null, captions: true, panels: ['timeline', 'lesson'] };

/** What the figure reads from a URL the dialog wrote. */
const read = (url: string) => {
  const u = new URL(url);
  return { ...readChrome(u.search), scene: readUrl(u.search), link: readSessionHash(u.hash) };
};

describe('embedUrl', () => {
  it('writes only what differs from the defaults, on the app’s own path', () => {
    expect(embedUrl(BASE, defaults)).toBe(`${BASE}?embed&scenario=default`);
    const url = embedUrl(BASE, { ...defaults, subject: { kind: 'scene', scenario: 'rolling', seed: 7 }, controls: 'none', autoplay: true, speed: 16, theme: 'dark', captions: false, panels: ['details', 'timeline'] });
    expect(url).toBe(`${BASE}?embed&scenario=rolling&seed=7&speed=16&controls=none&autoplay=1&theme=dark&captions=off&panels=timeline,details`);
  });

  it('is read back by the figure as written, with no problems', () => {
    const url = embedUrl(BASE, { ...defaults, controls: 'full', autoplay: true, speed: 2, theme: 'auto', captions: false, panels: [], layout: 'diagram', id: 'fig-1' });
    const { chrome, problems, scene } = read(url);
    expect(problems).toEqual([]);
    expect(scene.problems).toEqual([]);
    expect(chrome).toEqual({ mode: 'embed', controls: 'full', autoplay: true, theme: 'auto', captions: false, panels: [], layout: 'diagram', frameId: 'fig-1' });
    // auto is the default, so not written.
    expect(embedUrl(BASE, { ...defaults, layout: 'auto' })).toBe(`${BASE}?embed&scenario=default`);
    expect(scene.settings).toMatchObject({ scenario: 'default', speed: 2 });
  });

  it('writes a lesson step, and a moment as the share link’s fragment (which carries its speed)', () => {
    expect(embedUrl(BASE, { ...defaults, subject: { kind: 'lesson', id: 'why-services', step: 3 } })).toBe(`${BASE}?embed&lesson=why-services&step=3`);
    expect(embedUrl(BASE, { ...defaults, speed: 32, subject: { kind: 'moment', hash: '#s=1abc' } })).toBe(`${BASE}?embed#s=1abc`);
  });
});

describe('iframeSnippet', () => {
  it('is a titled, sized, lazy, sandboxed iframe marked for the host script', () => {
    const html = iframeSnippet(BASE, { ...defaults, title: 'ECS Playground: "Tasks" & <services>', width: 720, height: 450 });
    expect(html).toContain(`src="${BASE}?embed&amp;scenario=default"`);
    expect(html).toContain('title="ECS Playground: &quot;Tasks&quot; &amp; &lt;services&gt;"');
    expect(html).toContain('width="720" height="450" loading="lazy"');
    expect(html).toContain(`sandbox="${SANDBOX}"`);
    expect(html).toContain('data-ecs-playground></iframe>');
    expect(SANDBOX.split(' ')).toEqual(['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox']);
  });

  it('holds the size to sane bounds', () => {
    expect(iframeSnippet(BASE, { ...defaults, title: 't', width: 10, height: Number.NaN })).toContain('width="320" height="240"');
    expect(iframeSnippet(BASE, { ...defaults, title: 't', width: 1e9, height: 1e9 })).toContain('width="1600" height="2000"');
  });

  it('points the host script beside the app', () => {
    expect(hostScriptLine(BASE)).toBe('<script src="https://play.example.org/tools/ecs/embed.js" defer></script>');
    expect(hostScriptLine('https://play.example.org/tools/index.html')).toBe('<script src="https://play.example.org/tools/embed.js" defer></script>');
  });
});
