// A bad `?view=` opens the playground with this one message, in the notices' own style. It is
// loaded only on that path, so the playground's first JS does not grow. (The playground's own
// notices come from its page store, which main.tsx cannot reach: this one floats apart from them.)

import { useState } from 'react';

export default function ViewNotice({ text }: { text: string }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="notice tone-problem view-notice" role="alert" data-testid="view-notice">
      <p>{text}</p>
      <div className="notice-actions">
        <button type="button" onClick={() => setOpen(false)}>Dismiss</button>
      </div>
    </div>
  );
}
