// Deployments as a person runs them (issue #9): register a revision, update the service to it and
// watch old tasks drain while new ones take the traffic; a bad revision that the circuit breaker
// rolls back; a push that changes nothing until a new deployment; a hung app's 504s; the form's
// errors by field; axe with the dialog open and mid-deployment. No sleeps: every wait is on
// something the page shows.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { rows } from './helpers.ts';

test.describe.configure({ timeout: 90_000 });

// The service's node on the diagram, or (on a phone) its card in the zones view.
const service = (page: Page) => page.getByTestId('node-service-web').or(page.getByTestId('zone-service-web'));
const rollout = (page: Page) => service(page).getByTestId('rollout-state');
const progress = (page: Page) => service(page).getByTestId('rollout-progress');
const tagged = (page: Page, tag: 'new' | 'old') => page.locator(`[data-testid^="node-task-"][data-deployment="${tag}"]`);
const inspector = (page: Page) => page.getByTestId('inspector');
const failedSoFar = async (page: Page) => Number((/([\d,]+) failed/.exec((await page.getByTestId('traffic-total').textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));

async function scan(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** The default scene, steady, at the speed chosen with the page's own control. */
async function steady(page: Page, speed = '64') {
  await page.goto('/');
  await page.getByLabel('Speed').selectOption(speed);
  await expect(page.getByTestId('node-alb')).toContainText('3 healthy');
  await expect(rollout(page)).toHaveText(/COMPLETED/);
}

async function registerWeb2(page: Page) {
  await page.getByRole('button', { name: 'New revision…' }).click();
  const form = page.getByRole('dialog', { name: 'Register a new revision' });
  await expect(form).toContainText('Based on web:1');
  await form.getByLabel(/^image/).fill('public.ecr.aws/nginx/nginx:1.28');
  await form.getByRole('button', { name: 'Register' }).click();
  const done = page.getByRole('dialog', { name: 'Registered' });
  await expect(done).toContainText('Registered web:2');
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('node-td-web-2')).toBeVisible();
}

test('a rolling deployment: web:2 replaces web:1 behind the load balancer, and no request fails', async ({ page }) => {
  await steady(page);
  await registerWeb2(page);
  // Registering changes nothing that runs.
  await expect(rows(page, 'service:web', 'RUNNING').filter({ hasText: 'web:1' })).toHaveCount(3);
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-now')).toContainText('100 % succeeded');
  const before = await failedSoFar(page);
  expect(before).not.toBeNaN();

  // Update service web from its node: the dialog, the revision, submit.
  await service(page).getByRole('button', { name: 'Update service web' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update service web' });
  await expect(dialog).toContainText('AWS default: 100 %');
  await expect(dialog).toContainText('AWS default: 200 %');
  await dialog.getByLabel('taskDefinition (revision)').selectOption({ label: 'web:2' });
  await dialog.getByRole('button', { name: 'Update service' }).click();
  await expect(dialog).toHaveCount(0);

  // The service says where it is going; new tasks start beside the old, told apart by a word.
  await expect(rollout(page)).toHaveText(/IN_PROGRESS/);
  await expect(progress(page)).toContainText(/web:2 — \d of 3 running/);
  await expect(tagged(page, 'old')).toHaveCount(3);
  await expect(tagged(page, 'new').first()).toContainText('web:2');
  await expect(tagged(page, 'old').first()).toContainText('web:1');
  // New tasks become healthy targets and take traffic; then the old ones drain.
  await expect(tagged(page, 'new').filter({ hasText: /target healthy · [1-9][\d,]* served/ })).toHaveCount(3, { timeout: 30_000 });
  await expect(tagged(page, 'old').filter({ hasText: 'target draining' })).toHaveCount(3);
  await expect(progress(page)).toContainText('web:2 — 3 of 3 running, 3 old draining');
  await page.getByRole('tab', { name: 'Traffic' }).click(); // the node's Update… showed the service in the inspector
  await expect(page.getByTestId('traffic-now')).toContainText('100 % succeeded');
  // The table shows each task's deployment (Started by) and revision.
  const primary = (await rows(page, 'service:web').filter({ hasText: 'web:2' }).first().locator('td.started-by').textContent())!;
  expect(primary).toMatch(/^ecs-svc\/\d{19}$/);
  await expect(rows(page, 'service:web').locator('td.started-by', { hasText: primary })).toHaveCount(3);

  // Done: only web:2 runs, the deployment COMPLETED, and not one request failed since it began.
  await expect(rollout(page)).toHaveText(/COMPLETED/, { timeout: 30_000 });
  await expect(progress(page)).toContainText('web:2 — 3 of 3 running');
  await expect(rows(page, 'service:web', 'RUNNING')).toHaveCount(3);
  await expect(rows(page, 'service:web', 'RUNNING').filter({ hasText: 'web:2' })).toHaveCount(3);
  expect(await failedSoFar(page)).toBe(before);
  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByTestId('events');
  await expect(events).toContainText(/\(service web, taskSet ecs-svc\/\d{19}\) has begun draining connections on 3 tasks\./);
  await expect(events).toContainText(/\(service web\) \(deployment ecs-svc\/\d{19}\) deployment completed\./);
  await expect(events).toContainText(/SERVICE_DEPLOYMENT_COMPLETED: service web, deployment ecs-svc\/\d{19} \(web:2\)/);
});

test('a bad deployment: the circuit breaker trips, the service shows FAILED and rolls back, and ends COMPLETED on web:1', async ({ page }) => {
  await page.goto('/?scenario=bad-deploy');
  await page.getByLabel('Speed').selectOption('16');
  // At 1 min 30 the scene deploys web:2 (it crashes 5 s after starting); slow down to watch.
  await expect(progress(page)).toContainText('web:2 —', { timeout: 30_000 });
  await page.getByLabel('Speed').selectOption('4');
  await service(page).click();
  await expect(inspector(page).getByTestId('circuit-breaker')).toContainText('a deployment fails after 3 failed tasks');
  await expect(inspector(page).getByTestId('deployment-web:2')).toContainText('The circuit breaker trips at 3 failed tasks.');

  await expect(rollout(page)).toHaveText(/FAILED · rolling back/, { timeout: 30_000 });
  await expect(progress(page)).toContainText('to web:1 — 3 of 3 running');
  await expect(inspector(page).getByTestId('deployment-web:2')).toContainText('FAILED');
  await expect(inspector(page).getByTestId('deployment-web:2')).toContainText('ECS deployment circuit breaker: tasks failed to start.');
  await expect(inspector(page).getByTestId('deployment-web:1')).toContainText(/PRIMARY · web:1 · IN_PROGRESS/);
  await expect(inspector(page).getByTestId('deployment-web:1')).toContainText('ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/');
  // The old tasks kept serving the whole time; the failed ones are "new" until they are gone.
  await expect(tagged(page, 'old').filter({ hasText: 'target healthy' })).toHaveCount(3);

  await page.getByLabel('Speed').selectOption('64');
  await expect(rollout(page)).toHaveText(/COMPLETED/, { timeout: 30_000 });
  await expect(progress(page)).toContainText('web:1 — 3 of 3 running');
  await expect(inspector(page).getByTestId('deployment-web:1')).toContainText(/PRIMARY · web:1 · COMPLETED/);
  await expect(inspector(page).getByTestId('deployment-web:2')).toHaveCount(0);
  await expect(rows(page, 'service:web', 'RUNNING').filter({ hasText: 'web:1' })).toHaveCount(3);
  await expect(inspector(page)).toContainText(/\(service web\) \(deployment ecs-svc\/\d{19}\) deployment failed: tasks failed to start\./);
  await expect(inspector(page)).toContainText(/\(service web\) rolling back to deployment ecs-svc\/\d{19}\./);
  await expect(page.getByTestId('live-region')).toHaveAttribute('aria-live', 'polite');
});

test('the form puts the engine\'s message next to its field, and submits only what changed, by keyboard', async ({ page }) => {
  await steady(page);
  await registerWeb2(page);
  await page.keyboard.press('k'); // pause: nothing moves under the keyboard
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Focus the service's node, select it with Enter, open the dialog with U.
  await page.locator('.react-flow__node-service').focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('Service web');
  await page.keyboard.press('u');
  const dialog = page.getByRole('dialog', { name: 'Update service web' });
  await expect(dialog).toBeVisible();
  const max = dialog.getByLabel('maximumPercent');
  const min = dialog.getByLabel('minimumHealthyPercent');
  // Two bad values: both are shown by their fields at once, and focus goes to the first.
  await min.fill('-5');
  await max.fill('250');
  await max.press('Enter');
  await expect(min).toBeFocused();
  await expect(min).toHaveAccessibleDescription(/minimumHealthyPercent must be a whole number from 0 to 100/);
  await min.fill('100');
  await expect(max).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert').filter({ hasText: 'maximumPercent' })).toHaveText('maximumPercent must be a whole number from 100 to 200 for a REPLICA service on Fargate.');
  await expect(max).toHaveAccessibleDescription(/maximumPercent must be a whole number from 100 to 200/);
  await max.fill('150');
  await expect(dialog.getByTestId('rolling-limits')).toHaveText(/^With desiredCount 3: at most 4 running or starting \(150 %\), at least 3 healthy \(100 %\)\./);
  // The revision by keyboard: the select, an arrow, then Enter in a field submits.
  const revision = dialog.getByLabel('taskDefinition (revision)');
  await revision.focus();
  await page.keyboard.press('ArrowUp');
  await expect(revision.locator('option:checked')).toHaveText('web:2');
  await max.press('Enter');
  await expect(dialog).toHaveCount(0);
  // Focus is back where the keyboard was, not lost to the page.
  await expect(page.locator('.react-flow__node-service')).toBeFocused();
  await expect(rollout(page)).toHaveText(/IN_PROGRESS/);
  // The inspector's own form and deployments agree: maximumPercent 150, web:2 PRIMARY.
  await expect(inspector(page).getByTestId('deployment-web:2')).toContainText(/PRIMARY · web:2 · IN_PROGRESS/);
  await expect(inspector(page).getByTestId('update-service-form').getByLabel('maximumPercent')).toHaveValue('150');
  await expect(inspector(page).getByTestId('update-service-form').getByLabel('desiredCount')).toHaveValue('3');
  // Nothing changed: the form says so and dispatches nothing.
  await inspector(page).getByTestId('update-service-form').getByRole('button', { name: 'Update service' }).click();
  await expect(inspector(page).getByTestId('update-service-form').getByRole('status')).toHaveText('Nothing to change: every field is as the service has it.');
});

test('"Registered" offers to deploy the new revision to the service that runs its family', async ({ page }) => {
  await steady(page);
  await page.keyboard.press('e');
  const form = page.getByRole('dialog', { name: 'Register a new revision' });
  await form.getByRole('button', { name: 'Register' }).click();
  const done = page.getByRole('dialog', { name: 'Registered' });
  await expect(done).toContainText('or deploy it to a service');
  await done.getByRole('button', { name: 'Deploy it to service web…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update service web' });
  await expect(dialog.getByLabel('taskDefinition (revision)').locator('option:checked')).toHaveText('web:2');
  await dialog.getByRole('button', { name: 'Update service' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rollout(page)).toHaveText(/IN_PROGRESS/);
  await expect(progress(page)).toContainText('web:2 —');
});

test('a push changes nothing that runs; Force new deployment rolls the new build out', async ({ page }) => {
  await steady(page);
  await page.getByTestId('node-td-web-1').click();
  const image = inspector(page).getByTestId('image-web');
  const running = image.getByTestId('running-digest');
  await expect(running).toHaveCount(1);
  await expect(running).toContainText(/^3 tasks on sha256:[0-9a-f]{12}/);
  await expect(running).toContainText('— the current build');
  const oldDigest = (await running.locator('code').textContent())!;
  expect(oldDigest).toMatch(/^sha256:[0-9a-f]{12}$/);
  await image.getByRole('button', { name: 'Push a new build of public.ecr.aws/nginx/nginx:1.27' }).click();
  await expect(image.getByRole('status')).toContainText('No running task changed.');
  await expect(running).toContainText(`3 tasks on ${oldDigest}`);
  await expect(running).toContainText('an older build, kept until a new deployment replaces them');
  // A task's containers show the digest they run: the old one; the full digest on focus.
  const id = (await rows(page, 'service:web', 'RUNNING').first().locator('th code').textContent())!;
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  const digest = inspector(page).getByTestId('container-web').locator('.digest code');
  await expect(digest).toHaveText(oldDigest);
  await digest.focus();
  await expect(inspector(page).getByTestId('container-web').getByRole('tooltip')).toBeVisible();
  // The service knows a newer build exists, and that only a new deployment runs it.
  await service(page).click();
  await expect(inspector(page).getByTestId('newer-build')).toContainText('Force new deployment to roll the new build out');
  await inspector(page).getByRole('button', { name: 'Force new deployment' }).click();
  await expect(rollout(page)).toHaveText(/IN_PROGRESS/);
  await expect(rollout(page)).toHaveText(/COMPLETED/, { timeout: 30_000 });
  await expect(inspector(page).getByTestId('newer-build')).toHaveCount(0);
  await page.getByTestId('node-td-web-1').click();
  await expect(running).toHaveCount(1);
  await expect(running).toContainText('— the current build');
  await expect(running.locator('code')).not.toHaveText(oldDigest);
});

test('a hung app: its clients get 504 until the service replaces it', async ({ page }) => {
  await steady(page);
  await page.getByLabel('Speed').selectOption('4');
  const id = (await rows(page, 'service:web', 'RUNNING').first().locator('th code').textContent())!;
  await page.getByTestId(`task-${id}`).getByRole('button', { name: new RegExp(`^Task ${id}`) }).click();
  await inspector(page).getByRole('button', { name: /Hang \(stops answering\)/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByTestId('traffic-now')).toContainText(/\d+ × 504 \(timed out\)/, { timeout: 20_000 });
  await expect(page.getByTestId('node-clients')).toContainText(/× 504/);
  await page.getByLabel('Speed').selectOption('64');
  await expect(page.getByTestId(`task-${id}`)).toHaveAttribute('data-last-status', 'STOPPED', { timeout: 30_000 });
  await expect(page.getByTestId(`task-${id}`)).toContainText('Task failed ELB health checks');
});

test('the scene picker lists both deployment scenes with what they show', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /A service behind a load balancer/ }).click();
  const picker = page.getByRole('dialog', { name: 'Choose a scene' });
  await expect(picker.getByRole('button', { name: /A rolling deployment behind the load balancer/ })).toContainText('minimumHealthyPercent 100, maximumPercent 200');
  await expect(picker.getByRole('button', { name: /A bad deployment, and the circuit breaker rolls it back/ })).toContainText('the deployment FAILED and ECS rolls back');
  await picker.getByRole('button', { name: /A rolling deployment/ }).click();
  await expect(page).toHaveURL(/scenario=rolling/);
  await expect(service(page)).toContainText(/desired\s*4/);
});

test('no serious or critical accessibility violations with the Update service dialog open, and during a deployment', async ({ page }) => {
  await steady(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await service(page).click();
  await inspector(page).getByRole('button', { name: /Update service…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Update service web' });
  await expect(dialog).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('update-service-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  for (const [width, height] of [[1280, 720], [375, 812]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/?scenario=rolling&speed=16');
    await expect(progress(page)).toContainText('old draining', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await service(page).click();
    await expect(inspector(page).getByTestId('deployment-web:2')).toBeVisible();
    expect(await scan(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`deploying-${width}x${height}.png`) });
  }
});
