// What the page is for, read from its query before anything else loads: the full playground, an
// embedded figure (`?embed`, with the parameters below) or presenter mode (`?present`). The scene
// itself (scenario, seed, speed, lesson, step, a share link) is url.ts's; this is the chrome
// around it. A parameter that is unknown or has a bad value falls back to its default with a
// message for the console: an embedded figure is never broken by its snippet. Import-free, like
// twin/view.ts, so main.tsx can read it first.

export type Mode = 'full' | 'embed' | 'present';
/** How much of the clock and the actions an embedded figure shows. */
export type Controls = 'full' | 'minimal' | 'none';
export type ThemeChoice = 'auto' | 'light' | 'dark';
/** What an embedded figure may show beside its diagram. */
export type EmbedPanel = 'timeline' | 'details' | 'tasks' | 'lesson';
/** How an embedded figure draws the cluster: the diagram, the per-zone view (text at the page's
 *  size, for a box too small to draw the diagram readably), or whichever suits the box (auto). */
export type FigureLayout = 'auto' | 'zones' | 'diagram';

export type Chrome = {
  mode: Mode;
  /** Embed only: full = the clock, speed and actions; minimal = play/pause and time; none. */
  controls: Controls;
  /** Embed only: whether the clock starts running (a figure in a post starts paused unless asked). */
  autoplay: boolean;
  /** The theme the URL asks for, or null to follow the user's choice (or the OS). */
  theme: ThemeChoice | null;
  /** The caption line; null: the user's own setting. */
  captions: boolean | null;
  /** Embed only: the panels shown with the diagram (`lesson`: the lesson panel, when a lesson is open). */
  panels: readonly EmbedPanel[];
  /** Embed only: the diagram, the per-zone view, or auto (the per-zone view in a box under
   *  FIGURE_QUERY's size). */
  layout: FigureLayout;
  /** Embed only: the snippet's name for this frame (`id=`), echoed in the height message so a page
   *  with several figures can tell them apart; null without one. */
  frameId: string | null;
};

export const FULL_CHROME: Chrome = { mode: 'full', controls: 'full', autoplay: true, theme: null, captions: null, panels: ['timeline', 'details', 'tasks', 'lesson'], layout: 'auto', frameId: null };
export const EMBED_DEFAULTS: Chrome = { mode: 'embed', controls: 'minimal', autoplay: false, theme: null, captions: true, panels: ['timeline', 'lesson'], layout: 'auto', frameId: null };

const CONTROLS: readonly Controls[] = ['full', 'minimal', 'none'];
const THEMES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];
const PANELS: readonly EmbedPanel[] = ['timeline', 'details', 'tasks', 'lesson'];
const LAYOUTS: readonly FigureLayout[] = ['auto', 'zones', 'diagram'];
/** A frame id: short, and plain enough to echo into a message and a console line. */
const FRAME_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Every parameter the page reads (url.ts's, the twin view's and these). */
const KNOWN = new Set(['scenario', 'seed', 'speed', 'lesson', 'step', 'view', 'embed', 'present', 'controls', 'autoplay', 'theme', 'captions', 'panels', 'layout', 'id']);
const FLAG_ON = new Set(['', '1', 'true', 'on', 'yes']);
const FLAG_OFF = new Set(['0', 'false', 'off', 'no']);

const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined => list.find((v) => v === value);

/** The chrome the query asks for, with a message for each bad or unknown part. */
export function readChrome(search: string): { chrome: Chrome; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const flag = (name: string): boolean | null => {
    const value = params.get(name);
    if (value === null) return null;
    const v = value.toLowerCase();
    if (FLAG_ON.has(v)) return true;
    if (FLAG_OFF.has(v)) return false;
    problems.push(`${name} must be on or off, not ${quote(value)}: using the default.`);
    return null;
  };
  const embed = flag('embed') === true;
  const present = flag('present') === true;
  if (embed && present) problems.push('A page is either embedded or presented: showing the embedded figure.');
  const chrome: Chrome = embed ? { ...EMBED_DEFAULTS } : { ...FULL_CHROME, mode: present ? 'present' : 'full' };

  const theme = params.get('theme');
  if (theme !== null) {
    const t = oneOf(THEMES, theme.toLowerCase());
    if (t) chrome.theme = t;
    else problems.push(`theme must be one of ${THEMES.join(', ')}, not ${quote(theme)}: following the system.`);
  }
  const captions = flag('captions');
  if (captions !== null) chrome.captions = captions;

  // The embed's own parameters: meaningless on the full page, so said so rather than ignored.
  const embedOnly = ['controls', 'autoplay', 'panels', 'layout', 'id'].filter((name) => params.has(name));
  if (!embed) {
    if (embedOnly.length > 0) problems.push(`${embedOnly.join(', ')} ${embedOnly.length === 1 ? 'applies' : 'apply'} only to an embedded figure (?embed).`);
  } else {
    const controls = params.get('controls');
    if (controls !== null) {
      const c = oneOf(CONTROLS, controls.toLowerCase());
      if (c) chrome.controls = c;
      else problems.push(`controls must be one of ${CONTROLS.join(', ')}, not ${quote(controls)}: using ${chrome.controls}.`);
    }
    const autoplay = flag('autoplay');
    if (autoplay !== null) chrome.autoplay = autoplay;
    const panels = params.get('panels');
    if (panels !== null) {
      const chosen: EmbedPanel[] = [];
      const parts = new Set(panels.split(',').map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
      // Each part once: a snippet with a thousand bad parts says so once per part, not a thousand times.
      for (const part of parts) {
        if (part === 'none') continue;
        const panel = oneOf(PANELS, part);
        if (!panel) problems.push(`There is no panel ${quote(part)} (there are ${PANELS.join(', ')}, or none).`);
        else if (!chosen.includes(panel)) chosen.push(panel);
      }
      // No panels only when the snippet says none; nothing usable (panels=, panels=bogus) is the default.
      if (chosen.length > 0 || parts.has('none')) chrome.panels = chosen;
      else problems.push(`panels names no panel: showing the default (${chrome.panels.join(', ')}).`);
    }
    const layout = params.get('layout');
    if (layout !== null) {
      const l = oneOf(LAYOUTS, layout.toLowerCase());
      if (l) chrome.layout = l;
      else problems.push(`layout must be one of ${LAYOUTS.join(', ')}, not ${quote(layout)}: using auto.`);
    }
    const id = params.get('id');
    if (id !== null) {
      if (FRAME_ID.test(id)) chrome.frameId = id;
      else problems.push(`id must be 1 to 64 letters, digits or - _ . :, not ${quote(id)}: the height message carries no id.`);
    }
  }
  for (const name of new Set(params.keys())) {
    // On the full page an unknown parameter is someone else's (utm_source, fbclid from a shared
    // card): ignored in silence. An embed's snippet is its author's, so its console says.
    if (!KNOWN.has(name)) {
      if (embed) problems.push(`The page has no parameter ${quote(name)}: ignored.`);
    }
    else if (params.getAll(name).length > 1) problems.push(`${name} is given more than once: the first one counts.`);
  }
  return { chrome, problems };
}

/** The chrome's part of the query that a reload keeps ("&present&theme=dark"): presenter mode, and
 *  a theme or captions the URL set. The page and the twin view append it to their own query. */
export function chromeSearch(chrome: Chrome): string {
  const params = new URLSearchParams();
  if (chrome.mode === 'present') params.set('present', '');
  if (chrome.theme !== null) params.set('theme', chrome.theme);
  if (chrome.captions !== null) params.set('captions', chrome.captions ? 'on' : 'off');
  const text = params.toString().replace(/=(&|$)/g, '$1');
  return text ? `&${text}` : '';
}
