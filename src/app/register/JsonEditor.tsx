// The JSON editor of the register dialog: a plain textarea at once, CodeMirror when its chunk has
// loaded (import() here, so it never weighs on the first screen). The textarea is not a
// placeholder: it takes the same text, is checked the same way and registers the same, so if
// CodeMirror never loads (offline, a blocked chunk) nothing is lost but the colours and marks.

import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { EditorHandle, EditorMark } from './editorHandle.ts';
import { lineOf } from './locate.ts';

export type JsonEditorApi = { focusAt: (from: number, to: number) => void };

type Props = {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  /** The ids of its label and hint (the textarea's), and the label's text (CodeMirror's copy). */
  labelledBy: string;
  describedBy: string;
  label: string;
  marks: readonly EditorMark[];
  ref?: Ref<JsonEditorApi>;
};

export function JsonEditor({ id, value, onChange, onSubmit, labelledBy, describedBy, label, marks, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [editor, setEditor] = useState<EditorHandle | null>(null);
  const [failed, setFailed] = useState(false);
  // Focus waits until the editor is shown: a hidden element can't take it.
  const focusOnArrival = useRef(false);
  // What the editor reads when it arrives and on every change: the latest props, not the first.
  const latest = useRef({ value, onChange, onSubmit, label });
  useEffect(() => {
    latest.current = { value, onChange, onSubmit, label };
  });

  useEffect(() => {
    let cancelled = false;
    let made: EditorHandle | null = null;
    // A chunk that never arrives and an editor that throws as it starts both leave the textarea.
    import('./codemirror.ts')
      .then(({ createJsonEditor }) => {
        if (cancelled || !host.current) return;
        // Whoever was typing in the textarea goes on typing in the editor, where they were.
        const ta = textarea.current;
        made = createJsonEditor(host.current, {
          doc: latest.current.value,
          ...(ta ? { selection: { from: ta.selectionStart, to: ta.selectionEnd } } : {}),
          label: latest.current.label,
          description: document.getElementById(describedBy)?.textContent ?? '',
          onChange: (text) => latest.current.onChange(text),
          onSubmit: () => latest.current.onSubmit(),
        });
        focusOnArrival.current = ta !== null && document.activeElement === ta;
        setEditor(made);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      made?.destroy();
    };
  }, [describedBy]);

  useEffect(() => {
    if (editor && focusOnArrival.current) editor.focus();
    focusOnArrival.current = false;
  }, [editor]);
  useEffect(() => editor?.setText(value), [editor, value]);
  useEffect(() => editor?.setMarks(marks), [editor, marks]);
  useEffect(() => editor?.setLabel(label), [editor, label]);

  useImperativeHandle(
    ref,
    () => ({
      focusAt(from, to) {
        if (editor) return editor.focusAt(from, to);
        const ta = textarea.current;
        if (!ta) return;
        ta.focus();
        ta.setSelectionRange(from, to);
        // A textarea doesn't scroll to its selection by itself: put the line near the top.
        const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
        ta.scrollTop = Math.max(0, (lineOf(ta.value, from) - 3) * lineHeight);
      },
    }),
    [editor],
  );

  const keyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="json-editor" data-editor={editor ? 'codemirror' : failed ? 'plain' : 'loading'}>
      <div ref={host} className="json-editor-host" hidden={!editor} />
      {!editor && (
        <textarea
          ref={textarea}
          id={id}
          className="json-textarea"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={keyDown}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-testid="json-editor"
        />
      )}
      {failed && <p className="muted small">The editor with colours and line numbers could not load; this plain text box checks and registers the same.</p>}
    </div>
  );
}
