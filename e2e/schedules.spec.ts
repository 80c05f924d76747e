// Scheduled tasks and zone faults as a person uses them (issue 13): a schedule made from the form
// fires every 5 minutes and each run's task of report starts, exits 0 and says who started it
// (spec §4.1: EventBridge Scheduler's RunTask, startedBy chronos-schedule/<name>); a zone taken
// down takes its tasks with it (InfrastructureHealth), the service heals in the zones left and a
// standalone task is simply gone (spec §4, §5.3); the zone back, AZ rebalancing spreads the
// service again, in the events' own words (spec §5.9). axe with the forms and the schedule's
// inspector shown, at both sizes; the zone faults by keyboard alone. No sleeps: every wait is on
// what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
const inspector = (page: Page) => page.getByTestId('inspector');
const idOf = async (row: Locator) => (await row.locator('th code').textContent())!;
// The tasks table's AZ column (the row's header cell is the first).
const azOf = async (row: Locator) => (await row.locator('td:nth-child(7)').textContent())!;

/** How many of service web's RUNNING tasks each zone holds, in zone order. */
async function spread(page: Page): Promise<number[]> {
  const list = await rows(page, 'service:web', 'RUNNING').locator('td:nth-child(7)').allTextContents();
  return ZONES.map((az) => list.filter((x) => x === az).length);
}

async function axeClean(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** The default scene at 64×, web steady with its 3 tasks. */
async function steadyDefault(page: Page) {
  await page.goto('/?speed=64');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  const tasksTab = page.getByRole('tab', { name: 'Tasks' }); // on a phone the table is a tab
  if (await tasksTab.isVisible()) await tasksTab.click();
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
}

/** A header action: in line at 1280, behind More on a phone. */
async function headerAction(page: Page, name: string): Promise<Locator> {
  const more = page.getByRole('button', { name: 'More' });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
  return page.getByRole('button', { name, exact: true });
}

test('a schedule of report every 5 minutes: two runs start and stop with exit 0, their tasks say the schedule started them, the timeline marks each firing', async ({ page }) => {
  await steadyDefault(page);
  // Paused while the form is filled: a rate's first run is at the next whole minute (spec §4.1's
  // 60-second precision; "starts invoking the target immediately"), under a second away at 64×.
  await page.getByRole('button', { name: 'Pause' }).click();
  await (await headerAction(page, 'Schedule task…')).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a task' });
  await dialog.getByLabel('Schedule name').fill('every-5');
  // A wrong expression is said at its field, and nothing is created.
  await dialog.getByLabel('Schedule expression').fill('rate(5 minute)');
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  await expect(dialog.getByLabel('Schedule expression')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#sch-expr-error')).not.toBeEmpty();
  await expect(page.getByTestId('node-schedule-every-5')).toHaveCount(0);
  await dialog.getByLabel('Schedule expression').fill('rate(5 minutes)');
  // The hint reads the expression back and names the next firings on the sim's clock.
  await expect(dialog.locator('#sch-expr-hint')).toContainText(/Next: T\+\d\d:\d\d/);
  await dialog.getByLabel(/^Task definition/).selectOption('report');
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  await expect(dialog).toHaveCount(0);

  // Created, it is selected: the inspector shows it, and the diagram has its card.
  await expect(inspector(page).getByRole('heading', { name: 'Schedule every-5 (ENABLED)' })).toBeVisible();
  await expect(inspector(page)).toContainText('No runs yet.');
  await expect(inspector(page).getByRole('button', { name: 'Disable' })).toBeVisible();
  await expect(inspector(page).getByRole('button', { name: 'Run now' })).toBeVisible();
  await expect(inspector(page).getByRole('button', { name: 'Delete schedule' })).toBeVisible();
  await expect(page.getByTestId('node-schedule-every-5')).toContainText('rate(5 minutes)');
  await expect(page.getByTestId('node-schedule-every-5')).toContainText('no runs yet');
  await expect(inspector(page).getByTestId('schedule-summary')).toContainText(/rate\(5 minutes\): every 5 minutes\. next run T\+\d\d:\d\d/);
  await page.getByRole('button', { name: 'Play' }).click();

  // The first firing starts one task of report; paused while it runs, it says who started it.
  const runs = inspector(page).getByTestId('schedule-runs').locator('li');
  await expect(runs).toHaveCount(1, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(runs.first()).toContainText(/^T\+\d\d:\d\d fired: task [0-9a-f]{8} /);
  const first = /task ([0-9a-f]{8})/.exec((await runs.first().textContent())!)![1]!;
  await expect(page.getByTestId(`task-${first}`).locator('.started-by')).toHaveText('chronos-schedule/every-5');
  await expect(page.getByTestId(`task-${first}`)).toHaveAttribute('data-group', 'family:report');
  await expect(page.getByTestId(`node-task-${first}`)).toContainText('schedule every-5');
  await page.getByRole('button', { name: 'Play' }).click();

  // The second firing, five minutes on; each run's task exits 0 (newest first).
  await expect(runs).toHaveCount(2, { timeout: 20_000 });
  await expect(runs.nth(1)).toContainText(`task ${first} exit 0 ✓`);
  const second = /task ([0-9a-f]{8})/.exec((await runs.first().textContent())!)![1]!;
  expect(second).not.toBe(first);
  await expect(runs.first()).toContainText(`task ${second} exit 0 ✓`, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId(`task-${second}`).locator('.started-by')).toHaveText('chronos-schedule/every-5');
  await expect(page.getByTestId(`task-${second}`)).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(page.getByTestId('node-schedule-every-5')).toContainText('2 runs');
  // Each firing is named on the timeline. The first can share a button with "You created
  // schedule every-5" (under a minute before it), which leads it as ◆; the second, minutes from
  // anything else, is a ◷ mark of its own.
  const [secondAt, firstAt] = await runs.locator('time').allTextContents();
  for (const at of [firstAt!, secondAt!]) await expect(page.getByRole('button', { name: `Schedule every-5 fired: RunTask started a task at ${at}` })).toHaveCount(1);
  const secondMark = page.getByRole('button', { name: `Schedule every-5 fired: RunTask started a task at ${secondAt}` });
  await expect(secondMark).toHaveText('◷');
  await expect(secondMark.locator('xpath=..')).toHaveClass(/kind-scheduled/);
});

test('a zone goes down: the service heals in the other two, a standalone task there stays STOPPED; back up, AZ rebalancing spreads the service again', async ({ page }) => {
  await steadyDefault(page);
  expect(await spread(page)).toEqual([1, 1, 1]);
  // A standalone task that runs until stopped (web:1 by hand): where it runs is the zone to take down.
  await page.getByRole('button', { name: 'Run task…' }).click();
  const run = page.getByRole('dialog', { name: 'Run task' });
  await run.getByLabel('Task definition').selectOption({ label: 'web:1' });
  await run.getByRole('button', { name: 'Run task' }).click();
  await expect(run).toHaveCount(0);
  const mine = rows(page, 'family:web');
  await expect(rows(page, 'family:web', 'RUNNING')).toHaveCount(1);
  const standalone = await idOf(mine.first());
  const az = await azOf(mine.first());
  const others = ZONES.filter((z) => z !== az);

  await page.getByRole('button', { name: 'Zone faults…' }).click();
  const faults = page.getByRole('dialog', { name: 'Zone faults' });
  await expect(faults.getByTestId(`zone-fault-${az}`)).toContainText('✓ up, with capacity');
  await faults.getByRole('button', { name: `Take ${az} down` }).click();
  await expect(faults.getByRole('status')).toHaveText(`${az} is down.`);
  await expect(faults.getByTestId(`zone-fault-${az}`)).toContainText('✕ down');
  await page.keyboard.press('Escape');
  await expect(faults).toHaveCount(0);
  await expect(page.locator('.zone-label', { hasText: az })).toContainText('✕ zone down');

  // The standalone task went with its host, and nothing replaces it.
  const gone = page.getByTestId(`task-${standalone}`);
  await expect(gone).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 20_000 });
  await expect(gone).toContainText('InfrastructureHealth');
  await expect(gone).toContainText('ECS is performing maintenance on the underlying infrastructure hosting the task');
  // The service replaced its task there in the zones that are up: 3 running, none in the dead zone.
  const deadAndAll = async () => {
    const s = await spread(page);
    return { [az]: s[ZONES.indexOf(az as (typeof ZONES)[number])], all: s.reduce((a, b) => a + b) };
  };
  await expect.poll(deadAndAll, { timeout: 20_000 }).toEqual({ [az]: 0, all: 3 });
  await expect(page.getByTestId('node-service-web')).toContainText(/desired\s*3\s*running\s*3\s*pending\s*0/);
  // Its name, not the card's middle: that can be the card's Update… button.
  await page.getByTestId('node-service-web').locator('.title').click();
  const balance = inspector(page).getByTestId('zone-balance');
  await expect(balance).toContainText(`(${az} down)`);
  await expect(inspector(page)).toContainText('availabilityZoneRebalancing');
  await expect(inspector(page).getByRole('button', { name: 'Disable', exact: true })).toBeVisible(); // ENABLED, the default for a new service
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toHaveAttribute('data-last-status', 'STOPPED');

  // The zone back: ECS starts a task there, then stops one where there are two (spec §5.9).
  await page.getByRole('button', { name: 'Zone faults…' }).click();
  await faults.getByRole('button', { name: `Bring ${az} back` }).click();
  await expect(faults.getByRole('status')).toHaveText(`${az} is back.`);
  await page.keyboard.press('Escape');
  await expect(page.locator('.zone-label', { hasText: az })).not.toContainText('zone down');
  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByTestId('events');
  await expect(events).toContainText(/\(service web\) is not AZ balanced with \d tasks in us-east-1a, \d in us-east-1b, and \d in us-east-1c\. AZ Rebalancing in progress\./, { timeout: 20_000 });
  await expect(events).toContainText(new RegExp(`\\(service web\\) has started 1 tasks in ${az} to AZ Rebalance: \\(task [0-9a-f]{32}\\)\\.`));
  await expect(events).toContainText(new RegExp(`\\(service web\\) has stopped 1 running tasks in (${others.join('|')}) due to AZ rebalancing: \\(task [0-9a-f]{32}\\)\\.`), { timeout: 20_000 });
  await expect(events).toContainText('(service web) is AZ balanced with 1 tasks in us-east-1a, 1 tasks in us-east-1b, and 1 tasks in us-east-1c.', { timeout: 20_000 });
  await expect.poll(() => spread(page)).toEqual([1, 1, 1]);
  // Still nothing replaced the standalone task.
  await expect(mine).toHaveCount(1);
});

for (const [width, height] of [[1280, 720], [375, 812]] as const) {
  test(`axe finds nothing with the schedule form, the zone faults (a zone down) and a schedule's inspector at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(60_000); // five full-page scans: 12 s alone, near 30 s on two busy cores
    await page.setViewportSize({ width, height });
    await steadyDefault(page);
    await page.getByRole('button', { name: 'Pause' }).click(); // the scans see one moment
    await (await headerAction(page, 'Schedule task…')).click();
    const form = page.getByRole('dialog', { name: 'Schedule a task' });
    await expect(form.getByLabel('Schedule name')).toBeVisible();
    await axeClean(page, 'the schedule form');
    // With an error shown at a field.
    await form.getByLabel('Schedule name').fill('no spaces allowed');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await expect(form.locator('#sch-name-error')).toBeVisible();
    await axeClean(page, 'the schedule form with an error');
    await form.getByLabel('Schedule name').fill('nightly');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await expect(form).toHaveCount(0);

    // The schedule's inspector, with a run in its list ("Run now"); on a phone, in the sheet.
    await expect(inspector(page).getByRole('heading', { name: 'Schedule nightly (ENABLED)' })).toBeVisible();
    await inspector(page).getByRole('button', { name: 'Run now' }).click();
    await expect(inspector(page).getByTestId('schedule-runs').locator('li')).toHaveCount(1);
    await expect(inspector(page).getByTestId('schedule-runs')).toContainText('run now: task');
    await axeClean(page, 'the schedule inspector');
    // On a phone the inspector is the sheet at the bottom: Escape closes it before the next dialog.
    const sheet = page.getByTestId('phone-sheet');
    if (await sheet.isVisible()) {
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    }

    await (await headerAction(page, 'Zone faults…')).click();
    const faults = page.getByRole('dialog', { name: 'Zone faults' });
    await faults.getByRole('button', { name: 'Take us-east-1b down' }).click();
    await faults.getByRole('button', { name: 'No capacity in us-east-1c' }).click();
    await expect(faults.getByTestId('zone-fault-us-east-1c')).toContainText('⚠ no Fargate capacity');
    await axeClean(page, 'the zone faults dialog');
    await page.keyboard.press('Escape');
    await expect(faults).toHaveCount(0);
    // The faults as the picture shows them: the diagram's zone labels, or the phone's zones view.
    const zoneB = page.locator('.zone-label', { hasText: 'us-east-1b' }).or(page.getByRole('group', { name: /^us-east-1b/ }));
    await expect(zoneB).toContainText('✕ zone down');
    await axeClean(page, 'a zone down and one short of capacity');
  });
}

test('by keyboard alone: Tab to Zone faults…, Enter, take a zone down for 5 minutes; Escape closes and focus returns; the zone comes back by itself', async ({ page }) => {
  await steadyDefault(page);
  const opener = page.getByRole('button', { name: 'Zone faults…' });
  const focused = (l: Locator) => l.evaluate((n) => n === document.activeElement);
  for (let i = 0; i < 40 && !(await focused(opener)); i++) await page.keyboard.press('Tab');
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  const faults = page.getByRole('dialog', { name: 'Zone faults' });
  await expect(faults).toBeVisible();
  // The duration first: the select takes arrow keys.
  const lasts = faults.getByLabel('A fault lasts');
  for (let i = 0; i < 10 && !(await focused(lasts)); i++) await page.keyboard.press('Tab');
  await expect(lasts).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(lasts.locator('option:checked')).toHaveText('5 minutes');
  const takeDown = faults.getByRole('button', { name: 'Take us-east-1b down' });
  for (let i = 0; i < 10 && !(await focused(takeDown)); i++) await page.keyboard.press('Tab');
  await expect(takeDown).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(faults.getByRole('status')).toHaveText('us-east-1b is down.');
  await expect(faults.getByTestId('zone-fault-us-east-1b')).toContainText(/✕ down until T\+\d\d:\d\d/);
  // The button under the keyboard's focus is now the way back.
  await expect(faults.getByRole('button', { name: 'Bring us-east-1b back' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(faults).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(page.locator('.zone-label', { hasText: 'us-east-1b' })).toContainText('✕ zone down');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3, { timeout: 20_000 });
  // Five minutes on (about 5 s at 64×) the zone is back by itself.
  await expect(page.locator('.zone-label', { hasText: 'us-east-1b' })).not.toContainText('zone down', { timeout: 20_000 });
  await expect(page.locator('.zone-label', { hasText: 'us-east-1b' })).toContainText('running');
});
