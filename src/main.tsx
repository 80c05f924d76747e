import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';

// The first render as a transition: React may pause it to let the browser breathe, so booting
// the app is several short tasks rather than one long one.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App search={window.location.search} hash={window.location.hash} />
    </StrictMode>,
  ),
);
