// The one-off-job lesson as a mouse user takes it: the production build in Chromium, every move a
// click on the page's own controls (the header's Run task… form, the diagram's nodes, the
// inspector's buttons, the radio choices, Lock in my answer, Next), never "Do it for me". Checked by
// what the page shows. No sleeps: every wait is on something visible.

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

const panel = (page: Page) => page.locator('.lesson-panel');
const stageHeading = (page: Page) => panel(page).locator('h3').first();
const inspector = (page: Page) => page.getByTestId('inspector');
const jobRows = (page: Page, status?: string) => rows(page, 'family:report', status);
const idOf = async (row: Locator) => (await row.locator('th code').textContent())!;
/** The sim clock in seconds, as the toolbar shows it (T+mm:ss, or T+h:mm:ss). */
const clockSeconds = async (page: Page) => {
  const text = (await page.getByTestId('clock').locator('.clock-time').textContent())!;
  const parts = text.replace(/^T\+/, '').split(':').map(Number);
  return parts.reduce((s, n) => s * 60 + n, 0);
};

/** Pick a choice of a radio group with the mouse and lock it in. */
async function answerByMouse(page: Page, choice: string) {
  const form = panel(page).locator('form.lesson-choices').filter({ has: page.getByRole('radio', { name: choice, exact: true }) });
  const lock = form.getByRole('button', { name: 'Lock in my answer' });
  await expect(lock).toBeDisabled(); // nothing picked yet
  await form.getByText(choice, { exact: true }).click(); // the label: the whole line is the target
  await expect(form.getByRole('radio', { name: choice, exact: true })).toBeChecked();
  await lock.click();
}

/** Next → is not ready: hovering it says why (a mouse user's cue: it is styled as if it were). */
async function nextSaysWhy(page: Page, why: string) {
  const button = panel(page).getByRole('button', { name: 'Next →' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.hover();
  await expect(panel(page).getByRole('tooltip')).toBeVisible();
  await expect(panel(page).getByRole('tooltip')).toHaveText(why);
  await button.click({ force: true }); // a click anyway (Playwright itself won't click an aria-disabled button) does nothing
  await expect(button).toHaveAttribute('aria-disabled', 'true');
}

async function next(page: Page) {
  const button = panel(page).getByRole('button', { name: 'Next →' });
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await button.click();
}

/** Click Step › until `row` shows `status`; the statuses seen on the way. The clock must be paused
 *  already: a row read while the clock runs can be a frame behind, and a Step then overshoots. */
async function stepUntil(page: Page, row: Locator, status: string, max = 40): Promise<string[]> {
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await row.getAttribute('data-last-status');
    if (seen.at(-1) !== now) seen.push(now!);
    if (now === status) return seen;
    const before = await page.getByTestId('clock').locator('.clock-time').textContent();
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect(page.getByTestId('clock').locator('.clock-time')).not.toHaveText(before!);
  }
  throw new Error(`the job never reached ${status}: saw ${seen.join(' → ')}`);
}

test('one-off-job, end to end by mouse: the job run from the header, followed to STOPPED with exit 0, a failed run in the practice, the quiz', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?lesson=one-off-job&speed=64');
  await expect(panel(page).getByRole('heading', { name: 'A one-off job' })).toBeVisible();
  await expect(panel(page).getByText('Step 1 of 6')).toBeVisible();

  // Step 1 (the-job): the blueprint, and nothing running.
  await expect(stageHeading(page)).toHaveText('A job’s blueprint');
  await expect(jobRows(page)).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-task-"]')).toHaveCount(0);
  // The app field the caption points at: a minute of work, then exit 0.
  await page.getByTestId('node-td-report-1').click();
  await expect(inspector(page)).toContainText('report:1');
  const json = inspector(page).getByLabel('report:1 as JSON');
  await expect(json).toContainText('"ecs-playground.app": "exit 0 after 60s"');
  await next(page);

  // Step 2 (run-it): the header's Run task… form. Paused first, so PROVISIONING stays to be read.
  await expect(stageHeading(page)).toHaveText('Run it');
  await expect(page).toHaveURL(/[?&]lesson=one-off-job&step=2/);
  await nextSaysWhy(page, 'Do the step first (or press Do it for me).');
  await expect(panel(page)).toContainText('Do this: Press Run task (T), choose report:1, one task, and run it.');
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.locator('.app-header').getByRole('button', { name: 'Run task…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run task' });
  await dialog.getByLabel('Task definition').selectOption({ label: 'report:1' });
  await expect(dialog.getByLabel('Number of tasks (1–10)')).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Run task' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel(page)).toContainText('A task of report:1, PROVISIONING.');
  await expect(jobRows(page)).toHaveCount(1);
  const job = jobRows(page).first();
  const jobId = await idOf(job);
  await expect(job).toHaveAttribute('data-last-status', 'PROVISIONING');
  await expect(job.locator('td').nth(3)).toHaveText('RUNNING'); // desiredStatus: RUNNING from the start
  // The step is done, so the clock waits for the learner; slowed to 1× for Next, so the next step
  // can be paused before the job leaves PROVISIONING.
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await next(page);

  // Step 3 (starting): the clock runs again for a step that waits for the engine. Paused, then
  // PROVISIONING, PENDING, RUNNING one event at a time with Step ›.
  await expect(stageHeading(page)).toHaveText('PROVISIONING, PENDING, RUNNING');
  await page.getByRole('button', { name: /Pause/ }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('64');
  await expect(panel(page)).toContainText('Waiting for the engine… (press Play if the clock is paused)');
  const seen = await stepUntil(page, job, 'RUNNING');
  expect(seen).toEqual(['PROVISIONING', 'PENDING', 'RUNNING']);
  await expect(panel(page)).toContainText('RUNNING: the job is at work.');
  // The footer says the playground skips ACTIVATING, as the caption says.
  await page.getByText('Where the playground simplifies').click();
  await expect(page.locator('.app-footer')).toContainText('Tasks skip ACTIVATING');
  await next(page);

  // Step 4 (finishes): the prediction, answered wrong on purpose.
  await expect(stageHeading(page)).toHaveText('The job finishes');
  await expect(panel(page)).toContainText('Predict first: the simulation is paused until you answer.');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await nextSaysWhy(page, 'Answer the question first.');
  const wrong = 'ECS starts it again: a container that exits is restarted.';
  const right = 'The task stops for good: STOPPED, stopCode EssentialContainerExited.';
  await answerByMouse(page, wrong);
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible(); // the answer set the clock going
  await expect(panel(page)).toContainText(`Not this time. You said: ${wrong} What happened: ${right}`);
  await expect(panel(page)).toContainText('STOPPED, exit code 0. Nothing else happened.');
  await expect(job).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(job).toContainText('EssentialContainerExited');
  await expect(job.locator('td.reason')).toContainText('report exit 0');
  await expect(jobRows(page)).toHaveCount(1); // half a minute on, nothing started it again
  await next(page);

  // Back to the question: the moment it was asked, the job RUNNING again; this time the right answer.
  await expect(stageHeading(page)).toHaveText('Read the stopped task');
  await panel(page).getByRole('button', { name: '← Back' }).click();
  await expect(stageHeading(page)).toHaveText('The job finishes');
  await expect(page).toHaveURL(/step=4/);
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible(); // paused on the question again
  await expect(job).toHaveAttribute('data-last-status', 'RUNNING');
  await answerByMouse(page, right);
  await expect(panel(page)).toContainText(`You were right: ${right}`);
  await expect(panel(page)).toContainText('Exit code 0 means the job succeeded, but a finished job is still a stopped task');
  await expect(job).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(jobRows(page)).toHaveCount(1);
  await next(page);

  // Step 5 (read-it): select the stopped task from the tasks table and read the inspector.
  await expect(stageHeading(page)).toHaveText('Read the stopped task');
  await job.getByRole('button', { name: new RegExp(`^Task ${jobId}`) }).click();
  await expect(inspector(page)).toContainText(`Task ${jobId}`);
  await expect(inspector(page)).toContainText('A standalone task, started by you: if it stops, nothing brings it back.');
  const field = (name: string) => inspector(page).locator('dl.fields > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}`) }) });
  await expect(field('lastStatus')).toContainText('STOPPED');
  await expect(field('desiredStatus')).toContainText('STOPPED');
  await expect(field('stopCode')).toContainText('EssentialContainerExited');
  await expect(field('stoppedReason')).toContainText('Essential container in task exited');
  const container = inspector(page).getByTestId('container-report');
  await expect(container).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(container.locator('td').nth(1)).toContainText('STOPPED');
  await expect(container.locator('td').nth(2)).toHaveText('0'); // exitCode
  await next(page);

  // Step 6 (again): a step to read, so the clock waits; played on, a minute of sim time later,
  // still one task of report, STOPPED.
  await expect(stageHeading(page)).toHaveText('Nothing runs it again');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.getByRole('button', { name: /Play/ }).click();
  const at = await clockSeconds(page);
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(at + 60);
  await expect(jobRows(page)).toHaveCount(1);
  await expect(job).toHaveAttribute('data-last-status', 'STOPPED');
  await next(page);

  // The practice: a failed run. Run from the blueprint's inspector this time; Crash once RUNNING.
  await expect(stageHeading(page)).toHaveText('Practice');
  await expect(panel(page)).toContainText('Make a run of the job fail');
  await nextSaysWhy(page, 'Reach the goal first.');
  await panel(page).getByText('A hint').click();
  await expect(panel(page)).toContainText('select it and press Crash (C): its container exits with code 1.');
  await page.getByRole('button', { name: /Pause/ }).click(); // a minute of work is under a second at 64×
  await page.getByTestId('node-td-report-1').click();
  await inspector(page).getByRole('button', { name: 'Run task…' }).click();
  await expect(dialog.getByLabel('Task definition')).toHaveValue(/report:1$/);
  await dialog.getByRole('button', { name: 'Run task' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(jobRows(page)).toHaveCount(2);
  const failingRow = page.locator(`tbody tr[data-group="family:report"]:not([data-testid="task-${jobId}"])`); // the new run
  await expect(failingRow).toHaveCount(1);
  const failId = await idOf(failingRow);
  // The job works for a minute of sim time, under a second at 64×: step to RUNNING, then crash it.
  expect(await stepUntil(page, failingRow, 'RUNNING')).toEqual(['PROVISIONING', 'PENDING', 'RUNNING']);
  await page.getByTestId(`node-task-${failId}`).click();
  await expect(inspector(page)).toContainText(`Task ${failId}`);
  const crash = inspector(page).getByRole('button', { name: /Crash \(exit 1\)/ });
  await expect(crash).not.toHaveAttribute('aria-disabled', 'true');
  await crash.click();
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(panel(page)).toContainText('Goal reached: the engine checked it.');
  await expect(failingRow).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(failingRow).toContainText('EssentialContainerExited');
  await expect(failingRow.locator('td.reason')).toContainText('report exit 1');
  await expect(inspector(page).getByTestId('container-report').locator('td').nth(2)).toHaveText('1');
  // Then see what runs it again: nothing, a minute on (the goal met, the clock waits: played on).
  await page.getByRole('button', { name: /Play/ }).click();
  const failedAt = await clockSeconds(page);
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(failedAt + 60);
  await expect(jobRows(page)).toHaveCount(2);
  await expect(jobRows(page, 'STOPPED')).toHaveCount(2);
  await next(page);

  // The quiz, every answer checked.
  await expect(stageHeading(page)).toHaveText('Quiz');
  await expect(panel(page).getByRole('button', { name: 'Next →' })).toHaveCount(0);
  const quiz = panel(page).locator('ol.lesson-quiz > li');
  await answerByMouse(page, 'EssentialContainerExited');
  await expect(quiz.nth(0)).toContainText('Right: EssentialContainerExited');
  await answerByMouse(page, 'Nothing: it stays STOPPED until something runs another task.');
  await expect(quiz.nth(1)).toContainText('Right: Nothing: it stays STOPPED until something runs another task.');
  await expect(panel(page)).not.toContainText('Lesson complete.');
  await answerByMouse(page, 'PROVISIONING');
  await expect(quiz.nth(2)).toContainText('Right: PROVISIONING');
  await expect(panel(page)).not.toContainText('Not quite.');
  await expect(panel(page)).toContainText('Lesson complete.');
  await expect(page).toHaveURL(/\?lesson=one-off-job&step=8(&|$)/);
  await expect(panel(page).getByRole('button', { name: /^Start lesson \d+$/ })).toBeVisible();
});
