// The main screen: the live diagram with its timeline, the panels beside it (inspector, events,
// why, traffic), the tasks table below (on a phone, everything but the diagram becomes tabs), the
// time controls and the actions in the header. One page store (the clock, dialogs, notices) and
// one pane (a session and its views) per mounted app; one playback driver.

import { lazy, Suspense, useEffect, useId, useState, type MouseEvent, type ReactNode } from 'react';
import { createPageStore, type PageStore } from '../store/pageStore.ts';
import { createPaneStore, newPaneSession, type PaneSession, type PaneStore } from '../store/paneStore.ts';
import { startPlayback } from '../store/playback.ts';
import { PageStoreProvider, PaneStoreProvider, usePage, usePageApi, usePane, usePaneApi } from '../store/StoreContext.tsx';
import { readChrome } from '../store/mode.ts';
import { DEFAULT_SETTINGS, loadLinkCodec, readSessionHash, readUrl } from '../store/url.ts';
import { handleShortcut } from './actions/shortcuts.ts';
import { Diagram } from './diagram/Diagram.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { Notices } from './Notices.tsx';
import { SceneCard } from './SceneCard.tsx';
import { offerSaved, openLink, useAutosave, useUrl } from './pageSession.ts';
import { Inspector } from './panels/Inspector.tsx';
import { PhoneSheet } from './phone/PhoneSheet.tsx';
import { ClusterPicture, PictureSwitch, usePicture } from './zones/ClusterPicture.tsx';

import { Tabs, type TabSpec } from './Tabs.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ApiLine } from './terminal/ApiLine.tsx';
import { applyTheme, bootTheme, storeTheme } from './theme.ts';
import { PHONE_QUERY, useMediaQuery } from './useMediaQuery.ts';

// What the first screen doesn't show is loaded when it is first opened (issue #3's JS budget).
const Dialogs = lazy(() => import('./actions/Dialogs.tsx'));
const EventsPanel = lazy(() => import('./panels/EventsPanel.tsx').then((m) => ({ default: m.EventsPanel })));
const WhyPanel = lazy(() => import('./panels/WhyPanel.tsx').then((m) => ({ default: m.WhyPanel })));
const TrafficPanel = lazy(() => import('./panels/TrafficPanel.tsx').then((m) => ({ default: m.TrafficPanel })));
const LogsPanel = lazy(() => import('./panels/LogsPanel.tsx').then((m) => ({ default: m.LogsPanel })));
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel.tsx'));
// The footer (what the playground simplifies) is below the fold: its text comes a moment later.
const Footer = lazy(() => import('./Footer.tsx'));
const LessonPanel = lazy(() => import('./lesson/LessonPanel.tsx'));
// The embedded figure and presenter mode load only on the pages that ask for them.
const EmbedScreen = lazy(() => import('./embed/EmbedScreen.tsx'));
const Presenter = lazy(() => import('./present/Presenter.tsx'));
// Below the fold (a tab on a phone): drawn a moment after the diagram.
const TasksTable = lazy(() => import('./panels/TasksTable.tsx').then((m) => ({ default: m.TasksTable })));
const loading = <p className="muted">Loading…</p>;

/** The page as its URL opens it: a shared session (#s=…), or a scene; a restore on offer if neither.
 *  An embedded figure says what was wrong with its parameters in the console, not over the figure. */
function boot(search: string, hash: string): { page: PageStore; pane: PaneStore; linked: PaneSession | null } {
  const { chrome, problems: chromeProblems } = readChrome(search);
  const embed = chrome.mode === 'embed';
  // main.tsx has fetched the link codec when the fragment carries a session.
  const link = readSessionHash(hash);
  // A link carries its own scene and speed; the query counts only without one.
  const { settings, problems: sceneProblems } = link ? { settings: DEFAULT_SETTINGS, problems: [] } : readUrl(search);
  const problems = [...sceneProblems, ...chromeProblems];
  if (embed) for (const problem of problems) console.warn(`ECS Playground: ${problem}`);
  const theme = bootTheme(chrome.theme);
  const page = createPageStore({
    speed: settings.speed,
    lesson: settings.lesson ?? null,
    chrome,
    theme,
    playing: embed ? chrome.autoplay : true,
    notices: !embed && problems.length > 0 ? [{ tone: 'problem', text: problems.join(' ') }] : [],
  });
  const phone = typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches;
  // A link opens over the default scene, which stays if its session does not apply: nothing is half applied.
  const pane = createPaneStore(newPaneSession(settings.scenario, settings.seed), { id: 'main', orientation: phone && !embed ? 'tall' : 'wide' });
  // A lesson starts its own session; the saved one is offered again next time. A figure in a
  // post is the post's, not the reader's saved session.
  if (!link && !settings.lesson && !embed) void offerSaved(page, pane);
  const linked = link && openLink(page, pane, link, 'Showing the default scene instead.') ? pane.getState().session : null;
  if (linked && embed && chrome.autoplay) page.getState().setPlaying(true);
  // A figure's "Open full view" makes its link in the click: the codec is fetched now for it.
  if (embed) void loadLinkCodec().catch(() => {});
  return { page, pane, linked };
}

export function App({ search, hash = '' }: { search: string; hash?: string }) {
  const [{ page, pane, linked }] = useState(() => boot(search, hash));
  useEffect(() => startPlayback(page, [pane]), [page, pane]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(page, pane, e)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [page, pane]);
  const embed = page.getState().chrome.mode === 'embed';
  // A figure's URL is its snippet's and several may share a page: only the full page follows its
  // URL and saves its session.
  useUrl(page, pane, linked, !embed);
  useAutosave(page, pane, !embed);
  useEffect(
    () =>
      page.subscribe((s, prev) => {
        if (s.theme === prev.theme) return;
        applyTheme(s.theme);
        if (s.chrome.theme === null) storeTheme(s.theme);
      }),
    [page],
  );
  useEffect(
    () => {
      const follow = (mode: string) => (document.documentElement.dataset.mode = mode);
      follow(page.getState().chrome.mode);
      return page.subscribe((s, prev) => s.chrome.mode !== prev.chrome.mode && follow(s.chrome.mode));
    },
    [page],
  );

  return (
    <PageStoreProvider store={page}>
      <PaneStoreProvider store={pane}>
        <ErrorBoundary page={page} pane={pane}>
          <Chrome />
        </ErrorBoundary>
      </PaneStoreProvider>
    </PageStoreProvider>
  );
}

/** The skip link moves focus without writing its target into the URL (the fragment carries sessions). */
function skipToTimeline(e: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(e.currentTarget.hash.slice(1));
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/** The screen the page's mode asks for: the embedded figure, or the playground (in presenter mode
 *  with the presenter's layer over it). */
function Chrome() {
  const mode = usePage((s) => s.chrome.mode);
  if (mode === 'embed')
    return (
      <Suspense fallback={null}>
        <EmbedScreen />
      </Suspense>
    );
  return (
    <>
      <Screen />
      {mode === 'present' && (
        <Suspense fallback={null}>
          <Presenter />
        </Suspense>
      )}
    </>
  );
}

/** The header's less used actions: in line, or (folded, on a phone) behind a More button that
 *  shows them in a row of their own. */
function MoreActions({ folded, children }: { folded: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!folded) return <>{children}</>;
  return (
    <>
      <button type="button" className="more-actions" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        More<span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div id={id} className="toolbar more-actions-row" hidden={!open}>
        {children}
      </div>
    </>
  );
}

function Screen() {
  const store = usePaneApi();
  const phone = useMediaQuery(PHONE_QUERY);
  const dialog = usePage((s) => s.dialog);
  const selection = usePane((s) => s.selection);
  const [tab, setTab] = useState('inspector');
  // Opened from the API line, the terminal takes the keyboard's focus (a count, so each time).
  const [terminalCalls, setTerminalCalls] = useState(0);
  const openTerminal = () => {
    setTab('terminal');
    setTerminalCalls((n) => n + 1);
  };
  const presenting = usePage((s) => s.chrome.mode === 'present');
  // A projector's 16:9 screen: the cards go beside the cluster, so the picture fills its width.
  useEffect(() => store.getState().setOrientation(phone ? 'tall' : presenting ? 'present' : 'wide'), [store, phone, presenting]);
  // Selecting something shows it (state adjusted during render, not in an effect).
  const [shownSelection, setShownSelection] = useState(selection);
  if (selection !== shownSelection) {
    setShownSelection(selection);
    if (selection && !phone) setTab('inspector'); // on a phone it opens in the sheet instead
  }

  // On a phone what is selected opens in the sheet at the bottom; the tab says where it went.
  const inspector = phone && selection ? <p className="muted">Shown in the panel at the bottom of the screen. Press Escape or its × to close it.</p> : <Inspector onViewLogs={() => setTab('logs')} />;
  const tabs: TabSpec[] = [
    { id: 'inspector', label: 'Inspector', content: inspector },
    { id: 'events', label: 'Events', content: <Suspense fallback={loading}><EventsPanel /></Suspense> },
    { id: 'why', label: 'Why', content: <Suspense fallback={loading}><WhyPanel /></Suspense> },
    { id: 'traffic', label: 'Traffic', content: <Suspense fallback={loading}><TrafficPanel /></Suspense> },
    { id: 'logs', label: 'Logs', content: <Suspense fallback={loading}><LogsPanel /></Suspense> },
    { id: 'terminal', label: 'CLI', content: <Suspense fallback={loading}><TerminalPanel focusCalls={terminalCalls} /></Suspense> },
  ];
  if (phone) tabs.push({ id: 'tasks', label: 'Tasks', content: <Suspense fallback={loading}><TasksTable /></Suspense> });
  const open = usePageApi().getState().openDialog;
  const inLesson = usePage((s) => s.lesson !== null);
  // On a phone the diagram is 3 px text: the zones view comes first, the diagram a tap away.
  const [picture, setPicture] = usePicture(phone, null, phone);

  return (
    <>
      <header className="app-header">
        <h1>ECS Playground</h1>
        <Toolbar />
        <div className="toolbar actions-bar" role="group" aria-label="Actions">
          <button type="button" onClick={() => open({ kind: 'lessons' })} aria-haspopup="dialog" data-control="lessons">Lessons</button>
          <button type="button" onClick={() => open({ kind: 'runTask' })} aria-keyshortcuts="T">Run task…</button>
          <button type="button" onClick={() => open({ kind: 'createService' })} aria-keyshortcuts="N">Create service…</button>
          {/* On a phone the rest fold into More, so the cluster starts on the first screen. */}
          <MoreActions folded={phone}>
            <button type="button" onClick={() => open({ kind: 'createSchedule' })} aria-haspopup="dialog" aria-label="Schedule task…">Schedule<span className="wide-only"> task</span>…</button>
            <button type="button" onClick={() => open({ kind: 'zoneFaults' })} aria-haspopup="dialog">Zone faults…</button>
            <a className="button-link" href="?view=twin">Task vs Service</a>
            <button type="button" onClick={() => open({ kind: 'registerRevision' })} aria-keyshortcuts="E">New revision…</button>
            <button type="button" onClick={() => open({ kind: 'registerJson' })} aria-haspopup="dialog" aria-label="Register from JSON…"><span className="wide-only">Register </span>from JSON…</button>
            <button type="button" onClick={() => open({ kind: 'share' })} aria-haspopup="dialog">Share…</button>
            <button type="button" onClick={() => open({ kind: 'embed' })} aria-haspopup="dialog">Embed…</button>
            <ThemeSwitch />
            <button type="button" onClick={() => open({ kind: 'shortcuts' })} aria-keyshortcuts="?" aria-label="Keyboard shortcuts">?</button>
          </MoreActions>
        </div>
      </header>
      <main className={picture === 'zones' ? 'workspace with-zones' : 'workspace'}>
        <section className="stage" aria-label="Cluster diagram: task definitions, services, and tasks in their Availability Zones">
          <a className="skip-link" href="#main-timeline" onClick={skipToTimeline}>Skip the diagram</a>
          {/* In the flow above the diagram, never over it: the diagram gives up the room and refits. */}
          <Notices />
          {phone && <PictureSwitch picture={picture} onChange={setPicture} />}
          <div className={picture === 'zones' ? 'diagram-box zones' : 'diagram-box'}>
            <ClusterPicture picture={picture} label="Cluster by Availability Zone" diagram={<Diagram />} />
          </div>
          <LiveRegion />
          <ApiLine onOpenTerminal={openTerminal} />
          <Timeline />
        </section>
        <section className="side" aria-label="Details" id="details" tabIndex={-1}>
          {inLesson ? (
            <Suspense fallback={<p className="muted lesson-loading">Loading the lesson…</p>}>
              <LessonPanel />
            </Suspense>
          ) : (
            <SceneCard />
          )}
          <Tabs tabs={tabs} active={tab} onChange={setTab} label="Details" />
        </section>
        {!phone && (
          <section className="tasks-section" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">Tasks</h2>
            <Suspense fallback={loading}>
              <TasksTable />
            </Suspense>
          </section>
        )}
      </main>
      <Suspense fallback={null}>
        <Footer />
      </Suspense>
      {phone && <PhoneSheet />}
      {dialog && (
        <Suspense fallback={null}>
          <Dialogs request={dialog} />
        </Suspense>
      )}
    </>
  );
}
