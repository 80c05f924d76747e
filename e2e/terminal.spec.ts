// The aws CLI as a person uses it (issue 12): typed in the Terminal tab against the simulation —
// `aws ecs update-service --service web --desired-count 5` and five tasks run; a mistyped command
// gets the CLI's own error; Up recalls, Tab completes; what is done with the page's controls shows
// as the command it equals ("Show me the API"), under the diagram and in the terminal's history;
// the session exports as a shell script. axe with the terminal full.

import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

const input = (page: Page) => page.getByTestId('terminal-input');
const entries = (page: Page) => page.getByTestId('terminal-entry');

async function type(page: Page, line: string) {
  await input(page).fill(line);
  await input(page).press('Enter');
  await expect(input(page)).toHaveValue('');
}

test('update-service --desired-count 5 runs five tasks; a mistyped command gets the CLI\'s error; Up recalls and Tab completes', async ({ page }) => {
  await page.goto('/?speed=16');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await page.getByRole('tab', { name: 'CLI' }).click();

  await type(page, 'aws ecs update-service --service web --desired-count 5');
  const update = entries(page).last();
  await expect(update).toHaveAttribute('data-exit-code', '0');
  await expect(update.locator('.terminal-stdout')).toContainText('"desiredCount": 5');
  await expect(update.locator('.terminal-stdout')).toContainText('"serviceName": "web"');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(5, { timeout: 30_000 });

  // What the engine says now, in DescribeServices' shape.
  await type(page, 'aws ecs describe-services --services web --query services[0].runningCount');
  await expect(entries(page).last().locator('.terminal-stdout')).toHaveText(/^5\s*$/);

  // A mistyped operation: the CLI's usage error, with what was meant.
  await type(page, 'aws ecs update-servce --service web --desired-count 2');
  const wrong = entries(page).last();
  await expect(wrong).toHaveAttribute('data-exit-code', '252');
  await expect(wrong.locator('.terminal-stderr')).toContainText("Found invalid choice 'update-servce'");
  await expect(wrong.locator('.terminal-stderr')).toContainText('update-service');
  // A service that does not exist: the service's own error.
  await type(page, 'aws ecs update-service --service api --desired-count 2');
  await expect(entries(page).last()).toHaveAttribute('data-exit-code', '254');
  await expect(entries(page).last().locator('.terminal-stderr')).toContainText('An error occurred (ServiceNotFoundException) when calling the UpdateService operation');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(5);

  // Up recalls the last line typed, Up again the one before.
  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue('aws ecs update-service --service api --desired-count 2');
  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue('aws ecs update-servce --service web --desired-count 2');
  await input(page).press('ArrowDown');
  await input(page).press('ArrowDown');
  await expect(input(page)).toHaveValue('');
  // Tab completes the operation, then a service's name.
  await input(page).fill('aws ecs describe-serv');
  await input(page).press('Tab');
  await expect(input(page)).toHaveValue('aws ecs describe-services ');
  await expect(input(page)).toBeFocused();
  await input(page).pressSequentially('--services w');
  await input(page).press('Tab');
  await expect(input(page)).toHaveValue('aws ecs describe-services --services web ');
  // Ctrl+C abandons the line (shown with ^C, not recalled); clear empties the screen, not the history.
  await input(page).press('Control+c');
  await expect(input(page)).toHaveValue('');
  await expect(entries(page).last().locator('code')).toHaveText('$ aws ecs describe-services --services web ^C');
  await type(page, 'clear');
  await expect(entries(page)).toHaveCount(0);
  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue('clear');
  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue('aws ecs update-service --service api --desired-count 2');
});

test('Show me the API: a stop on the page is written as stop-task, under the diagram and in the terminal; the session exports as a script', async ({ page }) => {
  await page.goto('/?speed=4');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('api-line')).toContainText('act, and its aws command appears here');
  const row = rows(page, 'service:web', 'RUNNING').first();
  const id = (await row.locator('th code').textContent())!;
  await row.getByRole('button', { name: `Stop task ${id}` }).click();
  const line = page.getByTestId('api-line');
  await expect(line.locator('code')).toContainText('aws ecs stop-task --task ');
  await expect(line.locator('code')).toContainText(id);

  // The line's Open CLI button opens the terminal, its field focused, the stop in its history.
  await line.getByRole('button', { name: 'Open CLI' }).click();
  await expect(input(page)).toBeFocused();
  const fromPage = page.getByTestId('terminal-entry-ui').last();
  await expect(fromPage).toContainText('On the page:');
  await expect(fromPage).toContainText('aws ecs stop-task --task');
  await expect(fromPage).toContainText(id);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the session as a shell script' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ecs-playground-default.sh');
  const stream = await file.createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  expect(text.startsWith('#!/usr/bin/env bash')).toBe(true);
  expect(text).toContain('aws ecs create-service');
  expect(text).toContain('aws ecs stop-task');
});

for (const [width, height] of [[1280, 720], [375, 812]] as const) {
  test(`axe finds nothing in the terminal with output, an error and completions at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?speed=4');
    await page.getByRole('tab', { name: 'CLI' }).click();
    await type(page, 'aws ecs list-services');
    await type(page, 'aws ecs list-services --output table');
    await expect(entries(page).last().locator('.terminal-table')).toContainText('ListServices');
    await type(page, 'aws ecs stop-task --task nope');
    await input(page).fill('aws ecs ');
    await input(page).press('Tab');
    await expect(page.getByTestId('terminal-options')).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
