// The session as a person uses it: scrub back and forward, change the past and return to the
// other future, share the exact moment by link, keep the scene over a reload, and survive a bad
// link or a corrupted autosave. No sleeps: every wait is on what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';
import { LISTED_SCENARIOS } from '../src/sim/scenarios.ts';

const scrub = (page: Page) => page.getByRole('slider', { name: 'Sim time' });
const row = (page: Page, id: string) => page.getByTestId(`task-${id}`);
const idOf = async (r: Locator) => (await r.locator('th code').textContent())!;
const simMs = async (page: Page) => Number(await scrub(page).inputValue());
const stop = (page: Page, id: string) => row(page, id).getByRole('button', { name: `Stop task ${id}` }).click();

/** The default scene at 64×, steady, then paused. */
async function steadyThenPause(page: Page) {
  await page.goto('/?speed=64');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('node-service-web')).toContainText(/desired\s*3\s*running\s*3\s*pending\s*0/);
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** Play until the page shows `done`, then pause. */
async function playUntil(page: Page, done: () => Promise<void>) {
  await page.getByRole('button', { name: 'Play' }).click();
  await done();
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('by keyboard alone: stop a task, scrub back before the stop (it runs again), forward to live (stopped, replaced)', async ({ page }) => {
  test.setTimeout(60_000); // a long walk by Tab and Shift+Tab: on two busy cores it passed 30 s
  await page.goto('/?speed=64');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('node-service-web')).toContainText(/running\s*3\s*pending\s*0/);
  await page.keyboard.press('k'); // pause
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const victim = await idOf(rows(page, 'service:web', 'RUNNING').first());
  const stoppedAt = await simMs(page);
  // Tab to the victim's node on the diagram, select it, stop it.
  const node = page.locator('.react-flow__node').filter({ has: page.getByTestId(`node-task-${victim}`) });
  for (let i = 0; i < 60 && !(await node.evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('s');
  await expect(row(page, victim)).toContainText('UserInitiated');
  await page.keyboard.press('k');
  await expect(row(page, victim)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 });
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await page.keyboard.press('k');
  const replacement = await idOf(rows(page, 'service:web', 'RUNNING').filter({ hasNotText: victim }).last());

  // The stop is a mark on the timeline, named by what the user did.
  await expect(page.getByRole('button', { name: new RegExp(`You stopped task ${victim} at T\\+`) })).toBeAttached();

  // The skip link leads past the diagram to the timeline; Tab reaches the slider.
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 80 && !(await page.locator('.skip-link').evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 30 && !(await scrub(page).evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(scrub(page)).toBeFocused();
  const live = await simMs(page);

  // Back before the stop: the victim runs again on the diagram, and the replacement does not exist yet.
  // A minute at a time while the stop is far behind (its target drained for 300 s), then 5 s.
  while ((await simMs(page)) >= stoppedAt + 65_000) await page.keyboard.press('Shift+ArrowLeft');
  while ((await simMs(page)) >= stoppedAt) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('past-note')).toContainText('Showing the past');
  await expect(page.getByTestId(`node-task-${victim}`)).toHaveAttribute('data-last-status', 'RUNNING');
  await expect(row(page, victim)).toHaveAttribute('data-last-status', 'RUNNING');
  await expect(row(page, replacement)).toHaveCount(0);
  await expect(page.getByTestId('live-region')).toHaveText(/^Showing T\+\d\d:\d\d\.$/);

  // End: live again, the victim stopped and its replacement running.
  await page.keyboard.press('End');
  expect(await simMs(page)).toBe(live);
  await expect(page.getByTestId('past-note')).toHaveCount(0);
  await expect(row(page, victim)).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(row(page, replacement)).toHaveAttribute('data-last-status', 'RUNNING');
});

/** Stop a task and let it stop; go back to just before that by its mark; stop another instead. */
async function forkBeforeAStop(page: Page) {
  await steadyThenPause(page);
  const [first, second] = [await idOf(rows(page, 'service:web', 'RUNNING').nth(0)), await idOf(rows(page, 'service:web', 'RUNNING').nth(1))];
  await stop(page, first);
  await playUntil(page, () => expect(row(page, first)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 }));
  await page.getByRole('button', { name: new RegExp(`You stopped task ${first}`) }).click();
  await scrub(page).press('ArrowLeft');
  await expect(row(page, first)).toHaveAttribute('data-last-status', 'RUNNING');
  await stop(page, second);
  return { first, second };
}

test('acting in the past forks: the notice says the future was replaced, and the other future is a click away', async ({ page }) => {
  const { first, second } = await forkBeforeAStop(page);
  await expect(page.getByTestId('fork-note')).toContainText(/You acted in the past, so the future after T\+\d\d:\d\d was replaced\./);
  await expect(page.getByTestId('past-note')).toHaveCount(0); // the present is the new end
  await expect(page.getByRole('button', { name: new RegExp(`You stopped task ${first}`) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`You stopped task ${second}`) })).toBeAttached();

  // The replaced future is still there: go back to it, and to its end.
  await page.getByRole('button', { name: 'Return to the other future' }).click();
  await expect(page.getByTestId('fork-note')).toContainText('You are back on the future you had replaced');
  await expect(page.getByRole('button', { name: new RegExp(`You stopped task ${first}`) })).toBeAttached();
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(row(page, first)).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(row(page, second)).toHaveAttribute('data-last-status', 'RUNNING');
});

test('a share link reopens the exact moment: the same task IDs, the same events, the same time', async ({ page, context }) => {
  await steadyThenPause(page);
  const victim = await idOf(rows(page, 'service:web', 'RUNNING').first());
  await stop(page, victim);
  await playUntil(page, () => expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3, { timeout: 20_000 }));
  await page.getByTestId('node-service-web').click();
  await page.getByRole('button', { name: 'Increase desired count by one' }).click();
  await playUntil(page, () => expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(4, { timeout: 20_000 }));
  // Share from a moment in the past, too: the link keeps the future after it.
  await scrub(page).press('ArrowLeft');

  await page.getByRole('button', { name: 'Share…' }).click();
  const url = await page.getByTestId('share-link').inputValue();
  expect(url.length).toBeLessThan(2000);
  await page.keyboard.press('Escape');

  const ids = async (p: Page) => (await p.locator('tbody tr').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-testid')} ${r.getAttribute('data-last-status')}`))).sort();
  const events = async (p: Page) => {
    await p.getByRole('tab', { name: 'Events' }).click();
    return p.getByTestId('events').innerText();
  };
  const original = { clock: await page.getByTestId('clock').innerText(), ids: await ids(page), events: await events(page), end: await scrub(page).getAttribute('max') };

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('notice')).toContainText(/This is a shared session, paused at T\+\d\d:\d\d\./);
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(other.getByTestId('clock')).toHaveText(original.clock);
  await expect.poll(() => ids(other)).toEqual(original.ids);
  expect(await events(other)).toBe(original.events);
  expect(await scrub(other).getAttribute('max')).toBe(original.end);
  // Until they act, the link stays in the URL, so a reload reopens the same moment…
  await expect(other).toHaveURL(/\?scenario=default&speed=64#s=1/);
  await other.reload();
  await expect(other.getByTestId('clock')).toHaveText(original.clock);
  // …and once they act, the session is theirs (the autosave keeps it) and the link goes.
  await other.getByRole('button', { name: `Stop task ${original.ids.find((r) => r.endsWith('RUNNING'))!.split(' ')[0]!.replace('task-', '')}` }).last().click();
  await expect(other).toHaveURL(/\?scenario=default&speed=64$/);
});

test('a tampered session link says what was wrong and opens the default scene', async ({ page }) => {
  await page.goto('/#s=1eJyrVkosLcnPTc0rUbJSMDQyNjE0sjBUqgUAa9sH8g');
  await expect(page.getByRole('alert')).toContainText(/^This link's session could not be opened: The link .+ Showing the default scene instead\./);
  await expect(page.getByTestId('node-service-web')).toBeVisible();
  await page.goto(`/#s=1${'A'.repeat(120_000)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('is 120,001 characters long');
  expect((await alert.boundingBox())!.height).toBeLessThan(120);
});

test('a reload keeps the scene and the speed; the scene picker shows every scene with what it is about', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Speed').selectOption('32');
  await page.getByRole('button', { name: /^Scene:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a scene' });
  await expect(dialog.getByRole('button')).toHaveCount(LISTED_SCENARIOS.length + 1); // every scene, and Close
  await expect(dialog).toContainText('Four services of 50 tasks each');
  await dialog.getByRole('button', { name: /^Twin worlds/ }).click();
  await expect(page).toHaveURL(/\?scenario=twins&speed=32$/);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Scene: Twin worlds/ })).toBeVisible();
  await expect(page.getByLabel('Speed')).toHaveValue('32');
});

test('the session autosaves: a reload offers it back; a corrupted one is dropped with a notice', async ({ page }) => {
  await steadyThenPause(page);
  const victim = await idOf(rows(page, 'service:web', 'RUNNING').first());
  await stop(page, victim);
  await expect(row(page, victim)).toContainText('UserInitiated');
  const clock = await page.getByTestId('clock').innerText();
  await page.reload();
  await expect(page.getByTestId('notice')).toContainText(/You have a saved session: “A service behind a load balancer, and a job”, 1 action, at T\+/);
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(page.getByTestId('clock')).toHaveText(clock);
  await expect(row(page, victim)).toContainText('UserInitiated');

  await page.evaluate(() => localStorage.setItem('ecs-playground/session', '{"savedAt": 1, "session": "1not-a-session"}'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your saved session could not be read');
  await expect(page.getByTestId('node-service-web')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('ecs-playground/session'))).toBeNull();
});

test('no serious or critical accessibility violations with the timeline in the past and the fork notice showing', async ({ page }) => {
  await forkBeforeAStop(page);
  await scrub(page).press('ArrowLeft');
  await expect(page.getByTestId('fork-note')).toBeVisible();
  await expect(page.getByTestId('past-note')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('timeline-past.png') });
});
