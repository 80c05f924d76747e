// A page that looks finished (issue #11), as a test: in every listed scene, at a phone's, a laptop's
// and a desktop's size, after the diagram has drawn and the scene has run for a while, nothing
// covers anything else, no edge runs through a label or across a card, and no text spills out of
// its box or is cut off without an ellipsis (the measuring is measure.ts's; layout-modes.spec.ts
// does the same for presenter mode, the twin view, the embedded figure and the themes).
// One page per size visits the scenes in turn; every failure names the scene, the size, the element
// and its text. No sleeps: every wait is on what the page shows.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { findProblems, holdAt, picture, settled } from './measure.ts';
import { LISTED_SCENARIOS } from '../src/sim/scenarios.ts';

const SIZES = [[375, 812], [1280, 720], [1920, 1080]] as const;
/** How far each scene runs before it is measured (sim seconds): past its first minute, so stopped
 *  tasks have moved to the Recently stopped list and crash loops have crashed. */
const RUN_FOR = 90;

/** Open a scene, let it run, pause it at RUN_FOR, and measure. (On a phone the cluster is the zones
 *  view, the diagram a tap away.) */
async function measureScene(page: Page, scene: string): Promise<string[]> {
  await page.goto(`/?scenario=${scene}&speed=64`);
  await expect(picture(page)).toBeVisible();
  await holdAt(page, RUN_FOR);
  await settled(page);
  return page.evaluate(findProblems);
}

for (const [width, height] of SIZES) {
  test(`every scene at ${width}×${height}: no overlaps, no spilling or clipped text`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const found: string[] = [];
    for (const scene of LISTED_SCENARIOS) {
      for (const problem of await measureScene(page, scene.name)) found.push(`${scene.name} @ ${width}×${height}: ${problem}`);
    }
    // The dialogs, on the default scene with a notice showing (a bad seed): each fits its text.
    // (They are at most 640 px wide: 1920×1080 shows them as 1280×720 does.)
    if (width === 1920) {
      expect(found, found.join('\n')).toEqual([]);
      return;
    }
    await page.goto('/?speed=64&seed=bad');
    await expect(picture(page)).toBeVisible();
    await expect(page.getByTestId('notice')).toBeVisible();
    for (const problem of await page.evaluate(findProblems)) found.push(`notice @ ${width}×${height}: ${problem}`);
    const header = page.locator('.app-header');
    // On a phone the less used actions are behind More.
    const more = header.getByRole('button', { name: 'More' });
    if (await more.isVisible()) await more.click();
    for (const [name, heading] of [['Keyboard shortcuts', 'Keyboard shortcuts'], ['Run task…', 'Run task'], ['Create service…', 'Create service'], ['New revision…', 'New revision'], ['Share…', 'Share'], ['Lessons', 'Lessons'], ['Embed…', 'Embed']] as const) {
      await header.getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      for (const problem of await page.evaluate(findProblems)) found.push(`dialog "${heading}" @ ${width}×${height}: ${problem}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    // A disabled action's reason, shown on hover: whole, inside the viewport.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('.react-flow__node-task, [data-testid="zones-view"] .zv-task').first().click();
    const disabled = page.getByTestId('inspector').locator('button[aria-disabled="true"]');
    await expect(disabled.first()).toBeVisible();
    for (const button of (await disabled.all()).slice(0, 4)) {
      await button.hover();
      const tip = page.locator('.action:hover .reason-tip');
      await expect(tip).toHaveAttribute('data-placement', /./);
      for (const problem of await page.evaluate(findProblems)) found.push(`tooltip of "${await button.textContent()}" @ ${width}×${height}: ${problem}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
