// The JSON editor: CodeMirror 6 with line numbers, JSON highlighting, bracket matching, undo and
// marks for the problems found. Imported only with import() (JsonEditor.tsx), so CodeMirror is a
// chunk of its own that loads when the dialog opens, never with the first screen.
//
// Tab is left to the browser (no indentWithTab): in a dialog full of controls, an editor that
// swallowed Tab would trap keyboard users. Format lays the JSON out instead.
// The editor lives in a shadow root of its own. CodeMirror writes its styles as a <style>
// element in a document, which the page's Content-Security-Policy (style-src 'self') refuses; in
// a shadow root it adopts them through the CSSOM, which the policy allows (as useStyleSheet.ts
// does for the lessons). Custom properties inherit into the shadow root, so the colours are the
// page's (app.css), in both themes. ARIA ids don't cross the shadow boundary: the editor's name
// and description are copies kept beside it, inside.

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { EditorHandle, EditorMark, EditorOptions } from './editorHandle.ts';

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--ok)' },
  { tag: tags.number, color: 'var(--standalone)' },
  { tag: [tags.bool, tags.null], color: 'var(--warn)', fontWeight: '600' },
  { tag: tags.invalid, color: 'var(--stop)' },
]);

const theme = EditorView.theme({
  '&': { height: 'min(48vh, 420px)', minHeight: '12rem', color: 'var(--fg)', backgroundColor: 'var(--panel)', border: '1px solid var(--edge)', borderRadius: '6px', fontSize: '0.82rem' },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace", lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--line)', borderRadius: '6px 0 0 6px' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--fg)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--stop-soft)', outline: '1px solid var(--stop)' },
  '.cm-content ::selection, &.cm-focused .cm-content ::selection': { backgroundColor: 'var(--accent-soft)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--stop-soft)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--line)', maxWidth: 'min(32rem, 90vw)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--stop)' },
});

/** A hidden copy of a text, inside the shadow root, for aria-labelledby and aria-describedby. */
function copyOf(shadow: ShadowRoot, id: string, text: string): HTMLElement {
  const copy = shadow.getElementById(id) ?? shadow.appendChild(document.createElement('span'));
  copy.id = id;
  copy.hidden = true;
  copy.textContent = text;
  return copy;
}

export function createJsonEditor(host: HTMLElement, options: EditorOptions): EditorHandle {
  // The host keeps its shadow root for life (React may mount the editor twice into it).
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const label = copyOf(shadow, 'json-editor-label', options.label);
  copyOf(shadow, 'json-editor-description', options.description);
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    doc: options.doc,
    ...(options.selection ? { selection: { anchor: Math.min(options.selection.from, options.doc.length), head: Math.min(options.selection.to, options.doc.length) } } : {}),
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      indentOnInput(),
      bracketMatching(),
      json(),
      syntaxHighlighting(highlight),
      lintGutter(),
      EditorView.lineWrapping,
      keymap.of([{ key: 'Mod-Enter', run: () => (options.onSubmit(), true) }, ...defaultKeymap, ...historyKeymap]),
      // tabindex: the text is focusable as it is (contenteditable), but checkers such as axe count
      // a scroll box's content as reachable only with one.
      EditorView.contentAttributes.of({ tabindex: '0', 'aria-labelledby': 'json-editor-label', 'aria-describedby': 'json-editor-description', spellcheck: 'false', 'data-testid': 'json-editor' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
      theme,
    ],
  });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      // A replacement the user asked for (Format, another starting point) is one undoable step.
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setMarks(marks: readonly EditorMark[]) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = marks.map((m) => {
        const from = Math.min(m.from, length);
        return { from, to: Math.max(from, Math.min(m.to, length)), severity: 'error', message: m.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focusAt(from, to) {
      const length = view.state.doc.length;
      view.dispatch({ selection: { anchor: Math.min(from, length), head: Math.min(to, length) }, scrollIntoView: true });
      view.focus();
    },
    setLabel(text) {
      label.textContent = text;
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
