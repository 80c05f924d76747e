// public/embed.js, the optional host script, run as a host page would run it (in a VM context
// with a stand-in window and document): it sizes an iframe only from a message that its own
// figure sent, from the origin of its src, with a finite height; everything else leaves every
// iframe as it was. The bad-input corpus for a hostile or careless page is below.

import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE, heightMessage } from './frame.ts';

const source = readFileSync(new URL('../../../public/embed.js', import.meta.url), 'utf8');
const FIGURE = 'https://play.example.org';

type Frame = { contentWindow: object | null; getAttribute: (name: string) => string | null; style: { height: string } };
const frame = (src: string | null): Frame => {
  const contentWindow = {};
  return { contentWindow, getAttribute: (name) => (name === 'src' ? src : null), style: { height: '' } };
};

/** The host page with its iframes; `post` delivers a message event as the browser would. */
function host(frames: Frame[]) {
  let listener: ((event: unknown) => void) | null = null;
  const window = { addEventListener: (type: string, l: (event: unknown) => void) => type === 'message' && (listener = l) };
  const document = { baseURI: 'https://blog.example.com/posts/ecs.html', querySelectorAll: (selector: string) => (selector === 'iframe[data-ecs-playground]' ? frames : []) };
  runInNewContext(source, { window, document, URL });
  expect(listener).not.toBeNull();
  return { post: (event: { data: unknown; origin: string; source: unknown }) => listener!(event), heights: () => frames.map((f) => f.style.height) };
}

describe('embed.js', () => {
  it('is small, plain and self-contained', () => {
    expect(source.length).toBeLessThan(2600); // < 1 KB minified (784 bytes with esbuild)
    expect(source).not.toMatch(/\bimport\b|\brequire\(|=>|\blet\b|\bconst\b|\?\.|\?\?/);
  });

  it('listens once, however many snippets load it', () => {
    let listeners = 0;
    const window = { addEventListener: () => listeners++ };
    const document = { baseURI: 'https://blog.example.com/', querySelectorAll: () => [] };
    runInNewContext(source, { window, document, URL });
    runInNewContext(source, { window, document, URL });
    expect(listeners).toBe(1);
  });

  it("sizes each figure's own iframe from its height message, by source", () => {
    const one = frame(`${FIGURE}/?embed&scenario=default`);
    const two = frame(`${FIGURE}/app/?embed&id=b`);
    const { post, heights } = host([one, two]);
    post({ data: heightMessage(512, null), origin: FIGURE, source: two.contentWindow });
    expect(heights()).toEqual(['', '512px']);
    post({ data: heightMessage(480.6, 'a'), origin: FIGURE, source: one.contentWindow });
    expect(heights()).toEqual(['481px', '512px']);
  });

  it('resolves a relative src against the page', () => {
    const f = frame('/playground/?embed');
    const { post, heights } = host([f]);
    post({ data: heightMessage(300, null), origin: 'https://blog.example.com', source: f.contentWindow });
    expect(heights()).toEqual(['300px']);
  });

  it('clamps a height to 120–10000 px', () => {
    const f = frame(`${FIGURE}/?embed`);
    const { post, heights } = host([f]);
    post({ data: heightMessage(1e9, null), origin: FIGURE, source: f.contentWindow });
    expect(heights()).toEqual(['10000px']);
    post({ data: heightMessage(-50, null), origin: FIGURE, source: f.contentWindow });
    expect(heights()).toEqual(['120px']);
  });

  // Each leaves every iframe untouched and throws nothing.
  const f = frame(`${FIGURE}/?embed`);
  const other = frame(`${FIGURE}/?embed&id=x`);
  const good = { data: heightMessage(400, null), origin: FIGURE, source: f.contentWindow };
  const withProto = JSON.parse(`{"__proto__": {"type": "${HEIGHT_MESSAGE}", "height": 400}}`) as unknown;
  const inherited = Object.create({ type: HEIGHT_MESSAGE, height: 400 }) as unknown;
  const corpus: [string, { data: unknown; origin: string; source: unknown }][] = [
    ['no data', { ...good, data: undefined }],
    ['null', { ...good, data: null }],
    ['a string', { ...good, data: 'ecs-playground:height' }],
    ['a JSON string', { ...good, data: JSON.stringify(heightMessage(400, null)) }],
    ['a number', { ...good, data: 400 }],
    ['an array', { ...good, data: [HEIGHT_MESSAGE, 400] }],
    ['another type', { ...good, data: { type: 'resize', height: 400 } }],
    ['a type with a suffix', { ...good, data: { type: `${HEIGHT_MESSAGE}x`, height: 400 } }],
    ['no height', { ...good, data: { type: HEIGHT_MESSAGE } }],
    ['a height as text', { ...good, data: { type: HEIGHT_MESSAGE, height: '400' } }],
    ['a height in px', { ...good, data: { type: HEIGHT_MESSAGE, height: '400px' } }],
    ['NaN', { ...good, data: { type: HEIGHT_MESSAGE, height: Number.NaN } }],
    ['Infinity', { ...good, data: { type: HEIGHT_MESSAGE, height: Number.POSITIVE_INFINITY } }],
    ['a height as an object', { ...good, data: { type: HEIGHT_MESSAGE, height: { valueOf: () => 400 } } }],
    ['a __proto__ key', { ...good, data: withProto }],
    ['inherited fields', { ...good, data: inherited }],
    ['a wrong origin', { ...good, origin: 'https://evil.example.net' }],
    ['the origin with a path', { ...good, origin: `${FIGURE}/` }],
    ['a null origin', { ...good, origin: 'null' }],
    ['no source', { ...good, source: null }],
    ['the host page itself as the source', { ...good, source: {} }],
    ['a window not an iframe of ours', { ...good, source: { postMessage() {} } }],
  ];
  it.each(corpus)('ignores %s', (_, event) => {
    f.style.height = '';
    other.style.height = '';
    const { post, heights } = host([f, other]);
    expect(() => post(event)).not.toThrow();
    expect(heights()).toEqual(['', '']);
  });

  it('ignores a frame whose src is unreadable or opaque', () => {
    for (const src of [null, 'http://[::1', 'data:text/html,hi', 'about:blank']) {
      const g = frame(src);
      const { post, heights } = host([g]);
      expect(() => post({ data: heightMessage(400, null), origin: 'null', source: g.contentWindow })).not.toThrow();
      expect(heights()).toEqual(['']);
    }
  });
});
