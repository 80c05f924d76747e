// "Show me the API": under the caption line, the aws CLI command the last action on the page
// equals — what a learner would type to do the same on AWS. It holds its line before anything is
// done (a hint), so the diagram above never jumps when the first command appears. The CLI loads on
// the first action (loadCli), not with the first screen.

import { useEffect, useState } from 'react';
import { usePane } from '../../store/StoreContext.tsx';
import type { TranscriptEntry } from '../../store/paneStore.ts';
import { loadCli } from './loadCli.ts';

type Shown = { id: number; text: string; none: boolean; note?: string | undefined };

export function ApiLine({ onOpenTerminal }: { onOpenTerminal: () => void }) {
  const transcript = usePane((s) => s.transcript);
  const last = lastFromPage(transcript);
  const [shown, setShown] = useState<Shown | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!last) return;
    let live = true;
    void loadCli().then(({ cliOf }) => {
      if (!live) return;
      const api = cliOf(last.command, last.before);
      setShown('lines' in api ? { id: last.id, text: api.lines.join(' && '), none: false, note: api.runnable ? undefined : api.note } : { id: last.id, text: api.none, none: true });
      setCopied(false);
    });
    return () => { live = false; };
  }, [last]);

  const current = last && shown?.id === last.id ? shown : null;
  const copy = async () => {
    if (!current || current.none) return;
    try {
      await navigator.clipboard.writeText(current.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="api-bar" data-testid="api-line">
      {current ? (
        current.none ? (
          <span className="api-hint" title={current.text}>No API call: {current.text}</span>
        ) : (
          <>
            <span className="api-label">As a command:</span>
            <code className="api-command" title={current.note ? `${current.text}\n${current.note}` : current.text}>{current.text}</code>
            <button type="button" onClick={copy} aria-label={`Copy the command: ${current.text}`}>{copied ? 'Copied' : 'Copy'}</button>
          </>
        )
      ) : (
        <span className="api-hint">Everything you do here is an ECS API call: act, and its aws command appears here.</span>
      )}
      <button type="button" onClick={onOpenTerminal}>Open CLI</button>
    </div>
  );
}

/** The newest action done with the page's controls (a typed command prints its own output in the
 *  terminal). */
function lastFromPage(transcript: readonly TranscriptEntry[]): Extract<TranscriptEntry, { kind: 'ui' }> | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i]!;
    if (entry.kind === 'ui') return entry;
  }
  return null;
}
