// The load balancer and live traffic, as a person uses them (issue #4).

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

async function trafficFlowing(page: Page) {
  await page.goto('/?speed=64');
  await expect(page.getByTestId('node-alb')).toContainText('3 healthy');
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-now')).toContainText(/Last 10 s: \d+(\.\d)? req\/s, 100 % succeeded/);
}

test('traffic flows while the service heals: kill a task, requests keep succeeding, the events show deregister and register', async ({ page }) => {
  await trafficFlowing(page);
  await expect(page.getByTestId('node-clients')).toContainText('20 req/s');
  const id = (await rows(page, 'service:web', 'RUNNING').first().locator('th code').textContent())!;
  await page.getByTestId(`node-task-${id}`).getByRole('button', { name: `Stop task ${id}` }).click();
  // The stopped task drains (DEACTIVATING) instead of dying mid-request.
  await expect(page.getByTestId(`node-task-${id}`)).toContainText('target draining');
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'DEACTIVATING');
  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByTestId('events');
  await expect(events).toContainText(/\(service web\) deregistered 1 targets in \(target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web-tg\/[0-9a-f]{16}\)/);
  await expect(events).toContainText(/\(service web, taskSet ecs-svc\/\d{19}\) has begun draining connections on 1 tasks\./);
  // The replacement registers and passes its first check; the service is back at 3 healthy targets.
  await expect(events.getByText(/\(service web\) registered 1 targets in \(target-group/).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('node-alb')).toContainText(/3 healthy/, { timeout: 20_000 });
  // Clients never noticed: a graceful stop behind a load balancer loses no request.
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-now')).toContainText('100 % succeeded');
  await expect(page.getByRole('img', { name: /^Success %: / })).toBeVisible();
  // After the deregistration delay the old task stops for real.
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 30_000 });
});

test('a crash costs a few requests, then the success rate recovers', async ({ page }) => {
  await trafficFlowing(page);
  // Slow down so the 10-second window is on screen long enough to read.
  await page.getByLabel('Speed').selectOption('4');
  const id = (await rows(page, 'service:web', 'RUNNING').first().locator('th code').textContent())!;
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await page.getByTestId('inspector').getByRole('button', { name: /Crash \(exit 1\)/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-now')).toContainText(/× 502 \(cut off\)/);
  await expect(page.getByTestId('traffic-now')).toContainText('100 % succeeded', { timeout: 20_000 });
});

test('a standalone task cannot go behind the load balancer, and the page says why', async ({ page }) => {
  await page.goto('/?speed=64');
  await expect(page.getByTestId('node-alb')).toBeVisible();
  await page.getByRole('button', { name: 'Run task…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run task' });
  await dialog.getByLabel('Task definition').selectOption({ label: 'web:1' });
  await dialog.getByLabel('Put it behind web-alb').check();
  await dialog.getByRole('button', { name: 'Run task' }).click();
  await expect(dialog.getByRole('alert')).toContainText('RunTask has no loadBalancers parameter: only a service registers its tasks with a target group');
  await expect(rows(page, 'family:web')).toHaveCount(0); // nothing was started
  await page.keyboard.press('Escape');
  // The report job's inspector explains it too.
  const report = rows(page, 'family:report').first();
  const id = (await report.locator('th code').textContent())!;
  await report.getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  const button = page.getByTestId('inspector').getByRole('button', { name: 'Put behind the load balancer' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.focus();
  await expect(page.getByRole('tooltip')).toContainText("A task you run yourself can't join a load balancer.");
});

test('target group settings: AWS defaults named, a bad value refused by field, a short deregistration delay said on the diagram', async ({ page }) => {
  await page.goto('/?speed=64');
  await page.getByTestId('node-alb').click();
  const form = page.getByTestId('target-group-form');
  await expect(form).toContainText('AWS default: 300');
  await expect(form).toContainText('AWS default: 30');
  await form.getByLabel('Health check interval (s)').fill('3');
  await form.getByRole('button', { name: 'Save target group' }).click();
  await expect(form.locator('#tg-intervalSeconds-error')).toHaveText('A whole number from 5 to 300.');
  await form.getByLabel('Health check interval (s)').fill('10');
  await form.getByLabel('Deregistration delay (s)').fill('15');
  await form.getByLabel('Routing algorithm').selectOption('least_outstanding_requests');
  await form.getByRole('button', { name: 'Save target group' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByTestId('node-alb')).toContainText('drain 15 s (AWS default 300 s)');
  await expect(page.getByTestId('node-alb')).toContainText('least outstanding');
});

test('no serious or critical accessibility violations in the Traffic tab and the load balancer inspector', async ({ page }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const scan = async () => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  };
  await trafficFlowing(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await scan()).toEqual([]);
  await page.getByTestId('node-alb').click();
  await expect(page.getByTestId('target-group-form')).toBeVisible();
  expect(await scan()).toEqual([]);
});
