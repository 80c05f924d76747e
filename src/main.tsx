import { lazy, startTransition, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { readView } from './app/twin/view.ts';
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
