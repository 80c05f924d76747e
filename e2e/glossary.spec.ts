// The glossary (issue #10): ECS terms on screen explain themselves on keyboard focus and on hover,
// with a tooltip that stays inside the viewport, never covers its term, is what aria-describedby
// points at, and goes on Escape (WCAG 1.4.13). No sleeps: every wait is on what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { GLOSSARY, type TermId } from '../src/app/glossary/terms.ts';
import { rows } from './helpers.ts';

const tooltip = (page: Page) => page.locator('.glossary-tip[role="tooltip"]');
const definition = (id: TermId) => GLOSSARY.get(id)!.short;
const headerTerm = (page: Page, label: string) => page.locator('.tasks-table thead .term', { hasText: new RegExp(`^${label}$`) });

/** The default scene at 64×, paused once web's three tasks run; the tasks table in view (a tab on a phone). */
async function open(page: Page) {
  await page.goto('/?speed=64');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  const tasksTab = page.getByRole('tab', { name: 'Tasks' });
  if (await tasksTab.isVisible()) await tasksTab.click();
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

/** The tooltip is inside the viewport, and its box and its term's do not overlap. */
async function expectPlacedBeside(page: Page, term: Locator) {
  const tip = (await tooltip(page).boundingBox())!;
  const anchor = (await term.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(tip.x).toBeGreaterThanOrEqual(0);
  expect(tip.y).toBeGreaterThanOrEqual(0);
  expect(tip.x + tip.width).toBeLessThanOrEqual(width);
  expect(tip.y + tip.height).toBeLessThanOrEqual(height);
  const apart = tip.y >= anchor.y + anchor.height || tip.y + tip.height <= anchor.y || tip.x >= anchor.x + anchor.width || tip.x + tip.width <= anchor.x;
  expect(apart, `tooltip ${JSON.stringify(tip)} covers its term ${JSON.stringify(anchor)}`).toBe(true);
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test('a term focused by keyboard shows its definition beside it, described by it, and Escape hides it', async ({ page }) => {
  await open(page);
  // From the Group column's sort button, Tab reaches the next header's term, as a keyboard user would.
  await page.getByRole('button', { name: 'Sort by Group' }).focus();
  await page.keyboard.press('Tab');
  const term = headerTerm(page, 'Last status');
  await expect(term).toBeFocused();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText(definition('lastStatus'));
  const tipId = await tooltip(page).getAttribute('id');
  expect(tipId).toBeTruthy();
  await expect(term).toHaveAttribute('aria-describedby', tipId!);
  await expect(term).toHaveAccessibleDescription(new RegExp(definition('lastStatus').slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expectPlacedBeside(page, term);
  // The column header is still named by its label alone, and sorting is its own button.
  await expect(page.getByRole('columnheader', { name: 'Last status', exact: true })).toBeVisible();

  // Escape hides it without moving focus, and does nothing else.
  await page.keyboard.press('Escape');
  await expect(tooltip(page)).toHaveCount(0);
  await expect(term).toBeFocused();
  await expect(term).not.toHaveAttribute('aria-describedby', /.+/);
  // Tab on: the tooltip follows focus to the next term.
  await page.keyboard.press('Tab'); // the Last status sort button
  await page.keyboard.press('Tab');
  await expect(headerTerm(page, 'Desired status')).toBeFocused();
  await expect(tooltip(page)).toContainText(definition('desiredStatus'));
  await expect(tooltip(page)).toHaveCount(1);
});

test('hover shows a definition, the pointer can move onto it, and it goes when the pointer leaves', async ({ page }) => {
  await open(page);
  const id = (await rows(page, 'service:web', 'RUNNING').first().locator('th code').textContent())!;
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  const inspector = page.getByTestId('inspector');
  const term = inspector.locator('dt .term', { hasText: /^desiredStatus$/ });
  await term.hover();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText('desiredStatus');
  await expect(tooltip(page)).toContainText(definition('desiredStatus'));
  await expectPlacedBeside(page, term);
  // Hoverable: across the gap and onto the tooltip, it stays.
  const tip = (await tooltip(page).boundingBox())!;
  await page.mouse.move(tip.x + tip.width / 2, tip.y + tip.height / 2, { steps: 4 });
  await expect(tooltip(page)).toBeVisible();
  // Escape dismisses it under the pointer too (nothing has focus there), and leaves the selection be.
  await page.keyboard.press('Escape');
  await expect(tooltip(page)).toHaveCount(0);
  await expect(inspector).toContainText(`Task ${id}`);
  // Back on the term, it shows again; off everything, it goes.
  await term.hover();
  await expect(tooltip(page)).toBeVisible();
  await page.mouse.move(2, 2);
  await expect(tooltip(page)).toHaveCount(0);
  // A click focuses the term too, but focus by mouse does not pin the tooltip once the mouse goes.
  await term.click();
  await expect(term).toBeFocused();
  await expect(tooltip(page)).toBeVisible();
  await page.mouse.move(2, 2);
  await expect(tooltip(page)).toHaveCount(0);
});

test('every term sits outside buttons, links and labels, and the tooltip honours reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await expect(page.locator('.term').first()).toBeVisible();
  await expect(page.locator('button .term, a .term, label .term, [role="button"] .term')).toHaveCount(0);
  await headerTerm(page, 'Stop code').focus();
  await expect(tooltip(page)).toContainText(definition('stopCode'));
  expect(await tooltip(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

test('at 375×812 a term near the right edge keeps its tooltip on screen; axe is clean with it open', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await open(page);
  // Scroll the table sideways until the Health header's term sits at the right edge of the screen.
  const term = headerTerm(page, 'Health');
  const scroller = page.locator('.tasks-table .table-scroll');
  await scroller.evaluate((el, right) => {
    const t = el.querySelector<HTMLElement>('thead th:nth-child(6) .term')!;
    el.scrollLeft += t.getBoundingClientRect().right - right;
  }, 375 - 6);
  const box = (await term.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThan(375 - 60);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  // The first hover also loads the tooltip's code; on a busy machine give it another hover.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await term.hover();
    await expect(tooltip(page)).toContainText(definition('healthStatus'), { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expectPlacedBeside(page, term);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('glossary-375x812.png') });
});

test('at 1280×720 axe is clean with a tooltip open in the inspector', async ({ page }) => {
  await open(page);
  await page.getByTestId('node-service-web').click();
  const term = page.getByTestId('inspector').locator('.term', { hasText: /^minimumHealthyPercent$/ });
  await term.focus();
  await expect(tooltip(page)).toContainText(definition('minimumHealthyPercent'));
  await expectPlacedBeside(page, term);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('glossary-1280x720.png') });
});
