// Lessons as a learner takes them: the production build in Chromium, checked by what the page
// shows. One lesson end to end by keyboard alone; a deep link to a middle step; Back after a gated
// step; axe in the lesson panel. No sleeps: every wait is on something visible.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

const panel = (page: Page) => page.locator('.lesson-panel');
const stageHeading = (page: Page) => panel(page).locator('h3').first();

/** Press Tab (or Shift+Tab, when the target comes earlier in the page) until `target` has focus:
 *  a keyboard user's way there. Fails if it is not in the tab order. */
async function tabTo(page: Page, target: Locator, max = 80) {
  await target.waitFor();
  const where = () =>
    target.evaluate((el) => {
      const active = document.activeElement;
      if (el === active) return 'here';
      if (!active || active === document.body) return 'after';
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    });
  for (let i = 0; i < max; i++) {
    const at = await where();
    if (at === 'here') return;
    await page.keyboard.press(at === 'after' ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`not reached by Tab in ${max} presses: ${target}`);
}

/** A running task of `group` (optionally not one in `except`): its id and its diagram node (React
 *  Flow's focusable wrapper). */
async function taskNodeOf(page: Page, group: string, except: readonly string[] = []): Promise<{ id: string; node: Locator }> {
  const cards = page.locator(`[data-testid^="node-task-"][data-group="${group}"][data-last-status="RUNNING"]`);
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    const id = (await card.getAttribute('data-testid'))!.replace('node-task-', '');
    if (except.includes(id)) continue;
    if (!(await card.textContent())?.includes('→')) return { id, node: page.locator('.react-flow__node').filter({ has: page.getByTestId(`node-task-${id}`) }) };
  }
  throw new Error(`no running task of ${group} outside ${except.join(', ')}`);
}

/** Stop a task by keyboard: Tab to its row's Stop button in the tasks table, press Enter. */
async function stopByKeyboard(page: Page, id: string) {
  await tabTo(page, page.getByTestId(`task-${id}`).getByRole('button', { name: `Stop task ${id}` }));
  await page.keyboard.press('Enter');
}

/** Pick a choice of a radio group by keyboard and lock it in. */
async function answerByKeyboard(page: Page, choice: string) {
  const radio = panel(page).getByRole('radio', { name: choice });
  const form = panel(page).locator('form.lesson-choices').filter({ has: page.getByRole('radio', { name: choice }) });
  await tabTo(page, form.getByRole('radio').first());
  // Arrow keys move within a radio group and check what they land on.
  for (let i = 0; i < 6 && !(await radio.isChecked()); i++) await page.keyboard.press(i === 0 ? 'Space' : 'ArrowDown');
  await expect(radio).toBeChecked();
  await tabTo(page, form.getByRole('button', { name: 'Lock in my answer' }));
  await page.keyboard.press('Enter');
}

async function nextByKeyboard(page: Page) {
  const next = panel(page).getByRole('button', { name: 'Next →' });
  await expect(next).not.toHaveAttribute('aria-disabled', 'true');
  await tabTo(page, next);
  await page.keyboard.press('Enter');
}

test('kill-a-task, end to end by keyboard alone: predictions revealed by the engine, the practice checked, the quiz', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?lesson=kill-a-task&speed=64');
  await expect(panel(page).getByRole('heading', { name: 'Kill a task: service vs standalone' })).toBeVisible();
  await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
  await expect(panel(page)).toContainText('All four are RUNNING');
  await nextByKeyboard(page);

  // Step 2: the prediction pauses the clock until answered.
  await expect(stageHeading(page)).toHaveText("Stop one of the service's tasks");
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Next →' })).toHaveAttribute('aria-disabled', 'true');
  await answerByKeyboard(page, 'Service web starts a new task to take its place.');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible(); // running again
  const victim = await taskNodeOf(page, 'service:web');
  await stopByKeyboard(page, victim.id);
  await expect(panel(page)).toContainText('You were right: Service web starts a new task to take its place.');
  await expect(panel(page)).toContainText('Service web is back to 3 of 3 running, with a new task.');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await nextByKeyboard(page);

  await expect(stageHeading(page)).toHaveText('What the service said');
  await nextByKeyboard(page);

  // Step 4: a wrong prediction is told as such, with what happened instead.
  await expect(stageHeading(page)).toHaveText('Now stop the task you ran yourself');
  await answerByKeyboard(page, 'It is replaced, like the service’s task was.');
  const mine = await taskNodeOf(page, 'family:web');
  await stopByKeyboard(page, mine.id);
  await expect(panel(page)).toContainText('Not this time. You said: It is replaced, like the service’s task was. What happened: It stays STOPPED, and nothing starts another.');
  await expect(page.getByTestId(`task-${mine.id}`)).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(rows(page, 'family:web', 'RUNNING')).toHaveCount(0);
  // The caption says why, in plain words.
  await expect(page.getByTestId('live-region')).toContainText('Nothing replaces it: a task you run yourself has no service watching it.');
  await nextByKeyboard(page);
  await expect(stageHeading(page)).toHaveText('Why');
  await nextByKeyboard(page);

  // The practice: replace every task of service web, one at a time.
  await expect(stageHeading(page)).toHaveText('Practice');
  const originals = await rows(page, 'service:web', 'RUNNING').locator('th code').allTextContents();
  expect(originals).toHaveLength(3);
  for (const id of originals) {
    // One at a time (the rule: never below 2 running): each once the one before is replaced.
    await expect(page.getByTestId('node-service-web')).toContainText(/desired\s*3\s*running\s*3\s*pending\s*0/);
    await stopByKeyboard(page, id);
    await expect(page.getByTestId(`task-${id}`)).toContainText('UserInitiated');
    await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  }
  await expect(panel(page)).toContainText('Goal reached: the engine checked it.', { timeout: 30_000 });
  await nextByKeyboard(page);

  await expect(stageHeading(page)).toHaveText('Quiz');
  await answerByKeyboard(page, 'Nothing: it stays STOPPED until someone runs another.');
  await answerByKeyboard(page, 'It keeps desiredCount tasks running and replaces any that stop.');
  await answerByKeyboard(page, 'ECS does not repeat a service event while its cause lasts, for up to six hours.');
  await answerByKeyboard(page, 'ServiceSchedulerInitiated');
  await expect(panel(page)).toContainText('Not quite. You said: ServiceSchedulerInitiated The answer: UserInitiated');
  await expect(panel(page)).toContainText('Lesson complete.');
  await expect(page).toHaveURL(/\?lesson=kill-a-task&step=7/);
  await expect(panel(page).getByRole('button', { name: 'Start lesson 4' })).toBeVisible();
});

test('a deep link to a middle step rebuilds it: the earlier steps done, the prediction asked', async ({ page }) => {
  await page.goto('/?lesson=kill-a-task&step=4&speed=8');
  await expect(stageHeading(page)).toHaveText('Now stop the task you ran yourself');
  await expect(panel(page).getByText('Step 4 of 5')).toBeVisible();
  await expect(panel(page)).toContainText('Opened at this step: steps 1–3 were played for you');
  // Step 2 was done for the learner: one of service web's tasks was stopped and replaced.
  await expect(rows(page, 'service:web', 'STOPPED')).toHaveCount(1);
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(rows(page, 'family:web', 'RUNNING')).toHaveCount(1);
  await expect(panel(page).getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible(); // paused on the question
});

test('a reset closes the lesson (its world is gone), and the notice starts it again', async ({ page }) => {
  await page.goto('/?lesson=kill-a-task&step=3&speed=8');
  await expect(panel(page).getByText('Step 3 of 5')).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(panel(page)).toHaveCount(0);
  const notice = page.getByText(/The lesson “Kill a task: service vs standalone” was closed/);
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Start it again' }).click();
  await expect(panel(page).getByText('Step 1 of 5')).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('Back after a gated step goes back to that moment: the stopped task runs again and the question is asked again', async ({ page }) => {
  await page.goto('/?lesson=kill-a-task&step=2&speed=64');
  await expect(stageHeading(page)).toHaveText("Stop one of the service's tasks");
  await panel(page).getByRole('radio', { name: 'Nothing: service web now runs two tasks.' }).check();
  await panel(page).getByRole('button', { name: 'Lock in my answer' }).click();
  const victim = await taskNodeOf(page, 'service:web');
  await victim.node.click();
  await page.getByTestId('inspector').getByRole('button', { name: /^Stop/ }).click();
  await expect(panel(page)).toContainText('Not this time.');
  await expect(page.getByTestId(`task-${victim.id}`)).toHaveAttribute('data-last-status', 'STOPPED');
  await panel(page).getByRole('button', { name: 'Next →' }).click();
  await expect(stageHeading(page)).toHaveText('What the service said');
  await panel(page).getByRole('button', { name: '← Back' }).click();
  await expect(stageHeading(page)).toHaveText("Stop one of the service's tasks");
  await expect(stageHeading(page)).toBeFocused();
  // The moment before the stop: the task is meant to run again, with no stop code.
  await expect(page.getByTestId(`task-${victim.id}`)).toHaveAttribute('data-desired-status', 'RUNNING');
  await expect(page.getByTestId(`task-${victim.id}`)).not.toContainText('UserInitiated');
  await expect(panel(page).getByRole('radio')).toHaveCount(3);
  await expect(page).toHaveURL(/step=2/);
});

test('Back from a deep-linked step returns to before that step\'s own action, given in the same millisecond', async ({ page }) => {
  // Step 3's link rebuilds step 2 by stopping a task at once; Back must show the moment before it.
  await page.goto('/?lesson=kill-a-task&step=3&speed=8');
  await expect(stageHeading(page)).toHaveText('What the service said');
  await expect(rows(page, 'service:web', 'STOPPED')).toHaveCount(1);
  await panel(page).getByRole('button', { name: '← Back' }).click();
  await expect(stageHeading(page)).toHaveText("Stop one of the service's tasks");
  await expect(page.locator('tbody tr[data-group="service:web"][data-desired-status="STOPPED"]')).toHaveCount(0);
  await expect(page.locator('tbody tr[data-group="service:web"][data-desired-status="RUNNING"]')).toHaveCount(3);
  await expect(panel(page).getByRole('radio')).toHaveCount(3);
});

for (const [width, height] of [[1280, 720], [375, 812]] as const) {
  test(`axe finds nothing in the lesson panel at ${width}×${height}, asking and revealing`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?lesson=kill-a-task&step=2&speed=64');
    await expect(stageHeading(page)).toHaveText("Stop one of the service's tasks");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await panel(page).getByRole('radio').first().check();
    await panel(page).getByRole('button', { name: 'Lock in my answer' }).click();
    await panel(page).getByRole('button', { name: 'Do it for me' }).click();
    await expect(panel(page)).toContainText('You were right');
    await page.screenshot({ path: `test-results/lesson-${width}x${height}.png` });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('every control a lesson can point at is on the page where the lessons say it is', async ({ page }) => {
  const { CONTROLS } = await import('../src/app/lesson/controls.ts');
  const seen = new Set<string>();
  const has = async (id: Parameters<typeof CONTROLS.get>[0]) => {
    seen.add(id);
    const control = CONTROLS.get(id)!;
    await expect(page.locator(control.selector).first(), `${id}: ${control.selector}`).toBeAttached();
  };
  await page.goto('/?speed=64');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  for (const id of ['run-task', 'create-service', 'new-revision', 'scale', 'timeline', 'play', 'events-tab', 'why-tab', 'traffic-tab', 'logs-tab', 'tasks-table'] as const) await has(id);
  // A task selected: its faults in the inspector.
  const task = page.locator('.react-flow__node').filter({ has: page.locator('[data-group="service:web"][data-last-status="RUNNING"]') }).first();
  await task.click();
  for (const id of ['stop-task', 'crash', 'oom', 'fail-health', 'hang'] as const) await has(id);
  // The service selected: update, force a deployment.
  await page.getByTestId('node-service-web').click();
  for (const id of ['update-service', 'force-deployment'] as const) await has(id);
  // A task definition selected: push a build, deregister.
  await page.getByTestId('node-td-web-1').click();
  for (const id of ['push-image', 'deregister'] as const) await has(id);
  // A task of two containers selected: each container's own Crash in its containers table.
  await page.goto('/?scenario=sidecar&speed=64');
  await page.locator('.react-flow__node').filter({ has: page.locator('[data-group="service:web"][data-last-status="RUNNING"]') }).first().click();
  await has('crash-container');
  expect([...seen].sort()).toEqual([...CONTROLS.keys()].sort()); // none left unchecked
});
