// The embedded figure (issue #11, "Embed"), as an author's blog post holds it: a host page with two
// iframes (e2e/fixtures/embed-host.html, served from the app's own origin) and the host script.
// Parameters are honoured, the frames' heights follow their figures, a figure scrolled away stops
// its clock (and asks for no frames) and plays on when it comes back, the wheel scrolls the post,
// the two clocks are independent, the Embed dialog's snippet works when pasted into a page, and
// axe finds nothing inside the figure in either theme.

import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readFileSync } from 'node:fs';

const HOST = readFileSync(new URL('./fixtures/embed-host.html', import.meta.url), 'utf8');

/** Serve `html` at `path` on the app's origin. */
async function serve(page: Page, path: string, html: string) {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
}

/** Sim seconds on a figure's clock ("T+01:05" → 65). */
async function clock(frame: FrameLocator): Promise<number> {
  const text = (await frame.locator('.clock-time').textContent()) ?? '';
  const m = /T\+(?:(\d+):)?(\d+):(\d+)/.exec(text);
  if (!m) throw new Error(`no clock in "${text}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const figA = (page: Page) => page.frameLocator('#fig-a');
const figB = (page: Page) => page.frameLocator('#fig-b');

async function openHost(page: Page) {
  await serve(page, '/host-test.html', HOST);
  await page.goto('/host-test.html');
  await expect(figA(page).locator('.react-flow__node').first()).toBeVisible();
}

test('in a frame the snippet sized (no host script), the figure fits its box, controls and all', async ({ page }) => {
  for (const [width, height] of [[720, 450], [320, 400]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/?embed&controls=full&panels=timeline');
    await expect(page.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
    const link = page.getByRole('link', { name: /Open full view/ });
    await expect(link).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight), `${width}×${height}`).toBeLessThanOrEqual(height);
  }
});

test('a figure too small for the diagram shows the zones: every word readable, every task a target, the diagram a switch away', async ({ page }) => {
  for (const [width, height] of [[720, 450], [320, 480]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/?embed&scenario=default&controls=full');
    const zones = page.getByTestId('zones-view');
    await expect(zones.locator('[data-testid^="zone-task-"]')).toHaveCount(4);
    await expect(page.locator('.react-flow')).toHaveCount(0);
    const small = await zones.evaluate((root) => {
      const found: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (own && parseFloat(getComputedStyle(el).fontSize) < 11) found.push(`text ${getComputedStyle(el).fontSize}: ${el.textContent}`);
        if (el.matches('button')) {
          const r = el.getBoundingClientRect();
          if (r.width < 24 || r.height < 24) found.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.textContent}`);
        }
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).textOverflow !== 'ellipsis') found.push(`spills: ${el.className} ${el.textContent?.slice(0, 40)}`);
      }
      return found;
    });
    expect(small, `${width}×${height}`).toEqual([]);
    // With the full controls the reader may switch to the diagram — where it can be read at all:
    // under 520 px wide there is no switch (and no second row of controls for one).
    const toDiagram = page.getByRole('button', { name: 'Diagram', exact: true });
    if (width < 520) {
      await expect(toDiagram).toBeHidden();
      continue;
    }
    await toDiagram.click();
    await expect(page.locator('.react-flow__node-task').first()).toBeVisible();
    await expect(zones).toHaveCount(0);
  }
  // The snippet may fix the zones whatever the size.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?embed&scenario=default&layout=zones');
  await expect(page.getByTestId('zones-view')).toBeVisible();
});

test.describe('an embedded figure on a host page', () => {
  test('honours its parameters', async ({ page }) => {
    await openHost(page);
    const a = figA(page);
    // Minimal controls: play/pause and the time; captions on; the timeline; no details.
    await expect(a.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(a.getByRole('button', { name: /Step/ })).toHaveCount(0);
    await expect(a.getByRole('combobox', { name: 'Speed' })).toHaveCount(0);
    await expect(a.locator('.caption-bar')).toBeVisible();
    expect((await a.locator('.caption-bar').boundingBox())!.height).toBeGreaterThan(20);
    await expect(a.getByRole('slider')).toBeVisible();
    await expect(a.getByRole('tablist', { name: 'Details' })).toHaveCount(0);
    await expect(a.locator('.caption-toggle')).toBeHidden(); // the reader's stored toggle is not the figure's
    await expect(a.locator('html')).toHaveAttribute('data-mode', 'embed');
    // Full controls, dark, no caption line, the details tabs.
    await page.locator('#fig-b').scrollIntoViewIfNeeded();
    const b = figB(page);
    await expect(b.getByRole('button', { name: /Step/ })).toBeVisible();
    await expect(b.getByRole('combobox', { name: 'Speed' })).toBeVisible();
    await expect(b.getByRole('button', { name: 'Reset' })).toBeVisible();
    await expect(b.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(a.locator('html')).not.toHaveAttribute('data-theme', 'dark');
    await expect(b.getByRole('tablist', { name: 'Details' })).toBeVisible();
    const caption = await b.locator('.caption-bar').boundingBox();
    expect(caption && caption.height).toBeLessThanOrEqual(1); // off, but still the live region
    await expect(b.getByTestId('live-region')).toHaveAttribute('aria-live', 'polite');
    // Neither figure took over the page: no header, no notices, no autosave, its URL as written.
    await expect(a.locator('.app-header')).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ecs-playground:')))).toEqual([]);
    expect(page.frames().find((f) => f.url().includes('id=a'))?.url()).toMatch(/\/\?embed&scenario=default&autoplay=1&layout=diagram&id=a$/);
    // layout=diagram is the diagram whatever the size; auto at 720×450 is the zones, with the switch.
    await expect(a.locator('.react-flow__node-task').first()).toBeVisible();
    await expect(a.getByTestId('zones-view')).toHaveCount(0);
    await expect(b.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
    await expect(b.getByRole('button', { name: 'Zones', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(a.getByRole('button', { name: 'Zones', exact: true })).toHaveCount(0); // minimal controls: no switch
  });

  test('bad parameters give console warnings and a working figure', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto('/?embed&controls=huge&autoplay=maybe&theme=pink&panels=timeline,__proto__&speed=7&scenario=nope&id=%3Cx%3E&constructor=1');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // minimal controls, paused
    const ours = warnings.filter((w) => w.startsWith('ECS Playground: '));
    for (const part of ['controls must be one of', 'autoplay must be on or off', 'theme must be one of', 'no panel "__proto__"', 'speed must be one of', 'no scenario "nope"', 'id must be', 'no parameter "constructor"']) {
      expect(ours.some((w) => w.includes(part)), part).toBe(true);
    }
    await expect(page.locator('.notices')).toHaveCount(0);
    // A damaged share link: the default scene, and the console says why.
    warnings.length = 0;
    await page.goto('/?embed#s=1garbage');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect.poll(() => warnings.some((w) => w.startsWith("ECS Playground: This link's session could not be opened"))).toBe(true);
  });

  test("the frame's height follows its figure through the host script", async ({ page }) => {
    await openHost(page);
    const frameHeight = () => page.locator('#fig-a').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height - 2); // less its border
    const figureHeight = () => figA(page).locator('.embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect(page.locator('#fig-a')).toHaveAttribute('style', /height: \d+px/);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await figureHeight()))).toBeLessThanOrEqual(1);
    const wide = await frameHeight();
    // A narrower column: the controls and the timeline take other room, and the frame follows.
    await page.locator('#fig-a').evaluate((f: HTMLIFrameElement) => (f.width = '340'));
    await expect.poll(frameHeight).not.toBe(wide);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await figureHeight()))).toBeLessThanOrEqual(1);
  });

  test('a figure scrolled away stops its clock and asks for no frames, and plays on when back', async ({ page }) => {
    // Count each frame's animation-frame requests.
    await page.addInitScript(() => {
      const w = window as unknown as { __rafCalls: number };
      w.__rafCalls = 0;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => (w.__rafCalls++, raf(cb));
    });
    await openHost(page);
    const a = figA(page);
    const b = figB(page);
    const frameA = page.frames().find((f) => f.url().includes('id=a'))!;
    const rafCalls = () => frameA.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
    const before = await clock(a);
    await expect.poll(() => clock(a)).toBeGreaterThan(before); // running
    // Away: figure B on screen, A far above it.
    await page.locator('#fig-b').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    await expect(a.locator('main.embed')).toHaveClass(/away/);
    const away = await clock(a);
    const callsAway = await rafCalls();
    const bAway = await clock(b);
    await expect.poll(() => clock(b)).toBeGreaterThanOrEqual(bAway + 10); // ten sim seconds pass on B
    expect(await clock(a)).toBe(away);
    expect((await rafCalls()) - callsAway).toBeLessThanOrEqual(2);
    await expect(a.getByRole('button', { name: 'Pause' })).toBeVisible(); // not the reader's Pause
    // Back: A plays on from where it was, with no jump for the time away.
    await page.locator('#fig-a').scrollIntoViewIfNeeded();
    await expect(a.locator('main.embed')).not.toHaveClass(/away/);
    await expect.poll(() => clock(a)).toBeGreaterThan(away);
    expect((await clock(a)) - away).toBeLessThan((await clock(b)) - bAway);
  });

  test('the wheel over a figure scrolls the post; Ctrl+wheel zooms the diagram', async ({ page }) => {
    await openHost(page);
    const pane = figA(page).locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const transform = () => figA(page).locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const zoomBefore = await transform();
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await transform()).toBe(zoomBefore);
    // Ctrl held: the diagram zooms and the post stays put.
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await pane.boundingBox())!;
    await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(transform).not.toBe(zoomBefore);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Cmd (Meta) too, as on a Mac.
    const afterCtrl = await transform();
    await page.keyboard.down('Meta');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Meta');
    await expect.poll(transform).not.toBe(afterCtrl);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Focus in the diagram (a node, by Tab): the plain wheel is the diagram's.
    await figA(page).locator('.react-flow__node[tabindex="0"]').first().focus();
    const zoomed = await transform();
    await page.mouse.wheel(0, -200);
    await expect.poll(transform).not.toBe(zoomed);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('the wheel over the zones view scrolls the post as well', async ({ page }) => {
    await openHost(page);
    await page.locator('#fig-b').scrollIntoViewIfNeeded();
    const zones = figB(page).getByTestId('zones-view');
    await expect(zones.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
    const box = (await page.locator('#fig-b').boundingBox())!;
    const zonesBox = (await zones.boundingBox())!;
    await page.mouse.move(box.x + zonesBox.x + zonesBox.width / 2, box.y + zonesBox.y + zonesBox.height / 2);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
  });

  test('a figure acts on nothing its parent posts', async ({ page }) => {
    await openHost(page);
    const a = figA(page);
    const before = await clock(a);
    // Junk, look-alikes, huge numbers and prototype keys, from the host page to the figure.
    await page.evaluate(() => {
      const w = (document.getElementById('fig-a') as HTMLIFrameElement).contentWindow!;
      const junk: unknown[] = [
        null, 'play', 42, [1, 2], { type: 'ecs-playground:height', height: 1e308 }, { type: 'ecs-playground:pause' },
        { type: 'ecs-playground:seek', at: -1 }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } },
        { type: 'ecs-playground:theme', theme: 'dark' }, new Array(1000).fill('x').join(''),
      ];
      for (const message of junk) w.postMessage(message, '*');
    });
    await expect.poll(() => clock(a)).toBeGreaterThan(before); // still running
    await expect(a.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(a.locator('html')).not.toHaveAttribute('data-theme', 'dark');
    expect(await a.locator('html').evaluate(() => ({} as { polluted?: boolean }).polluted)).toBeUndefined();
  });

  test('two figures keep their own clocks', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 1300 });
    await openHost(page);
    await page.locator('#gap-1').evaluate((el) => ((el as HTMLElement).style.height = '0'));
    const a = figA(page);
    const b = figB(page);
    await expect(b.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
    await a.getByRole('button', { name: 'Pause' }).click();
    await expect(a.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(b.getByRole('button', { name: 'Pause' })).toBeVisible();
    const pausedAt = await clock(a);
    const bNow = await clock(b);
    await expect.poll(() => clock(b)).toBeGreaterThanOrEqual(bNow + 10);
    expect(await clock(a)).toBe(pausedAt);
    // A step on one moves only that one.
    await b.getByRole('button', { name: 'Pause' }).click();
    const bPaused = await clock(b);
    await a.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clock(a)).toBeGreaterThan(pausedAt);
    expect(await clock(b)).toBe(bPaused);
  });

  test('"Open full view" opens this moment in the full app, in a new tab', async ({ page, context }) => {
    await openHost(page);
    const a = figA(page);
    await a.getByRole('button', { name: 'Pause' }).click();
    const at = (await a.locator('.clock-time').textContent())!;
    const link = a.getByRole('link', { name: /Open full view/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.waitForLoadState();
    expect(full.url()).toContain('#s=');
    expect(full.url()).not.toContain('embed');
    await expect(full.locator('.app-header')).toBeVisible();
    await expect(full.locator('.app-header .clock-time')).toHaveText(at);
  });
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });
  test('one finger over a figure scrolls the post; two pinch-zoom the diagram', async ({ page }) => {
    await openHost(page);
    const transform = () => figA(page).locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await transform();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number; id: number }[]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    const box = (await page.locator('#fig-a').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height * 0.6;
    await touch('touchStart', [{ x, y, id: 1 }]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x, y: y - i * 20, id: 1 }]);
    await touch('touchEnd', []);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(await transform()).toBe(before);
    // Two fingers apart: the diagram zooms, the post stays. (First let the fling of the one-finger
    // scroll come to rest, or its last pixels would land during the pinch.)
    let last = -1;
    await expect.poll(async () => {
      const now = await page.evaluate(() => window.scrollY);
      const still = now === last;
      last = now;
      return still;
    }).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    const cy = box.y + box.height / 2;
    await touch('touchStart', [{ x: x - 20, y: cy, id: 1 }]);
    await touch('touchStart', [{ x: x - 20, y: cy, id: 1 }, { x: x + 20, y: cy, id: 2 }]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: x - 20 - i * 10, y: cy, id: 1 }, { x: x + 20 + i * 10, y: cy, id: 2 }]);
    await touch('touchEnd', []);
    await expect.poll(transform).not.toBe(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});

test.describe('the Embed dialog', () => {
  test('writes a snippet that works when pasted into a page, with a live preview', async ({ page }) => {
    await page.goto('/?scenario=default');
    await page.getByRole('button', { name: 'Embed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this scene' });
    await dialog.getByLabel('Controls', { exact: true }).selectOption('full');
    await dialog.getByLabel('Start playing').check();
    await dialog.getByLabel('Theme', { exact: true }).selectOption('dark');
    await dialog.getByLabel('Details tabs').check();
    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toContain('<iframe src="');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(snippet).toMatch(/controls=full&amp;autoplay=1&amp;theme=dark&amp;panels=timeline,lesson,details/);
    expect(snippet).toContain('/embed.js" defer></script>');
    // The preview is the snippet's figure.
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await expect(preview.getByRole('button', { name: /Step/ })).toBeVisible();
    await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Pasted into a post.
    await serve(page, '/pasted.html', `<!doctype html><html lang="en"><head><title>Pasted</title></head><body><main><h1>A post</h1>${snippet}</main></body></html>`);
    await page.goto('/pasted.html');
    const figure = page.frameLocator('iframe[data-ecs-playground]');
    await expect(figure.locator('[data-testid^="zone-task-"]').first()).toBeVisible(); // 720×450: the zones
    await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(figure.getByRole('tablist', { name: 'Details' })).toBeVisible();
    await expect(page.locator('iframe[data-ecs-playground]')).toHaveAttribute('style', /height: \d+px/); // the host script ran
  });

  test('embeds this moment as a share link', async ({ page }) => {
    await page.goto('/?scenario=default');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Embed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this scene' });
    await dialog.getByLabel(/This moment/).check();
    await expect(dialog.getByLabel('Speed', { exact: true })).toBeDisabled();
    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/\?embed#s=1/);
    const at = (await page.locator('.app-header .clock-time').textContent())!;
    await expect(page.frameLocator('[data-testid="embed-preview"]').locator('.clock-time')).toHaveText(at);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing inside the figure (${theme})`, async ({ page }) => {
    await page.goto(`/?embed&scenario=default&controls=full&panels=timeline,details,tasks&theme=${theme}`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('tbody tr').first()).toBeVisible();
    const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await axe()).toEqual([]);
    // And the zones view, as a figure's box shows it.
    await page.setViewportSize({ width: 720, height: 450 });
    await expect(page.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
    expect(await axe()).toEqual([]);
  });
}
