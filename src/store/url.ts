// The page's URL: ?scenario=twins&seed=7&speed=16 for a scene, #s=… for a whole recorded session
// (a share link). The session rides in the fragment, which the browser never sends to a server:
// a long session makes a long link, and servers refuse request lines past 8–16 KB. A link may be
// hand-edited, truncated or tampered with: every bad part is reported in a short message and
// replaced by its default, never thrown.
//
// The link codec (src/session/link.ts, with fflate: ~6 KB of gzip) is not on the first screen
// (issue #3's 200 KB): it is fetched when something first needs it — a URL that carries a session
// (main.tsx waits for it before the first render), a link pasted into the tab or made. The
// autosave's code (autosave.ts, loaded by pageSession.ts) brings it along for itself.

import type * as LinkCodecModule from '../session/link.ts';
import { shorten, SPEEDS, type SessionRecord, type Speed } from '../session/record.ts';
import { CATALOG, catalogEntry } from '../lessons/catalog.ts';
import { LISTED_SCENARIOS, SCENARIOS } from '../sim/index.ts';

/** A lesson and the stage shown (1-based, as `?step=` writes it). */
export type LessonLink = { id: string; step: number };
export type SimSettings = { seed: number; scenario: string; speed: Speed; lesson?: LessonLink };
export const DEFAULT_SETTINGS: SimSettings = { seed: 1, scenario: 'default', speed: 8 };
/** The fragment parameter that carries a session. */
export const SESSION_PARAM = 's';

const isScenario = (name: string) => SCENARIOS.some((s) => s.name === name);
const quote = (value: string) => `"${shorten(value)}"`;

// ---- the link codec, on first need -------------------------------------------------------------

export type LinkCodec = typeof LinkCodecModule;
let codec: LinkCodec | null = null;

/** What a page says when the codec could not be fetched (offline, or a new version of the site
 *  replaced the files this tab was loaded from). */
export const LINK_CODEC_MISSING = 'the page could not load the part of itself that reads and writes sessions (the connection may be down, or the site was updated since this tab opened)';

/** The codec, fetched on the first call; callers meanwhile share that fetch. After a failure the
 *  next need asks again — whether the browser fetches again or repeats the failure is its own
 *  (the HTML standard now says fetch again: whatwg/html#10327) — so messages say to reload. */
export const loadLinkCodec = (): Promise<LinkCodec> => (codec ? Promise.resolve(codec) : import('../session/link.ts').then((m) => (codec = m)));

/** The codec if it has loaded, else null (nothing is fetched). */
export const loadedLinkCodec = (): LinkCodec | null => codec;

/** For a lazy module that imports the codec statically (the dialogs, which make links as they
 *  open): the codec is there, no fetch needed. */
export function provideLinkCodec(loaded: LinkCodec): void {
  codec ??= loaded;
}

// ---- the fragment -------------------------------------------------------------------------------

/** The session a URL's fragment carries (`#s=…`): the record, or why it can't be read. */
export type SessionLink = { ok: true; record: SessionRecord } | { ok: false; error: string };

/** The fragment's encoded session, or null when it carries none: what tells, without the codec,
 *  whether it is needed. */
export function sessionParam(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(SESSION_PARAM);
}

/** The fragment's session, or null when it carries none. Reads with the codec already loaded
 *  (`loadLinkCodec`, or `loadSessionHash`); without it the link is reported unread. */
export function readSessionHash(hash: string): SessionLink | null {
  const encoded = sessionParam(hash);
  if (encoded === null) return null;
  if (!codec) return { ok: false, error: `The link could not be read: ${LINK_CODEC_MISSING}. Reload the page to try again.` };
  const decoded = codec.decodeSession(encoded);
  return decoded.ok ? { ok: true, record: decoded.value } : decoded;
}

/** `readSessionHash`, fetching the codec first if the fragment carries a session. Never rejects. */
export async function loadSessionHash(hash: string): Promise<SessionLink | null> {
  if (sessionParam(hash) === null) return null;
  await loadLinkCodec().catch(() => null);
  return readSessionHash(hash);
}

/** The scene the query asks for, with a message for each bad part. */
export function readUrl(search: string): { settings: SimSettings; problems: string[] } {
  const params = new URLSearchParams(search);
  const settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (isScenario(scenario)) settings.scenario = scenario;
    else problems.push(`There is no scenario ${quote(scenario)} (there are ${LISTED_SCENARIOS.map((s) => s.name).join(', ')}): showing "${settings.scenario}".`);
  }
  const lesson = params.get('lesson');
  if (lesson !== null) {
    const entry = catalogEntry(lesson);
    if (!entry) problems.push(`There is no lesson ${quote(lesson)} (there are ${CATALOG.map((c) => c.id).join(', ')}): showing "${settings.scenario}" instead.`);
    else {
      const stepText = params.get('step');
      let step = 1;
      if (stepText !== null) {
        if (/^\d{1,3}$/.test(stepText) && Number(stepText) >= 1) step = Number(stepText);
        else problems.push(`A lesson's step must be a whole number from 1, not ${quote(stepText)}: starting at step 1.`);
      }
      settings.lesson = { id: entry.id, step };
      settings.scenario = entry.scene;
    }
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 2 ** 32 - 1) settings.seed = Number(seed);
    else problems.push(`The seed must be a whole number from 0 to 4294967295, not ${quote(seed)}: using ${settings.seed}.`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if ((SPEEDS as readonly number[]).includes(n)) settings.speed = n as Speed;
    else problems.push(`The speed must be one of ${SPEEDS.join(', ')}, not ${quote(speed)}: using ${settings.speed}×.`);
  }
  return { settings, problems };
}

/** The query for a scene as the page shows it now: what a reload should keep. The seed only when
 *  it is not the default, so the usual link stays short. */
export function sceneSearch(settings: SimSettings): string {
  if (settings.lesson) return `?${new URLSearchParams({ lesson: settings.lesson.id, step: String(settings.lesson.step), speed: String(settings.speed) })}`;
  const params = new URLSearchParams({ scenario: settings.scenario });
  if (settings.seed !== DEFAULT_SETTINGS.seed) params.set('seed', String(settings.seed));
  params.set('speed', String(settings.speed));
  return `?${params}`;
}

/** The fragment of a share link: the whole session, which carries its scene, seed and speed too. */
export function sessionHash(encoded: string): string {
  return `#${SESSION_PARAM}=${encoded}`;
}
