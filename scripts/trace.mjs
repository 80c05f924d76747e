// Where a frame's time goes (`npm run bench:trace`): records a Chromium trace of a world at 16×
// and sums the main thread's work by kind — the JS in animation frames, Layout, Paint, Layerize
// (grouping paint into composited layers) — then breaks each long task (> 50 ms) down the same
// way. Long-task counts say *that* a frame was slow; this says *why*, and is far steadier from
// run to run. Like the benchmark, it prints and never asserts.
//
// Sums are CPU time (a slice's thread time), not wall time: on a machine shared with other work a
// slice's wall time counts the time the thread waited for a core too, and a frame that is 80 ms
// on the wall clock may be 17 ms of work (each long task shows both). The threads besides the main
// one are summed too: with --disable-gpu the raster workers paint the tiles, and issue 11's worst
// cost showed only there (the diagram's dotted background, and all the nodes over it, rastered
// again in every frame because a flex item's size was measured from its content).
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
const threadName = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
const processName = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? '']));
const main = new Set([...threadName].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key));
const slices = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
const cpu = (e) => (e.tdur ?? e.dur) / 1000;
const frames = slices.filter((e) => e.name === 'Layerize').length;

/** CPU milliseconds per kind of work among `list`, the biggest first; `per` divides (per frame). */
const sum = (list, per = 1) => {
  const total = new Map();
  for (const e of list) if (PHASES.includes(e.name)) total.set(e.name, (total.get(e.name) ?? 0) + cpu(e));
  return [...total].sort((a, b) => b[1] - a[1]).map(([name, t]) => `${name} ${(t / per).toFixed(per === 1 ? 0 : 2)}`).join(' · ');
};
/** The outermost task slices of each thread (a task slice can be nested in another). */
const isTask = (e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' || e.name === 'TaskGraphRunner::RunTask');
const outermost = new Map();
for (const e of events.filter(isTask).sort((a, b) => a.ts - b.ts)) {
  const key = `${e.pid}:${e.tid}`;
  const list = outermost.get(key) ?? outermost.set(key, []).get(key);
  const last = list.at(-1);
  if (!last || e.ts >= last.ts + last.dur) list.push(e);
}
const perThread = new Map();
for (const [key, list] of outermost) {
  const name = `${processName.get(Number(key.split(':')[0])) ?? '?'} ${(threadName.get(key) ?? '?').replace(/\d+$/, '')}`;
  perThread.set(name, (perThread.get(name) ?? 0) + list.reduce((n, e) => n + cpu(e), 0));
}
const seconds = ms / 1000;

console.log(`${scenario} at ${speed}×, ${clockFrom} → ${clockTo}, ${seconds.toFixed(1)} s of wall time, ${frames} frames painted`);
console.log(`main thread, CPU ms: ${sum(slices)}`);
console.log(`  per painted frame: ${sum(slices, Math.max(1, frames))}`);
console.log(`CPU ms per second, by thread: ${[...perThread].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, t]) => `${name} ${(t / seconds).toFixed(0)}`).join(' · ')}`);
const tasks = (outermost.get([...main][0]) ?? []).filter((e) => e.dur > 50_000);
console.log(tasks.length === 0 ? 'long tasks (> 50 ms): none' : 'long tasks (> 50 ms wall), each broken down (CPU ms):');
for (const t of tasks) {
  const inside = slices.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  console.log(`  ${(t.dur / 1000).toFixed(0)} ms (${cpu(t).toFixed(0)} ms CPU) at +${((t.ts - tasks[0].ts) / 1e6).toFixed(1)} s: ${sum(inside)}`);
}
process.exit(0);
