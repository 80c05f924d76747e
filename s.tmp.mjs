import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w,h,n] of [[375,812,'p'],[1920,1080,'hd']]) {
const page = await browser.newPage({ viewport: { width: w, height: h } });
await page.goto('http://127.0.0.1:4173/?speed=16');
await page.waitForTimeout(5000);
await page.screenshot({ path: '/tmp/shots/lb-'+n+'.png' });
if (n === 'p') { await page.getByRole('tab', { name: 'Traffic' }).click(); await page.waitForTimeout(1000); await page.screenshot({ path: '/tmp/shots/lb-p-traffic.png', fullPage: true }); }
}
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto('http://127.0.0.1:4173/?scenario=rush&speed=16');
await page.waitForTimeout(12000);
await page.screenshot({ path: '/tmp/shots/rush.png' });
await browser.close();
