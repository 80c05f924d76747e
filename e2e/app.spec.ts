import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const rows = (page: Page, group: string, status?: string) =>
  page.locator(`tbody tr[data-group="${group}"]${status ? `[data-last-status="${status}"]` : ''}`);

test('the engine runs in the browser: the clock advances and service web reaches 3 RUNNING tasks', async ({ page }) => {
  await page.goto('/?speed=64');
  await expect(page.getByRole('heading', { name: 'ECS Playground' })).toBeVisible();
  await expect(page.getByTestId('clock')).not.toHaveText(/T\+00:00 /);
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('service-web')).toContainText('running3');
  await expect(page.getByText('(service web) has reached a steady state.')).toBeVisible();
  // The batch job runs, exits 0, and stays STOPPED.
  await expect(rows(page, 'family:report', 'STOPPED')).toHaveCount(1, { timeout: 20_000 });
  await expect(rows(page, 'family:report')).toHaveCount(1);
  await expect(rows(page, 'family:report').first()).toContainText('EssentialContainerExited');
  await expect(rows(page, 'family:report').first()).toContainText('report exit 0');
});

test('stopping a service task by keyboard: the service starts a replacement', async ({ page }) => {
  await page.goto('/?speed=64');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  const victim = rows(page, 'service:web', 'RUNNING').first();
  const id = (await victim.locator('code').textContent())!;
  await page.getByRole('button', { name: `Stop task ${id}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`task-${id}`)).toContainText('UserInitiated');
  await expect(page.getByText(/\(service web\) has started 1 tasks: \(task [0-9a-f]{32}\)\./)).toBeVisible();
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 });
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
});

test('a tampered link gets a clear message and the defaults', async ({ page }) => {
  await page.goto('/?scenario=nope&seed=abc&speed=1000');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no scenario "nope"');
  await expect(alert).toContainText('The seed must be a whole number');
  await expect(alert).toContainText('The speed must be one of');
  await expect(page.getByTestId('service-web')).toBeVisible();
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/?speed=64');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await page.getByRole('button', { name: 'Pause' }).click();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
