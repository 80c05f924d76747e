import { lazy, startTransition, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { readView } from './app/twin/view.ts';
import { loadLinkCodec, readUrl, sessionParam } from './store/url.ts';
import { findScenario, usesSchedules } from './sim/index.ts';
import './app/app.css';
import './app/diagram/diagram.css';

// The twin view (?view=twin) and the message for a bad view are fetched only when asked for: the
// playground's first JS stays what it was.
const TwinApp = lazy(() => import('./app/twin/TwinApp.tsx'));
const ViewNotice = lazy(() => import('./app/twin/ViewNotice.tsx'));

const { search, hash } = window.location;
const { view, problem } = readView(search);

// The first render as a transition: React may pause it to let the browser breathe, so booting
// the app is several short tasks rather than one long one.
const root = createRoot(document.getElementById('root')!);
const render = () =>
  startTransition(() =>
    root.render(
      <StrictMode>
        {view === 'twin' ? (
          <Suspense fallback={null}>
            <TwinApp search={search} />
          </Suspense>
        ) : (
          <>
            <App search={search} hash={hash} />
            {problem && (
              <Suspense fallback={null}>
                <ViewNotice text={problem} />
              </Suspense>
            )}
          </>
        )}
      </StrictMode>,
    ),
  );

// A share link (#s=…) is read before the first render, so the page opens on its session rather
// than on the default scene and then jumps. The link codec is not on the first screen (issue #3's
// budget): only such a URL waits for it, and if it can't be fetched the page boots anyway and
// says so. A slow fetch says what the page is doing.
// A scene with schedules waits for their mechanic the same way (src/sim/extensions.ts).
const waits: Promise<unknown>[] = [];
if (view !== 'twin' && sessionParam(hash) !== null) waits.push(loadLinkCodec());
if (view !== 'twin' && usesSchedules(findScenario(readUrl(search).settings.scenario))) waits.push(import('./sim/schedules.ts'));
if (waits.length) {
  const slow = window.setTimeout(() => root.render(<p className="muted" role="status">Opening the shared session…</p>), 300);
  void Promise.all(waits.map((w) => w.catch(() => null))).then(() => {
    window.clearTimeout(slow);
    render();
  });
} else render();
