// Redraws public/og-image.png, the card a link to the playground shows in chats and feeds: the
// default scene as an embedded figure at 1200×630, its service steady behind the load balancer.
// Run after a change to how the diagram looks: `node scripts/og-image.mjs` (builds first).

import { execSync } from 'node:child_process';
import { launchChromium, startPreview } from './browser.mjs';

execSync('npx vite build', { stdio: 'ignore' });
const { base, stop } = await startPreview(4178);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.goto(`${base}/?embed&controls=none&panels=none&captions=off&theme=light`);
await page.locator('[data-testid^="node-task-"]').nth(3).waitFor();
// Let the fit-to-view settle and the last nodes fade in.
await page.waitForFunction(() => document.querySelectorAll('[data-testid^="node-task-"]').length === 4);
await page.waitForTimeout(1500);
await page.screenshot({ path: 'public/og-image.png' });
await browser.close();
stop();
console.log('public/og-image.png written');
