// An image digest as the console shows it (sha256: and 12 hex digits), the full one on hover and
// on focus, and to screen readers as its description.

import { useId } from 'react';
import { shortDigest } from '../sim/index.ts';

export function Digest({ digest }: { digest: string }) {
  const id = useId();
  return (
    <span className="digest">
      <code tabIndex={0} aria-describedby={id}>{shortDigest(digest)}</code>
      <span role="tooltip" id={id} className="digest-tip">{digest}</span>
    </span>
  );
}
