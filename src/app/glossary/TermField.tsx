// An inspector's field whose name is a glossary term: Field's markup (panels/Field.tsx), with the
// name explaining itself. (Field takes a string name; were it a ReactNode, this could go.)

import type { ReactNode } from 'react';
import { Term } from './Term.tsx';
import type { TermId } from './terms.ts';

export function TermField({ name, term, children }: { name: string; term: TermId; children: ReactNode }) {
  return (
    <div className="field">
      <dt><Term id={term}>{name}</Term></dt>
      <dd>{children}</dd>
    </div>
  );
}
