// The "Task vs Service" twin view (issue 10): two worlds from the same seed on one clock — on the
// left a standalone task of web:1, on the right service web with desiredCount 1 behind web-alb.
// One bar of faults hits both at once; each side keeps its own events; beneath them one sentence
// per fault says what differed and why (compare.ts). One page store (the clock, notices), two
// pane stores (ids `left` and `right`, so no element id is shared), one playback driver, one
// scrub bar that moves both.

import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { chromeSearch, FULL_CHROME } from '../../store/mode.ts';
import { createPageStore, type PageStore } from '../../store/pageStore.ts';
import { createPaneStore } from '../../store/paneStore.ts';
import { startPlayback } from '../../store/playback.ts';
import { PageStoreProvider, PaneStoreProvider, usePage } from '../../store/StoreContext.tsx';
import { Notices } from '../Notices.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { PHONE_QUERY, useMediaQuery } from '../useMediaQuery.ts';
import { Comparisons } from './Comparisons.tsx';
import { FaultBar } from './FaultBar.tsx';
import type { TwinPanes } from './twinActions.ts';
import { TwinContext, useTwin } from './twinContext.ts';
import { TwinControls } from './TwinControls.tsx';
import { handleTwinKey } from './twinKeys.ts';
import { TwinSide } from './TwinSide.tsx';
import { newTwinSession } from './twinSessions.ts';
import { bootTheme } from '../theme.ts';
import { playgroundSearch, readTwinChrome, readTwinUrl, twinSearch } from './twinUrl.ts';
import '../present/presentBase.css';
import './twin.css';

const Dialogs = lazy(() => import('../actions/Dialogs.tsx'));

function boot(search: string): { page: PageStore; twin: TwinPanes; seed: number } {
  const { settings, problems: sceneProblems } = readTwinUrl(search);
  // Presenter mode (`&present`, or P) and a theme, read as the playground reads them.
  const { present, theme, problems: chromeProblems } = readTwinChrome(search);
  const problems = [...sceneProblems, ...chromeProblems];
  const page = createPageStore({
    speed: settings.speed,
    theme: bootTheme(theme),
    chrome: { ...FULL_CHROME, mode: present ? 'present' : 'full', theme },
    notices: problems.length > 0 ? [{ tone: 'problem', text: problems.join(' ') }] : [],
  });
  const orientation = typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches ? 'tall' : present ? 'present' : 'wide';
  const twin = {
    left: createPaneStore(newTwinSession('left', settings.seed), { id: 'left', orientation }),
    right: createPaneStore(newTwinSession('right', settings.seed), { id: 'right', orientation }),
  };
  return { page, twin, seed: settings.seed };
}

export default function TwinApp({ search }: { search: string }) {
  const [{ page, twin, seed }] = useState(() => boot(search));
  useEffect(() => startPlayback(page, [twin.left, twin.right]), [page, twin]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleTwinKey(page, twin, e)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [page, twin]);
  // The query follows the page (a reload keeps the speed and presenter mode; a bad value is
  // replaced by its default), and <html data-mode> the mode, for the style sheets.
  useEffect(() => {
    const follow = () => {
      const { speed, chrome } = page.getState();
      document.documentElement.dataset.mode = chrome.mode;
      window.history.replaceState(window.history.state, '', `${twinSearch({ seed, speed })}${chromeSearch(chrome)}${window.location.hash}`);
    };
    follow();
    return page.subscribe((s, prev) => (s.speed !== prev.speed || s.chrome !== prev.chrome) && follow());
  }, [page, seed]);
  useEffect(() => {
    const title = document.title;
    document.title = 'Task vs Service — ECS Playground';
    return () => void (document.title = title);
  }, []);

  return (
    <PageStoreProvider store={page}>
      <TwinContext.Provider value={twin}>
        <TwinScreen seed={seed} />
      </TwinContext.Provider>
    </PageStoreProvider>
  );
}


function TwinScreen({ seed }: { seed: number }) {
  const twin = useTwin();
  const phone = useMediaQuery(PHONE_QUERY);
  const speed = usePage((s) => s.speed);
  const present = usePage((s) => s.chrome.mode === 'present');
  const setMode = usePage((s) => s.setMode);
  const dialog = usePage((s) => s.dialog);
  // Presenter mode draws the diagram as the playground's does (its tasks' lines at 21 px need wider cards).
  useEffect(() => {
    for (const pane of [twin.left, twin.right]) pane.getState().setOrientation(phone ? 'tall' : present ? 'present' : 'wide');
  }, [twin, phone, present]);
  const panes = useMemo(() => [twin.left, twin.right], [twin]);

  return (
    <>
      <header className="app-header twin-header">
        <h1>Task vs Service</h1>
        <p className="twin-subtitle muted">Two copies of one world, seed {seed}, on one clock</p>
        <TwinControls />
        <a className="back-link" href={playgroundSearch({ seed, speed }, present)}>
          <span aria-hidden="true">← </span>Back to the playground
        </a>
        <button type="button" className="presenter-toggle" aria-keyshortcuts="P" aria-pressed={present} onClick={() => setMode(present ? 'full' : 'present')}>
          {present ? 'Exit presenter mode' : 'Presenter mode'}<kbd aria-hidden="true">P</kbd>
        </button>
      </header>
      <Notices />
      <main className="twin">
        <FaultBar />
        <PaneStoreProvider store={twin.right}>
          <div className="twin-timeline">
            <Timeline panes={panes} />
          </div>
        </PaneStoreProvider>
        {/* The answer first, under the bar that asked: what differed, newest first; the two sides below. */}
        <Comparisons />
        <div className="twin-sides">
          <PaneStoreProvider store={twin.left}>
            <TwinSide side="left" />
          </PaneStoreProvider>
          <PaneStoreProvider store={twin.right}>
            <TwinSide side="right" />
          </PaneStoreProvider>
        </div>
      </main>
      {/* Only the right has a service, whose node offers Update…: its dialog acts on the right. */}
      {dialog && (
        <PaneStoreProvider store={twin.right}>
          <Suspense fallback={null}>
            <Dialogs request={dialog} />
          </Suspense>
        </PaneStoreProvider>
      )}
    </>
  );
}
