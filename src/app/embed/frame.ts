// The figure's side of being embedded: the one message it sends its parent (its height, so a host
// page can size the iframe), and whether it is on screen (so its clock costs nothing while it is
// not). It reads no message from the parent: nothing a host page sends is acted on.

/** The message a figure posts to its parent window, and the only one. `id` is the snippet's
 *  `id=` parameter, when it has one, so a page with several figures can tell them apart. */
export const HEIGHT_MESSAGE = 'ecs-playground:height';
export type HeightMessage = { type: typeof HEIGHT_MESSAGE; height: number; id?: string };

export function heightMessage(height: number, id: string | null): HeightMessage {
  return id === null ? { type: HEIGHT_MESSAGE, height } : { type: HEIGHT_MESSAGE, height, id };
}

/** Whether the page is in a frame (a cross-origin parent may refuse even the comparison). */
export function isFramed(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

/**
 * Post the figure's natural height to the parent on load and whenever it changes: the height it
 * needs with the diagram at its preferred size (`.embed.measuring` in embed.css), not the height
 * the frame gives it now — so a frame sized from the message never feeds back into the message.
 * The posted height is the figure's only news: it goes to any parent (`'*'`), since a figure
 * cannot know which page holds it and nothing in it is private.
 */
export function postHeights(root: HTMLElement, frameId: string | null, watched: () => Iterable<Element>): () => void {
  if (!isFramed()) return () => {};
  let posted = -1;
  let frame: number | null = null;
  const measure = () => {
    frame = null;
    root.classList.add('measuring');
    const height = Math.ceil(root.getBoundingClientRect().height);
    root.classList.remove('measuring');
    if (height === posted || height <= 0) return;
    posted = height;
    window.parent.postMessage(heightMessage(height, frameId), '*');
  };
  // Measured in the next frame, once whatever changed has been laid out (and once per frame at most).
  const soon = () => {
    if (frame === null) frame = requestAnimationFrame(measure);
  };
  // The figure's box and the blocks in it other than the diagram (the bar, the caption, the
  // timeline, the panels): whatever changes the height changes one of their sizes.
  const observer = new ResizeObserver(soon);
  observer.observe(root);
  for (const el of watched()) observer.observe(el);
  window.addEventListener('resize', soon);
  soon();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', soon);
    if (frame !== null) cancelAnimationFrame(frame);
  };
}

/** Call `onChange(false)` when `root` leaves the viewport (in a frame: the top-level page's
 *  viewport) and `onChange(true)` when it comes back. */
export function watchOnScreen(root: Element, onChange: (onScreen: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => {};
  }
  let last: boolean | null = null;
  const observer = new IntersectionObserver((entries) => {
    const entry = entries.at(-1);
    if (!entry || entry.isIntersecting === last) return;
    last = entry.isIntersecting;
    onChange(last);
  });
  observer.observe(root);
  return () => observer.disconnect();
}
