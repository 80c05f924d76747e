// The build as a host serves it: dist/ copied under a sub-path of some other server, with no
// server-side help (no rewrites, no headers). The app must find all its files relative to the
// page, ask no other origin for anything, and run clean under its own Content-Security-Policy
// (the guard in fixtures.ts checks both for every test).

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { expect, test } from './fixtures.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 7;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PREFIX = '/blog/ecs-playground/';
const DIST = process.env.E2E_DIST ?? 'dist';
const TYPES = new Map([['.html', 'text/html'], ['.js', 'text/javascript'], ['.css', 'text/css'], ['.svg', 'image/svg+xml'], ['.png', 'image/png']]);

let server: Server;
const served: string[] = [];
test.beforeAll(async () => {
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', ORIGIN);
    served.push(pathname);
    const file = pathname.startsWith(PREFIX) ? normalize(join(DIST, pathname.slice(PREFIX.length) || 'index.html')) : null;
    if (!file || !file.startsWith(normalize(DIST)) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
test.use({ otherOrigins: [ORIGIN] });

test('dist/ works from a sub-path: the first screen, a lazy dialog, a lesson, the twin view, an embed', async ({ page }) => {
  await page.goto(`${ORIGIN}${PREFIX}`);
  await expect(page.locator('[data-testid^="node-task-"]').first()).toBeVisible();
  await expect(page).toHaveTitle(/ECS Playground/);
  // A dialog's code is fetched on first use, from beside the page.
  await page.getByRole('button', { name: 'Run task…' }).click();
  await expect(page.getByRole('dialog', { name: /Run task/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // The URL the page writes keeps its path.
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${PREFIX}\\?scenario=default`));

  await page.goto(`${ORIGIN}${PREFIX}?lesson=kill-a-task&step=2`);
  await expect(page.getByRole('region', { name: /lesson/i }).or(page.locator('.lesson-panel'))).toBeVisible();

  await page.goto(`${ORIGIN}${PREFIX}`);
  await page.getByRole('link', { name: 'Task vs Service' }).click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${PREFIX}\\?view=twin`));
  await expect(page.locator('[data-testid^="node-task-"]')).toHaveCount(2);

  await page.goto(`${ORIGIN}${PREFIX}?embed&autoplay=1`);
  await expect(page.locator('[data-testid^="node-task-"]').first()).toBeVisible();

  // Everything came from under the sub-path: nothing was asked of the server's root.
  expect(served.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
});

test('the page carries its description, an Open Graph card and a favicon that exist in dist/', async ({ page, request }) => {
  await page.goto(`${ORIGIN}${PREFIX}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Amazon ECS/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
  for (const [selector, attribute] of [['meta[property="og:image"]', 'content'], ['link[rel="icon"]', 'href']] as const) {
    const value = (await page.locator(selector).getAttribute(attribute))!;
    const response = await request.get(new URL(value, `${ORIGIN}${PREFIX}`).href);
    expect(response.status(), `${selector} → ${value}`).toBe(200);
  }
});
