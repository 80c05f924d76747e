// Several containers in a task, as a person meets them (issue 12): a sidecar that is not
// essential, shutdown in reverse dependency order, an init container that must succeed first.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

const container = (page: Page, name: string) => page.getByTestId('inspector').getByTestId(`container-${name}`);

async function selectTask(page: Page, group: string, index = 0): Promise<string> {
  const row = rows(page, group).nth(index);
  const id = (await row.locator('th code').textContent())!;
  await row.getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await expect(page.getByTestId('inspector')).toContainText(`Task ${id}`);
  return id;
}

test('a sidecar that is not essential dies and the task serves on; a stop takes web down before its sidecar', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?scenario=sidecar&speed=8');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(2);
  const id = await selectTask(page, 'service:web');
  // Selected, the task shows its containers under its node, each with its status.
  await expect(page.getByTestId('node-container-xray-daemon')).toContainText('xray-daemon RUNNING · not essential');
  await expect(container(page, 'web')).toHaveAttribute('data-last-status', 'RUNNING');
  await expect(container(page, 'web')).toContainText('starts once xray-daemon has started (START)');

  await container(page, 'xray-daemon').getByRole('button', { name: 'Crash xray-daemon' }).click();
  await expect(container(page, 'xray-daemon')).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(container(page, 'xray-daemon').locator('td').nth(2)).toHaveText('1');
  await expect(page.getByTestId('node-container-xray-daemon')).toContainText('xray-daemon STOPPED · exit 1');
  // Not essential: the task keeps running, and nothing was asked to stop.
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(2);
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'RUNNING');
  await expect(container(page, 'web').getByRole('button', { name: 'Crash web' })).toBeEnabled();

  // The other task: stop it. web depends on xray-daemon, so web gets SIGTERM first and the
  // daemon only once web has stopped. Paused, Step walks the shutdown one thing at a time, so the
  // moment between the two is seen however busy the machine is.
  const other = await selectTask(page, 'service:web', 1);
  expect(other).not.toBe(id);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('inspector').getByRole('button', { name: /^Stop/ }).click();
  // One Step at a time (six from the stop to web's exit), each read once the page has drawn it.
  const stepUntil = async (name: string, status: string) => {
    for (let i = 0; i < 40 && (await container(page, name).getAttribute('data-last-status')) !== status; i++) {
      await page.getByRole('button', { name: 'Step' }).click();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    await expect(container(page, name)).toHaveAttribute('data-last-status', status);
  };
  await stepUntil('web', 'STOPPED');
  await expect(container(page, 'xray-daemon')).toHaveAttribute('data-last-status', 'RUNNING');
  await stepUntil('xray-daemon', 'STOPPED');
  await expect(container(page, 'web').locator('td').nth(2)).toHaveText('143');
  await expect(container(page, 'xray-daemon').locator('td').nth(2)).toHaveText('143');
});

test('an init container must succeed first: the job starts after it exits 0, and never when it exits 1', async ({ page }) => {
  await page.goto('/?scenario=init-job&speed=16');
  // The blueprint tells the order, and shows a secret by its name only.
  await page.getByTestId('node-td-nightly-1').click();
  await expect(page.getByTestId('start-order')).toContainText('Start order: fetch-config → job');
  const job = page.getByTestId('td-container-job');
  await expect(job).toContainText('starts once fetch-config has exited with code 0 (SUCCESS)');
  await expect(job).toContainText('DB_PASSWORD from Secrets Manager (the value is never shown)');
  await expect(job).toContainText('stream ecs/job/<task ID>');
  await expect(job).not.toContainText('secret:nightly-db');

  await expect(rows(page, 'family:nightly', 'RUNNING')).toHaveCount(1, { timeout: 20_000 });
  await selectTask(page, 'family:nightly');
  await expect(container(page, 'fetch-config')).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(container(page, 'fetch-config').locator('td').nth(2)).toHaveText('0');
  await expect(container(page, 'job')).toHaveAttribute('data-last-status', 'RUNNING');

  // nightly:2 at 3:00: its init container exits 1, so job never starts and the task stops.
  const broken = page.locator('tbody tr[data-group="family:nightly"]').filter({ hasText: 'nightly:2' });
  await expect(broken).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 30_000 });
  await broken.getByRole('button', { name: /^Task / }).click();
  await expect(page.getByTestId('inspector')).toContainText('TaskFailedToStart');
  await expect(container(page, 'fetch-config').locator('td').nth(2)).toHaveText('1');
  await expect(container(page, 'job')).toContainText('CannotStartContainerError: dependency graph');
  await expect(container(page, 'job')).toContainText('as dependency did not exit successfully.');
  // Why did fetch-config fail? Its log says, from the inspector's link to the Logs tab.
  await page.getByTestId('inspector').getByRole('button', { name: 'View its logs' }).click();
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('logs-panel').getByTestId('log-lines')).toContainText('prod.jsn');
});

test('axe finds nothing in a task with several containers and in its blueprint', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const scan = async () => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  };
  await page.goto('/?scenario=sidecar&speed=8');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await selectTask(page, 'service:web');
  await expect(page.getByTestId('node-container-web')).toBeVisible();
  expect(await scan()).toEqual([]);
  await page.getByTestId('node-td-web-1').click();
  await expect(page.getByTestId('start-order')).toBeVisible();
  expect(await scan()).toEqual([]);
});
