// @vitest-environment jsdom
// The session meets the browser with its codec off the first screen: the saved session is offered
// once the page has mounted and the autosave's code has arrived, saves wait for that code, a link
// pasted into the tab waits for the link codec, and a failed fetch loses nothing and says so.

import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as codec from '../session/link.ts';
import type { SessionRecord } from '../session/record.ts';
import { createPageStore } from '../store/pageStore.ts';
import { createPaneStore, newPaneSession } from '../store/paneStore.ts';

const KEY = 'ecs-playground/session';
const record: SessionRecord = { version: 3, scenario: 'basic', seed: 4, log: [{ at: 30_000, command: { type: 'updateService', service: 'web', desiredCount: 4 } }], playhead: 45_000, end: 60_000, speed: 16 };
const savedText = (r: SessionRecord = record, savedAt = Date.now()) => JSON.stringify({ savedAt, session: codec.encodeSession(r) });

/** pageSession and url.ts as a page first loads them: neither the codec nor the autosave fetched. */
async function fresh() {
  vi.resetModules();
  const [session, url] = await Promise.all([import('./pageSession.ts'), import('../store/url.ts')]);
  return { ...session, url };
}

const failing = (path: string) =>
  vi.doMock(path, () => {
    throw new TypeError('Failed to fetch dynamically imported module');
  });

function scene(scenario = 'basic') {
  const page = createPageStore({ speed: 8 });
  const pane = createPaneStore(newPaneSession(scenario, 1));
  return { page, pane, texts: () => page.getState().notices.map((n) => n.text) };
}

/** Let pending imports and promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  vi.doUnmock('../store/autosave.ts');
  vi.doUnmock('../session/link.ts');
  window.history.replaceState(null, '', '/');
});

describe('the offer to restore the saved session', () => {
  it('comes once the page has mounted and the autosave has arrived, and restores the session', async () => {
    const { offerSaved, useAutosave } = await fresh();
    window.localStorage.setItem(KEY, savedText());
    const { page, pane, texts } = scene('default');
    const offered = offerSaved(page, pane);
    await settle();
    expect(texts()).toEqual([]); // a boot React may drop and run again says nothing
    expect(window.localStorage.getItem(KEY)).not.toBeNull();
    renderHook(() => useAutosave(page, pane));
    await offered;
    expect(texts()).toEqual([expect.stringMatching(/^You have a saved session: “A service and a job, no load balancer”, 1 action, at T\+00:45, saved just now\./)]);
    page.getState().notices[0]!.action!.run();
    expect(pane.getState().session.scenario).toBe('basic');
    expect(pane.getState().sim.now).toBe(45_000);
    expect(page.getState().playing).toBe(false);
  });

  it('drops an unreadable one with a notice, and a page that never mounted drops nothing', async () => {
    const { offerSaved, useAutosave } = await fresh();
    window.localStorage.setItem(KEY, '{"savedAt": 1, "session": "1not-a-session"}');
    const dropped = scene();
    void offerSaved(dropped.page, dropped.pane); // its render was thrown away: never mounted
    const { page, pane, texts } = scene();
    const offered = offerSaved(page, pane);
    renderHook(() => useAutosave(page, pane));
    await offered;
    expect(texts()).toEqual([expect.stringMatching(/^Your saved session could not be read \(The link .*\), so it was removed\. This is a fresh start\.$/)]);
    expect(window.localStorage.getItem(KEY)).toBeNull();
    expect(dropped.page.getState().notices).toEqual([]);
  });

  it('is not made once the user has acted: their first save has replaced what it would offer', async () => {
    const { offerSaved, useAutosave } = await fresh();
    window.localStorage.setItem(KEY, savedText());
    const { page, pane, texts } = scene();
    renderHook(() => useAutosave(page, pane));
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 5 });
    await vi.waitFor(() => expect(JSON.parse(window.localStorage.getItem(KEY)!).session).not.toBe(JSON.parse(savedText()).session));
    await offerSaved(page, pane);
    expect(texts()).toEqual([]);
  });

  it('keeps the saved session when its code will not load, says so, and does not save over it', async () => {
    const { offerSaved, useAutosave } = await fresh();
    failing('../store/autosave.ts');
    const text = savedText();
    window.localStorage.setItem(KEY, text);
    const { page, pane, texts } = scene();
    renderHook(() => useAutosave(page, pane));
    await offerSaved(page, pane);
    expect(texts()).toEqual([expect.stringMatching(/^Your saved session could not be read: the page could not load .*\. It is kept, and this page will not save over it: reload the page to have it offered again\.$/)]);
    vi.doUnmock('../store/autosave.ts');
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 5 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(window.localStorage.getItem(KEY)).toBe(text);
  });
});

describe('the autosave', () => {
  it('fetches its code when the user first acts, and saves the session as it is then', async () => {
    const { useAutosave, url } = await fresh();
    const { page, pane } = scene();
    renderHook(() => useAutosave(page, pane));
    pane.getState().advanceTo(20_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(window.localStorage.getItem(KEY)).toBeNull(); // time alone saves nothing
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    await vi.waitFor(() => expect(window.localStorage.getItem(KEY)).not.toBeNull());
    const saved = JSON.parse(window.localStorage.getItem(KEY)!);
    await url.loadLinkCodec();
    expect(url.readSessionHash(`#s=${saved.session}`)).toMatchObject({ ok: true, record: { scenario: 'basic', playhead: 20_000, log: [{ at: 20_000 }] } });
  });

  it('says once that it cannot save yet when its code will not load, and saves when it does', async () => {
    const { useAutosave } = await fresh();
    failing('../store/autosave.ts');
    const { page, pane, texts } = scene();
    renderHook(() => useAutosave(page, pane));
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    await vi.waitFor(() => expect(texts()).toEqual([expect.stringMatching(/^This session is not saved yet: the page could not load .*\. It is still here in this tab, and the page tries again every few seconds\.$/)]));
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 5 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(texts()).toHaveLength(1); // said once
    expect(window.localStorage.getItem(KEY)).toBeNull();
    vi.doUnmock('../store/autosave.ts');
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 6 });
    await vi.waitFor(() => expect(window.localStorage.getItem(KEY)).not.toBeNull());
  });
});

describe('links', () => {
  it('a link made at once says to try again until the codec has come, then is made; the awaited one waits for it', async () => {
    const { shareLink, loadShareLink, url } = await fresh();
    const { page, pane } = scene();
    pane.getState().advanceTo(10_000);
    expect(shareLink(page, pane, window.location)).toEqual({ error: expect.stringMatching(/^The link is not ready yet/) });
    const made = await loadShareLink(page, pane, window.location);
    if (!('url' in made)) throw new Error(made.error);
    expect(url.readSessionHash(new URL(made.url).hash)).toMatchObject({ ok: true, record: { scenario: 'basic', playhead: 10_000 } });
    expect(shareLink(page, pane, window.location)).toEqual(made);
  });

  it('the awaited link says why there is none when the codec will not load', async () => {
    const { loadShareLink } = await fresh();
    failing('../session/link.ts');
    const { page, pane } = scene();
    expect(await loadShareLink(page, pane, window.location)).toEqual({ error: expect.stringMatching(/^There is no link to this session yet: the page could not load .*\. Try again in a moment, or reload the page\.$/) });
  });

  it('a link pasted into the tab opens once the codec arrives, its fragment kept meanwhile', async () => {
    const { useUrl } = await fresh();
    const { page, pane, texts } = scene('default');
    renderHook(() => useUrl(page, pane, null));
    const hash = `#s=${codec.encodeSession(record)}`;
    window.history.replaceState(null, '', `/${hash}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    page.getState().setSpeed(32); // the URL is written again while the codec is on its way
    expect(window.location.hash).toBe(hash);
    await vi.waitFor(() => expect(pane.getState().session.scenario).toBe('basic'));
    expect(pane.getState().sim.now).toBe(45_000);
    expect(texts()).toEqual([expect.stringMatching(/^This is a shared session, paused at T\+00:45\./)]);
    expect(window.location.search).toBe('?scenario=basic&seed=4&speed=16');
    expect(window.location.hash).toBe(hash); // until the user acts, a reload reopens it
  });

  it('with the codec already here a pasted link opens at once, and stays in the URL until the user acts', async () => {
    const { useUrl, url } = await fresh();
    await url.loadLinkCodec();
    const { page, pane } = scene('default');
    renderHook(() => useUrl(page, pane, null));
    const hash = `#s=${codec.encodeSession(record)}`;
    window.history.replaceState(null, '', `/${hash}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(pane.getState().session.scenario).toBe('basic');
    expect(window.location.hash).toBe(hash);
    pane.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 5 });
    expect(window.location.hash).toBe('');
    // A bad one says why, and goes.
    window.history.replaceState(null, '', '/#s=1garbage');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(page.getState().notices.at(-1)!.text).toMatch(/^This link's session could not be opened: The link .* What you had on the page is unchanged\.$/);
    expect(window.location.hash).toBe('');
    expect(pane.getState().session.actions).toBe(1);
  });

  it('a link that could not be read for want of the codec stays in the URL, so a reload tries again', async () => {
    const { useUrl } = await fresh();
    const hash = `#s=${codec.encodeSession(record)}`;
    window.history.replaceState(null, '', `/${hash}`);
    const { page, pane } = scene('default');
    renderHook(() => useUrl(page, pane, null));
    expect(window.location.hash).toBe(hash);
    expect(window.location.search).toBe('?scenario=default&speed=8');
  });
});
