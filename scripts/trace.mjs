// Where a frame's time goes (`npm run bench:trace`): records a Chromium trace of a world at 16×
// and sums the main thread's work by kind — the JS in animation frames, Layout, Paint, Layerize
// (grouping paint into composited layers) — then breaks each long task (> 50 ms) down the same
// way. Long-task counts say *that* a frame was slow; this says *why*, and is far steadier from
// run to run. Like the benchmark, it prints and never asserts.
//
//   TRACE_SCENARIO=busy (default) · TRACE_FROM=03 (sim minute to start at; "load" = from
//   navigation) · TRACE_MS=8000 · TRACE_SPEED=16 (64 for issue 11's budget) · TRACE_PORT=4180 ·
//   TRACE_DIST=dist (another outDir keeps out of other runs' way) · node scripts/trace.mjs [--no-build]

import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startPreview } from './browser.mjs';


const scenario = process.env.TRACE_SCENARIO ?? 'busy';
const from = process.env.TRACE_FROM ?? '03';
const ms = Number(process.env.TRACE_MS ?? 8000);
const speed = Number(process.env.TRACE_SPEED ?? 16);
const dist = process.env.TRACE_DIST ?? 'dist';
const port = Number(process.env.TRACE_PORT ?? 4180);
const PHASES = ['FunctionCall', 'Layerize', 'Paint', 'Layout', 'UpdateLayoutTree', 'PrePaint', 'MinorGC', 'MajorGC', 'Commit'];

if (!process.argv.includes('--no-build')) execSync(`npx vite build --outDir ${dist} --emptyOutDir`, { stdio: 'ignore' });
const { base, stop } = await startPreview(port, dist);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const path = join(mkdtempSync(join(tmpdir(), 'ecs-trace-')), 'trace.json');
const startTracing = () => browser.startTracing(page, { path, categories: ['devtools.timeline', 'toplevel'] });

if (from === 'load') await startTracing();
await page.goto(`${base}/?scenario=${scenario}&speed=${speed}`);
if (from !== 'load') {
  await page.waitForFunction((f) => new RegExp(`T\\+${f}:`).test(document.querySelector('.clock-time')?.textContent ?? ''), from, { timeout: 90_000 });
  await startTracing();
}
const clockFrom = from === 'load' ? 'navigation' : await page.evaluate(() => document.querySelector('.clock-time')?.textContent);
await page.waitForTimeout(ms);
await browser.stopTracing();
const clockTo = await page.evaluate(() => document.querySelector('.clock-time').textContent);
await browser.close();
stop();

const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const slices = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));

/** Milliseconds per kind of work among `list`, the biggest first. */
const sum = (list) => {
  const total = new Map();
  for (const e of list) if (PHASES.includes(e.name)) total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
  return [...total].sort((a, b) => b[1] - a[1]).map(([name, t]) => `${name} ${t.toFixed(0)}`).join(' · ');
};

console.log(`${scenario} at ${speed}×, ${clockFrom} → ${clockTo}, ${(ms / 1000).toFixed(1)} s of wall time`);
console.log(`main thread, ms: ${sum(slices)}`);
const tasks = slices.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 50_000);
// A task slice can be nested in another of the same name: keep the outermost.
const outer = tasks.filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && o.dur > t.dur));
console.log(outer.length === 0 ? 'long tasks (> 50 ms): none' : 'long tasks (> 50 ms), each broken down:');
for (const t of outer) {
  const inside = slices.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  console.log(`  ${(t.dur / 1000).toFixed(0)} ms at +${((t.ts - outer[0].ts) / 1e6).toFixed(1)} s: ${sum(inside)}`);
}
process.exit(0);
