// One row of an inspector's field list: AWS's field name, and its value.

import type { ReactNode } from 'react';

export function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
