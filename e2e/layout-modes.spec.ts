// Issue #11's "no overlaps, no clipped text" in the page's other modes, measured as layout.spec.ts
// measures the full page (measure.ts): presenter mode in every listed scene at a projector's two
// sizes (with the whack-a-task score and with a lesson open), the twin view in presenter mode, the
// embedded figure in every listed scene in a post's two boxes (and with every panel), and the light
// and dark themes in each mode, with axe where no other spec already runs it (the full page's themes
// are theme.spec.ts's, presenter mode's present.spec.ts's, the figure's diagram embed.spec.ts's).
// Each scene opens at its moment from a share link (the session replayed to T+01:30 and paused, at
// once: no waiting for the clock, and the picture a link's reader gets, laid out afresh — the full
// page's spec lays out the live one), and is measured at both of its sizes (the page resized, the
// diagram refitted). No sleeps: every wait is on what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { clockText, findProblems, picture, refitted, settled } from './measure.ts';
import { encodeSession } from '../src/session/link.ts';
import { SESSION_VERSION } from '../src/session/record.ts';
import { LISTED_SCENARIOS } from '../src/sim/scenarios.ts';

/** As layout.spec.ts: past each scene's first minute. */
const RUN_FOR = 90;
const PROJECTOR = [[1920, 1080], [1280, 720]] as const;
/** A figure in a post: the snippet's default box, and a phone-width column. */
const FIGURE = [[720, 450], [320, 480]] as const;
/** The figure with every panel, in scenes that fill them: a load balancer, a crowd, nothing. */
const FULL_FIGURE_SCENES = ['default', 'busy', 'empty'];

const hud = (page: Page) => page.getByTestId('presenter-hud');

/** A share link's fragment for the scene at RUN_FOR, with nothing done in it (the seed and speed a
 *  plain ?scenario= page has at 64×). */
const atRunFor = (scenario: string) =>
  `#s=${encodeSession({ version: SESSION_VERSION, scenario, seed: 1, log: [], playhead: RUN_FOR * 1000, end: RUN_FOR * 1000, speed: 64 })}`;

/** Open the page at the scene's moment: paused there, its picture drawn, the link's notice (the full
 *  page's and presenter mode's) dismissed. */
async function openAt(page: Page, search: string, scenario: string) {
  // A page loaded afresh (a new fragment alone is no new load: the full page would open the link in
  // place, keeping its layout's memory, and a figure would ignore it).
  await page.goto('about:blank');
  await page.goto(`/?${search}${atRunFor(scenario)}`);
  await expect(picture(page)).toBeVisible();
  await expect(page.getByTestId('clock').locator('.clock-time').first()).toHaveText(clockText(RUN_FOR));
  await expect(page.getByRole('button', { name: 'Play' }).first()).toBeVisible();
  if (!search.startsWith('embed')) {
    const notice = page.getByTestId('notice').filter({ hasText: 'This is a shared session' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // Off the picture: a pointer left over a card lights its edges (hover), as in no other run.
    await page.mouse.move(0, 0);
  }
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join('; ')})`);
}

/** Measure now at the first size, then at each next one (the page resized and refitted). */
async function measureAt(page: Page, sizes: readonly (readonly [number, number])[], name: string, found: string[]) {
  let fit: string | null = null;
  for (const [i, [width, height]] of sizes.entries()) {
    if (i > 0) {
      await page.setViewportSize({ width, height });
      fit = await refitted(page, fit);
    } else fit = await refitted(page);
    for (const problem of await page.evaluate(findProblems)) found.push(`${name} @ ${width}×${height}: ${problem}`);
  }
}

test('presenter mode, every scene at 1920×1080 and 1280×720: no overlaps, no edge across a label or a card, no clipped text', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const found: string[] = [];
  for (const scene of LISTED_SCENARIOS) {
    await openAt(page, 'present', scene.name);
    await expect(hud(page)).toBeVisible();
    await measureAt(page, PROJECTOR, scene.name, found);
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
  // The HUD with a score in it (its longest line), and a lesson's panel with the HUD under it.
  await openAt(page, 'present', 'default');
  await page.keyboard.press('w');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('presenter-score')).toContainText(/Service web kept all 3 tasks running \d+ % of the time · 1 task whacked/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await measureAt(page, PROJECTOR, 'whack-a-task', found);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?lesson=kill-a-task&step=2&present&speed=64');
  await expect(page.locator('.lesson-panel h3').first()).toHaveText("Stop one of the service's tasks");
  await settled(page);
  await measureAt(page, [[1920, 1080]], 'lesson kill-a-task', found); // 1280×720: the themes' test
  expect(found, found.join('\n')).toEqual([]);
});

test('the twin view in presenter mode (dark): both pictures and what differed on one 1920×1080 screen; nothing overlaps or is cut off there or at 1280×720; axe', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?view=twin&present&theme=dark&speed=64');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('[data-testid^="node-task-"][data-last-status="RUNNING"]')).toHaveCount(2, { timeout: 20_000 });
  await page.keyboard.press('4'); // the health check starts failing: both sides have a story
  await expect(page.getByTestId('left-status')).toContainText('health UNHEALTHY', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('comparison')).toHaveCount(1);
  // Issue 11: what differed, and why, used to be under the fold here.
  for (const whole of [page.getByTestId('comparison').first(), page.getByTestId('twin-left').locator('.twin-diagram'), page.getByTestId('twin-right').locator('.twin-diagram')])
    await expect(whole).toBeInViewport({ ratio: 1 });
  expect(await axe(page)).toEqual([]);
  const found: string[] = [];
  await measureAt(page, PROJECTOR, 'twin', found);
  expect(found, found.join('\n')).toEqual([]);
});

test('the embedded figure, every scene in a 720×450 and a 320×480 box, and with every panel: no overlaps, no clipped text', async ({ page }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  const figure = async (search: string, scene: string, name: string) => {
    await page.setViewportSize({ width: FIGURE[0][0], height: FIGURE[0][1] });
    await openAt(page, search, scene);
    await measureAt(page, FIGURE, name, found);
  };
  for (const scene of LISTED_SCENARIOS) await figure('embed', scene.name, scene.name);
  for (const scene of FULL_FIGURE_SCENES) await figure('embed&controls=full&panels=timeline,details,tasks', scene, `${scene} (every panel)`);
  expect(found, found.join('\n')).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the ${theme} theme in each mode: the full page at 1920×1080, the figure at 320×480, a lesson in presenter mode at 1280×720; axe where no other spec runs it`, async ({ page }) => {
    const found: string[] = [];
    // The full page (axe: theme.spec.ts).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openAt(page, `theme=${theme}`, 'default');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await measureAt(page, [[1920, 1080]], 'full page', found);
    // The figure in a phone-width column (its per-zone view).
    await page.setViewportSize({ width: 320, height: 480 });
    await openAt(page, `embed&theme=${theme}`, 'default');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await measureAt(page, [[320, 480]], 'figure', found);
    expect(await axe(page), 'the figure at 320×480').toEqual([]);
    // A lesson in presenter mode, its panel and the HUD beside the diagram.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?lesson=kill-a-task&step=2&present&theme=${theme}&speed=64`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.locator('.lesson-panel h3').first()).toHaveText("Stop one of the service's tasks");
    await measureAt(page, [[1280, 720]], 'lesson in presenter mode', found);
    expect(await axe(page), 'a lesson in presenter mode').toEqual([]);
    expect(found, found.join('\n')).toEqual([]);
  });
}
