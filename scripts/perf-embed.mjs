// The embedded figure's benchmark (issue #11, part of `npm run bench:browser`): a host page with
// three figures, the first on screen and two far below it, measured in headless Chromium:
//   - the host page's frames while it scrolls (a rAF-driven scroll over the top of the post, the
//     first figure staying on screen): median and p95 frame time, fps
//   - what the two off-screen figures cost: main-thread time (CDP Performance.getMetrics
//     TaskDuration) per second with all three on the page, less the same page with only the
//     first, as a share of one core; and each frame's requestAnimationFrame calls per second
//     (a held figure asks for none)
//   - the JavaScript an embed loads before its first node shows, gzip (index.html's initial
//     chunks, and everything fetched by then, the EmbedScreen chunk included)
// Figures are printed, never asserted: timings vary with the machine (see toolchain §5).
//
// PERF_DIST (default dist) and PERF_PORT (default 4180) keep it out of other runs' way;
// --no-build measures the build already there.

import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, startPreview } from './browser.mjs';

const DIST = process.env.PERF_DIST ?? 'dist';
const PORT = Number(process.env.PERF_PORT ?? 4180);
const MEASURE_MS = Number(process.env.PERF_MEASURE_MS ?? 6000);
const BASE = `http://127.0.0.1:${PORT}`;

if (!process.argv.includes('--no-build')) execSync(`npx vite build --outDir ${DIST} --emptyOutDir`, { stdio: 'ignore' });

const { stop: stopServer } = await startPreview(PORT, DIST);

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const figure = (id) =>
  `<iframe id="fig-${id}" data-ecs-playground src="/?embed&amp;scenario=default&amp;autoplay=1&amp;id=${id}" title="Figure ${id}" width="720" height="450" sandbox="${SANDBOX}"></iframe>`;
const text = '<p>' + 'A paragraph of the post around the figures, long enough to wrap over several lines. '.repeat(6) + '</p>';
/** The post: figure a at the top (if `top`), figures b and c thousands of pixels below (if `below`). */
const hostPage = ({ top, below }) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem}main{max-width:760px;margin:0 auto}iframe{display:block;max-width:100%;border:1px solid #ccc;margin:1rem 0}</style></head>
<body><main><h1>A post with figures</h1>${top ? figure('a') : '<div style="height:470px"></div>'}${text.repeat(12)}<div style="height:4000px"></div>${below ? figure('b') : ''}<div style="height:4000px"></div>${below ? figure('c') : ''}${text.repeat(40)}</main>
<script src="/embed.js"></script></body></html>`;

// Count each frame's requestAnimationFrame calls.
const countFrames = () => {
  window.__rafCalls = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => (window.__rafCalls++, raf(cb));
};

const browser = await launchChromium();

/** Open the host page with its figures and let them settle; returns the page and a CDP session. */
async function open(layout) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(countFrames);
  await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: hostPage(layout) }));
  await page.goto(`${BASE}/host.html`);
  for (const id of [...(layout.top ? ['a'] : []), ...(layout.below ? ['b', 'c'] : [])]) await page.frameLocator(`#fig-${id}`).locator(FIRST_NODE).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(3000); // the figures' start-up (first fit, first bursts) is not what is measured
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;

/** Main-thread busy time per wall second over MEASURE_MS, and rAF calls per second in each figure. */
async function idleCost({ page, cdp }) {
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  const calls0 = await Promise.all(frames.map((f) => f.evaluate(() => window.__rafCalls)));
  const task0 = await metric(cdp, 'TaskDuration');
  const script0 = await metric(cdp, 'ScriptDuration');
  const t0 = Date.now();
  await page.waitForTimeout(MEASURE_MS);
  const seconds = (Date.now() - t0) / 1000;
  const task = ((await metric(cdp, 'TaskDuration')) - task0) / seconds;
  const script = ((await metric(cdp, 'ScriptDuration')) - script0) / seconds;
  const calls = await Promise.all(frames.map((f) => f.evaluate(() => window.__rafCalls)));
  const rafPerSecond = Object.fromEntries(frames.map((f, i) => [new URL(f.url()).searchParams.get('id'), +((calls[i] - calls0[i]) / seconds).toFixed(1)]));
  const clocks = Object.fromEntries(await Promise.all(frames.map(async (f) => [new URL(f.url()).searchParams.get('id'), await f.locator('.clock-time').textContent()])));
  return { taskMsPerSecond: +(task * 1000).toFixed(1), scriptMsPerSecond: +(script * 1000).toFixed(1), rafPerSecond, clocks };
}

/** The host page's frame times while it scrolls up and down over its top (figure a stays in view). */
async function scrollFrames(page) {
  const frames = await page.evaluate(async (ms) => {
    const times = [];
    await new Promise((resolve) => {
      let last = performance.now();
      const end = last + ms;
      let dir = 1;
      const tick = (t) => {
        times.push(t - last);
        last = t;
        if (window.scrollY > 500) dir = -1;
        if (window.scrollY <= 0) dir = 1;
        window.scrollBy(0, dir * 8);
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return times;
  }, MEASURE_MS);
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { fps: +(frames.length / (MEASURE_MS / 1000)).toFixed(1), medianFrameMs: +at(0.5).toFixed(1), p95FrameMs: +at(0.95).toFixed(1) };
}

/** A figure's first task or card: a 720×450 figure draws the zones view, a larger one the diagram. */
const FIRST_NODE = '.react-flow__node, .zv-task';

/** gzip bytes of the JS an embed has fetched when its first node shows, and of index.html's initial chunks. */
async function embedJs() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\.?\//, ''));
  const gz = (path) => gzipSync(readFileSync(join(DIST, path))).length;
  const page = await browser.newPage({ viewport: { width: 720, height: 450 } });
  const fetched = new Set();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname.replace(/^\//, '');
    if (path.endsWith('.js')) fetched.add(path);
  });
  await page.goto(`${BASE}/?embed&scenario=default`);
  await page.locator(FIRST_NODE).first().waitFor();
  await page.close();
  const kb = (paths) => +([...paths].reduce((n, p) => n + gz(p), 0) / 1024).toFixed(1);
  return { initialKbGzip: kb(initial), loadedByFirstNodeKbGzip: kb(fetched), chunksLoaded: [...fetched].map((p) => p.replace(/^assets\//, '')) };
}

const results = {};
results.embedJs = await embedJs();

// The two off-screen figures' cost: the post with only them, less the post with none (so the
// on-screen figure's own work, large and noisy, is in neither).
const none = await open({ top: false, below: false });
results.postWithoutFigures = await idleCost(none);
await none.page.close();
const offOnly = await open({ top: false, below: true });
results.postWithTwoOffScreenFigures = await idleCost(offOnly);
await offOnly.page.close();
const extra = results.postWithTwoOffScreenFigures.taskMsPerSecond - results.postWithoutFigures.taskMsPerSecond;
results.twoOffScreenFigures = { mainThreadMsPerSecond: +extra.toFixed(1), shareOfOneCorePercent: +(extra / 10).toFixed(2), budgetPercent: 1 };

// Scrolling the post with one figure playing on screen, alone and with the two below.
const one = await open({ top: true, below: false });
results.scrollingWithOne = await scrollFrames(one.page);
await one.page.close();
const three = await open({ top: true, below: true });
results.threeFigures = await idleCost(three);
results.scrollingWithThree = await scrollFrames(three.page);
await three.page.close();

await browser.close();
stopServer();
console.log(JSON.stringify(results, null, 2));
process.exit(0);
