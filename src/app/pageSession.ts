// Where a pane's session meets the browser: the URL that follows the page, the share link, the
// autosave and the offer to restore it. The session layer stays pure; this is the glue.

import { useEffect } from 'react';
import { encodeSession, MAX_LINK_LENGTH } from '../session/link.ts';
import { MAX_SESSION_MS, type SessionRecord } from '../session/record.ts';
import { AUTOSAVE_EVERY_MS, forget, readSaved, writeSaved } from '../store/autosave.ts';
import { chromeSearch } from '../store/mode.ts';
import type { PageStore } from '../store/pageStore.ts';
import { newPaneSession, openPaneSession, type PaneSession, type PaneStore } from '../store/paneStore.ts';
import { DEFAULT_SETTINGS, readSessionHash, sceneSearch, sessionHash, type SessionLink } from '../store/url.ts';
import { clockLabel, findScenario } from '../sim/index.ts';
import { plural } from './format.ts';

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

/** The link that reopens this exact moment, or why there is none. */
export function shareLink(page: PageStore, pane: PaneStore, location: Pick<Location, 'origin' | 'pathname'>): { url: string } | { error: string } {
  const record = pane.getState().session.toRecord(page.getState().speed);
  if (record.end > MAX_SESSION_MS) return { error: `This session is longer than a day of sim time, too long for a link (a link must be quick to open). Reset, or share a shorter one.` };
  const encoded = encodeSession(record);
  if (encoded.length > MAX_LINK_LENGTH) return { error: `This session is too long for a link (${encoded.length.toLocaleString('en-US')} characters; at most ${MAX_LINK_LENGTH.toLocaleString('en-US')}). Reset, or share a shorter one.` };
  return { url: `${location.origin}${location.pathname}${sceneSearch(record)}${sessionHash(encoded)}` };
}

/** The URL follows the page (scene, seed, speed) without adding history entries, so a reload
 *  keeps them. A share link's fragment stays while its session is shown untouched, so a reload
 *  reopens it too; once the user acts (and the autosave has their session), it goes. A link
 *  pasted into a tab that already shows the page changes only the fragment, which does not
 *  reload it: it is opened here. */
export function useUrl(page: PageStore, pane: PaneStore, openedFromLink: PaneSession | null, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let linked = openedFromLink;
    const write = () => {
      const { session } = pane.getState();
      const { speed, lesson } = page.getState();
      const search = sceneSearch({ scenario: session.scenario, seed: session.seed, speed, ...(lesson ? { lesson } : {}) }) + chromeSearch(page.getState().chrome);
      const hash = linked === session && session.actions === 0 ? window.location.hash : '';
      if (window.location.search !== search || window.location.hash !== hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
    };
    const onHash = () => {
      const link = readSessionHash(window.location.hash);
      if (link === null) return;
      if (openLink(page, pane, link, 'What you had on the page is unchanged.')) linked = pane.getState().session;
      write();
    };
    write();
    const offPage = page.subscribe((s, prev) => (s.speed !== prev.speed || s.lesson !== prev.lesson || s.chrome !== prev.chrome) && write());
    const offPane = pane.subscribe((s, prev) => (s.session !== prev.session || s.branch !== prev.branch) && write());
    window.addEventListener('hashchange', onHash);
    return () => {
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

/** Offer the saved session when the page opens (not over a share link: the link wins). An
 *  unreadable one is dropped, and the notice says so. */
export function offerSaved(page: PageStore, pane: PaneStore): void {
  const read = readSaved(storage());
  if (read.kind === 'unreadable') {
    page.getState().notify({ tone: 'problem', text: `Your saved session could not be read (${read.error.replace(/\.$/, '')}), so it was removed. This is a fresh start.` });
    return;
  }
  if (read.kind === 'none') return;
  const { record, savedAt } = read.saved;
  let restoring = false;
  const id = page.getState().notify({
    tone: 'info',
    text: `You have a saved session: ${describeSaved(record, savedAt)}. Restore it, or carry on here: your first action replaces it.`,
    untilAction: true,
    // "No, thanks": the user does not want it back, so it is not offered again.
    onDismiss: () => restoring || forget(storage()),
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
 *  withdraws the offer to restore the old one, which it has just replaced. */
export function useAutosave(page: PageStore, pane: PaneStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let saved = { revision: -1, playhead: -1, epoch: -1 };
    let refused = false;
    const save = () => {
      const { session, timeline } = pane.getState();
      // A lesson's session is the lesson's (rebuilt from its link); the one saved stays offered.
      if (session.actions === 0 || page.getState().lesson !== null) return;
      page.getState().acted();
      if (saved.revision === session.revision && saved.playhead === session.now && saved.epoch === timeline.epoch) return;
      saved = { revision: session.revision, playhead: session.now, epoch: timeline.epoch };
      if (writeSaved(storage(), session.toRecord(page.getState().speed), Date.now()) || refused) return;
      refused = true;
      page.getState().notify({ tone: 'problem', text: 'The browser would not let the page save this session (storage is full or blocked), so it will not be offered back next time. Share… still makes a link of it.' });
    };
    // Off the interaction's path: a click shows its effect first, and is saved a moment later.
    let soon: number | undefined;
    const off = pane.subscribe((s, prev) => {
      if (soon === undefined && (s.branch !== prev.branch || s.timeline !== prev.timeline || s.session !== prev.session))
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
      off();
      window.clearTimeout(soon);
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [page, pane, enabled]);
}

