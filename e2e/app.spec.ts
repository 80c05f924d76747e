// The app as a person uses it: the production build in Chromium, driven by keyboard and mouse,
// checked by what the page shows. No sleeps: every wait is on something visible.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

/** Task nodes on the diagram, optionally only those with a given lastStatus. */
const taskNodes = (page: Page, status?: string) => page.locator(`[data-testid^="node-task-"]${status ? `[data-last-status="${status}"]` : ''}`);
// A task's node on the diagram, or (on a phone) its button in the zones view.
const nodeWrapper = (page: Page, id: string) => page.locator('.react-flow__node').filter({ has: page.getByTestId(`node-task-${id}`) }).or(page.getByTestId(`zone-task-${id}`));
const idOf = async (row: Locator) => (await row.locator('th code').textContent())!;
const inspector = (page: Page) => page.getByTestId('inspector');

async function steadyDefault(page: Page, query = 'speed=64') {
  await page.goto(`/?${query}`);
  // On a phone the tasks table is one of the tabs (once the page has drawn its tabs at all).
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  const tasksTab = page.getByRole('tab', { name: 'Tasks' });
  if (await tasksTab.isVisible()) await tasksTab.click();
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('node-service-web').or(page.getByTestId('zone-service-web'))).toContainText(/desired\s*3\s*running\s*3\s*pending\s*0|3 of 3 running · ✓ steady/);
}

test('the first screen: blueprints, the service and its tasks in three AZs, fitted to view', async ({ page }) => {
  // At 1× the first screen holds still while it is checked: the report job runs for minutes of sim time, seconds at 64×.
  await page.goto('/?speed=1');
  await expect(page.getByRole('heading', { name: 'ECS Playground' })).toBeVisible();
  await expect(page.getByTestId('node-td-web-1')).toBeVisible();
  await expect(page.getByTestId('node-td-report-1')).toBeVisible();
  await expect(taskNodes(page, 'RUNNING')).toHaveCount(4); // web ×3 and the report job
  for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) await expect(page.locator('.zone-label', { hasText: az })).toBeVisible();
  await expect(page.getByTestId('clock')).not.toContainText('T+00:00 ');
  // The standalone job looks different: "started by you", no service.
  const report = rows(page, 'family:report').first();
  await expect(nodeWrapper(page, await idOf(report))).toContainText('started by you');
  // Every node is inside the visible stage.
  const stage = (await page.locator('.stage').boundingBox())!;
  for (const node of await taskNodes(page).all()) {
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(stage.x);
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 1);
  }
});

test('the default scene opens warm: web is RUNNING and healthy behind its load balancer at first sight', async ({ page }) => {
  await page.goto('/?speed=1');
  await expect(page.getByTestId('clock').locator('.clock-time')).toHaveText(/^T\+01:0\d$/);
  await expect(page.getByTestId('node-service-web')).toContainText('COMPLETED');
  // Each task node's accessible name says its status, service and target health.
  await expect(page.getByLabel(/^Task \w+, RUNNING, service web, .*target healthy/)).toHaveCount(3);
  // The start is on the timeline: Home goes back to T+00:00, and 5 s on the tasks are only starting.
  await page.getByRole('slider', { name: 'Sim time' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('clock').locator('.clock-time')).toHaveText('T+00:00');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('clock').locator('.clock-time')).toHaveText('T+00:05');
  await expect(page.locator('[data-testid^="node-task-"][data-group="service:web"][data-last-status="PROVISIONING"]')).toHaveCount(3);
});

test('stop a service task by keyboard: a replacement starts and reaches RUNNING, the events say so in AWS words', async ({ page }) => {
  await steadyDefault(page);
  const victimRow = rows(page, 'service:web', 'RUNNING').first();
  const id = await idOf(victimRow);
  // Focus the task's node, select it with Enter, stop it with S.
  await nodeWrapper(page, id).focus();
  await expect(nodeWrapper(page, id)).toHaveAccessibleName(new RegExp(`^Task ${id}, RUNNING, service web, us-east-1[abc], health HEALTHY, target healthy$`));
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText(`Task ${id}`);
  await page.keyboard.press('s');
  await expect(page.getByTestId(`node-task-${id}`)).toContainText('→ STOPPED');
  await expect(page.getByTestId(`task-${id}`)).toContainText('UserInitiated');
  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByTestId('events');
  await expect(events).toContainText(/\(service web\) has started 1 tasks: \(task [0-9a-f]{32}\)\./);
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 });
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(page.getByTestId('node-service-web')).toContainText(/desired\s*3\s*running\s*3\s*pending\s*0/);
  await expect(events.getByText('(service web) has reached a steady state.').first()).toBeVisible();
  // The stopped task fades, then leaves the diagram for the "recently stopped" list; the table keeps it.
  await expect(page.getByRole('region', { name: /Recently stopped/ })).toContainText(id, { timeout: 20_000 });
  await expect(page.getByTestId(`node-task-${id}`)).toHaveCount(0);
  await expect(page.getByTestId(`task-${id}`)).toBeVisible();
});

test('stop a standalone task: it stays STOPPED and nothing replaces it', async ({ page }) => {
  await steadyDefault(page);
  // Run a web server by hand, as a standalone task.
  await page.getByRole('button', { name: 'Run task…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run task' });
  await dialog.getByLabel('Task definition').selectOption({ label: 'web:1' });
  await dialog.getByRole('button', { name: 'Run task' }).click();
  await expect(dialog).toHaveCount(0);
  const mine = rows(page, 'family:web');
  await expect(rows(page, 'family:web', 'RUNNING')).toHaveCount(1);
  const id = await idOf(mine.first());
  await page.getByTestId(`task-${id}`).getByRole('button', { name: `Stop task ${id}` }).click();
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 });
  // A minute later it leaves the diagram for "recently stopped" — and still nothing replaced it.
  await expect(page.getByRole('region', { name: /Recently stopped/ })).toContainText(id, { timeout: 20_000 });
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toHaveAttribute('data-last-status', 'STOPPED');
  // And the inspector says why nothing will bring it back.
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await expect(inspector(page)).toContainText('nothing brings it back');
  const scale = inspector(page).getByRole('button', { name: 'Scale its service' });
  await expect(scale).toHaveAttribute('aria-disabled', 'true');
  await scale.focus();
  await expect(page.getByRole('tooltip')).toContainText('nothing scales it, and nothing replaces it if it stops');
});

test('crash a container: EssentialContainerExited and the exit code in the inspector', async ({ page }) => {
  await steadyDefault(page);
  const id = await idOf(rows(page, 'service:web', 'RUNNING').first());
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await inspector(page).getByRole('button', { name: /Crash \(exit 1\)/ }).click();
  await expect(inspector(page).getByTestId('container-web')).toContainText('STOPPED');
  await expect(inspector(page).getByTestId('container-web')).toContainText('1');
  await expect(inspector(page)).toContainText('EssentialContainerExited');
  await expect(inspector(page)).toContainText('Essential container in task exited');
  // The crash is not an option any more, and the reason says why.
  await expect(inspector(page).getByRole('button', { name: /Crash/ })).toHaveAttribute('aria-disabled', 'true');
  // The service replaces it.
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3, { timeout: 20_000 });
});

test('change desiredCount up and down: tasks are added and removed across the AZs', async ({ page }) => {
  await steadyDefault(page);
  await page.getByTestId('node-service-web').click();
  const count = inspector(page).getByLabel('desiredCount');
  await count.fill('6');
  await count.press('Enter');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(6, { timeout: 20_000 });
  const azs = async () => {
    const list = await rows(page, 'service:web', 'RUNNING').locator('td:nth-child(7)').allTextContents();
    return ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => list.filter((x) => x === az).length);
  };
  expect(await azs()).toEqual([2, 2, 2]);
  // Down to 2 with the keyboard shortcut on the selected service (focus back on the diagram).
  await page.getByTestId('node-service-web').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('[');
  await expect(page.getByTestId('node-service-web')).toContainText(/desired\s*2/);
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(2, { timeout: 20_000 });
  expect((await azs()).filter((n) => n === 1)).toHaveLength(2);
  await expect(page.getByRole('tab', { name: 'Why' })).toBeVisible();
  await page.getByRole('tab', { name: 'Why' }).click();
  await expect(page.getByTestId('why')).toContainText('the Availability Zone with the most tasks');
});

test('an invalid task definition: the field says what is wrong, and nothing changes', async ({ page }) => {
  await steadyDefault(page);
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Register a new revision' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('memory (MiB)').fill('3000');
  await dialog.getByRole('button', { name: 'Register' }).click();
  const memory = dialog.getByLabel('memory (MiB)');
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#td-memory-error')).toHaveText('No Fargate configuration exists for given values. With cpu 256, memory must be 512, 1024, 2048 (MiB).');
  await dialog.getByLabel(/^image/).fill('');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog.locator('#td-image-error')).toHaveText('Container.image should not be null or empty.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-td-"]')).toHaveCount(2);
  // A valid one registers the next revision.
  await page.keyboard.press('e');
  await dialog.getByLabel('memory (MiB)').fill('1024');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('dialog', { name: 'Registered' })).toContainText(/Registered (web|report):2/);
});

test('once the user zooms, the view is theirs: a new card does not refit it, until they ask for a fit', async ({ page }) => {
  await steadyDefault(page);
  const view = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const fitted = await view();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect.poll(view).not.toBe(fitted);
  const zoomed = await view();
  // A new revision adds a blueprint card: before the user zoomed, that refitted the picture.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Register a new revision' });
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('dialog', { name: 'Registered' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid^="node-td-"]')).toHaveCount(3);
  await expect(page.locator('[data-testid^="node-td-"][data-testid$="-2"]')).toBeAttached();
  expect(await view()).toBe(zoomed);
  // Fit View gives the view back: the whole picture, new card included, fits again.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(view).not.toBe(zoomed);
  const stage = (await page.locator('.stage').boundingBox())!;
  for (const card of await page.locator('[data-testid^="node-td-"]').all()) {
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(stage.x);
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
  }
});

test('the tasks table and the live region agree with the diagram', async ({ page }) => {
  await steadyDefault(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  for (const node of await taskNodes(page).all()) {
    const id = (await node.getAttribute('data-testid'))!.replace('node-task-', '');
    await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', (await node.getAttribute('data-last-status'))!);
  }
  await page.getByRole('button', { name: 'Play' }).click();
  const id = await idOf(rows(page, 'service:web', 'RUNNING').first());
  await page.getByTestId(`task-${id}`).getByRole('button', { name: `Stop task ${id}` }).click();
  const live = page.getByTestId('live-region');
  await expect(live).toContainText(/Service web saw [0-9] of 3 tasks running or starting|Task [0-9a-f]{8} of service web/, { timeout: 15_000 });
  await expect(page.getByTestId('live-region')).toHaveAttribute('aria-live', 'polite');
});

test('time: step pauses and moves to the next event; speed and reset by keyboard; ? lists the shortcuts', async ({ page }) => {
  await page.goto('/?speed=1');
  await expect(taskNodes(page)).toHaveCount(4);
  await page.keyboard.press('.');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const after = await page.getByTestId('clock').locator('.clock-time').textContent();
  await page.keyboard.press('.');
  await expect(page.getByTestId('clock').locator('.clock-time')).not.toHaveText(after!);
  await page.keyboard.press('+');
  await expect(page.getByLabel('Speed')).toHaveValue('2');
  await expect(page.getByTestId('clock')).toContainText('1 min of ECS takes 30 s');
  // The default scene opens warm, 65 s in: a reset goes back to that moment.
  await page.keyboard.press('r');
  await expect(page.getByTestId('clock').locator('.clock-time')).toHaveText('T+01:05');
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Stop the selected task');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
});

test('keyboard only: Tab into the diagram, arrows between nodes, Enter selects, a skip link past it', async ({ page }) => {
  await steadyDefault(page);
  await page.keyboard.press('k'); // pause, so nothing moves under the keyboard
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The accessible name of whatever has focus (nodes are named by a label inside them).
  const focusedLabel = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const by = el?.getAttribute('aria-labelledby');
      return (by ? document.getElementById(by)?.textContent : null) ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
  let label = '';
  for (let i = 0; i < 40 && !/^(Task definition |Service [a-z]+, |Task [0-9a-f]{8}, )/.test(label); i++) {
    await page.keyboard.press('Tab');
    label = await focusedLabel();
  }
  expect(label).toMatch(/^Task definition (report|web):1/);
  await page.keyboard.press('ArrowDown');
  expect(await focusedLabel()).toMatch(/^Service web, ACTIVE, desired 3, running 3/);
  await page.keyboard.press('ArrowDown');
  const task = await focusedLabel();
  expect(task).toMatch(/^Task [0-9a-f]{8}, RUNNING, service web, us-east-1[abc]/);
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText(`Task ${task.slice(5, 13)}`);
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toHaveCount(0);
  const skip = page.getByRole('link', { name: 'Skip the diagram' });
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-timeline')).toBeFocused(); // past the diagram, to its timeline
});

test('200 tasks launched together: the diagram draws them all, the table holds them all and draws what is in view, and they agree', async ({ page }) => {
  await page.goto('/?scenario=busy&speed=1');
  // The four services launch their 200 tasks at the first scheduler tick; pause right after it.
  await expect(page.getByTestId('clock')).not.toContainText('T+00:00 ');
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  // They are drawn a few per frame (a 200-task frame would be a long task), and all arrive.
  await expect(taskNodes(page)).toHaveCount(200, { timeout: 20_000 });
  for (const service of ['api', 'cart', 'search', 'web']) await expect(page.locator(`[data-testid^="node-task-"][data-group="service:${service}"]`)).toHaveCount(50);
  const onDiagram = await taskNodes(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!.replace('node-task-', '')));
  // The table is virtualised: it says it has 200 rows (and its header), and draws those in view.
  const table = page.locator('.tasks-table table');
  await expect(table).toHaveAttribute('aria-rowcount', '201');
  const drawn = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-testid')!.replace('task-', ''), Number(r.getAttribute('aria-rowindex'))] as const));
  const top = await drawn();
  expect(top.length).toBeGreaterThan(0);
  expect(top.length).toBeLessThan(200);
  expect(onDiagram).toEqual(expect.arrayContaining(top.map(([id]) => id)));
  // Scrolled to the end, it draws the last rows: every task is in the table, just not all at once.
  await page.locator('tbody tr').first().evaluate((row) => {
    let box: HTMLElement | null = row.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    box!.scrollTop = box!.scrollHeight;
  });
  await expect(page.locator('tbody tr[aria-rowindex="201"]')).toHaveCount(1);
  const bottom = await drawn();
  expect(onDiagram).toEqual(expect.arrayContaining(bottom.map(([id]) => id)));
});

test('a tampered link gets a clear message and the defaults', async ({ page }) => {
  await page.goto('/?scenario=nope&seed=abc&speed=1000');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no scenario "nope"');
  await expect(alert).toContainText('The seed must be a whole number');
  await expect(alert).toContainText('The speed must be one of');
  await expect(page.getByTestId('node-service-web')).toBeVisible();
});

for (const [width, height] of [[1280, 720], [1920, 1080], [375, 812]] as const) {
  test(`no serious or critical accessibility violations at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await steadyDefault(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    await nodeWrapper(page, await idOf(rows(page, 'service:web', 'RUNNING').first())).click();
    await expect(inspector(page)).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
    // Nothing spills sideways, on a phone either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`screen-${width}x${height}.png`) });
  });
}
