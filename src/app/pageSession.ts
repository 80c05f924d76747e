// Where a pane's session meets the browser: the URL that follows the page, the share link, the
// autosave and the offer to restore it. The session layer stays pure; this is the glue.

import { useEffect } from 'react';
import { encodeSession, MAX_LINK_LENGTH } from '../session/link.ts';
import type { SessionRecord } from '../session/record.ts';
import { AUTOSAVE_EVERY_MS, forget, readSaved, writeSaved } from '../store/autosave.ts';
import type { PageStore } from '../store/pageStore.ts';
import { newPaneSession, openPaneSession, type PaneStore } from '../store/paneStore.ts';
import { sceneSearch, sessionHash } from '../store/url.ts';
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
export function openScene(pane: PaneStore, scenario: string, seed = 1): void {
  pane.getState().load(newPaneSession(scenario, seed, pane.getState().timeline.epoch + 1));
}

/** Open a recorded session in a pane; false (and a notice) when it no longer applies. */
export function openRecord(page: PageStore, pane: PaneStore, record: SessionRecord, what: string): boolean {
  const opened = openPaneSession(record, pane.getState().timeline.epoch + 1);
  if (!opened.ok) {
    page.getState().notify({ tone: 'problem', text: `${what} could not be opened: ${opened.error}` });
    return false;
  }
  pane.getState().load(opened.session);
  page.getState().setSpeed(record.speed);
  page.getState().setPlaying(false); // the moment as it was left: Play goes on from it
  return true;
}

/** The link that reopens this exact moment, or why there is none. */
export function shareLink(page: PageStore, pane: PaneStore, location: Pick<Location, 'origin' | 'pathname'>): { url: string } | { error: string } {
  const encoded = encodeSession(pane.getState().record(page.getState().speed));
  if (encoded.length > MAX_LINK_LENGTH) return { error: `This session is too long for a link (${encoded.length.toLocaleString('en-US')} characters; at most ${MAX_LINK_LENGTH.toLocaleString('en-US')}). Reset, or share a shorter one.` };
  return { url: `${location.origin}${location.pathname}${sceneSearch({ scenario: pane.getState().session.scenario, seed: pane.getState().session.seed, speed: page.getState().speed })}${sessionHash(encoded)}` };
}

/** The URL follows the page (scene, seed, speed) without adding history entries, so a reload
 *  keeps them. A share link's session (the fragment) is dropped once opened: the autosave has it. */
export function useUrlFollowsPage(page: PageStore, pane: PaneStore): void {
  useEffect(() => {
    const write = () => {
      const { session } = pane.getState();
      const search = sceneSearch({ scenario: session.scenario, seed: session.seed, speed: page.getState().speed });
      if (window.location.search !== search || window.location.hash !== '') window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
    };
    write();
    const offPage = page.subscribe((s, prev) => s.speed !== prev.speed && write());
    const offPane = pane.subscribe((s, prev) => s.session !== prev.session && write());
    return () => {
      offPage();
      offPane();
    };
  }, [page, pane]);
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
export function offerSaved(page: PageStore, pane: PaneStore): { pending: boolean } {
  const read = readSaved(storage());
  if (read.kind === 'unreadable') {
    page.getState().notify({ tone: 'problem', text: `Your saved session could not be read (${read.error.replace(/\.$/, '')}), so it was removed. This is a fresh start.` });
    return { pending: false };
  }
  if (read.kind === 'none') return { pending: false };
  const { record, savedAt } = read.saved;
  if (record.log.length === 0 && record.playhead < 60_000) return { pending: false }; // nothing worth restoring
  const state = { pending: true };
  const id = page.getState().notify({
    tone: 'info',
    text: `You have a saved session: ${describeSaved(record, savedAt)}.`,
    action: {
      label: 'Restore it',
      run: () => {
        page.getState().dismiss(id);
        state.pending = false;
        openRecord(page, pane, record, 'Your saved session');
      },
    },
    onDismiss: () => {
      state.pending = false;
    },
  });
  return state;
}

/** Save the session as it goes: at once after a command or a jump, every few seconds while
 *  time runs, and when the page is hidden. While a restore is on offer, nothing is written over
 *  the saved session until the user acts or answers. */
export function useAutosave(page: PageStore, pane: PaneStore, offer: { pending: boolean }): void {
  useEffect(() => {
    let saved = { revision: -1, playhead: -1, epoch: -1 };
    const save = () => {
      const { session, timeline } = pane.getState();
      if (offer.pending) {
        if (session.entries.length === 0) return;
        offer.pending = false; // the user acted: this is their session now
      }
      if (saved.revision === session.revision && saved.playhead === session.now && saved.epoch === timeline.epoch) return;
      saved = { revision: session.revision, playhead: session.now, epoch: timeline.epoch };
      if (session.entries.length === 0 && session.now < 60_000) return forget(storage());
      writeSaved(storage(), session.toRecord(page.getState().speed), Date.now());
    };
    const off = pane.subscribe((s, prev) => {
      if (s.branch !== prev.branch || s.timeline !== prev.timeline || s.session !== prev.session) save();
    });
    const timer = window.setInterval(save, AUTOSAVE_EVERY_MS);
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      off();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [page, pane, offer]);
}
