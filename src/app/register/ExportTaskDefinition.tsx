// Any revision as the JSON register-task-definition takes (exportTaskDefinition): copied, or
// downloaded as family-revision.json, with the command that registers it on AWS. For the task
// definition inspector; it loads no editor.

import { useEffect, useId, useRef, useState } from 'react';
import type { TaskDefinition } from '../../sim/index.ts';
import { exportTaskDefinition } from '../../sim/json.ts';
import './register.css';

/** How long a download's Blob URL is kept: the browser has read it long before. */
const KEEP_DOWNLOAD_URL_MS = 60_000;

export function ExportTaskDefinition({ td, onEdit }: { td: TaskDefinition; onEdit?: () => void }) {
  const json = `${JSON.stringify(exportTaskDefinition(td), null, 2)}\n`;
  const file = `${td.family}-${td.revision}.json`;
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  const urls = useRef<string[]>([]);
  const headingId = useId();
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);
  // Another revision shown: what was said was about the last one.
  const [shown, setShown] = useState(td.taskDefinitionArn);
  if (shown !== td.taskDefinitionArn) {
    setShown(td.taskDefinitionArn);
    setSaid(null);
  }

  /** The JSON shown and selected, for a person to copy with the keyboard. */
  const selectText = () => {
    if (details.current) details.current.open = true;
    const node = pre.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    // Focus first: focusing may collapse a selection made before it.
    node.focus();
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const refused = () => {
    setSaid({ problem: true, text: 'The browser did not allow copying. The JSON is selected below: press Ctrl+C (⌘C on a Mac) to copy it.' });
    selectText();
  };
  const copy = () => {
    if (!navigator.clipboard) return refused();
    navigator.clipboard.writeText(json).then(() => setSaid({ problem: false, text: `Copied ${td.family}:${td.revision} as JSON.` }), refused);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    urls.current.push(url);
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      urls.current = urls.current.filter((u) => u !== url);
    }, KEEP_DOWNLOAD_URL_MS);
    setSaid({ problem: false, text: `Downloaded ${file}.` });
  };

  return (
    <section className="export-td" aria-labelledby={headingId} data-testid="export-td">
      <h4 id={headingId}>as JSON to register</h4>
      <p className="muted small">
        The same definition as <code>register-task-definition</code> takes it: without what AWS sets (ARN, revision, status, times). It registers here, or on AWS with{' '}
        <code className="wrap">aws ecs register-task-definition --cli-input-json file://{file}</code>
      </p>
      <div className="actions" role="group" aria-label={`Export ${td.family}:${td.revision}`}>
        <button type="button" onClick={copy}>Copy JSON</button>
        <button type="button" onClick={download}>Download {file}</button>
        {onEdit && <button type="button" onClick={onEdit}>New revision from JSON…</button>}
      </div>
      <p role="status" className={said?.problem ? 'small export-said problem' : 'small export-said'}>{said?.text}</p>
      <details ref={details}>
        <summary>Show the JSON</summary>
        <pre ref={pre} className="json" tabIndex={0} aria-label={`${file}, the JSON to register ${td.family}:${td.revision}`} data-testid="export-json">{json}</pre>
      </details>
    </section>
  );
}
