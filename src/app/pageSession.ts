// Where a pane's session meets the browser: the URL that follows the page, the share link, the
// autosave and the offer to restore it. The session layer stays pure; this is the glue.
//
// Neither the link codec (store/url.ts) nor the autosave (store/autosave.ts, which uses it) is on
// the first screen (issue #3's budget): a link pasted into the tab, the saved session read back,
// the first save and the error page's link wait for them; the dialogs import the codec with
// themselves, so the share and embed dialogs make their link as they open.

import { useEffect } from 'react';
import { MAX_SESSION_MS, type SessionRecord } from '../session/record.ts';
import type * as AutosaveModule from '../store/autosave.ts';
import { chromeSearch } from '../store/mode.ts';
import type { PageStore } from '../store/pageStore.ts';
import { newPaneSession, openPaneSession, type PaneSession, type PaneStore } from '../store/paneStore.ts';
import {
  DEFAULT_SETTINGS,
  LINK_CODEC_MISSING,
  loadedLinkCodec,
  loadLinkCodec,
  loadSessionHash,
  readSessionHash,
  sceneSearch,
  sessionHash,
  sessionParam,
  type LinkCodec,
  type SessionLink,
} from '../store/url.ts';
import { clockLabel, findScenario } from '../sim/index.ts';
import { plural } from './format.ts';

/** How often the playhead is saved while time runs (a command is saved at once). */
export const AUTOSAVE_EVERY_MS = 5_000;

type Autosave = typeof AutosaveModule;
let autosave: Autosave | null = null;
/** The autosave module, and with it the link codec, fetched on first need. */
const loadAutosave = (): Promise<Autosave> => (autosave ? Promise.resolve(autosave) : import('../store/autosave.ts').then((m) => (autosave = m)));

const storage = (): Storage | null => {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
};

/** Start a scene afresh in a pane (the scene picker). */
export function openScene(pane: PaneStore, scenario: string): void {
  pane.getState().load(newPaneSession(scenario, DEFAULT_SETTINGS.seed));
}

/** Start the scene over — as a new session, so the one left behind can be had back: the notice
 *  offers Undo until it is dismissed or the user acts. */
export function resetPane(page: PageStore, pane: PaneStore): void {
  const before = pane.getState().session;
  pane.getState().reset();
  const id = page.getState().notify({
    tone: 'info',
    text: `The scene was reset to its start${before.entries.length > 0 ? `; the session you left had ${plural(before.entries.length, 'action')}` : ''}.`,
    untilAction: true,
    action: {
      label: 'Undo',
      run: () => {
        page.getState().dismiss(id);
        pane.getState().load(before);
      },
    },
  });
}

/** Open a recorded session in a pane, paused at its moment; false (and a notice saying why, and
 *  what is shown `instead`) when it no longer applies. */
export function openRecord(page: PageStore, pane: PaneStore, record: SessionRecord, what: string, instead = ''): boolean {
  const opened = openPaneSession(record);
  if (!opened.ok) {
    page.getState().notify({ tone: 'problem', text: `${what} could not be opened: ${opened.error}${instead && ` ${instead}`}` });
    return false;
  }
  pane.getState().load(opened.session);
  page.getState().setSpeed(record.speed);
  page.getState().setPlaying(false); // the moment as it was left: Play goes on from it
  return true;
}

/** Open a share link's session, or say what was wrong with the link and what is shown `instead`. */
export function openLink(page: PageStore, pane: PaneStore, link: SessionLink, instead: string): boolean {
  const what = "This link's session";
  if (!link.ok) {
    page.getState().notify({ tone: 'problem', text: `${what} could not be opened: ${link.error} ${instead}` });
    return false;
  }
  if (!openRecord(page, pane, link.record, what, instead)) return false;
  page.getState().notify({ tone: 'info', text: `This is a shared session, paused at ${clockLabel(link.record.playhead)}. Press Play to go on, or scrub the timeline to see how it got here.` });
  return true;
}

export type ShareLink = { url: string } | { error: string };
type Place = Pick<Location, 'origin' | 'pathname'>;

function linkOf(record: SessionRecord, codec: LinkCodec, location: Place): ShareLink {
  if (record.end > MAX_SESSION_MS) return { error: `This session is longer than a day of sim time, too long for a link (a link must be quick to open). Reset, or share a shorter one.` };
  const encoded = codec.encodeSession(record);
  if (encoded.length > codec.MAX_LINK_LENGTH) return { error: `This session is too long for a link (${encoded.length.toLocaleString('en-US')} characters; at most ${codec.MAX_LINK_LENGTH.toLocaleString('en-US')}). Reset, or share a shorter one.` };
  return { url: `${location.origin}${location.pathname}${sceneSearch(record)}${sessionHash(encoded)}` };
}

/** The link that reopens this exact moment, or why there is none — at once, for the views that
 *  make it in a click handler or as they open (the dialogs, which bring the codec; the embedded
 *  figure, which fetches it at boot). If the codec has not arrived yet, it is fetched and this
 *  says to try again. */
export function shareLink(page: PageStore, pane: PaneStore, location: Place): ShareLink {
  const codec = loadedLinkCodec();
  if (!codec) {
    void loadLinkCodec().catch(() => {});
    return { error: 'The link is not ready yet: the page is still loading what makes it. Try again in a moment.' };
  }
  return linkOf(pane.getState().session.toRecord(page.getState().speed), codec, location);
}

/** `shareLink` for the moment shown now, waiting for the codec if it has not arrived. Never rejects. */
export async function loadShareLink(page: PageStore, pane: PaneStore, location: Place): Promise<ShareLink> {
  const record = pane.getState().session.toRecord(page.getState().speed);
  try {
    return linkOf(record, await loadLinkCodec(), location);
  } catch {
    return { error: `There is no link to this session yet: ${LINK_CODEC_MISSING}. Try again in a moment, or reload the page.` };
  }
}

/** The URL follows the page (scene, seed, speed) without adding history entries, so a reload
 *  keeps them. A share link's fragment stays while its session is shown untouched, so a reload
 *  reopens it too; once the user acts (and the autosave has their session), it goes. A link
 *  pasted into a tab that already shows the page changes only the fragment, which does not
 *  reload it: it is opened here. */
export function useUrl(page: PageStore, pane: PaneStore, openedFromLink: PaneSession | null, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    // A link the page could not read for want of its codec stays too, so a reload tries again.
    let linked = openedFromLink ?? (sessionParam(window.location.hash) !== null && !loadedLinkCodec() ? pane.getState().session : null);
    /** Pasted links being opened (or waiting for the codec): the fragment stays meanwhile. */
    let opening = 0;
    let live = true;
    const write = () => {
      const { session } = pane.getState();
      const { speed, lesson } = page.getState();
      const search = sceneSearch({ scenario: session.scenario, seed: session.seed, speed, ...(lesson ? { lesson } : {}) }) + chromeSearch(page.getState().chrome);
      const hash = opening > 0 || (linked === session && session.actions === 0) ? window.location.hash : '';
      if (window.location.search !== search || window.location.hash !== hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
    };
    /** Open a pasted link: the URL written while its session loads keeps the fragment, so once
     *  it shows, the link stays as one opened at boot does (a bad one goes). */
    const open = (link: SessionLink | null) => {
      opening++;
      try {
        if (link && openLink(page, pane, link, 'What you had on the page is unchanged.')) linked = pane.getState().session;
      } finally {
        opening--;
      }
      write();
    };
    const onHash = () => {
      const { hash } = window.location;
      if (sessionParam(hash) === null) return;
      // With the codec here the link opens at once; else when it arrives.
      if (loadedLinkCodec()) return open(readSessionHash(hash));
      opening++;
      void loadSessionHash(hash).then((link) => {
        opening--;
        if (!live) return;
        if (hash === window.location.hash) open(link);
        else write();
      });
    };
    write();
    const offPage = page.subscribe((s, prev) => (s.speed !== prev.speed || s.lesson !== prev.lesson || s.chrome !== prev.chrome) && write());
    const offPane = pane.subscribe((s, prev) => (s.session !== prev.session || s.branch !== prev.branch) && write());
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      offPage();
      offPane();
      window.removeEventListener('hashchange', onHash);
    };
  }, [page, pane, openedFromLink, enabled]);
}

/** Describe a saved session in a few words: the scene, what was done, and when. */
function describeSaved(record: SessionRecord, savedAt: number): string {
  const scene = findScenario(record.scenario)?.title ?? record.scenario;
  const minutes = Math.max(0, Math.round((Date.now() - savedAt) / 60_000));
  const ago = minutes < 1 ? 'just now' : minutes < 120 ? `${plural(minutes, 'minute')} ago` : `${plural(Math.round(minutes / 60), 'hour')} ago`;
  return `“${scene}”, ${plural(record.log.length, 'action')}, at ${clockLabel(record.playhead)}, saved ${ago}`;
}

/** The pages whose user has acted in a session (their first save withdraws the offer): an offer
 *  that arrives after that would offer back what their action has replaced. */
const actedOn = new WeakSet<PageStore>();
/** The pages that could not read the saved session (its code would not load): the autosave
 *  leaves it alone, so it is still there to offer next time. */
const keepSaved = new WeakSet<PageStore>();

/** The pages whose views have mounted (useAutosave's effect has run), and what waits for that. */
const mountedPages = new WeakSet<PageStore>();
const onMount = new WeakMap<PageStore, () => void>();
const whenMounted = (page: PageStore): Promise<void> => (mountedPages.has(page) ? Promise.resolve() : new Promise((resolve) => onMount.set(page, resolve)));

/** Offer the saved session when the page opens (not over a share link: the link wins), a moment
 *  later: reading it waits for the autosave's code. An unreadable one is dropped, and the notice
 *  says so; if the code does not load, the session is kept, and the notice says that.
 *
 *  Called from App's boot, during its first render, which React may drop and run again (a
 *  transition render restarts if a store it read changes meanwhile): so nothing is read, removed
 *  or said until the page has mounted. A notice arriving mid-render would itself be such a change,
 *  booting the page twice; a dropped boot's page never mounts, and its offer never happens. */
export async function offerSaved(page: PageStore, pane: PaneStore): Promise<void> {
  const loading = loadAutosave();
  let saved: Autosave;
  try {
    await whenMounted(page);
    saved = await loading;
  } catch {
    keepSaved.add(page);
    page.getState().notify({ tone: 'problem', text: `Your saved session could not be read: ${LINK_CODEC_MISSING}. It is kept, and this page will not save over it: reload the page to have it offered again.` });
    return;
  }
  const read = saved.readSaved(storage());
  if (read.kind === 'unreadable') {
    page.getState().notify({ tone: 'problem', text: `Your saved session could not be read (${read.error.replace(/\.$/, '')}), so it was removed. This is a fresh start.` });
    return;
  }
  if (read.kind === 'none' || actedOn.has(page)) return;
  const { record, savedAt } = read.saved;
  let restoring = false;
  const id = page.getState().notify({
    tone: 'info',
    text: `You have a saved session: ${describeSaved(record, savedAt)}. Restore it, or carry on here: your first action replaces it.`,
    untilAction: true,
    // "No, thanks": the user does not want it back, so it is not offered again.
    onDismiss: () => restoring || saved.forget(storage()),
    action: {
      label: 'Restore it',
      run: () => {
        restoring = true;
        page.getState().dismiss(id);
        openRecord(page, pane, record, 'Your saved session');
      },
    },
  });
}

/** How long after a command or a jump the session is saved. */
const SAVE_DELAY_MS = 250;

/** Save the session as it goes — after a command or a jump, every few seconds while time runs,
 *  and when the page is hidden — but only once the user has acted in it: a reset, another scene
 *  or a shared link opened never overwrites the session they saved. Their first action also
 *  withdraws the offer to restore the old one, which it has just replaced. The autosave's code is
 *  fetched as the user first acts; the session as it is when it arrives is saved, and if it can't
 *  be fetched the page says so once and asks again at the next save. */
export function useAutosave(page: PageStore, pane: PaneStore, enabled = true): void {
  useEffect(() => {
    mountedPages.add(page);
    onMount.get(page)?.();
    if (!enabled) return;
    let saved = { revision: -1, playhead: -1, epoch: -1 };
    let refused = false;
    let missing = false;
    let fetching = false;
    let live = true;
    const fetchThenSave = () => {
      if (fetching) return;
      fetching = true;
      loadAutosave().then(
        () => {
          fetching = false;
          if (live) save();
        },
        () => {
          fetching = false;
          if (!live || missing) return;
          missing = true;
          page.getState().notify({ tone: 'problem', text: `This session is not saved yet: ${LINK_CODEC_MISSING}. It is still here in this tab, and the page tries again every few seconds.` });
        },
      );
    };
    const save = () => {
      const { session, timeline } = pane.getState();
      // A lesson's session is the lesson's (rebuilt from its link); the one saved stays offered.
      if (session.actions === 0 || page.getState().lesson !== null) return;
      page.getState().acted();
      actedOn.add(page);
      if (keepSaved.has(page) || (saved.revision === session.revision && saved.playhead === session.now && saved.epoch === timeline.epoch)) return;
      if (!autosave) return fetchThenSave();
      saved = { revision: session.revision, playhead: session.now, epoch: timeline.epoch };
      if (autosave.writeSaved(storage(), session.toRecord(page.getState().speed), Date.now()) || refused) return;
      refused = true;
      page.getState().notify({ tone: 'problem', text: 'The browser would not let the page save this session (storage is full or blocked), so it will not be offered back next time. Share… still makes a link of it.' });
    };
    // Off the interaction's path: a click shows its effect first, and is saved a moment later.
    let soon: number | undefined;
    const off = pane.subscribe((s, prev) => {
      if (soon !== undefined || (s.branch === prev.branch && s.timeline === prev.timeline && s.session === prev.session)) return;
      // The user has acted: fetch the autosave's code now, so the save a moment later has it.
      if (s.session.actions > 0 && page.getState().lesson === null && !autosave) fetchThenSave();
      soon = window.setTimeout(() => {
        soon = undefined;
        save();
      }, SAVE_DELAY_MS);
    });
    const timer = window.setInterval(save, AUTOSAVE_EVERY_MS);
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      live = false;
      off();
      window.clearTimeout(soon);
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [page, pane, enabled]);
}
