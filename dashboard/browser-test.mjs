// Browser test of the live dashboard: a real (headless) Chromium loads the page from the detector
// and checks what a person would see. Usage: node browser-test.mjs [url] [screenshot path]
// Exit 0 when the price moves, an explained alert is listed and all four services are UP.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2] || 'http://127.0.0.1:8082/dashboard/';
const shot = process.argv[3] || new URL('../docs/screenshot.png', import.meta.url).pathname;
const SERVICES = ['ingestor', 'detector', 'batch-analytics', 'model-trainer'];
const profile = mkdtempSync(join(tmpdir(), 'dashboard-test-'));
const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  const text = (sel) => page.locator(sel).innerText();
  const count = async () => Number(await text('#event-count'));

  await page.waitForFunction(() => Number(document.getElementById('event-count').textContent) > 0, null, { timeout: 30000 });
  const [price1, events1] = [await text('#last-price'), await count()];
  await page.waitForTimeout(5000);
  const [price2, events2] = [await text('#last-price'), await count()];
  check(events2 > events1 || price2 !== price1, `price moves: ${price1} → ${price2}, events ${events1} → ${events2}`);

  // Alerts come with the recent history on connect, or within ~1-2 min of replay.
  const alert = page.locator('#alerts li .why').first();
  await alert.waitFor({ timeout: 150000 }).catch(() => {});
  const why = (await alert.count()) ? await alert.innerText() : '';
  check(why.length > 0 && why !== 'no explanation', `an alert with an explanation: ${why.slice(0, 100)}`);

  await page.waitForFunction((n) => document.querySelectorAll('#health .UP').length === n, SERVICES.length, { timeout: 30000 }).catch(() => {});
  const badges = await page.locator('#health span').allInnerTexts();
  check(SERVICES.every((s) => badges.includes(`${s} UP`)), `health: ${badges.join(', ')}`);

  await page.waitForFunction(() => !document.getElementById('model-card').textContent.startsWith('waiting'), null, { timeout: 20000 }).catch(() => {});
  check(/v\d+/.test(await text('#model-card')), `model card: ${(await text('#model-card')).split('\n')[0]}`);
  check((await page.locator('#daily-table tbody tr').count()) > 0, 'daily metrics table has rows');

  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) { console.error(`browser test failed: ${failures.join('; ')}`); process.exit(1); }
console.log('browser test passed');
