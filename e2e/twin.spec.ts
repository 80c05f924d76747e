// The Task vs Service twin view as a learner uses it: the same fault to both worlds by keyboard,
// what each side shows afterwards, the sentence that says why, scrubbing both sides back and
// forking both, the way back to the playground, bad URLs, and axe. No sleeps: every wait is on
// something the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const side = (page: Page, which: 'left' | 'right') => page.getByTestId(`twin-${which}`);
const status = (page: Page, which: 'left' | 'right') => page.getByTestId(`${which}-status`);
const taskNodes = (page: Page, which: 'left' | 'right', lastStatus: string) =>
  side(page, which).locator(`[data-testid^="node-task-"][data-last-status="${lastStatus}"]`);
const comparisons = (page: Page) => page.getByTestId('comparison');
const faultNote = (page: Page) => page.getByTestId('fault-note');

/** Open the twin view and wait until both tasks are RUNNING (the bar says any fault can hit them). */
async function ready(page: Page, query = 'speed=64') {
  await page.goto(`/?view=twin&${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Task vs Service' })).toBeVisible();
  await expect(faultNote(page)).toContainText('any fault can hit them', { timeout: 20_000 });
}

/** The id of the RUNNING task a side's status line names (the one a fault will hit). */
async function runningTask(page: Page, which: 'left' | 'right'): Promise<string> {
  const line = status(page, which).locator('li', { hasText: ': RUNNING' }).first();
  return (/^Task ([0-9a-f]{8}):/.exec((await line.textContent()) ?? '') ?? [])[1]!;
}

test('stop the task, then the job finishes: the left stays STOPPED, the right is replaced, and the sentence says why', async ({ page }) => {
  await ready(page);
  const leftTask = await runningTask(page, 'left');
  const rightTask = await runningTask(page, 'right');
  await expect(page).toHaveTitle('Task vs Service — ECS Playground');

  // "Stop the task" by keyboard: its key, 1.
  await expect(page.getByRole('button', { name: 'Stop the task' })).toHaveAttribute('aria-keyshortcuts', '1');
  await page.keyboard.press('1');
  await expect(status(page, 'left')).toContainText(`Task ${leftTask}: STOPPED (exit code 143, UserInitiated)`, { timeout: 20_000 });
  await expect(taskNodes(page, 'right', 'RUNNING')).toHaveCount(1);
  await expect(taskNodes(page, 'right', 'RUNNING')).not.toHaveAttribute('data-testid', `node-task-${rightTask}`);
  const replacement = (await taskNodes(page, 'right', 'RUNNING').getAttribute('data-testid'))!.replace('node-task-', '');
  await expect(status(page, 'right')).toContainText(`Task ${replacement}: RUNNING`);
  await expect(status(page, 'right')).toContainText(`Task ${rightTask}: STOPPED (exit code 143, UserInitiated)`);
  // Nothing started on the left, and nothing will: the bar says why it has nothing to hit.
  await expect(taskNodes(page, 'left', 'RUNNING')).toHaveCount(0);
  await expect(faultNote(page)).toContainText(`Left: task ${leftTask} is STOPPED, and nothing starts another: a task you run yourself is not replaced.`);
  await expect(page.getByRole('button', { name: 'Out of memory (137)' })).toHaveAttribute('aria-disabled', 'true');
  const stopped = comparisons(page).first();
  await expect(stopped).toContainText('Stop the task at T+');
  await expect(stopped).toContainText(`Left: Task ${leftTask} stayed STOPPED (exit code 143, UserInitiated): nothing replaces it — a task you run yourself has no service watching it.`);
  await expect(stopped).toContainText(`Right: Task ${rightTask}`);
  await expect(stopped).toContainText(`service web started task ${replacement} because desiredCount is 1 but 0 tasks are running or starting, now RUNNING`);
  // The caption under each diagram says it too, in the page's own narration.
  await expect(side(page, 'left').getByTestId('live-region')).toContainText('Nothing replaces it', { timeout: 10_000 });

  // Start over (both worlds, same seed), then the job finishes: key 5.
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(faultNote(page)).toContainText('any fault can hit them', { timeout: 20_000 });
  await expect(comparisons(page)).toHaveCount(0);
  const job = await runningTask(page, 'left');
  const served = await runningTask(page, 'right');
  await page.keyboard.press('5');
  await expect(status(page, 'left')).toContainText(`Task ${job}: STOPPED (exit code 0, EssentialContainerExited)`, { timeout: 20_000 });
  await expect(status(page, 'right')).toContainText(`Task ${served}: STOPPED (exit code 0, EssentialContainerExited)`, { timeout: 20_000 });
  await expect(taskNodes(page, 'right', 'RUNNING')).toHaveCount(1);
  await expect(taskNodes(page, 'right', 'RUNNING')).not.toHaveAttribute('data-testid', `node-task-${served}`);
  await expect(taskNodes(page, 'left', 'RUNNING')).toHaveCount(0);
  const finished = comparisons(page).first();
  await expect(finished).toContainText('The job finishes (exit 0) at T+');
  await expect(finished).toContainText(`Left: Task ${job} stayed STOPPED (exit code 0, EssentialContainerExited): a job you run yourself is done when it exits 0, and no service is there to start it again.`);
  await expect(finished).toContainText('a service keeps its desiredCount of tasks running, so it replaces even a task whose job finished');
});

test('scrubbing moves both sides, and a fault given in the past forks both', async ({ page }) => {
  await ready(page);
  await expect(page.getByTestId('clock')).toContainText(/T\+0[1-9]:/);
  const leftTask = await runningTask(page, 'left');
  const rightTask = await runningTask(page, 'right');
  await page.getByRole('button', { name: 'Stop the task' }).click();
  await expect(status(page, 'left')).toContainText(`Task ${leftTask}: STOPPED`, { timeout: 20_000 });
  await expect(taskNodes(page, 'right', 'RUNNING')).toHaveCount(1);

  // Back to the stop's mark on the scrub bar, then 5 s before it, by keyboard.
  await page.getByRole('button', { name: `You stopped task ${rightTask}` }).click();
  await page.getByRole('slider', { name: 'Sim time' }).press('ArrowLeft');
  await expect(page.getByTestId('past-note')).toContainText('Showing the past');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // going back pauses the clock
  // Both sides show that moment: both tasks RUNNING again, no fault yet.
  await expect(status(page, 'left')).toContainText(`Task ${leftTask}: RUNNING`);
  await expect(status(page, 'right')).toContainText(`Task ${rightTask}: RUNNING`);
  await expect(comparisons(page)).toHaveCount(0);
  const clock = (await page.getByTestId('clock').locator('.clock-time').textContent())!;
  await expect(page.getByRole('slider', { name: 'Sim time' })).toHaveAttribute('aria-valuetext', new RegExp(`^${clock.replace('+', '\\+')}, `));

  // Another fault there: both sessions fork at that moment, and both tell the new story.
  await page.getByRole('button', { name: 'The job finishes (exit 0)' }).click();
  await expect(page.getByTestId('fork-note')).toContainText('You acted in the past');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page, 'left')).toContainText(`Task ${leftTask}: STOPPED (exit code 0, EssentialContainerExited)`, { timeout: 20_000 });
  await expect(comparisons(page)).toHaveCount(1);
  await expect(comparisons(page).first()).toContainText(`The job finishes (exit 0) at ${clock}.`);
});

test('the way back to the playground keeps the seed and speed; bad URLs fall back with a notice', async ({ page }) => {
  await page.goto('/?view=twin&seed=abc&speed=7&scenario=busy');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The seed must be a whole number');
  await expect(alert).toContainText('The speed must be one of');
  await expect(alert).toContainText('always shows its own two scenes');
  await expect(page).toHaveURL(/\?view=twin&speed=8$/);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await expect(page).toHaveURL(/\?view=twin&speed=16$/);

  await page.goto('/?view=twin&seed=7&speed=4');
  await page.getByRole('link', { name: 'Back to the playground' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ECS Playground' })).toBeVisible();
  await expect(page).toHaveURL(/\?scenario=default&seed=7&speed=4$/);

  await page.goto('/?view=%3Cscript%3E');
  await expect(page.getByRole('heading', { level: 1, name: 'ECS Playground' })).toBeVisible();
  await expect(page.getByTestId('view-notice')).toContainText('There is no view "<script>"');
  await page.getByTestId('view-notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('view-notice')).toHaveCount(0);
});

for (const [width, height] of [[1280, 720], [375, 812]] as const) {
  test(`axe finds nothing in the twin view at ${width}×${height}, and nothing spills sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await ready(page);
    await page.keyboard.press('4'); // the health check starts failing: both sides have a story
    await expect(comparisons(page)).toHaveCount(1);
    await expect(status(page, 'left')).toContainText('health UNHEALTHY', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The fault bar stays in reach when the page is scrolled to the sentences.
    await comparisons(page).first().scrollIntoViewIfNeeded();
    await expect(page.getByRole('button', { name: 'Stop the task' })).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`twin-${width}x${height}.png`) });
  });
}

test("a fault key pressed before both tasks run says why it can't be given yet, and changes nothing", async ({ page }) => {
  await page.goto('/?view=twin&speed=0.25');
  await expect(page.locator('[data-testid^="node-task-"]')).toHaveCount(2);
  await page.keyboard.press('1');
  await expect(page.getByText(/Stop the task \(1\) can't be given yet: Left: task \w+ is (PROVISIONING|PENDING), not RUNNING yet/)).toBeVisible();
  await expect(page.locator('[data-testid^="node-task-"][data-last-status="STOPPED"]')).toHaveCount(0);
});
