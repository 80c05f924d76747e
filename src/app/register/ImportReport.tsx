// What the importer said about the document, under the editor: the problems by field (each a
// link to its place in the text), the fields accepted and not simulated (never dropped without
// a word), and where the playground's defaults differ from AWS's.

import type { Check, Problem } from './check.ts';
import { refusedBy } from './check.ts';

export function ImportReport({ check, onPick }: { check: Check; onPick: (problem: Problem) => void }) {
  const { result, problems } = check;
  return (
    <div className="import-report">
      {!result.ok && (
        <section aria-labelledby="import-problems" className="import-problems" data-testid="import-problems">
          <h3 id="import-problems">{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</h3>
          <p className="small">{refusedBy(result.kind)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <ProblemPlace problem={p} onPick={onPick} />
                <span className="problem-message">{p.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.ignored.length > 0 && (
        <p className="small import-ignored" data-testid="import-ignored">
          <strong>Accepted, not simulated:</strong>{' '}
          {result.ignored.map((path, i) => (
            <span key={path}>
              {i > 0 && ', '}
              <code className="wrap">{path}</code>
            </span>
          ))}
          . ECS would take them; the playground keeps them on the revision and in its exported JSON, and does nothing with them.
        </p>
      )}
      {result.notes.length > 0 && (
        <section aria-labelledby="import-notes" className="import-notes" data-testid="import-notes">
          <h3 id="import-notes">Where the playground differs from AWS</h3>
          <ul className="small">
            {result.notes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The field a problem names, as a button that puts the cursor there (when the text has it). */
function ProblemPlace({ problem: p, onPick }: { problem: Problem; onPick: (problem: Problem) => void }) {
  const name = p.field === '' ? 'JSON' : p.field;
  const where = p.line !== null ? `(line ${p.line})` : '';
  if (!p.span) return <code className="wrap problem-field">{name}</code>;
  return (
    <button type="button" className="link problem-field" onClick={() => onPick(p)}>
      <span className="visually-hidden">Go to</span>{' '}
      <code className="wrap">{name}</code>
      {where && <> <span className="muted">{where}</span></>}
    </button>
  );
}
