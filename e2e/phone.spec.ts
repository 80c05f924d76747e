// The phone layout (issue #11) at 375×812: the cluster per Availability Zone first, the diagram a
// tap away; text a person reads without pinch-zoom (at least 11 px) and targets a finger hits (at
// least 24×24 px) everywhere on the page, the zones view included; and the inspector as a sheet at
// the bottom that opens on a tap to show what was tapped and goes on Escape or its close button,
// handing focus back. (The diagram, when chosen, is drawn to fit: its text is the nodes' to size.)
// No sleeps: every wait is on what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

const runningTasks = (page: Page) => page.locator('.zv-task[data-group="service:web"][data-last-status="RUNNING"]');
const idOf = async (chip: ReturnType<Page['locator']>) => (await chip.getAttribute('data-testid'))!.replace('zone-task-', '');
const sheet = (page: Page) => page.getByTestId('phone-sheet');

async function open(page: Page, speed = 64) {
  await page.goto(`/?speed=${speed}`);
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  await expect(runningTasks(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

/** Text under 11 px and targets under 24×24 px outside the diagram's nodes, as lines to act on. */
function smallThings(): string[] {
  const problems: string[] = [];
  const label = (el: Element) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden, [aria-hidden="true"] .visually-hidden');
  };
  const inDiagram = (el: Element) => el.closest('.react-flow__node, .react-flow__edges, .react-flow__edgelabel-renderer') !== null;
  // Text: every element that holds text of its own.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !(n.textContent ?? '').trim() || inDiagram(el) || el.closest('script, style, .visually-hidden')) continue;
    seen.add(el);
    if (!shown(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 11) problems.push(`text ${size}px: ${label(el)}`);
  }
  // Targets: buttons, links, tabs, fields, summaries; a link inside a sentence is exempt (WCAG 2.5.8).
  for (const el of document.querySelectorAll('button, a[href], [role="tab"], select, input, summary, [tabindex="0"]')) {
    if (inDiagram(el) || el.matches('.skip-link, .react-flow__node') || !shown(el)) continue;
    const s = getComputedStyle(el);
    if (s.display === 'inline' && el.parentElement && (el.parentElement.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 10) continue;
    const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
    const r = target.getBoundingClientRect();
    if (r.width < 24 - 0.5 || r.height < 24 - 0.5) problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)}px: ${label(el)}`);
  }
  return problems;
}

test('text is at least 11 px and targets at least 24×24 px around the diagram, with the sheet open too', async ({ page }) => {
  await open(page);
  const found = (await page.evaluate(smallThings)).map((p) => `page: ${p}`);
  // The other tabs of the details.
  for (const tab of ['Events', 'Why', 'Traffic', 'Tasks']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).not.toContainText('Loading…');
    found.push(...(await page.evaluate(smallThings)).map((p) => `${tab} tab: ${p}`));
  }
  await runningTasks(page).first().tap();
  await expect(sheet(page)).toBeVisible();
  await expect(sheet(page).getByTestId('inspector')).toBeVisible();
  found.push(...(await page.evaluate(smallThings)).map((p) => `sheet: ${p}`));
  expect([...new Set(found)], found.join('\n')).toEqual([]);
});

test('tapping a task opens the sheet with that task; Escape and the close button dismiss it, focus handed back', async ({ page }) => {
  await open(page);
  const node = runningTasks(page).first();
  const id = await idOf(node);
  await node.tap();
  await expect(sheet(page)).toBeVisible();
  await expect(sheet(page).getByRole('heading', { level: 2 })).toHaveText(`Task ${id}`);
  await expect(sheet(page).getByTestId('inspector')).toContainText(`Task ${id}`);
  // Focus went into the sheet, and the tapped node is in sight above it.
  await expect(sheet(page).getByRole('heading', { level: 2 })).toBeFocused();
  const nodeBox = (await node.boundingBox())!;
  const sheetBox = (await sheet(page).boundingBox())!;
  expect(nodeBox.y + nodeBox.height).toBeLessThanOrEqual(sheetBox.y);
  expect(nodeBox.y).toBeGreaterThanOrEqual(0);
  // The sheet is near the finger, not far down the page: it sits on the bottom edge of the screen.
  expect(sheetBox.y + sheetBox.height).toBeCloseTo(812, 0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(sheet(page)).toBeHidden();
  await expect(node).toBeFocused();

  // Another task, closed with its button.
  const other = runningTasks(page).nth(1);
  const otherId = await idOf(other);
  await other.tap();
  await expect(sheet(page).getByRole('heading', { level: 2 })).toHaveText(`Task ${otherId}`);
  // A tap on a third node while it is open shows that one instead.
  const third = runningTasks(page).nth(2);
  const thirdId = await idOf(third);
  await third.tap();
  await expect(sheet(page).getByTestId('inspector')).toContainText(`Task ${thirdId}`);
  await sheet(page).getByRole('button', { name: `Close Task ${thirdId}` }).tap();
  await expect(sheet(page)).toBeHidden();
  await expect(third).toBeFocused();
});

test('on a touch screen the buttons show no keyboard hints', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('[data-testid^="zone-task-"]').first()).toBeVisible();
  // The sheet of a tapped task holds the actions with keys (Stop S, Crash C…).
  await page.locator('[data-testid^="zone-task-"][data-group="service:web"]').first().tap();
  await expect(page.locator('.phone-sheet')).toBeVisible();
  const hints = page.locator('.phone-sheet button kbd');
  await expect(hints.first()).toBeAttached(); // the inspector's code arrives a moment later
  for (const hint of await hints.all()) await expect(hint).toBeHidden();
  await context.close();
});

test('the zones view comes first: the scene told in words, a tap selects, and the diagram is a tap away', async ({ page }) => {
  // At 8×, report's job is still running when the page pauses (at 64× it can finish first).
  await open(page, 8);
  const zones = page.getByTestId('zones-view');
  await expect(page.getByRole('button', { name: 'Zones', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.react-flow')).toHaveCount(0); // the diagram is not drawn behind it
  // The default scene, in words: the load balancer, the service at its count, and one zone each.
  await expect(zones.getByRole('button', { name: /^Load balancer web-alb/ })).toContainText('3 healthy');
  await expect(page.getByTestId('zone-service-web')).toContainText('3 of 3 running');
  for (const zone of ['us-east-1a', 'us-east-1b', 'us-east-1c']) await expect(zones.getByRole('heading', { name: new RegExp(`^${zone}`) })).toBeVisible();
  // Only the service's tasks are targets; the job's says who started it.
  for (const chip of await runningTasks(page).all()) await expect(chip).toContainText('target healthy');
  const job = zones.locator('.zv-task.standalone').first();
  await expect(job).toContainText('started by you');
  await expect(job).not.toContainText('target');
  // − and + scale the service from its card.
  await page.getByTestId('zone-service-web').getByRole('button', { name: 'Increase desired count of web' }).tap();
  await expect(page.getByTestId('zone-service-web')).toContainText('of 4 running');

  await page.getByRole('button', { name: 'Diagram', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'Diagram', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.react-flow__node-task').first()).toBeVisible();
  await expect(zones).toHaveCount(0);
  await page.getByRole('button', { name: 'Zones', exact: true }).tap();
  await expect(runningTasks(page).first()).toBeVisible();
});

test("Stop in the sheet: the task stops and the service's replacement shows up above the sheet", async ({ page }) => {
  await open(page);
  const chip = runningTasks(page).first();
  const id = await idOf(chip);
  const before = new Set(await Promise.all((await runningTasks(page).all()).map(idOf)));
  await chip.tap();
  await sheet(page).getByRole('button', { name: /^Stop/ }).tap();
  await expect(page.getByTestId(`zone-task-${id}`)).toContainText('RUNNING → STOPPED');
  await page.getByRole('button', { name: 'Play' }).tap();
  // A new task of the service, in the zone the stopped one left.
  const fresh = page.locator('.zv-task[data-group="service:web"]').filter({ hasNotText: 'STOPPED' });
  await expect.poll(async () => (await Promise.all((await fresh.all()).map(idOf))).filter((i) => !before.has(i)).length).toBeGreaterThan(0);
  const newId = (await Promise.all((await fresh.all()).map(idOf))).find((i) => !before.has(i))!;
  await expect(sheet(page)).toBeVisible();
  const newBox = (await page.getByTestId(`zone-task-${newId}`).boundingBox())!;
  const sheetBox = (await sheet(page).boundingBox())!;
  expect(newBox.y).toBeGreaterThanOrEqual(0);
  expect(newBox.y + newBox.height).toBeLessThanOrEqual(sheetBox.y);
});

test('the less used actions fold into More, so the cluster starts on the first screen', async ({ page }) => {
  await open(page);
  const more = page.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Share…' })).toBeHidden();
  // The first zone's tasks are on the first screen, under the header.
  await expect(page.getByTestId('zones-view').locator('.zv-zone').first()).toBeInViewport({ ratio: 1 });
  await more.tap();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Share…' }).tap();
  await expect(page.getByRole('dialog', { name: /Share/ })).toBeVisible();
});
