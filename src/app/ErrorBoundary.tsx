// When a view throws while drawing, the page says so and offers two ways on: start the scene
// again, or copy a link to the session as it was (the session itself is intact: it lives in the
// pane's store, not in the views that failed), to reopen it or to send with a bug report.

import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import type { PageStore } from '../store/pageStore.ts';
import type { PaneStore } from '../store/paneStore.ts';
import { loadShareLink } from './pageSession.ts';

type Props = { page: PageStore; pane: PaneStore; children: ReactNode };

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('ECS Playground: a view failed', error, info.componentStack);
    this.props.page.getState().setPlaying(false);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <Fallback {...this.props} error={this.state.error} onReset={() => this.setState({ error: null })} />;
  }
}

function Fallback({ page, pane, error, onReset }: Props & { error: Error; onReset: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    // The link codec may not have loaded yet (nothing needed it): it is fetched now. The click's
    // permission to write to the clipboard lasts long enough for that.
    const link = await loadShareLink(page, pane, window.location);
    if (!('url' in link)) return setCopied(link.error);
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Copied: open it in a new tab to come back to this moment.');
    } catch {
      setCopied(`The browser would not let the page copy. The link is: ${link.url}`);
    }
  };
  const reset = () => {
    pane.getState().reset();
    onReset();
  };
  return (
    <main className="crashed" role="alert">
      <h1>Something in the page went wrong</h1>
      <p>The playground could not draw this moment ({error.message.slice(0, 200)}). Your session is kept: copy a link to it, or start the scene again.</p>
      <p className="crashed-actions">
        <button type="button" className="primary" onClick={reset}>Reset the scene</button>
        <button type="button" onClick={() => void copy()}>Copy a link to this session</button>
      </p>
      <p role="status" className="small crashed-status">{copied}</p>
    </main>
  );
}
