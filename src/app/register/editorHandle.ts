// What the dialog asks of an editor, whichever it is: CodeMirror once loaded, the plain textarea
// before (or if it never loads). Types only, so importing it pulls no CodeMirror in.

/** A problem to mark in the text: an offset range and what is wrong there. */
export type EditorMark = { from: number; to: number; message: string };

export type EditorHandle = {
  /** Replace the whole text (no-op when it is the same). */
  setText: (text: string) => void;
  setMarks: (marks: readonly EditorMark[]) => void;
  /** Select [from, to), bring it into view, and focus the editor. */
  focusAt: (from: number, to: number) => void;
  /** The editor's accessible name changed (the label above it names the revision it is based on). */
  setLabel: (text: string) => void;
  focus: () => void;
  destroy: () => void;
};

export type EditorOptions = {
  doc: string;
  selection?: { from: number; to: number };
  /** Its accessible name and description, as text: ids would not reach into its shadow root. */
  label: string;
  description: string;
  onChange: (text: string) => void;
  /** Ctrl/⌘+Enter: register. */
  onSubmit: () => void;
};
