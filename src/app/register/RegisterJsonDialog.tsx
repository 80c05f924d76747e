// "Register from JSON": a task definition as `aws ecs register-task-definition --cli-input-json`
// takes it, pasted or edited, checked as one types with the CLI's and ECS's own messages (the
// engine's importer, spec §2.8), and registered as the family's next revision. It starts from the
// revision asked for, exported, so a new revision from JSON is edit and register.

import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { familyRevision } from '../../sim/index.ts';
import { usePaneApi } from '../../store/StoreContext.tsx';
import { Dialog } from '../actions/Dialog.tsx';
import { checkDocument, formatted, summary, type Problem } from './check.ts';
import type { EditorMark } from './editorHandle.ts';
import { ImportReport } from './ImportReport.tsx';
import { JsonEditor, type JsonEditorApi } from './JsonEditor.tsx';
import { Registered } from './Registered.tsx';
import { documentText, EXAMPLE, initialChoice, startChoices } from './startingDocument.ts';
import './register.css';

/** How long typing pauses before the text is checked: a check per keystroke would flicker. */
const CHECK_AFTER_MS = 300;

export function RegisterJsonDialog({ taskDefinition }: { taskDefinition?: string | undefined }) {
  const store = usePaneApi();
  const [opened] = useState(() => {
    const world = store.getState().sim.world;
    const choice = initialChoice(world, taskDefinition);
    return { choice, choices: startChoices(world, choice), text: documentText(world, choice) };
  });
  const [choice, setChoice] = useState(opened.choice);
  const [text, setText] = useState(opened.text);
  const [check, setCheck] = useState(() => checkDocument(opened.text));
  // Register's answer when it refused, with a count so the same refusal is announced again.
  const [refusal, setRefusal] = useState<{ text: string; attempt: number } | null>(null);
  const [registered, setRegistered] = useState<{ arn: string; ignored: string[] } | null>(null);
  const editor = useRef<JsonEditorApi>(null);
  const ids = { editor: useId(), label: useId(), hint: useId(), status: useId() };

  useEffect(() => {
    if (text === check.text) return;
    const timer = setTimeout(() => setCheck(checkDocument(text)), CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, check.text]);

  const marks = useMemo<EditorMark[]>(
    () => check.problems.flatMap((p) => (p.span ? [{ ...p.span, message: p.field ? `${p.field}: ${p.message}` : p.message }] : [])),
    [check],
  );

  const registersAs = (family: string) => `${family}:${(store.getState().sim.world.familyRevisions.get(family) ?? 0) + 1}`;
  const edit = (next: string) => {
    setText(next);
    setRefusal(null);
  };
  const pick = (p: Problem) => p.span && editor.current?.focusAt(p.span.from, p.span.to);

  const register = (e?: FormEvent) => {
    e?.preventDefault();
    const now = checkDocument(text);
    setCheck(now);
    const attempt = (refusal?.attempt ?? 0) + 1;
    if (!now.result.ok) {
      const first = now.problems[0];
      return setRefusal({ attempt, text: `Not registered: ${summary(now, registersAs).replace(/: not registered yet\.$/, '.')}${first ? ` The first: ${first.field || 'JSON'} — ${first.message}` : ''}` });
    }
    const { outcome } = store.getState().dispatch({ type: 'registerTaskDefinition', taskDefinition: now.result.input });
    if (!outcome.ok || !outcome.taskDefinitionArn) return setRefusal({ attempt, text: `Not registered: ${outcome.ok ? 'ECS returned no task definition.' : outcome.error.message}` });
    setRegistered({ arn: outcome.taskDefinitionArn, ignored: now.result.ignored });
  };

  const format = () => {
    const laidOut = formatted(text);
    if (laidOut !== null) return edit(laidOut);
    // It doesn't parse: the place where it broke is the thing to fix first.
    const broken = check.problems[0];
    if (broken) pick(broken);
  };

  const startFrom = (value: string) => {
    setChoice(value);
    edit(documentText(store.getState().sim.world, value));
  };

  // One Dialog whichever the content, so the native dialog stays open from the form to the next steps.
  if (registered)
    return (
      <Dialog title="Registered" wide>
        <Registered arn={registered.arn} ignored={registered.ignored} />
      </Dialog>
    );

  const base = opened.choices.find((c) => c.value === choice);
  const label = `Task definition JSON${base && base.value !== EXAMPLE ? ` (based on ${familyRevision(base.value)})` : ''}`;
  return (
    <Dialog title="Register a task definition from JSON" wide>
      <form className="register-json" onSubmit={register} noValidate data-testid="register-json">
        <p className="muted small">
          The document <code>aws ecs register-task-definition --cli-input-json</code> takes. Registering gives the family its next revision; a revision never changes.
        </p>
        <div className="register-json-start">
          <label htmlFor={`${ids.editor}-start`}>Start from</label>
          <select id={`${ids.editor}-start`} value={choice} onChange={(e) => startFrom(e.target.value)}>
            {opened.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </div>
        <label id={ids.label} htmlFor={ids.editor} className="register-json-label">{label}</label>
        <p id={ids.hint} className="hint">
          Paste or edit; it is checked as you type. Tab leaves the editor (it does not indent: Format lays the JSON out). Ctrl+Enter registers. What each container&apos;s program does is its docker label <code>ecs-playground.app</code>: <code>serve</code>, <code>exit 0 after 20s</code>, <code>crash 1 after 45s</code>, <code>fail-health-check after 60s</code>, <code>hang after 30s</code> or <code>pull-error</code>.
        </p>
        <JsonEditor
          ref={editor}
          id={ids.editor}
          value={text}
          onChange={edit}
          onSubmit={register}
          labelledBy={ids.label}
          describedBy={ids.hint}
          label={label}
          marks={marks}
        />
        <p id={ids.status} role="status" className={check.result.ok ? 'register-json-status ok' : 'register-json-status'}>
          {summary(check, registersAs)}
        </p>
        {refusal && <p key={refusal.attempt} role="alert" className="notice tone-problem register-json-refusal">{refusal.text}</p>}
        <ImportReport check={check} onPick={pick} />
        <div className="form-actions">
          <button type="button" onClick={format}>Format</button>
          <button type="submit" className="primary">Register</button>
        </div>
      </form>
    </Dialog>
  );
}
