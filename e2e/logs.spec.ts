// Container logs as a person reads them (issue 12): a task's streams in the Logs tab, its lines
// filtered by text, the lines it writes when it is stopped, and its logs still there once ECS has
// forgotten the task — what you read to find out why a job failed. axe with the tab open.

import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';
import { encodeSession } from '../src/session/link.ts';
import { SESSION_VERSION } from '../src/session/record.ts';

const logs = (page: Page) => page.getByTestId('logs-panel');
const lines = (page: Page) => logs(page).getByTestId('log-lines');

async function selectTask(page: Page, group: string): Promise<string> {
  const row = rows(page, group, 'RUNNING').first();
  const id = (await row.locator('th code').textContent())!;
  await row.getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await expect(page.getByTestId('inspector')).toContainText(`Task ${id}`);
  return id;
}

async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a task\'s streams, its lines filtered, the SIGTERM it gets when stopped, and its logs after it stopped', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?scenario=sidecar&speed=8');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(2);
  const id = await selectTask(page, 'service:web');
  await page.getByRole('tab', { name: 'Logs' }).click();

  // The selected task first: one stream per container, named prefix/container/task ID.
  const task = logs(page).getByRole('region', { name: new RegExp(`^Task ${id}`) });
  await expect(task.getByRole('button', { name: new RegExp(`^ecs/web/${id}`) })).toBeVisible();
  await expect(task.getByRole('button', { name: new RegExp(`^ecs/xray-daemon/${id}`) })).toBeVisible();
  // Its first stream is open: nginx's start-up lines.
  await expect(lines(page)).toContainText('[notice] 1#1: start worker processes');
  await expect(lines(page)).toContainText('ELB-HealthChecker/2.0', { timeout: 20_000 });

  // The filter keeps the lines with that text, by keyboard.
  const filter = logs(page).getByLabel('Filter events');
  await filter.focus();
  await page.keyboard.type('curl/');
  await expect(logs(page).getByRole('status')).toContainText(/\d+ of \d+ lines match/);
  await expect(lines(page).locator('li').first()).toContainText('"curl/8.5.0"');
  await expect(lines(page)).not.toContainText('ELB-HealthChecker');
  await filter.fill('');

  // The other container's stream, chosen by keyboard.
  await task.getByRole('button', { name: new RegExp(`^ecs/xray-daemon/${id}`) }).focus();
  await page.keyboard.press('Enter');
  await expect(lines(page)).toContainText('Initializing AWS X-Ray daemon');
  await axeClean(page);

  // Stop the task: web gets SIGTERM first (reverse dependency order) and says so; then the daemon.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByTestId('inspector').getByRole('button', { name: /^Stop/ }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
  await page.getByLabel('Speed').selectOption('64');
  // Back in the tab, the selected task's first stream is open again.
  await expect(lines(page)).toContainText('signal 15 (SIGTERM) received', { timeout: 60_000 });
  await task.getByRole('button', { name: new RegExp(`^ecs/xray-daemon/${id}`) }).click();
  await expect(lines(page)).toContainText('Shutdown finished', { timeout: 60_000 });
  // Stopped, the task's logs are still there, with ECS's words beside them.
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 60_000 });
  await expect(logs(page).locator('.log-group').getByRole('button', { name: new RegExp(`^ecs/web/${id}.*STOPPED, exited 143`) })).toBeVisible();
  await expect(logs(page)).toContainText('ECS’s words, in DescribeTasks, not in the container’s log');
  await axeClean(page);
});

test('an hour later ECS has forgotten the job, and its logs still say why it failed', async ({ page }) => {
  // The init-job scene at T+1:05:00, from a link, in the dark palette: nightly:1 ran at 0:00,
  // nightly:2 at 3:00, and both stopped more than an hour ago.
  const at = 65 * 60_000;
  await page.goto(`/?theme=dark#s=${encodeSession({ version: SESSION_VERSION, scenario: 'init-job', seed: 1, log: [], playhead: at, end: at, speed: 16 })}`);
  await page.getByRole('tab', { name: 'Logs' }).click();
  const group = logs(page).getByRole('region', { name: 'Log group /ecs/nightly' });
  // Three streams: both runs' fetch-config, and the first run's job (the second's never started).
  await expect(group.getByRole('button')).toHaveCount(3);
  await expect(group.getByRole('button', { name: /task gone/ })).toHaveCount(3);
  const failed = group.getByRole('button', { name: /^ecs\/fetch-config\/.*exited 1$/ });
  await failed.click();
  await expect(lines(page)).toContainText('fatal error: An error occurred (404) when calling the HeadObject operation: Key "prod.jsn" does not exist');
  await expect(logs(page)).toContainText('ECS forgets a stopped task after an hour, but its logs stay in CloudWatch Logs');
  await axeClean(page);

  // On a phone: nothing runs sideways.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(lines(page)).toContainText('prod.jsn');
  const overflow = await logs(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await axeClean(page);
});
