// The Terminal tab: `aws ecs` and `aws elbv2` against the simulation (src/cli), with the CLI's own
// output and errors. Its history is the pane's transcript: the lines typed here and, between them,
// what was done with the page's controls written as the commands it equals ("Show me the API").
// Up and Down walk the lines typed; Tab completes commands, parameters and the world's names (on
// an empty line, or with Shift, it moves focus as usual, so the field never traps the keyboard).

import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { cliOf, complete, runCli, shellScript, type CliHost } from '../../cli/index.ts';
import { clockLabel, type World } from '../../sim/index.ts';
import type { PaneStore, TranscriptEntry } from '../../store/paneStore.ts';
import { usePane, usePaneApi } from '../../store/StoreContext.tsx';
import './terminal.css';

/** Lines to try, filled into the field (not run) so the learner reads them first. */
function examples(world: World): string[] {
  const service = [...world.services.values()].find((s) => s.status === 'ACTIVE');
  const group = world.targetGroups.values().next().value;
  return [
    'aws ecs list-services',
    ...(service ? [`aws ecs describe-services --services ${service.serviceName}`, `aws ecs update-service --service ${service.serviceName} --desired-count 5`] : []),
    'aws ecs list-tasks --desired-status STOPPED',
    ...(group ? [`aws elbv2 describe-target-health --target-group-arn ${group.targetGroupArn}`] : []),
  ];
}

const hostOf = (pane: PaneStore): CliHost => ({
  world: () => pane.getState().sim.world,
  dispatch: (command) => pane.getState().dispatch(command, 'cli'),
});

/** Longest prefix every option shares. */
function sharedPrefix(options: readonly string[]): string {
  let prefix = options[0] ?? '';
  for (const o of options) while (!o.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** `focusCalls`: each time it goes up (the API line's Terminal button), the field takes focus. */
export function TerminalPanel({ focusCalls = 0 }: { focusCalls?: number }) {
  const pane = usePaneApi();
  const transcript = usePane((s) => s.transcript);
  const typed = usePane((s) => s.typedLines);
  const world = usePane((s) => s.sim.world);
  const [line, setLine] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  // Where Up/Down is in the typed lines: null is the line being written.
  const [back, setBack] = useState<number | null>(null);
  const draft = useRef('');
  const input = useRef<HTMLInputElement>(null);
  const output = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const optionsId = useId();

  useEffect(() => {
    if (focusCalls > 0) input.current?.focus();
  }, [focusCalls]);

  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current === null) return;
    input.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [line]);

  // The newest entry in view, as a terminal scrolls.
  useLayoutEffect(() => {
    const box = output.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [transcript.length]);

  const done = () => {
    setLine('');
    setOptions([]);
    setBack(null);
    // Run may have been clicked (and it disables itself on the empty line): the field keeps focus.
    input.current?.focus();
  };
  const run = () => {
    const text = line.trim();
    if (text === '') return;
    // `clear` is the shell's, not the CLI's: it empties the history shown (Up still recalls).
    if (text === 'clear') {
      pane.getState().typed({ line: text, stdout: '', stderr: '', exitCode: 0 });
      pane.getState().clearTranscript();
    } else {
      pane.getState().typed({ line: text, ...runCli(text, hostOf(pane)) });
    }
    done();
  };

  const recall = (to: number | null) => {
    if (back === null) draft.current = line;
    setBack(to);
    setLine(to === null ? draft.current : typed[to] ?? '');
    setOptions([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      run();
    } else if (e.key === 'ArrowUp' && typed.length > 0) {
      e.preventDefault();
      recall(back === null ? typed.length - 1 : Math.max(0, back - 1));
    } else if (e.key === 'ArrowDown' && back !== null) {
      e.preventDefault();
      recall(back + 1 >= typed.length ? null : back + 1);
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim() !== '') {
      e.preventDefault();
      const cursor = e.currentTarget.selectionStart ?? line.length;
      const found = complete(line, cursor, pane.getState().sim.world);
      if (found.options.length === 0) return setOptions([]);
      const insert = found.options.length === 1 ? `${found.options[0]} ` : sharedPrefix(found.options);
      const next = line.slice(0, found.from) + insert + line.slice(cursor);
      // The caret goes after what was inserted once React has written the value (a layout effect,
      // before anything typed next can land at the old caret).
      caret.current = found.from + insert.length;
      setLine(next);
      setOptions(found.options.length === 1 ? [] : found.options);
    } else if (e.key === 'Escape' && options.length > 0) {
      e.preventDefault();
      setOptions([]);
    } else if (e.ctrlKey && !e.altKey && !e.metaKey && (e.key === 'l' || e.key === 'L')) {
      // Ctrl+L clears the screen, as in a shell; the line being written stays.
      e.preventDefault();
      pane.getState().clearTranscript();
    } else if (e.ctrlKey && !e.altKey && !e.metaKey && (e.key === 'c' || e.key === 'C') && e.currentTarget.selectionStart === e.currentTarget.selectionEnd) {
      // Ctrl+C with nothing selected abandons the line (with a selection it copies, as usual).
      e.preventDefault();
      if (line !== '') pane.getState().typed({ line: `${line}^C`, stdout: '', stderr: '', exitCode: 130 }, false);
      done();
    }
  };

  const fill = (text: string) => {
    setLine(text);
    setOptions([]);
    input.current?.focus();
  };

  return (
    <div className="terminal-panel" data-testid="terminal">
      <p className="small muted terminal-intro">
        <code>aws ecs</code> and <code>aws elbv2</code> against this simulation (cluster <code>default</code>, {world.config.region}).
        What you do on the page shows here as the command it equals.
      </p>
      <div className="terminal-output" ref={output} role="log" aria-label="Terminal output" tabIndex={0} data-testid="terminal-output">
        {transcript.length === 0 ? (
          <div className="terminal-empty">
            <p>Try one of these (it goes in the field below, for you to run with Enter):</p>
            <ul>
              {examples(world).map((x) => (
                <li key={x}><button type="button" className="terminal-example" onClick={() => fill(x)}><code>{x}</code></button></li>
              ))}
            </ul>
          </div>
        ) : (
          transcript.map((entry) => <Entry key={entry.id} entry={entry} />)
        )}
      </div>
      {options.length > 0 && (
        <p id={optionsId} className="terminal-options" role="status" data-testid="terminal-options">
          {options.length} choices: {options.slice(0, 40).join('  ')}{options.length > 40 ? '  …' : ''}
        </p>
      )}
      <div className="terminal-prompt">
        <label htmlFor={`${hintId}-input`} className="terminal-dollar" title="Type an aws command">$<span className="visually-hidden"> aws command</span></label>
        <input
          id={`${hintId}-input`}
          ref={input}
          className="terminal-input"
          data-testid="terminal-input"
          value={line}
          onChange={(e) => { setLine(e.target.value); setBack(null); setOptions([]); }}
          onKeyDown={onKeyDown}
          placeholder="aws ecs list-services"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={options.length > 0 ? `${hintId} ${optionsId}` : hintId}
        />
        <button type="button" onClick={run} disabled={line.trim() === ''}>Run</button>
      </div>
      <div className="terminal-foot">
        <p id={hintId} className="small muted terminal-hint">Enter runs; ↑ ↓ recall; Tab completes (Shift+Tab leaves the field); <code>clear</code> or Ctrl+L clears.</p>
        <ExportScript />
      </div>
    </div>
  );
}

/** One entry of the history: a typed line and its output, or an action done on the page. Entries
 *  never change, so each is drawn once (a page action's line is worked out by a trial run). */
const Entry = memo(function Entry({ entry }: { entry: TranscriptEntry }) {
  const time = <span className="terminal-time">{clockLabel(entry.at)}</span>;
  if (entry.kind === 'cli') {
    return (
      <div className="terminal-entry" data-testid="terminal-entry" data-exit-code={entry.exitCode}>
        <p className="terminal-line">{time}<code><span aria-hidden="true">$ </span>{entry.line}</code></p>
        {entry.stdout && (
          /^-+\n/.test(entry.stdout)
            // --output table: its rows are read across, so they scroll sideways rather than wrap.
            ? <pre className="terminal-stdout terminal-table" tabIndex={0} aria-label={`Table output of ${entry.line}`}>{entry.stdout}</pre>
            : <pre className="terminal-stdout">{entry.stdout}</pre>
        )}
        {entry.stderr && <pre className="terminal-stderr">{entry.stderr}</pre>}
      </div>
    );
  }
  const api = cliOf(entry.command, entry.before);
  return (
    <div className="terminal-entry from-page" data-testid="terminal-entry-ui">
      <p className="terminal-line">{time}<span className="terminal-source">On the page:</span></p>
      {'lines' in api
        ? <>
            {api.lines.map((l, i) => <pre key={i} className="terminal-ui-line"><span aria-hidden="true">$ </span>{l}</pre>)}
            {!api.runnable && api.note && <p className="terminal-none"># {api.note}</p>}
          </>
        : <p className="terminal-none"># {api.none}</p>}
    </div>
  );
});

/** The session as a shell script of its commands, to read, or to run against an account of your
 *  own. A download made on the click, so it is always of the session as it is now. */
function ExportScript() {
  const pane = usePaneApi();
  const save = () => {
    const { session } = pane.getState();
    const text = shellScript({ scenario: session.scenario, seed: session.seed, log: session.entries });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/x-shellscript' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `ecs-playground-${session.scenario}.sh`;
    a.click();
    // Let the download take the file before the URL goes.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <p className="terminal-export">
      <button type="button" onClick={save}>Export the session as a shell script</button>
    </p>
  );
}

export default TerminalPanel;
