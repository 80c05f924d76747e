// Presenter mode as a teacher at a projector uses it: `?present` at 1920×1080 hides the chrome and
// sets the diagram's text at 20 px or more at fit (measured as font-size × the viewport's scale),
// with nothing spilling out of a node; P switches it on and off; the clicker's PageDown / PageUp
// step a lesson; W whacks a random service task and the HUD keeps the score; R resets; the twin
// view works in it; presenter keys in odd states do nothing harmful and say why; axe, light and
// dark. No sleeps: every wait is on something the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1920, height: 1080 } });

const hud = (page: Page) => page.getByTestId('presenter-hud');
const score = (page: Page) => page.getByTestId('presenter-score');
const message = (page: Page) => page.getByTestId('presenter-message');
const mode = (page: Page) => page.locator('html');
const stageHeading = (page: Page) => page.locator('.lesson-panel h3').first();
const clock = (page: Page) => page.getByTestId('clock').locator('.clock-time');
const webTasks = (page: Page, status = 'RUNNING') => page.locator(`[data-testid^="node-task-"][data-group="service:web"][data-last-status="${status}"]`);

/** The smallest diagram text on screen (computed font-size × its React Flow viewport's scale),
 *  and every element inside a node whose text is wider than its box, or reaches out of the node. */
function measureDiagram(page: Page) {
  return page.evaluate(() => {
    let min = Number.POSITIVE_INFINITY;
    let smallest = '';
    const spills: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const viewport = node.closest('.react-flow__viewport')!;
      const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const el = t.parentElement!;
        if (!t.textContent?.trim() || el.closest('[hidden], .visually-hidden') || !el.checkVisibility({ visibilityProperty: true })) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < min) [min, smallest] = [px, `${t.textContent.trim()} (${node.dataset.id})`];
      }
      const box = node.getBoundingClientRect();
      for (const el of node.querySelectorAll<HTMLElement>('*')) {
        if (!el.checkVisibility()) continue;
        if (getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1) spills.push(`${el.className}: "${el.textContent}" ${el.scrollWidth} > ${el.clientWidth} (${node.dataset.id})`);
        // Nor below or beside the node's own box (a node clips what overflows it).
        const r = el.getBoundingClientRect();
        if (el.textContent?.trim() && (r.bottom > box.bottom + 1 || r.right > box.right + 1)) spills.push(`${el.className}: "${el.textContent}" outside its node (${node.dataset.id})`);
      }
    }
    return { min: Math.round(min * 10) / 10, smallest, spills };
  });
}

/** Wait for the picture to be drawn whole and fitted (nodes arrive over a few frames), then check
 *  its text: at least 20 px on screen, none spilling. */
async function expectReadableDiagram(page: Page) {
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect.poll(async () => (await measureDiagram(page)).min, { timeout: 10_000 }).toBeGreaterThanOrEqual(20);
  expect((await measureDiagram(page)).spills).toEqual([]);
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('?present at 1920×1080: the chrome hidden, the diagram and the caption in large type', async ({ page }) => {
  await page.goto('/?present');
  await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
  await expect(webTasks(page)).toHaveCount(3);
  for (const hidden of ['.actions-bar', '.app-footer', '.tasks-section', '.scene-card', '.stage > .timeline', '.side'])
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  // What stays: the clock, play / pause, the caption line, and the HUD that says what W does.
  await expect(clock(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeVisible();
  await expect(page.locator('.caption-bar')).toBeVisible();
  await expect(score(page)).toContainText('press W to stop a random task of service web');
  expect(await page.getByTestId('live-region').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(22);
  await expectReadableDiagram(page);
  // The diagram fills the screen beside nothing: most of its width and height.
  const box = (await page.locator('.diagram-box').boundingBox())!;
  expect(box.width).toBeGreaterThan(1800);
  expect(box.height).toBeGreaterThan(750);
  // The HUD sits under the diagram, never over a node.
  const hudBox = (await hud(page).boundingBox())!;
  expect(hudBox.y).toBeGreaterThanOrEqual(box.y + box.height);
  await page.screenshot({ path: test.info().outputPath('present-1920.png') });
});

for (const lesson of ['stopping-takes-time', 'rolling-deployment', 'behind-a-load-balancer']) {
  test(`presenter mode: the ${lesson} lesson's scene is readable from the back of the room`, async ({ page }) => {
    await page.goto(`/?lesson=${lesson}&present&speed=64`);
    await expect(page.locator('.lesson-panel')).toBeVisible();
    await expectReadableDiagram(page);
  });
}

test('a lesson in presenter mode: its panel stays, its scene is readable, PageDown / PageUp step it', async ({ page }) => {
  // At 1× the tasks take half a minute to start: time enough to press PageDown too early.
  await page.goto('/?lesson=kill-a-task&present&speed=1');
  await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
  await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
  await expect(page.locator('.lesson-panel')).toBeVisible();
  await expect(page.locator('.side > .tabs')).toBeHidden();
  // The step waits for all four tasks: Next cannot go yet, and the clicker says why.
  await page.keyboard.press('PageDown');
  await expect(message(page)).toContainText(/Next waits/);
  await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
  for (let i = 0; i < 6; i++) await page.keyboard.press('+'); // up to 64×
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('64');
  await expect(page.locator('.lesson-panel')).toContainText('All four are RUNNING', { timeout: 20_000 });
  await expectReadableDiagram(page);
  await page.screenshot({ path: test.info().outputPath('present-lesson-1920.png') });

  await page.keyboard.press('PageDown');
  await expect(stageHeading(page)).toHaveText(/^Stop one of the service.s tasks$/);
  await expect(message(page)).toBeEmpty();
  // Focus went to the stage's heading; the arrows of the prediction's radio group stay its own.
  const firstChoice = page.locator('.lesson-panel').getByRole('radio').first();
  await firstChoice.focus();
  await page.keyboard.press('ArrowDown');
  await expect(stageHeading(page)).toHaveText(/^Stop one of the service.s tasks$/);
  await expect(page.locator('.lesson-panel').getByRole('radio').nth(1)).toBeChecked();

  await page.keyboard.press('PageUp');
  await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
  // The first step has nothing before it: the HUD says so and nothing moves.
  await page.keyboard.press('ArrowLeft');
  await expect(message(page)).toContainText('first step');
  await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
  await axe(page);
});

test('a clicker, digits and W take a lesson step whole: answer the question, do the task, go on', async ({ page }) => {
  await page.goto('/?lesson=kill-a-task&step=2&present&speed=64');
  await expect(hud(page)).toBeVisible();
  await expect(stageHeading(page)).toHaveText(/^Stop one of the service.s tasks$/);
  await page.keyboard.press('PageDown');
  await expect(message(page)).toContainText('answer it with its number');
  await page.keyboard.press('9');
  await expect(message(page)).toContainText(/This question has \d answers/);
  await page.keyboard.press('2');
  await expect(message(page)).toContainText('Answer 2 locked in');
  await expect(page.locator('.lesson-panel').getByRole('radio')).toHaveCount(0); // locked in
  // The step's task waits, and the clicker says that (not "watch the engine").
  await page.keyboard.press('PageDown');
  await expect(message(page)).toContainText('this step’s task');
  await page.keyboard.press('w');
  await expect(page.locator('.lesson-panel')).toContainText('You did it', { timeout: 20_000 });
  await expect.poll(async () => {
    await page.keyboard.press('PageDown');
    return stageHeading(page).textContent();
  }, { timeout: 30_000 }).not.toMatch(/^Stop one of the service.s tasks$/);
});

test('P switches presenter mode on and off (the URL keeps it), Escape leaves it, the ? list names it', async ({ page }) => {
  await page.goto('/?speed=16');
  await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  await expect(page.locator('.actions-bar')).toBeVisible();
  await page.keyboard.press('p');
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  await expect(page.locator('.actions-bar')).toBeHidden();
  await expect(page).toHaveURL(/[?&]present(&|$)/);
  await page.keyboard.press('P');
  await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  await expect(page).not.toHaveURL(/present/);
  await page.keyboard.press('p');
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  await page.keyboard.press('Escape');
  await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  // P from a header action that presenter mode hides: focus goes to Play / Pause, not the body.
  await page.getByRole('button', { name: 'Share…' }).focus();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeFocused();
  // The button leaves too, and the shortcuts dialog lists the keys.
  await page.getByRole('button', { name: 'Exit presenter mode' }).click();
  await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: /^P Presenter mode on \/ off/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^W In presenter mode: whack-a-task/ })).toBeVisible();
});

test('W whacks a random task of service web; the HUD keeps the score in sim time; R resets it', async ({ page }) => {
  await page.goto('/?present&speed=16');
  await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
  await expect(webTasks(page)).toHaveCount(3);
  await page.keyboard.press('w');
  await expect(message(page)).toContainText(/^Whacked task [0-9a-f]{8} of service web/);
  const whacked = /task ([0-9a-f]{8})/.exec((await message(page).textContent()) ?? '')![1]!;
  await expect(page.getByTestId(`node-task-${whacked}`)).not.toHaveAttribute('data-last-status', 'RUNNING');
  await expect(score(page)).toContainText(/Service web kept all 3 tasks running \d+ % of the time · 1 task whacked/);
  // The service puts it back, and the score says how long it was short.
  await expect(score(page)).toContainText('right now 3 of 3 running', { timeout: 30_000 });
  await expect(score(page)).toContainText(/running (\d|[1-8]\d|9\d) % of the time/);
  await page.screenshot({ path: test.info().outputPath('present-whack-1920.png') });

  // R resets: a new session, so the score starts over (and Undo is offered).
  await page.keyboard.press('r');
  await expect(page.getByText('The scene was reset to its start')).toBeVisible();
  await expect(score(page)).toContainText('press W to stop a random task');
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
});

test('the twin view in presenter mode: large type, its fault keys, P and its button', async ({ page }) => {
  await page.goto('/?view=twin&present&speed=64');
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  await expect(page.getByTestId('fault-note')).toContainText('any fault can hit them', { timeout: 20_000 });
  await expectReadableDiagram(page);
  await page.screenshot({ path: test.info().outputPath('present-twin-1920.png') });
  await page.keyboard.press('1');
  await expect(page.getByTestId('left-status')).toContainText('STOPPED', { timeout: 20_000 });
  await expect(page.getByTestId('comparison').first()).toContainText('Stop the task at T+');
  await axe(page);
  await page.keyboard.press('p');
  await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  await expect(page).not.toHaveURL(/present/);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  await expect(page).toHaveURL(/[?&]present(&|$)/);
  await expect(page.getByRole('link', { name: 'Back to the playground' })).toHaveAttribute('href', /&present$/);
});

test.describe('presenter keys in odd states: a clear message or nothing, and the session intact', () => {
  test('no lesson: PageUp says why it cannot; PageDown steps the clock (paused)', async ({ page }) => {
    await page.goto('/?present&speed=16');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(webTasks(page)).toHaveCount(3);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const before = await clock(page).textContent();
    await page.keyboard.press('PageUp');
    await expect(message(page)).toContainText('with none open there is nothing to go back to');
    await expect(clock(page)).toHaveText(before!);
    await page.keyboard.press('PageDown');
    await expect(message(page)).toContainText('stepped the clock');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('the last stage (the quiz): PageDown says so and stays', async ({ page }) => {
    await page.goto('/?lesson=kill-a-task&step=7&present&speed=64');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(stageHeading(page)).toHaveText('Quiz');
    await page.keyboard.press('PageDown');
    await expect(message(page)).toContainText('last stage, the quiz');
    await expect(stageHeading(page)).toHaveText('Quiz');
  });

  test('a dialog open: W, PageDown and P do nothing; Escape closes the dialog, not presenter mode', async ({ page }) => {
    await page.goto('/?present&speed=16');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(webTasks(page)).toHaveCount(3);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const key of ['w', 'PageDown', 'p']) await page.keyboard.press(key);
    await expect(score(page)).toContainText('press W to stop a random task');
    await expect(message(page)).toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(mode(page)).toHaveAttribute('data-mode', 'present');
  });

  test('focus in a select: its keys are its own (no step, no whack, no leaving)', async ({ page }) => {
    await page.goto('/?present&speed=16');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(webTasks(page)).toHaveCount(3);
    const speed = page.getByRole('combobox', { name: 'Speed' });
    await speed.focus();
    for (const key of ['w', 'p', 'PageUp']) await page.keyboard.press(key);
    await expect(mode(page)).toHaveAttribute('data-mode', 'present');
    await expect(score(page)).toContainText('press W to stop a random task');
    await expect(message(page)).toBeEmpty();
  });

  test('whack with no service: the HUD says why, and nothing is recorded', async ({ page }) => {
    await page.goto('/?scenario=empty&present');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(hud(page)).toBeVisible();
    await page.keyboard.press('w');
    await expect(message(page)).toContainText('needs a service, and this scene has none');
    await expect(score(page)).not.toContainText('whacked');
  });

  test('whack while every task is already stopping: the fourth says no task is RUNNING; a held W is one whack', async ({ page }) => {
    await page.goto('/?present&speed=16');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(webTasks(page)).toHaveCount(3);
    await page.keyboard.press('Space'); // paused: nothing is replaced between the whacks
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // Held down: the repeats are swallowed.
    await page.keyboard.down('w');
    await page.keyboard.down('w');
    await page.keyboard.up('w');
    await expect(score(page)).toContainText('1 task whacked');
    await page.keyboard.press('w');
    await page.keyboard.press('w');
    await expect(score(page)).toContainText('3 tasks whacked');
    await page.keyboard.press('w');
    await expect(message(page)).toContainText('No task of service web is RUNNING right now');
    await expect(score(page)).toContainText('3 tasks whacked');
  });

  test('P in an embedded figure does nothing', async ({ page }) => {
    await page.goto('/?embed');
    await expect(mode(page)).toHaveAttribute('data-mode', 'embed');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.keyboard.press('p');
    await page.keyboard.press('Escape');
    await expect(mode(page)).toHaveAttribute('data-mode', 'embed');
    await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toHaveCount(0);
  });

  test('R mid-lesson: the scene resets, the lesson closes with a notice, presenter mode stays', async ({ page }) => {
    await page.goto('/?lesson=kill-a-task&present&speed=64');
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(stageHeading(page)).toHaveText('Four copies of one blueprint');
    await page.keyboard.press('r');
    await expect(page.getByText(/The lesson “Kill a task: service vs standalone” was closed/)).toBeVisible();
    await expect(page.locator('.lesson-panel')).toHaveCount(0);
    await expect(mode(page)).toHaveAttribute('data-mode', 'present');
    // No lesson now: the clicker steps the clock instead of a lesson that is gone.
    await page.keyboard.press('PageUp');
    await expect(message(page)).toContainText('with none open');
  });

  test('a bad ?present value: the full page with a notice saying so', async ({ page }) => {
    await page.goto('/?present=maybe');
    await expect(page.getByText(/present must be on or off, not "maybe"/)).toBeVisible();
    await expect(mode(page)).toHaveAttribute('data-mode', 'full');
  });
});

test('axe in presenter mode, light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.goto(`/?present&theme=${theme}&speed=16`);
    await expect(hud(page)).toBeVisible(); // presenter mode's keys are bound once its layer is drawn
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(webTasks(page)).toHaveCount(3);
    await page.keyboard.press('w');
    await expect(score(page)).toContainText('1 task whacked');
    await axe(page);
    await page.screenshot({ path: test.info().outputPath(`present-${theme}.png`) });
  }
});
