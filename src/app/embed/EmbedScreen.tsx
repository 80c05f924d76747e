// The embedded figure (`?embed`): the diagram, its caption and the panels the snippet asks for, in
// the box a blog post gives it (720×450 or so, down to 320 px wide) — not the phone layout. One
// row of controls (full, minimal or none), the diagram filling what is left, the caption line, the
// timeline, and if asked the lesson, the details tabs and the tasks table; a quiet credit line with
// "Open full view". The page's chrome (header, actions, footer, notices, dialogs) is not drawn.
//
// Being embedded: it posts its height to the parent (frame.ts), holds its clock still while it is
// off-screen (playback.ts's holdPlayback; the tab being hidden is the driver's own), and its
// diagram leaves the wheel and one-finger drags to the host page (Diagram's wheel="page").

import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { findScenario } from '../../sim/index.ts';
import { figureSeen, holdPlayback } from '../../store/playback.ts';
import { usePage, usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { sceneSearch } from '../../store/url.ts';
import { ClockControls, ClockTime, PlayPause } from '../Toolbar.tsx';
import { Diagram } from '../diagram/Diagram.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { resetPane, shareLink } from '../pageSession.ts';
import { Tabs, type TabSpec } from '../Tabs.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { postHeights, watchOnScreen } from './frame.ts';
import { ClusterPicture, PictureSwitch, useFigureIsSmall, usePicture, type Picture } from '../zones/ClusterPicture.tsx';
import './embed.css';

const LessonPanel = lazy(() => import('../lesson/LessonPanel.tsx'));
const EventsPanel = lazy(() => import('../panels/EventsPanel.tsx').then((m) => ({ default: m.EventsPanel })));
const WhyPanel = lazy(() => import('../panels/WhyPanel.tsx').then((m) => ({ default: m.WhyPanel })));
const TrafficPanel = lazy(() => import('../panels/TrafficPanel.tsx').then((m) => ({ default: m.TrafficPanel })));
const TasksTable = lazy(() => import('../panels/TasksTable.tsx').then((m) => ({ default: m.TasksTable })));
// The forms a lesson's step may ask for (Run task…, by its key or "Do it for me"'s moves).
const Dialogs = lazy(() => import('../actions/Dialogs.tsx'));
const loading = <p className="muted">Loading…</p>;

/** The blocks whose sizes make the figure's height, other than the diagram (which flexes); the
 *  zones view's content is as tall as it is, so it is one of them. */
const MEASURED = ':scope > :not(.embed-body), .embed-body > :not(.stage), .stage > :not(.diagram-box), .zv-content';

export default function EmbedScreen() {
  const chrome = usePage((s) => s.chrome);
  const page = usePageApi();
  const inLesson = usePage((s) => s.lesson !== null);
  const dialog = usePage((s) => s.dialog);
  const scenario = usePane((s) => s.session.scenario);
  const title = findScenario(scenario)?.title ?? scenario;
  const rootRef = useRef<HTMLElement>(null);
  // Whether the figure is off-screen (held): shown as a class, which the page can be waited on by.
  const [away, setAway] = useState(false);

  // The zones view in a box too small to draw the diagram readably (under FIGURE_QUERY's 900×540), unless the
  // snippet chose; with the full controls, the reader may switch.
  const small = useFigureIsSmall();
  const [picture, setPicture] = usePicture(small, chrome.layout === 'auto' ? null : chrome.layout, chrome.controls === 'full');

  const lesson = inLesson && chrome.panels.includes('lesson');
  const details = chrome.panels.includes('details');
  const side = lesson || details;
  const tasks = chrome.panels.includes('tasks');
  const timeline = chrome.panels.includes('timeline');

  // Off-screen, the clock is held (no frames at all) and the traffic dots stand still; back on
  // screen it plays on if it was playing. Not the user's Pause. Until first seen, the driver
  // holds an embed's clock itself.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let release: (() => void) | null = null;
    const stop = watchOnScreen(root, (onScreen) => {
      setAway(!onScreen);
      for (const svg of root.querySelectorAll('svg')) {
        if (onScreen) svg.unpauseAnimations();
        else svg.pauseAnimations();
      }
      if (onScreen) {
        figureSeen(page); // the clock starts when the figure is first seen
        release?.();
        release = null;
      } else release ??= holdPlayback(page);
    });
    return () => {
      stop();
      release?.();
    };
  }, [page]);

  // The page's problems (a share link that could not be opened, a save refused) go to the
  // console, as the parameters' do: a figure shows no notices over itself.
  useEffect(() => {
    const told = new Set<number>();
    const tell = (notices: ReturnType<typeof page.getState>['notices']) => {
      for (const n of notices) {
        if (n.tone !== 'problem' || told.has(n.id)) continue;
        told.add(n.id);
        console.warn(`ECS Playground: ${n.text}`);
      }
    };
    tell(page.getState().notices);
    return page.subscribe((s, prev) => {
      if (s.notices !== prev.notices) tell(s.notices);
    });
  }, [page]);

  // The height, to the parent: again whenever a block comes or goes.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    return postHeights(root, chrome.frameId, () => root.querySelectorAll(MEASURED));
  }, [chrome.frameId, chrome.controls, lesson, details, tasks, timeline, picture]);

  return (
    <main
      ref={rootRef}
      className={away ? 'embed away' : 'embed'}
      data-controls={chrome.controls}
      data-captions={chrome.captions === false ? 'off' : 'on'}
      aria-label={`ECS Playground figure: ${title}`}
    >
      <h1 className="visually-hidden">ECS Playground: {title}</h1>
      {chrome.controls !== 'none' && <Controls full={chrome.controls === 'full'} title={title} picture={picture} onPicture={setPicture} />}
      <div className={side ? 'embed-body with-side' : 'embed-body'}>
        <section className="stage" aria-label="Cluster diagram">
          <div className={picture === 'zones' ? 'diagram-box zones' : 'diagram-box'}>
            <div className="embed-diagram-fill">
              <ClusterPicture picture={picture} label={`Cluster by Availability Zone: ${title}`} diagram={<Diagram wheel="page" label={`Cluster diagram: ${title}`} />} />
            </div>
          </div>
          <LiveRegion />
          {timeline && (
            <div className="embed-timeline">
              <Timeline />
            </div>
          )}
        </section>
        {side && (
          <div className="embed-side">
            {lesson && (
              <div className="embed-lesson">
                <Suspense fallback={<p className="muted">Loading the lesson…</p>}>
                  <LessonPanel />
                </Suspense>
              </div>
            )}
            {details && (
              <section className="embed-details" aria-label="Details">
                <Details />
              </section>
            )}
          </div>
        )}
      </div>
      {tasks && (
        <section className="embed-tasks" aria-labelledby="embed-tasks-heading">
          <h2 id="embed-tasks-heading">Tasks</h2>
          <Suspense fallback={loading}>
            <TasksTable />
          </Suspense>
        </section>
      )}
      <Credit />
      {dialog && (
        <Suspense fallback={null}>
          <Dialogs request={dialog} />
        </Suspense>
      )}
    </main>
  );
}

/** One row: full = the clock, play, step, speed, reset and the scene's name; minimal = play/pause
 *  and the time. */
function Controls({ full, title, picture, onPicture }: { full: boolean; title: string; picture: Picture; onPicture: (p: Picture) => void }) {
  const page = usePageApi();
  const pane = usePaneApi();
  const now = usePane((s) => s.sim.now);
  if (full)
    return (
      <div className="embed-bar toolbar" role="group" aria-label="Time">
        <ClockControls now={now} panes={[pane]} stepTitle="Step to the next thing that happens" />
        <button type="button" onClick={() => resetPane(page, pane)} aria-keyshortcuts="R">
          <span aria-hidden="true">↺ </span>Reset
        </button>
        <PictureSwitch picture={picture} onChange={onPicture} />
        <span className="embed-scene" title={title}>{title}</span>
      </div>
    );
  return (
    <div className="embed-bar toolbar" role="group" aria-label="Time">
      <PlayPause />
      <ClockTime now={now} compression={false} />
      <span className="embed-scene" title={title}>{title}</span>
    </div>
  );
}

/** The details tabs, as on the full page: selecting something shows the inspector. */
function Details() {
  const selection = usePane((s) => s.selection);
  const [tab, setTab] = useState('inspector');
  const [shownSelection, setShownSelection] = useState(selection);
  if (selection !== shownSelection) {
    setShownSelection(selection);
    if (selection) setTab('inspector');
  }
  const tabs: TabSpec[] = [
    { id: 'inspector', label: 'Inspector', content: <Inspector /> },
    { id: 'events', label: 'Events', content: <Suspense fallback={loading}><EventsPanel /></Suspense> },
    { id: 'why', label: 'Why', content: <Suspense fallback={loading}><WhyPanel /></Suspense> },
    { id: 'traffic', label: 'Traffic', content: <Suspense fallback={loading}><TrafficPanel /></Suspense> },
  ];
  return <Tabs tabs={tabs} active={tab} onChange={setTab} label="Details" />;
}

/** "Open full view": the same moment in the full app, in a new tab — a share link of the session
 *  made when it is followed (a lesson: its step), so it is the moment of the click. */
function Credit() {
  const page = usePageApi();
  const pane = usePaneApi();
  const scenario = usePane((s) => s.session.scenario);
  const seed = usePane((s) => s.session.seed);
  const speed = usePage((s) => s.speed);
  const { origin, pathname } = window.location;
  const sceneUrl = `${origin}${pathname}${sceneSearch({ scenario, seed, speed })}`;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    const lesson = page.getState().lesson;
    const { session } = pane.getState();
    if (lesson) {
      e.currentTarget.href = `${origin}${pathname}${sceneSearch({ scenario: session.scenario, seed: session.seed, speed: page.getState().speed, lesson })}`;
      return;
    }
    const link = shareLink(page, pane, { origin, pathname });
    e.currentTarget.href = 'url' in link ? link.url : sceneUrl; // too long for a link: the scene
  };
  return (
    <p className="embed-credit">
      <span className="muted">ECS Playground · a simulation of Amazon ECS</span>
      <a href={sceneUrl} target="_blank" rel="noopener" onClick={follow} onAuxClick={follow} onContextMenu={follow} data-testid="open-full-view">
        Open full view<span className="visually-hidden"> (opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  );
}
