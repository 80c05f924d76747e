// The page's URL: ?scenario=twins&seed=7&speed=16 for a scene, #s=… for a whole recorded session
// (a share link). The session rides in the fragment, which the browser never sends to a server:
// a long session makes a long link, and servers refuse request lines past 8–16 KB. A link may be
// hand-edited, truncated or tampered with: every bad part is reported in a short message and
// replaced by its default, never thrown.

import { decodeSession } from '../session/link.ts';
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

/** The session a URL's fragment carries (`#s=…`): the record, or why it can't be read. */
export type SessionLink = { ok: true; record: SessionRecord } | { ok: false; error: string };

/** The fragment's session, or null when it carries none. */
export function readSessionHash(hash: string): SessionLink | null {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(SESSION_PARAM);
  if (encoded === null) return null;
  const decoded = decodeSession(encoded);
  return decoded.ok ? { ok: true, record: decoded.value } : decoded;
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
