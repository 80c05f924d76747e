// "Embed…": the <iframe> snippet that puts this scene (or this moment) in a blog post.

import { Dialog } from '../actions/Dialog.tsx';

export function EmbedDialog() {
  return (
    <Dialog title="Embed this scene" wide>
      <p>Coming in this change.</p>
    </Dialog>
  );
}
