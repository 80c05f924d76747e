// The scene picker (every built-in scenario with its title and what it shows) and the share
// dialog (a link that reopens this exact moment: the same tasks, IDs and events).

import { useEffect, useId, useRef, useState } from 'react';
import * as linkCodec from '../../session/link.ts';
import { clockLabel, LISTED_SCENARIOS } from '../../sim/index.ts';
import { usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { provideLinkCodec } from '../../store/url.ts';
import { openScene, shareLink } from '../pageSession.ts';
import '../../sim/schedules.ts'; // a scene may hold schedules (src/sim/extensions.ts)
import { plural } from '../format.ts';
import { Dialog } from './Dialog.tsx';

// The share and embed dialogs make their link as they open, so the link codec (fetched on first
// need elsewhere: it is not on the first screen) comes with the dialogs' own code.
provideLinkCodec(linkCodec);

export function ScenesDialog() {
  const page = usePageApi();
  const pane = usePaneApi();
  const current = usePane((s) => s.session.scenario);
  const open = (name: string) => {
    openScene(pane, name);
    page.getState().openDialog(null);
    document.querySelector<HTMLElement>('.app-header button.scenario')?.focus();
  };
  return (
    <Dialog title="Choose a scene" wide>
      <p className="muted small">Each scene starts a fresh session. What you did in this one stays in your browser until you act in the new one.</p>
      <ul className="scenes">
        {LISTED_SCENARIOS.map((s) => (
          <li key={s.name}>
            <button type="button" className={s.name === current ? 'scene current' : 'scene'} onClick={() => open(s.name)} aria-current={s.name === current ? 'true' : undefined} autoFocus={s.name === current}>
              <span className="scene-title">{s.title}{s.name === current && <span className="muted"> (showing now)</span>}</span>
              <span className="scene-description">{s.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

export function ShareDialog() {
  const page = usePageApi();
  const pane = usePaneApi();
  const [link] = useState(() => shareLink(page, pane, window.location));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const now = pane.getState().sim.now;
  const actions = pane.getState().session.entries.length;

  const copy = async () => {
    if (!('url' in link)) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('no');
    }
  };
  useEffect(() => inputRef.current?.select(), []);

  return (
    <Dialog title="Share this moment">
      {'error' in link ? (
        <p className="notice" role="alert">{link.error}</p>
      ) : (
        <>
          <p>
            This link reopens the session at {clockLabel(now)}, with its {plural(actions, 'action')}: the same tasks with the same IDs, the same events. Anyone who opens it can scrub back and change the story.
          </p>
          <label htmlFor={inputId}>Link</label>
          <div className="share-row">
            <input id={inputId} ref={inputRef} className="share-link" readOnly value={link.url} onFocus={(e) => e.target.select()} data-testid="share-link" />
            <button type="button" className="primary" onClick={() => void copy()}>Copy link</button>
          </div>
          <p role="status" className="small">
            {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The browser would not let the page copy: the link is selected, so press Ctrl+C (⌘C on a Mac).' : ''}
          </p>
          <p className="muted small">{link.url.length.toLocaleString('en-US')} characters. Nothing is sent anywhere: the whole session is in the link.</p>
        </>
      )}
    </Dialog>
  );
}
