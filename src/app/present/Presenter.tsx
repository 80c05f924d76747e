// Presenter mode (`?present`, or P): the playground for a projector. present.css, keyed on
// <html data-mode="present">, hides the chrome (the header's actions, the timeline, the tabs, the
// tasks table, the scene card, the footer) and sets large type in high contrast; this layer adds
// what a presenter needs on top: a bar in the header (whack a task, leave presenter mode), the
// HUD under the diagram (the whack-a-task score, what the last key did, the keys), and the
// clicker's keys — PageDown / PageUp and the arrows step a lesson (keys.ts says when), W stops a
// random running task of a service (score.ts).

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PaneStore } from '../../store/paneStore.ts';
import { step } from '../../store/playback.ts';
import { usePage, usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { focusKind, presenterKey } from './keys.ts';
import { nowText, scoreOf, scoreText, whackTarget } from './score.ts';
import { whack } from './whack.ts';
import './present.css';

/** The HUD refreshes at a human pace, not at every sim step (at 64× that is 640 a second). */
const REFRESH_MS = 500;

/** Where the presenter's bar and HUD go: the playground's header; its stage, under the diagram
 *  (beside the caption); or, while a lesson is open, the column of the lesson panel, under it. */
function findHosts(): { header: Element; stage: Element; side: Element } | null {
  const header = document.querySelector('.app-header');
  const stage = document.querySelector('.stage');
  const side = document.querySelector('.side');
  return header && stage && side ? { header, stage, side } : null;
}

type Hud = { score: string | null; now: string | null; target: string | null };

function readHud(pane: PaneStore): Hud {
  const { session, sim } = pane.getState();
  const score = scoreOf(session);
  const target = whackTarget(sim.world, null);
  return { score: score && scoreText(score), now: score && nowText(score), target: 'service' in target ? target.service : null };
}

const sameHud = (a: Hud, b: Hud) => a.score === b.score && a.now === b.now && a.target === b.target;

export default function Presenter() {
  const page = usePageApi();
  const pane = usePaneApi();
  const lesson = usePage((s) => s.lesson !== null);
  const [message, setMessage] = useState('');
  const [hud, setHud] = useState(() => readHud(pane));
  // Where the bar and the HUD go (findHosts): never over a node. The playground's screen is
  // drawn before this loads.
  const [hosts, setHosts] = useState(findHosts);
  useEffect(() => {
    if (hosts?.header.isConnected && hosts.stage.isConnected && hosts.side.isConnected) return;
    // Drawn in the same commit as this (the screen remounted): look again once it is on the page.
    const frame = requestAnimationFrame(() => setHosts(findHosts()));
    return () => cancelAnimationFrame(frame);
  }, [hosts]);

  useEffect(() => {
    const refresh = () => setHud((h) => {
      const next = readHud(pane);
      return sameHud(h, next) ? h : next;
    });
    // While time stands still (paused, a hidden tab) the score cannot change: no rescan of the log.
    let readAt = pane.getState().sim.now;
    const timer = window.setInterval(() => {
      const { now } = pane.getState().sim;
      if (now === readAt) return;
      readAt = now;
      refresh();
    }, REFRESH_MS);
    // A whack, a reset or a jump shows at once.
    const off = pane.subscribe((s, prev) => (s.session !== prev.session || s.branch !== prev.branch || s.timeline !== prev.timeline) && refresh());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [pane]);
  // Another scene or a reset: what the last key did is old news.
  useEffect(() => pane.subscribe((s, prev) => s.session !== prev.session && setMessage('')), [pane]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return; // the page's own shortcut had it (R, Escape with a selection, arrows on a node)
      const p = page.getState();
      const target = e.target instanceof Element ? e.target : null;
      const action = presenterKey({
        key: e.key,
        modifier: e.ctrlKey || e.metaKey || e.altKey,
        repeat: e.repeat,
        focus: focusKind(target),
        mode: p.chrome.mode,
        dialog: p.dialog !== null,
        selection: pane.getState().selection !== null,
        lesson: p.lesson !== null,
      });
      if (!action || action.kind === 'enter' || action.kind === 'leave') return; // shortcuts.ts switches modes
      e.preventDefault();
      switch (action.kind) {
        case 'whack':
          setMessage(whack(page, pane));
          return;
        case 'step':
          step(page, [pane]);
          setMessage('No lesson open: PageDown stepped the clock to the next thing that happens (paused).');
          return;
        case 'say':
          setMessage(action.text);
          return;
        case 'next':
        case 'back': {
          const direction = action.kind;
          // The lesson's code is loaded with its panel; the key waits for it at most that long.
          void import('./lessonKeys.ts').then(({ stepLesson }) => setMessage(stepLesson(page, direction) ?? ''));
          return;
        }
        case 'answer': {
          const { choice } = action;
          void import('./lessonKeys.ts').then(({ answerLesson }) => setMessage(answerLesson(page, choice)));
          return;
        }
        case 'swallow':
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [page, pane]);

  // Entering hides the header's actions: if focus was on one, it would fall to the body. It goes to
  // Play / Pause instead, which stays.
  useEffect(() => {
    if (!hosts) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && active.offsetParent !== null) return;
    document.querySelector<HTMLElement>('.app-header button.play')?.focus();
  }, [hosts]);

  /** Back to the full page; this button goes with presenter mode, so focus goes to Play / Pause. */
  const leave = () => {
    page.getState().setMode('full');
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.app-header button.play')?.focus());
  };

  if (!hosts) return null;
  const keys = lesson ? 'PageDown / → next step · PageUp / ← back · 1, 2, 3… answer' : 'PageDown / → step the clock';
  return (
    <>
      {createPortal(
        <div className="presenter-bar" role="group" aria-label="Presenter mode">
          <button type="button" className="whack-button" aria-keyshortcuts="W" onClick={() => setMessage(whack(page, pane))}>
            Whack a task<kbd aria-hidden="true">W</kbd>
          </button>
          <button type="button" className="presenter-exit" aria-keyshortcuts="P Escape" onClick={leave}>
            Exit presenter mode<kbd aria-hidden="true">P</kbd>
          </button>
        </div>,
        hosts.header,
      )}
      {createPortal(
        // A region of its own, and focusable: on a small screen its lines may scroll.
        <section className="presenter-hud" data-testid="presenter-hud" aria-label="Whack-a-task" tabIndex={0}>
          <p className="hud-score" data-testid="presenter-score">
            {hud.score ? (
              <>
                <strong>{hud.score}</strong>
                <span className="hud-now"> · {hud.now}</span>
              </>
            ) : hud.target ? (
              <>
                <strong>Whack-a-task:</strong> press W to stop a random task of service {hud.target}, and watch ECS put it back.
              </>
            ) : (
              <>
                <strong>Whack-a-task</strong> waits for a RUNNING task of a service.
              </>
            )}
          </p>
          {/* One live region throughout (a region added with its text is not announced); the keys
              stand in its line while it has nothing to say. */}
          <p className="hud-message" role="status" data-testid="presenter-message">
            {message}
          </p>
          <p className="hud-keys">
            {keys} · W whack · R reset · Space play / pause · P or Esc exit
          </p>
        </section>,
        lesson ? hosts.side : hosts.stage,
      )}
    </>
  );
}
