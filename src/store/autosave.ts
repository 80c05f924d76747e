// The session is saved in the browser as it goes, so closing the tab loses nothing: reopening the
// page offers to restore it. What is saved is the share link's encoding with the time it was
// saved. What is read back is untrusted (another version of the page, a hand edit, a full disk
// that cut a write short): a saved session that can't be read is dropped with a notice, never a
// crash.
//
// Not on the first screen (issue #3's budget): this module and the link codec it uses load when
// the page first needs them — a saved session to offer, the user's first action to save — through
// pageSession.ts, which imports it only dynamically.

import { decodeSession, encodeSession } from '../session/link.ts';
import type { SessionRecord } from '../session/record.ts';

export const AUTOSAVE_KEY = 'ecs-playground/session';
/** A saved session may be longer than a link: no URL carries it (5,000 commands fit). */
const MAX_SAVED_LENGTH = 1_000_000;

export type Saved = { savedAt: number; record: SessionRecord };
export type SavedRead = { kind: 'none' } | { kind: 'saved'; saved: Saved } | { kind: 'unreadable'; error: string };

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function parseSaved(text: string | null): SavedRead {
  if (text === null || text === '') return { kind: 'none' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', error: 'it is not JSON text' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'unreadable', error: 'it is not a saved session' };
  const savedAt = Object.hasOwn(raw, 'savedAt') ? (raw as Record<string, unknown>).savedAt : undefined;
  const session = Object.hasOwn(raw, 'session') ? (raw as Record<string, unknown>).session : undefined;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || typeof session !== 'string') return { kind: 'unreadable', error: 'it is not a saved session' };
  const decoded = decodeSession(session, MAX_SAVED_LENGTH);
  if (!decoded.ok) return { kind: 'unreadable', error: decoded.error };
  return { kind: 'saved', saved: { savedAt, record: decoded.value } };
}

/** Read the saved session; an unreadable one is removed at once, so it is reported only once. */
export function readSaved(storage: StorageLike | null): SavedRead {
  let text: string | null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return { kind: 'none' }; // storage blocked (privacy settings): nothing saved, nothing to say
  }
  const read = parseSaved(text);
  if (read.kind === 'unreadable') forget(storage);
  return read;
}

/** Save; false when the browser refused (full, or blocked), which the caller may mention once. */
export function writeSaved(storage: StorageLike | null, record: SessionRecord, savedAt: number): boolean {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt, session: encodeSession(record) }));
    return storage !== null;
  } catch {
    return false;
  }
}

export function forget(storage: StorageLike | null): void {
  try {
    storage?.removeItem(AUTOSAVE_KEY);
  } catch {
    // blocked: there is nothing to remove
  }
}
