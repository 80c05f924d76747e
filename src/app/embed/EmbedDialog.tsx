// "Embed…": the <iframe> snippet that puts this scene, this lesson step or this moment in a blog
// post, with the figure's parameters as form controls, a Copy button, the optional host script's
// line, and a live preview (the snippet's own URL in a frame, scaled to fit).

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { clockLabel, findScenario } from '../../sim/index.ts';
import { SPEEDS, type Speed } from '../../session/record.ts';
import type { Controls, EmbedPanel, FigureLayout, ThemeChoice } from '../../store/mode.ts';
import { usePage, usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { Dialog } from '../actions/Dialog.tsx';
import { shareLink } from '../pageSession.ts';
import { embedUrl, hostScriptLine, iframeSnippet, SANDBOX, SIZE, type EmbedSubject } from './snippet.ts';
import './embed.css';

type What = 'scene' | 'moment' | 'lesson';
const PANELS: { id: EmbedPanel; label: string }[] = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'lesson', label: 'Lesson (when one is open)' },
  { id: 'details', label: 'Details tabs' },
  { id: 'tasks', label: 'Tasks table' },
];
const THEMES: { value: ThemeChoice | ''; label: string }[] = [
  { value: '', label: "The reader's choice" },
  { value: 'auto', label: "The reader's system" },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const speedLabel = (s: number) => (s === 0.25 ? '¼×' : s === 0.5 ? '½×' : `${s}×`);
const PREVIEW_WIDTH = 560;

export function EmbedDialog() {
  const page = usePageApi();
  const pane = usePaneApi();
  const lesson = usePage((s) => s.lesson);
  const id = useId();
  // The moment is the one the dialog was opened at.
  const [moment] = useState(() => {
    const link = shareLink(page, pane, window.location);
    return 'url' in link ? { hash: new URL(link.url).hash, at: pane.getState().sim.now } : { error: link.error };
  });
  const { scenario, seed } = pane.getState().session;
  const sceneTitle = findScenario(scenario)?.title ?? scenario;

  const [what, setWhat] = useState<What>(lesson ? 'lesson' : 'scene');
  const [controls, setControls] = useState<Controls>('minimal');
  const [layout, setLayout] = useState<FigureLayout>('auto');
  const [autoplay, setAutoplay] = useState(false);
  const [speed, setSpeed] = useState<Speed>(page.getState().speed);
  const [theme, setTheme] = useState<ThemeChoice | ''>('');
  const [captions, setCaptions] = useState(true);
  const [panels, setPanels] = useState<EmbedPanel[]>(['timeline', 'lesson']);
  const [width, setWidth] = useState('720');
  const [height, setHeight] = useState('450');
  const [withScript, setWithScript] = useState(true);
  const [copy_, setCopy] = useState<{ of: string; ok: boolean } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const subject: EmbedSubject =
    what === 'lesson' && lesson ? { kind: 'lesson', id: lesson.id, step: lesson.step } : what === 'moment' && 'hash' in moment ? { kind: 'moment', hash: moment.hash } : { kind: 'scene', scenario, seed };
  const base = `${window.location.origin}${window.location.pathname}`;
  const w = Number(width);
  const h = Number(height);
  const sizeOk = Number.isInteger(w) && w >= SIZE.minWidth && w <= SIZE.maxWidth && Number.isInteger(h) && h >= SIZE.minHeight && h <= SIZE.maxHeight;
  const options = { subject, controls, autoplay, speed, theme: theme === '' ? null : theme, captions, panels, layout };
  const title = `ECS Playground: ${subject.kind === 'lesson' ? `lesson ${subject.id}, step ${subject.step}` : sceneTitle}`;
  const snippet = iframeSnippet(base, { ...options, title, width: w, height: h }) + (withScript ? `\n${hostScriptLine(base)}` : '');
  const url = embedUrl(base, options);
  // What Copy said holds for the snippet it copied, not for one changed since.
  const copied = copy_?.of !== snippet ? null : copy_.ok ? 'yes' : 'no';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopy({ of: snippet, ok: true });
    } catch {
      textRef.current?.focus();
      textRef.current?.select();
      setCopy({ of: snippet, ok: false });
    }
  };
  const togglePanel = (panel: EmbedPanel, on: boolean) => setPanels((ps) => (on ? [...ps.filter((p) => p !== panel), panel] : ps.filter((p) => p !== panel)));

  return (
    <Dialog title="Embed this scene" wide>
      <form className="embed-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>What the figure shows</legend>
          {lesson && (
            <label className="check">
              <input type="radio" name={`${id}-what`} checked={what === 'lesson'} onChange={() => setWhat('lesson')} /> This lesson at step {lesson.step}
            </label>
          )}
          <label className="check">
            <input type="radio" name={`${id}-what`} checked={what === 'scene'} onChange={() => setWhat('scene')} /> “{sceneTitle}” as it opens
          </label>
          <label className="check">
            <input type="radio" name={`${id}-what`} checked={what === 'moment'} disabled={'error' in moment} onChange={() => setWhat('moment')} aria-describedby={'error' in moment ? `${id}-moment-error` : undefined} /> This moment
            {'at' in moment && `, ${clockLabel(moment.at)}, with what was done to get here`}
          </label>
          {'error' in moment && <p className="small muted" id={`${id}-moment-error`}>{moment.error}</p>}
        </fieldset>
        <div className="embed-form-grid">
          {/* Short option names (a select's box is narrow), each said in full in the hint below. */}
          <Field id={`${id}-controls`} label="Controls" hint={CONTROLS_HINT[controls]}>
            <select id={`${id}-controls`} value={controls} onChange={(e) => setControls(e.target.value as Controls)} aria-describedby={`${id}-controls-hint`}>
              <option value="minimal">Minimal</option>
              <option value="full">Full</option>
              <option value="none">None</option>
            </select>
          </Field>
          <Field id={`${id}-layout`} label="Picture" hint={LAYOUT_HINT[layout]}>
            <select id={`${id}-layout`} value={layout} onChange={(e) => setLayout(e.target.value as FigureLayout)} aria-describedby={`${id}-layout-hint`}>
              <option value="auto">Fit the size</option>
              <option value="zones">Zones</option>
              <option value="diagram">Diagram</option>
            </select>
          </Field>
          <Field id={`${id}-speed`} label="Speed" hint={what === 'moment' ? 'A moment keeps the speed it was shared at.' : undefined}>
            <select id={`${id}-speed`} value={speed} disabled={what === 'moment'} onChange={(e) => setSpeed(Number(e.target.value) as Speed)} aria-describedby={what === 'moment' ? `${id}-speed-hint` : undefined}>
              {SPEEDS.map((s) => <option key={s} value={s}>{speedLabel(s)}</option>)}
            </select>
          </Field>
          <Field id={`${id}-theme`} label="Theme">
            <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice | '')}>
              {THEMES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
          </Field>
          <Field id={`${id}-width`} label="Width (px)">
            <input id={`${id}-width`} type="number" inputMode="numeric" min={SIZE.minWidth} max={SIZE.maxWidth} value={width} onChange={(e) => setWidth(e.target.value)} aria-invalid={sizeOk ? undefined : true} aria-describedby={`${id}-size`} />
          </Field>
          <Field id={`${id}-height`} label="Height (px)">
            <input id={`${id}-height`} type="number" inputMode="numeric" min={SIZE.minHeight} max={SIZE.maxHeight} value={height} onChange={(e) => setHeight(e.target.value)} aria-invalid={sizeOk ? undefined : true} aria-describedby={`${id}-size`} />
          </Field>
        </div>
        <p className={sizeOk ? 'small muted' : 'small field-error'} id={`${id}-size`}>
          {sizeOk ? 'The frame is never wider than its column; with the host script its height follows the figure.' : `Width ${SIZE.minWidth}–${SIZE.maxWidth} and height ${SIZE.minHeight}–${SIZE.maxHeight}, whole pixels: the snippet uses the nearest.`}
        </p>
        <div className="embed-form-checks">
          <label className="check"><input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} /> Start playing</label>
          <label className="check"><input type="checkbox" checked={captions} onChange={(e) => setCaptions(e.target.checked)} /> Caption line</label>
          <label className="check"><input type="checkbox" checked={withScript} onChange={(e) => setWithScript(e.target.checked)} /> Host script (height follows the figure)</label>
        </div>
        <fieldset>
          <legend>Panels</legend>
          <div className="embed-form-checks">
            {PANELS.map((p) => (
              <label className="check" key={p.id}>
                <input type="checkbox" checked={panels.includes(p.id)} onChange={(e) => togglePanel(p.id, e.target.checked)} /> {p.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={`${id}-snippet`}>Snippet</label>
        <textarea id={`${id}-snippet`} ref={textRef} className="embed-snippet" readOnly rows={withScript ? 7 : 6} value={snippet} onFocus={(e) => e.target.select()} data-testid="embed-snippet" />
        <div className="form-actions embed-copy">
          <p role="status" className="small">
            {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The browser would not let the page copy: the snippet is selected, so press Ctrl+C (⌘C on a Mac).' : ''}
          </p>
          <button type="button" className="primary" onClick={() => void copy()}>Copy snippet</button>
        </div>
      </form>
      <Preview url={url} width={sizeOk ? w : 720} height={sizeOk ? h : 450} />
    </Dialog>
  );
}

const CONTROLS_HINT: Record<Controls, string> = {
  minimal: 'Play / pause and the time.',
  full: 'The time, play, step, speed and reset.',
  none: 'No controls: the figure follows Start playing.',
};

const LAYOUT_HINT: Record<FigureLayout, string> = {
  auto: 'Zones under 900×540 px, where the diagram is too small to read; else the diagram.',
  zones: 'Each Availability Zone and its tasks, in words.',
  diagram: 'The diagram, drawn to fit the frame.',
};

/** A label above its control (a label wrapping a select would take the selected option into its name). */
function Field({ id, label, hint, children }: { id: string; label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="embed-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="small muted" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}

/** The figure as the snippet will show it, scaled to the room the dialog has. */
function Preview({ url, width, height }: { url: string; width: number; height: number }) {
  const ref = useRef<HTMLElement>(null);
  const [room, setRoom] = useState(PREVIEW_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setRoom(el.clientWidth || PREVIEW_WIDTH));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const scale = Math.min(1, room / width);
  return (
    <figure className="embed-preview" ref={ref}>
      <figcaption className="small muted">Preview{scale < 1 ? ` at ${Math.round(scale * 100)} %` : ''}</figcaption>
      <div className="embed-preview-box" style={{ width: width * scale, height: height * scale }}>
        <iframe src={url} title="Preview of the embedded figure" width={width} height={height} sandbox={SANDBOX} style={{ transform: `scale(${scale})` }} data-testid="embed-preview" />
      </div>
    </figure>
  );
}
