// The measuring behind issue #11's "a page that looks finished", shared by layout.spec.ts (the full
// page) and layout-modes.spec.ts (presenter mode, the twin view, the embedded figure, the themes):
// bring a scene to one moment, then measure in the page what covers what, which text spills or is
// cut off, and which edge of the diagram runs through a label or a node it does not connect. Every
// problem is one line a person can act on: the element, its node, its text.

import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The clock's time in seconds ("T+01:30" → 90; "T+1:02:03" → 3723). */
export const clockSeconds = async (page: Page) => {
  const text = (await page.getByTestId('clock').locator('.clock-time').first().textContent()) ?? '';
  const parts = text.replace(/^T\+/, '').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};

/** "T+01:30" for 90 s. */
export const clockText = (seconds: number) => `T+${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/** The cluster's picture is on the page: the diagram's first node, or the zones view's first zone. */
export const picture = (page: Page) => page.locator('.react-flow__node, [data-testid="zones-view"] .zv-zone').first();

/** Let the page's clock run to `seconds` or past, pause it, and put the timeline back at exactly
 *  `seconds`, so every run measures the same moment (the engine is seeded: the same scene at the
 *  same time is the same picture). The page must be playing, with a timeline. */
export async function holdAt(page: Page, seconds: number) {
  await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
  await page.getByRole('button', { name: 'Pause' }).first().click();
  await expect(page.getByRole('button', { name: 'Play' }).first()).toBeVisible();
  await page.getByRole('slider', { name: 'Sim time' }).evaluate((el, ms) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(ms));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, seconds * 1000);
  await expect(page.getByTestId('clock').locator('.clock-time').first()).toHaveText(clockText(seconds));
}

/** The diagram has settled where the page put it: every diagram on the page (the twin view has
 *  two) has been fitted to its box. A zones view has nothing to settle. */
export async function settled(page: Page) {
  for (const viewport of await page.locator('.react-flow__viewport').all()) await expect(viewport).toHaveAttribute('style', /transform/);
}

/** The diagrams' fit (each viewport's transform), once it holds still for two frames and differs
 *  from `before`: after a resize or a change of mode, the picture has been laid out and fitted again.
 *  Returns the fit, to wait for the next change. */
export async function refitted(page: Page, before: string | null = null): Promise<string> {
  let fit: string | null = null;
  await expect.poll(async () => {
    fit = await page.evaluate(async (previous) => {
      const read = () => [...document.querySelectorAll<HTMLElement>('.react-flow__viewport')].map((v) => v.style.transform).join(' | ');
      const first = read();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      // A page without a diagram (the zones view) has no fit to wait for: its layout follows at once.
      return first === read() && (first !== previous || first === '') ? first : null;
    }, before);
    return fit;
  }, { timeout: 10_000 }).not.toBeNull();
  return fit!;
}

/** Measured in the page: each problem as one line a person can act on. Self-contained (Playwright
 *  sends its source to the page), so its helpers are inside it. */
export function findProblems(): string[] {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const shortId = (id: string) => id.replace(/arn:aws:[a-z-]+:[^/]+\//g, '');
  const describe = (el: Element) => {
    const id = el.closest('[data-id]')?.getAttribute('data-id');
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${cls}>${id ? ` in node ${shortId(id)}` : ''} "${text(el)}"`;
  };
  type Box = { left: number; top: number; right: number; bottom: number };
  const boxOf = (el: Element): Box => el.getBoundingClientRect();
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const clip = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
  const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const inside = (outer: Box, inner: Box) => inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
  const screen: Box = { left: 0, top: 0, right: vw, bottom: vh };

  // (a) The page's panels and overlays, as far as they are on screen: the playground's, presenter
  // mode's, the twin view's and the embedded figure's (a selector the page lacks finds nothing).
  // (The phone's sheet is a layer the user opened over the page, as a dialog is: phone.spec.ts checks it
  // never hides what was tapped.)
  const PANELS = ['.app-header', '.notices .notice', '.recently-stopped', '.caption-bar', '.timeline', '.side', '.react-flow__controls',
    '.presenter-hud', '.fault-bar', '.comparisons', '.twin-side-head', '.embed-bar', '.embed-side', '.embed-tasks', '.embed-credit', '.view-switch'];
  const panels = PANELS.flatMap((sel) => [...document.querySelectorAll(sel)].filter(visible).map((el) => ({ el, sel, box: clip(boxOf(el), screen) }))).filter((p) => area(p.box) > 0);
  for (let i = 0; i < panels.length; i++)
    for (let j = i + 1; j < panels.length; j++) {
      const a = panels[i]!, b = panels[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      if (overlap(a.box, b.box)) problems.push(`${a.sel} overlaps ${b.sel}: ${describe(a.el)} / ${describe(b.el)}`);
    }

  // The boxes of an element's words (a label's block runs the width of its box; its text may not).
  const labelBoxes = (el: Element) => {
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent?.trim() || !t.parentElement?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      boxes.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
    }
    return boxes;
  };

  // The diagrams' nodes, as far as each shows inside its own diagram's box.
  const RANK: Record<string, number> = { cluster: 0, zone: 1, band: 2 };
  const nodes = [...document.querySelectorAll('.react-flow__node')].filter(visible).map((el) => {
    const type = [...el.classList].find((c) => c.startsWith('react-flow__node-'))?.slice('react-flow__node-'.length) ?? '?';
    const flow = el.closest('.react-flow');
    return { el, type, id: el.getAttribute('data-id') ?? '', flow, box: boxOf(el), rank: RANK[type] ?? 3 };
  });
  const flowBox = (flow: Element | null) => (flow ? clip(boxOf(flow), screen) : screen);
  for (const node of nodes) {
    // A container may lie under a panel; its label's words may not.
    const targets = node.rank < 3
      ? [...node.el.querySelectorAll('.cluster-label, .zone-label, .band-label, h2, h3')].filter(visible).flatMap((el) => labelBoxes(el).map((box) => ({ el, box })))
      : [{ el: node.el, box: boxOf(node.el) }];
    for (const target of targets) {
      const box = clip(target.box, flowBox(node.flow));
      if (area(box) === 0) continue;
      for (const p of panels) if (!p.el.contains(target.el) && overlap(p.box, box)) problems.push(`${p.sel} covers a node: ${describe(target.el)}`);
    }
  }
  // Dialogs and tooltips are whole on screen.
  for (const el of document.querySelectorAll('dialog[open], [role="tooltip"]'))
    if (visible(el) && !inside(screen, boxOf(el))) problems.push(`off screen: ${describe(el)} at ${JSON.stringify(boxOf(el))}`);
  // (c) Nodes never overlap, except a container round what it holds (cluster ⊃ zones ⊃ bands ⊃ tasks).
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!, b = nodes[j]!;
      if (a.flow !== b.flow || !overlap(a.box, b.box)) continue;
      const [outer, inner] = a.rank <= b.rank ? [a, b] : [b, a];
      if (outer.rank < inner.rank && inside(outer.box, inner.box)) continue;
      problems.push(`nodes overlap: ${describe(a.el)} / ${describe(b.el)}`);
    }

  // (d) An edge runs through no label (the cluster's, a zone's, a band's) and over no node but its
  // own two ends. Its path is walked in steps of a few pixels on screen; each crossing is said once.
  // An edge drawn under a node (a lower z-index, or the same: the nodes' layer comes after the
  // edges') passes behind its card, which hides it: a wire behind a box, not a line across its text.
  const shown = (el: Element) => {
    for (let e: Element | null = el; e && !e.matches('.react-flow'); e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')) {
    const edge = path.closest('.react-flow__edge')!;
    const flow = path.closest('.react-flow');
    const matrix = path.getScreenCTM();
    if (!matrix || !shown(path)) continue;
    const id = edge.getAttribute('data-id') ?? '';
    const [source, target] = id.split('->');
    const z = (el: Element | null) => (el ? Number(getComputedStyle(el).zIndex) || 0 : 0);
    const edgeZ = z(path.closest('svg'));
    const obstacles = [
      ...nodes.filter((n) => n.flow === flow && n.rank < 3 && z(n.el) < edgeZ).flatMap((n) =>
        [...n.el.querySelectorAll('.cluster-label, .zone-label, .band-label')].flatMap((label) => labelBoxes(label).map((box) => ({ what: `the label ${describe(label)}`, box })))),
      ...nodes.filter((n) => n.flow === flow && n.rank === 3 && n.id !== source && n.id !== target && z(n.el) < edgeZ).map((n) => ({ what: `the node ${describe(n.el)}`, box: n.box })),
    ];
    const bounds = flowBox(flow);
    const scale = Math.hypot(matrix.a, matrix.b) || 1;
    const length = path.getTotalLength();
    const hit = new Set<string>();
    for (let at = 0; at <= length; at += 3 / scale) {
      const q = path.getPointAtLength(at);
      const p = new DOMPoint(q.x, q.y).matrixTransform(matrix);
      if (p.x < bounds.left || p.x > bounds.right || p.y < bounds.top || p.y > bounds.bottom) continue;
      for (const o of obstacles) if (p.x > o.box.left + 1 && p.x < o.box.right - 1 && p.y > o.box.top + 1 && p.y < o.box.bottom - 1) hit.add(o.what);
    }
    for (const what of hit) problems.push(`edge ${shortId(id)} runs through ${what}`);
  }

  // (b) Text that spills out of its box, or is cut off without an ellipsis and its full text.
  const ROOTS = ['.react-flow__node', '.app-header', '.notices', '.recently-stopped', '.caption-bar', '.timeline', '.side', 'dialog[open]', '[role="tooltip"]', '.react-flow__controls', '.phone-sheet',
    '.presenter-hud', '.fault-bar', '.comparisons', '.twin-side-head', '.embed-bar', '.embed-side', '.embed-tasks', '.embed-credit', '.zones-view', '.view-switch'];
  const checked = new Set<Element>();
  const spilling: { el: Element; why: string }[] = [];
  for (const root of ROOTS.flatMap((sel) => [...document.querySelectorAll(sel)])) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (checked.has(el) || el instanceof SVGElement || !visible(el)) continue;
      checked.add(el);
      const s = getComputedStyle(el);
      // A text field scrolls its own value; a visually hidden label is clipped on purpose (the
      // class, or its recipe: a 1 px box clipped to nothing).
      if (s.display === 'inline' || s.display === 'contents' || s.display.startsWith('table') || el.matches('input, select, textarea') || el.closest('.visually-hidden')) continue;
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') continue;
      const scrolls = (o: string) => o === 'auto' || o === 'scroll';
      const clips = (o: string) => o === 'hidden' || o === 'clip';
      // Only a table or a block of code may scroll sideways: a dialog or a panel that does hides its text.
      if (el.scrollWidth > el.clientWidth + 1 && scrolls(s.overflowX) && !el.matches('.table-scroll, pre, .json, .react-flow, .react-flow *')) {
        spilling.push({ el, why: `scrolls sideways by ${el.scrollWidth - el.clientWidth}px` });
        continue;
      }
      // (Inside a table's scroll box, what is wider than the box is what scrolls.)
      const wide = el.scrollWidth > el.clientWidth + 1 && !scrolls(s.overflowX) && !el.closest('.table-scroll');
      const tall = el.scrollHeight > el.clientHeight + 1 && clips(s.overflowY);
      if (!wide && !tall) continue;
      if (text(el) === '') continue; // a box of pictures (a preview, a chart) clips what it likes
      if (wide && clips(s.overflowX) && s.textOverflow === 'ellipsis') {
        // A deliberate ellipsis, if the whole text is there for whoever asks.
        const full = text(el);
        const holder = el.closest('[title], [aria-label]');
        const named = holder && ((holder.getAttribute('title') ?? '') + (holder.getAttribute('aria-label') ?? '')).replace(/\s+/g, ' ').includes(full.replace(/…$/, ''));
        if (named) continue;
        spilling.push({ el, why: 'ellipsised without its full text in a title or an accessible name' });
        continue;
      }
      spilling.push({ el, why: wide ? (clips(s.overflowX) ? 'text cut off at the side' : `text spills ${el.scrollWidth - el.clientWidth}px past the side`) : 'text cut off at the bottom' });
    }
  }
  // The innermost box that spills is the one to fix.
  for (const { el, why } of spilling) if (!spilling.some((o) => o.el !== el && el.contains(o.el))) problems.push(`${why}: ${describe(el)}`);
  if (document.documentElement.scrollWidth > vw) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport`);
  return [...new Set(problems)];
}
