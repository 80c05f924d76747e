// Light and dark themes (issue #11): the header's Theme control switches the page's palette, the
// choice survives a reload, `?theme=` overrides it without storing anything, auto follows the
// system live, and both themes pass axe's colour-contrast check with a task selected and with a
// dialog open. No sleeps: every wait is on what the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const KEY = 'ecs-playground:theme';
const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
/** The page's background, as the browser paints it. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const stored = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), KEY);
/** Relative luminance (WCAG) of a computed rgb() colour: a dark page is well under 0.2. */
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const expectDark = async (page: Page) => expect.poll(async () => luminance(await background(page))).toBeLessThan(0.05);
const expectLight = async (page: Page) => expect.poll(async () => luminance(await background(page))).toBeGreaterThan(0.8);

async function open(page: Page, query = '') {
  await page.goto(`/?speed=64${query}`);
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

test('the Theme control switches the palette, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page);
  await expect(themeSelect(page)).toHaveValue('auto');
  await expectLight(page);
  await themeSelect(page).selectOption('dark');
  await expectDark(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Native controls and scrollbars follow: the page says which scheme it is in.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  expect(await stored(page)).toBe('dark');

  await page.reload();
  await expect(themeSelect(page)).toHaveValue('dark');
  await expectDark(page);

  await themeSelect(page).selectOption('light');
  await expectLight(page);
  await themeSelect(page).selectOption('auto');
  await expectLight(page);
  expect(await stored(page)).toBeNull();
});

test('?theme=dark overrides the stored choice without storing anything, until the user chooses', async ({ page }) => {
  await open(page);
  await themeSelect(page).selectOption('light');
  expect(await stored(page)).toBe('light');
  await open(page, '&theme=dark');
  await expectDark(page);
  await expect(themeSelect(page)).toHaveValue('dark');
  expect(await stored(page)).toBe('light');
  // A choice made on that page is the user's from then on: stored, and the URL's theme dropped,
  // so a reload keeps what they chose rather than bringing the link's back.
  await themeSelect(page).selectOption('auto');
  await expect(page).not.toHaveURL(/theme=/);
  expect(await stored(page)).toBeNull(); // auto is the absence of a choice
  await page.reload();
  await expect(themeSelect(page)).toHaveValue('auto');
  await expectLight(page); // the emulated system is light
});

test('auto follows the system, live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  await expect(themeSelect(page)).toHaveValue('auto');
  await expectDark(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectLight(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectDark(page);
  // An explicit choice wins over the system's.
  await themeSelect(page).selectOption('light');
  await expectLight(page);
});

async function contrastAndMore(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`).slice(0, 4).join('; ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe is clean in the ${theme} theme: a task selected, then a dialog open`, async ({ page }) => {
    await open(page, `&theme=${theme}`);
    // web's three tasks (the report job may have finished already: at 64× it runs a few seconds).
    const tasks = page.locator('[data-testid^="node-task-"][data-last-status="RUNNING"]');
    await expect.poll(() => tasks.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.locator('.react-flow__node-task').first().click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    // A disabled action with its reason, and a focus ring, are part of what is checked.
    const disabled = page.getByTestId('inspector').locator('button[aria-disabled="true"]').first();
    await expect(disabled).toBeVisible();
    await disabled.focus();
    await expect(page.getByRole('tooltip')).toBeVisible();
    expect(await contrastAndMore(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`theme-${theme}-selected.png`) });

    await page.getByRole('button', { name: 'Run task…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await contrastAndMore(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`theme-${theme}-dialog.png`) });
  });
}
