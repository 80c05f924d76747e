import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto('http://127.0.0.1:4180/?scenario=busy&speed=16');
await page.waitForFunction(() => /T\+0[3-9]:/.test(document.querySelector('.clock-time').textContent), null, { timeout: 60000 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
await page.waitForTimeout(8000);
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
const main = events.filter((e) => e.ph === 'X' && e.dur);
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 45000);
for (const t of tasks) {
  const inside = main.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
  const sum = new Map();
  for (const e of inside) { const k = e.name + (e.args?.data?.functionName ? ':' + e.args.data.functionName : '') + (e.args?.data?.type ? ':' + e.args.data.type : ''); sum.set(k, (sum.get(k) ?? 0) + e.dur); }
  console.log('--- task', Math.round(t.dur / 1000), [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(' | '));
}
await browser.close();
