// Presenter mode (`?present`): the playground for a projector. Large type and high contrast come
// from present.css, keyed on <html data-mode="present">.

import './present.css';

export default function Presenter() {
  return null;
}
