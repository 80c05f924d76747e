// Register a task definition from pasted JSON (issue 12), as a person does it: paste a real
// multi-container definition into the editor, read what is accepted and not simulated, register
// it, run a task of it from the next step, and watch the init container finish before the app
// starts. A bad document is refused by field, in the CLI's and ECS's words, and marked in the text.
// The editor is CodeMirror, loaded when the dialog opens; axe is clean with it open, in both
// themes, at 1280×720 and 375×812.

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';
import { shopDocument } from '../src/sim/testing/documents.ts';

const shop = shopDocument();

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Register a task definition from JSON' });
/** The editor's text box (CodeMirror's content, labelled like the textarea before it). */
const editor = (page: Page) => dialog(page).getByRole('textbox', { name: /^Task definition JSON/ });

async function openDialog(page: Page, phone = false) {
  if (phone) await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('button', { name: 'Register from JSON…' }).click();
  await expect(dialog(page)).toBeVisible();
  // CodeMirror has arrived: the textarea gave way to it.
  await expect(dialog(page).locator('[data-editor="codemirror"]')).toBeVisible();
  await expect(editor(page)).toHaveClass(/cm-content/);
}

/** Replace the editor's text the way a paste does: a paste event with the text on its clipboard. */
async function paste(box: Locator, text: string) {
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const container = (page: Page, name: string) => page.getByTestId('inspector').getByTestId(`container-${name}`);

test('paste a multi-container definition, register it, run it: the init container exits 0 and then the app runs', async ({ page }) => {
  await page.goto('/?speed=16');
  await openDialog(page);
  await paste(editor(page), JSON.stringify(shop, null, 2));
  await expect(dialog(page).getByRole('status')).toHaveText('Ready: registers as shop:1.');
  // Nothing is dropped without a word: what ECS takes and the playground doesn't simulate is listed.
  const ignored = dialog(page).getByTestId('import-ignored');
  await expect(ignored).toContainText('Accepted, not simulated: taskRoleArn, volumes, tags, containerDefinitions[0].command, containerDefinitions[0].dockerLabels, containerDefinitions[1].mountPoints');
  // Tab leaves the editor: it never traps the keyboard.
  await editor(page).focus();
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();

  await dialog(page).getByRole('button', { name: 'Register' }).click();
  const done = page.getByRole('dialog', { name: 'Registered' });
  await expect(done.getByRole('status')).toContainText('Registered shop:1.');
  await expect(done).toContainText('aws ecs register-task-definition --cli-input-json file://shop-1.json');
  await expect(done.getByRole('button', { name: 'Run a task of it…' })).toBeFocused();
  await done.getByRole('button', { name: 'Run a task of it…' }).click();

  const run = page.getByRole('dialog', { name: 'Run task' });
  await expect(run.getByLabel('Task definition')).toHaveValue(/task-definition\/shop:1$/);
  await run.getByRole('button', { name: 'Run task' }).click();
  await expect(run).toBeHidden();

  // The init container holds the task in PENDING until it has exited 0; then the app starts.
  await expect(rows(page, 'family:shop', 'RUNNING')).toHaveCount(1, { timeout: 30_000 });
  const row = rows(page, 'family:shop').first();
  const id = (await row.locator('th code').textContent())!;
  await row.getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await expect(page.getByTestId('inspector')).toContainText(`Task ${id}`);
  await expect(container(page, 'migrate')).toHaveAttribute('data-last-status', 'STOPPED');
  await expect(container(page, 'migrate').locator('td').nth(2)).toHaveText('0');
  await expect(container(page, 'app')).toHaveAttribute('data-last-status', 'RUNNING');

  // Stopped, the task's logs are still there to read: app's start and the SIGTERM it was sent.
  await page.getByTestId('inspector').getByRole('button', { name: /^Stop/ }).click();
  await expect(row).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 30_000 });
  await page.getByTestId('inspector').getByRole('button', { name: 'View its logs' }).click();
  const logs = page.getByTestId('logs-panel');
  await expect(logs.getByRole('region', { name: new RegExp(`^Task ${id}`) }).getByRole('button', { name: new RegExp(`^ecs/app/${id}`) })).toBeVisible();
  await expect(logs.getByTestId('log-lines')).toContainText('Starting app');
  await expect(logs.getByTestId('log-lines')).toContainText('Received SIGTERM, shutting down gracefully');
});

test('a bad document is refused by field, in the CLI\'s and ECS\'s words, marked in the text, and a click goes to the field', async ({ page }) => {
  await page.goto('/?speed=1');
  await page.getByRole('button', { name: 'Pause' }).click();
  await openDialog(page);
  const bad = structuredClone(shop);
  Object.assign(bad.containerDefinitions[1]!, { links: ['migrate:migrate'] });

  // An unknown field: the CLI refuses it before sending, naming the fields it has.
  await paste(editor(page), JSON.stringify({ ...bad, replicas: 2 }, null, 2));
  const problems = dialog(page).getByTestId('import-problems');
  await expect(problems).toContainText('The AWS CLI would refuse it before sending anything');
  await expect(problems).toContainText('Unknown parameter in input: "replicas", must be one of: family, taskRoleArn');
  await dialog(page).getByRole('button', { name: 'Register' }).click();
  await expect(dialog(page).getByRole('alert')).toContainText('Not registered: 1 problem.');

  // links: ECS refuses them under awsvpc, and says what replaces them.
  await paste(editor(page), JSON.stringify(bad, null, 2));
  await expect(problems).toContainText('ECS would refuse it');
  await expect(problems).toContainText('Links are not supported when networkMode=awsvpc.');
  await expect(problems).toContainText('share localhost');
  await expect(dialog(page).locator('.cm-lintRange-error')).toHaveText('"links"');
  await problems.getByRole('button', { name: /^Go to containerDefinitions\[1\]\.links \(line \d+\)$/ }).click();
  await expect(editor(page)).toBeFocused();
  // The editor lives in a shadow root (its styles and the page's CSP): its selection is that root's.
  expect(await editor(page).evaluate((el) => (el.getRootNode() as Document).getSelection()?.toString())).toBe('"links"');

  // Broken JSON: where it broke, by line and column, marked there too.
  await paste(editor(page), '{\n  "family": "web"\n  "cpu": "256"\n}');
  await expect(dialog(page).getByRole('status')).toHaveText('The JSON does not parse: not registered yet.');
  await expect(problems).toContainText(/line 3 column 3/);
  await expect(dialog(page).locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(rows(page, 'family:shop')).toHaveCount(0);
});

test('any revision exports as the JSON that registers it, and a new revision from JSON starts from it', async ({ page }) => {
  await page.goto('/?speed=1');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('node-td-web-1').click();
  const exported = page.getByTestId('export-td');
  await expect(exported).toContainText('aws ecs register-task-definition --cli-input-json file://web-1.json');
  const [download] = await Promise.all([page.waitForEvent('download'), exported.getByRole('button', { name: 'Download web-1.json' }).click()]);
  expect(download.suggestedFilename()).toBe('web-1.json');
  const { readFile } = await import('node:fs/promises');
  const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
  expect(json).toMatchObject({ family: 'web' });
  expect(json).not.toHaveProperty('taskDefinitionArn');
  expect(json).not.toHaveProperty('revision');

  await exported.getByRole('button', { name: 'New revision from JSON…' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(editor(page)).toHaveAccessibleName('Task definition JSON (based on web:1)');
  await expect(dialog(page).getByRole('status')).toHaveText(/^Ready: registers as web:\d+\.$/);
});

async function axe(page: Page) {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`).slice(0, 4).join('; ')})`);
}

/** The dialog fits the screen: no sideways scroll of the page, nor inside the dialog. */
async function fitsSideways(page: Page) {
  const sizes = await dialog(page).evaluate((d) => ({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth, dialog: d.scrollWidth - d.clientWidth, right: d.getBoundingClientRect().right, width: window.innerWidth }));
  expect(sizes.page).toBeLessThanOrEqual(0);
  expect(sizes.dialog).toBeLessThanOrEqual(0);
  expect(sizes.right).toBeLessThanOrEqual(sizes.width);
}

// Each size once and each theme once (the palette is the same at every size): two runs, not four,
// keep CI within its time.
for (const [size, viewport, theme] of [['1280×720', { width: 1280, height: 720 }, 'light'], ['375×812', { width: 375, height: 812 }, 'dark']] as const) {
  test(`axe finds nothing with the editor open, problems listed, at ${size} in the ${theme} theme`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/?speed=1&theme=${theme}`);
    await page.getByRole('button', { name: 'Pause' }).click();
    await openDialog(page, viewport.width < 760);
    expect(await axe(page)).toEqual([]);
    await fitsSideways(page);
    // With problems and their marks, the notes, and the refusal showing.
    const bad = structuredClone(shop) as Record<string, unknown>;
    delete bad.networkMode;
    Object.assign((bad.containerDefinitions as object[])[1]!, { links: ['migrate:migrate'] });
    await paste(editor(page), JSON.stringify(bad, null, 2));
    await expect(dialog(page).getByTestId('import-problems')).toContainText('Links are not supported');
    await expect(dialog(page).getByTestId('import-notes')).toContainText('networkMode is not given');
    await dialog(page).getByRole('button', { name: 'Register' }).click();
    await expect(dialog(page).getByRole('alert')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await fitsSideways(page);
    await page.screenshot({ path: test.info().outputPath(`register-json-${viewport.width}-${theme}.png`), fullPage: false });
  });
}
