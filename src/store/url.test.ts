import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeSession } from '../session/link.ts';
import { DEFAULT_SETTINGS, loadLinkCodec, readSessionHash, readUrl, sceneSearch, sessionHash } from './url.ts';

/** url.ts as a page first loads it: no codec fetched yet. */
async function freshUrlModule() {
  vi.resetModules();
  return import('./url.ts');
}

describe('readUrl', () => {
  it('reads scenario, seed and speed', () => {
    expect(readUrl('?scenario=twins&seed=7&speed=16')).toEqual({ settings: { scenario: 'twins', seed: 7, speed: 16 }, problems: [] });
    expect(readUrl('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it.each([
    ['?scenario=%3Cscript%3E', /There is no scenario "<script>"/],
    ['?scenario=constructor', /There is no scenario "constructor"/],
    ['?scenario=__proto__', /There is no scenario "__proto__"/],
    ['?scenario=toString', /There is no scenario "toString"/],
    ['?seed=-1', /The seed must be a whole number from 0 to 4294967295, not "-1"/],
    ['?seed=99999999999', /The seed must be a whole number/],
    ['?speed=3', /The speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, not "3"/],
  ])('reports a tampered %s and keeps the default', (search, message) => {
    const { settings, problems } = readUrl(search);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([expect.stringMatching(message)]);
  });
});

describe('a lesson in the URL', () => {
  it('reads ?lesson= and ?step=, and starts on the lesson\'s scene whatever ?scenario= says', () => {
    expect(readUrl('?lesson=kill-a-task&step=3&scenario=busy&speed=4')).toEqual({
      settings: { scenario: 'lesson-kill', seed: 1, speed: 4, lesson: { id: 'kill-a-task', step: 3 } },
      problems: [],
    });
    expect(readUrl('?lesson=kill-a-task').settings.lesson).toEqual({ id: 'kill-a-task', step: 1 });
  });

  it.each(['__proto__', 'constructor', 'toString', '<b>x</b>'])('an unknown lesson %s is reported, and the scene shown instead', (id) => {
    const { settings, problems } = readUrl(`?lesson=${encodeURIComponent(id)}`);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([expect.stringContaining(`There is no lesson "${id}"`)]);
  });

  it.each(['0', '-1', '2.5', 'abc', '9999'])('a bad step %s starts the lesson at step 1, and says so', (step) => {
    const { settings, problems } = readUrl(`?lesson=kill-a-task&step=${step}`);
    expect(settings.lesson).toEqual({ id: 'kill-a-task', step: 1 });
    expect(problems).toEqual([expect.stringContaining("A lesson's step must be a whole number from 1")]);
  });

  it('writes a lesson as ?lesson=…&step=…, which reads back', () => {
    const settings = { scenario: 'lesson-kill', seed: 1, speed: 8 as const, lesson: { id: 'kill-a-task', step: 2 } };
    expect(sceneSearch(settings)).toBe('?lesson=kill-a-task&step=2&speed=8');
    expect(readUrl(sceneSearch(settings)).settings).toEqual(settings);
  });
});

describe('the link codec, fetched on first need', () => {
  const link = sessionHash(encodeSession({ version: 3, scenario: 'basic', seed: 9, log: [], playhead: 0, end: 0, speed: 8 }));

  it('tells a fragment that carries a session without the codec, and fetches it only for one', async () => {
    const url = await freshUrlModule();
    expect(url.sessionParam('#s=1abc')).toBe('1abc');
    expect(url.sessionParam('#main-timeline')).toBeNull();
    expect(await url.loadSessionHash('#main-timeline')).toBeNull();
    expect(url.loadedLinkCodec()).toBeNull(); // nothing needed it
    expect(await url.loadSessionHash(link)).toMatchObject({ ok: true, record: { scenario: 'basic', seed: 9 } });
    expect(url.loadedLinkCodec()).not.toBeNull();
  });

  it('reads a fragment at once only once the codec is there; before, the link is reported unread, never thrown', async () => {
    const url = await freshUrlModule();
    const unread = url.readSessionHash(link);
    expect(unread).toEqual({ ok: false, error: `The link could not be read: ${url.LINK_CODEC_MISSING}. Reload the page to try again.` });
    await url.loadLinkCodec();
    expect(url.readSessionHash(link)).toMatchObject({ ok: true });
  });

  it('takes the codec from a module that imported it, and fetches it once however many ask', async () => {
    const url = await freshUrlModule();
    const codec = await import('../session/link.ts');
    url.provideLinkCodec(codec);
    expect(url.loadedLinkCodec()).toBe(codec);
    const again = await freshUrlModule();
    const [a, b] = await Promise.all([again.loadLinkCodec(), again.loadLinkCodec()]);
    expect(a).toBe(b);
    expect(again.loadedLinkCodec()).toBe(a);
  });

  it('forgets a failed fetch, so the next need tries again', async () => {
    const url = await freshUrlModule();
    vi.doMock('../session/link.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    await expect(url.loadLinkCodec()).rejects.toThrow();
    expect(url.loadedLinkCodec()).toBeNull();
    expect(await url.loadSessionHash(link)).toEqual({ ok: false, error: `The link could not be read: ${url.LINK_CODEC_MISSING}. Reload the page to try again.` });
    vi.doUnmock('../session/link.ts');
    expect(await url.loadSessionHash(link)).toMatchObject({ ok: true });
  });
});

describe('the page URL and share links', () => {
  beforeAll(async () => {
    await loadLinkCodec();
  });

  it('writes the scene as the page shows it, the seed only when it is not the default', () => {
    expect(sceneSearch({ scenario: 'twins', seed: 1, speed: 16 })).toBe('?scenario=twins&speed=16');
    expect(readUrl(sceneSearch({ scenario: 'busy', seed: 42, speed: 0.5 })).settings).toEqual({ scenario: 'busy', seed: 42, speed: 0.5 });
  });

  it('reads a session from the fragment, and nothing from a fragment that carries none', () => {
    const record = { version: 3 as const, scenario: 'basic', seed: 9, log: [{ at: 40_000, command: { type: 'updateService' as const, service: 'web', desiredCount: 2 } }], playhead: 50_000, end: 60_000, speed: 32 as const };
    expect(readSessionHash(sessionHash(encodeSession(record)))).toEqual({ ok: true, record });
    expect(readSessionHash('')).toBeNull();
    expect(readSessionHash('#main-timeline')).toBeNull();
  });

  it('a tampered session link says, in one short message, what is wrong with it', () => {
    const good = encodeSession({ version: 3, scenario: 'basic', seed: 9, log: [], playhead: 0, end: 0, speed: 8 });
    for (const bad of [good.slice(0, -6), `${good.slice(0, 10)}A${good.slice(11)}`, '9abc', 'x'.repeat(200_000)]) {
      const read = readSessionHash(sessionHash(bad));
      if (read === null || read.ok) throw new Error(`a tampered link was read: ${bad.slice(0, 20)}…`);
      expect(read.error).toMatch(/^Th(e|is) link /);
      expect(read.error.length).toBeLessThan(300);
    }
  });

  it('shortens an echoed value, so a 100 KB scenario name gives a short notice', () => {
    const { problems } = readUrl(`?scenario=${'a'.repeat(100_000)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(300); // the message lists the scenes, and shows only the start of the value
  });
});
