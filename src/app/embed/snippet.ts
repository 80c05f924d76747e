// The Embed dialog's output, as pure functions: the figure's URL for what is embedded (a scene from
// its start, a lesson step, or this moment as a share link's session) and the chosen parameters,
// and the <iframe> snippet around it. Only what differs from the figure's defaults is written, so
// a snippet says what its author chose.

import type { Speed } from '../../session/record.ts';
import { EMBED_DEFAULTS, type Controls, type EmbedPanel, type FigureLayout, type ThemeChoice } from '../../store/mode.ts';
import { DEFAULT_SETTINGS } from '../../store/url.ts';

/** What the figure shows. `moment`: a share link's fragment (`#s=…`), which carries its own
 *  scene, seed and speed. */
export type EmbedSubject =
  | { kind: 'scene'; scenario: string; seed: number }
  | { kind: 'lesson'; id: string; step: number }
  | { kind: 'moment'; hash: string };

export type EmbedOptions = {
  subject: EmbedSubject;
  controls: Controls;
  autoplay: boolean;
  /** Ignored for a moment: its link carries the speed it was shared at. */
  speed: Speed;
  /** null: the reader's own choice on the playground (or their system's). */
  theme: ThemeChoice | null;
  captions: boolean;
  panels: readonly EmbedPanel[];
  /** The diagram, the per-zone view, or whichever suits the frame's size (absent: auto). */
  layout?: FigureLayout;
  /** The frame's name in its height message, if the author wants one. */
  id?: string;
};

export type SnippetOptions = EmbedOptions & { title: string; width: number; height: number };

/** Limits the dialog holds the size to. */
export const SIZE = { minWidth: 320, maxWidth: 1600, minHeight: 240, maxHeight: 2000 };
const PANEL_ORDER: readonly EmbedPanel[] = ['timeline', 'lesson', 'details', 'tasks'];

/**
 * The sandbox a figure needs, and no more:
 * - allow-scripts: the figure is an app;
 * - allow-same-origin: its module scripts load from its own origin (an opaque origin would need
 *   CORS headers most static hosts don't send) and it may read the reader's theme;
 * - allow-popups: "Open full view" opens the app in a new tab;
 * - allow-popups-to-escape-sandbox: that tab is the ordinary app, not a sandboxed copy.
 * Not allow-top-navigation, allow-forms, allow-modals or allow-downloads: the figure uses none.
 * (As with any frame given both allow-scripts and allow-same-origin, a figure served from the
 * same origin as the host page could lift its own sandbox; on another origin it cannot.)
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** `base`: the app's own address, origin + pathname (so a copy served from a sub-path works). */
export function embedUrl(base: string, o: EmbedOptions): string {
  const params = new URLSearchParams();
  const { subject } = o;
  if (subject.kind === 'scene') {
    params.set('scenario', subject.scenario);
    if (subject.seed !== DEFAULT_SETTINGS.seed) params.set('seed', String(subject.seed));
  } else if (subject.kind === 'lesson') {
    params.set('lesson', subject.id);
    params.set('step', String(subject.step));
  }
  if (subject.kind !== 'moment' && o.speed !== DEFAULT_SETTINGS.speed) params.set('speed', String(o.speed));
  if (o.controls !== EMBED_DEFAULTS.controls) params.set('controls', o.controls);
  if (o.autoplay !== EMBED_DEFAULTS.autoplay) params.set('autoplay', o.autoplay ? '1' : '0');
  if (o.theme !== null) params.set('theme', o.theme);
  if (!o.captions) params.set('captions', 'off');
  const panels = PANEL_ORDER.filter((p) => o.panels.includes(p));
  if (panels.join() !== EMBED_DEFAULTS.panels.join()) params.set('panels', panels.length ? panels.join(',') : 'none');
  if (o.layout && o.layout !== EMBED_DEFAULTS.layout) params.set('layout', o.layout);
  if (o.id) params.set('id', o.id);
  const rest = params.toString().replaceAll('%2C', ',');
  const hash = subject.kind === 'moment' ? subject.hash : '';
  return `${base}?embed${rest ? `&${rest}` : ''}${hash}`;
}

const ENTITIES = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]);
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES.get(c)!);
const clampWhole = (n: number, min: number, max: number) => (Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min);

/** The <iframe> to paste: titled (a screen reader names the frame by it), sized, lazy, sandboxed,
 *  marked for the host script, and never wider than the column it is put in. */
export function iframeSnippet(base: string, o: SnippetOptions): string {
  const width = clampWhole(o.width, SIZE.minWidth, SIZE.maxWidth);
  const height = clampWhole(o.height, SIZE.minHeight, SIZE.maxHeight);
  return [
    `<iframe src="${escapeHtml(embedUrl(base, o))}"`,
    `  title="${escapeHtml(o.title)}"`,
    `  width="${width}" height="${height}" loading="lazy"`,
    `  sandbox="${SANDBOX}"`,
    `  style="max-width: 100%; border: 1px solid #d0d7de; border-radius: 8px"`,
    `  data-ecs-playground></iframe>`,
  ].join('\n');
}

/** The optional host script's line, beside the app (`base` is the app's own address). */
export function hostScriptLine(base: string): string {
  return `<script src="${escapeHtml(new URL('embed.js', base).href)}" defer></script>`;
}
