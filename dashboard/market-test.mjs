// Browser test of the market view at scale: a real (headless) Chromium loads the page from a detector that
// holds many symbols and checks what a person would see, then measures how smooth the page stays while
// updates flow. Usage: node market-test.mjs URL SHOT EXPECTED_SYMBOLS SEARCH_FOR
// It prints "market-test: start the updates" once the still checks passed; whoever runs it (the detector's
// MarketViewBrowserTest) then sends a bar for every symbol every 4 s. Exit 0 when every check passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, shot, expectedArg, searchFor] = process.argv.slice(2);
const expected = Number(expectedArg);
const ROW_H = 24;
const MAX_ROWS_IN_DOM = 60; // the list shows 12 rows; the virtualised list keeps those plus a few
const WINDOW_MS = 10000;
const profile = mkdtempSync(join(tmpdir(), 'market-test-'));
const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

// Installed before the page's scripts: long tasks (main-thread work over 50 ms) and animation frame times.
function probe() {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  let last = 0;
  const tick = (t) => { if (last) window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}

const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'load' });
  const text = (sel) => page.locator(sel).innerText();
  const domRows = () => page.locator('#market-list .mrow').count(); // every row element, shown or pooled

  await page.waitForFunction((n) => Number(document.getElementById('market-count').textContent) === n, expected, { timeout: 60000 }).catch(() => {});
  const listed = Number(await text('#market-count'));
  const spacer = await page.evaluate(() => document.getElementById('market-spacer').getBoundingClientRect().height);
  check(listed === expected && spacer === expected * ROW_H, `${listed} symbols listed (expected ${expected}), list height ${spacer} px`);
  const inDom = await domRows();
  check(inDom > 0 && inDom <= MAX_ROWS_IN_DOM, `the DOM holds ${inDom} rows of ${listed}`);

  // Ranked: scroll the whole list, collecting each row once; risk never rises with the rank.
  const ranked = await page.evaluate(async () => {
    const list = document.getElementById('market-list');
    const seen = new Map();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let top = 0; top <= list.scrollHeight; top += list.clientHeight) {
      list.scrollTop = top;
      await frame();
      for (const el of list.querySelectorAll('.mrow:not([hidden])')) {
        seen.set(Number(el.dataset.rank), { symbol: el.dataset.symbol, risk: el.dataset.risk === '' ? -Infinity : Number(el.dataset.risk) });
      }
    }
    list.scrollTop = 0;
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  });
  const symbols = new Set(ranked.map((r) => r.symbol));
  const drops = ranked.filter((r, i) => i > 0 && r.risk > ranked[i - 1].risk).length;
  check(symbols.size === expected, `scrolling the list shows ${symbols.size} distinct symbols`);
  check(drops === 0 && ranked[0].risk > ranked[ranked.length - 1].risk,
    `ranked by risk: #1 ${ranked[0].symbol} ${ranked[0].risk.toFixed(3)} … #${ranked.length} ${ranked.at(-1).symbol} ${ranked.at(-1).risk}, ${drops} out of order`);
  const market = await page.evaluate(async () => (await (await fetch('/market')).json()).symbols);
  const top = market.filter((s) => s.risk != null).sort((a, b) => b.risk - a.risk)[0];
  check(ranked[0].symbol === top.symbol, `#1 on the page is GET /market's highest risk, ${top.symbol} (${top.risk.toFixed(3)})`);

  // Search finds a symbol that is far down the list, and clicking it opens its chart.
  await page.fill('#market-search', searchFor);
  await page.waitForFunction(() => document.getElementById('market-count').textContent === '1', null, { timeout: 5000 }).catch(() => {});
  const found = await page.locator('#market-list .mrow:not([hidden])').first().getAttribute('data-symbol');
  check(found === searchFor && (await text('#market-count')) === '1', `search "${searchFor}" lists ${await text('#market-count')}: ${found}`);
  await page.locator(`#market-list .mrow[data-symbol="${searchFor}"]`).click();
  await page.waitForFunction(() => Number(document.getElementById('event-count').textContent) > 0, null, { timeout: 10000 }).catch(() => {});
  const close = market.find((s) => s.symbol === searchFor).close;
  check((await text('#symbol')) === searchFor && Number(await text('#event-count')) > 0
    && Number(await text('#last-price')) === Number(close.toFixed(2)) && page.url().includes(`symbol=${searchFor}`),
    `clicking opens ${await text('#symbol')}'s chart: ${await text('#event-count')} bars, last price ${await text('#last-price')} (GET /market: ${close})`);
  await page.fill('#market-search', '');

  // Smooth while updates flow: every symbol gets a bar every 4 s. The same figures with no update flowing
  // first, as the baseline of this machine (a shared CI host's frames are slow without any update).
  const measure = async (ms) => {
    await page.evaluate(() => { window.__long = []; window.__frames = []; window.__s0 = { ...window.marketStats }; });
    await page.waitForTimeout(ms);
    const m = await page.evaluate(() => ({ long: window.__long, frames: window.__frames, updates: window.marketStats.updates - window.__s0.updates,
      renders: window.marketStats.frames - window.__s0.frames, work: window.marketStats.workMs - window.__s0.workMs }));
    const sorted = [...m.frames].sort((a, b) => a - b);
    m.pctl = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] || 0;
    m.busy = m.long.reduce((a, b) => a + b, 0) / ms;
    m.text = `${m.updates} updates (${Math.round(m.updates / (ms / 1000))}/s) in ${m.renders} renders; ${m.frames.length} frames, `
      + `frame time p50 ${m.pctl(0.5).toFixed(1)} ms p95 ${m.pctl(0.95).toFixed(1)} ms max ${m.pctl(1).toFixed(1)} ms; `
      + `${m.long.length} long tasks, ${(100 * m.busy).toFixed(1)}% of the time, longest ${Math.max(0, ...m.long).toFixed(0)} ms; `
      + `the page's own work (parse, rank, render) ${(100 * m.work / ms).toFixed(1)}% of the time`;
    return m;
  };
  const idle = await measure(WINDOW_MS / 2);
  console.log(`market-test: idle, ${WINDOW_MS / 2000} s: ${idle.text}`);
  const before = await page.evaluate(() => window.marketStats.updates);
  console.log('market-test: start the updates');
  await page.waitForFunction((n) => window.marketStats.updates >= n + 1000, before, { timeout: 60000 }).catch(() => {});
  const m = await measure(WINDOW_MS);
  console.log(`market-test: updates flowing, ${WINDOW_MS / 1000} s: ${m.text}`);
  // 2,000 symbols on 1m bars make 33 updates a second; the check asks for 3 times that.
  check(m.updates >= 1000, `updates flowed: ${m.updates} in ${WINDOW_MS / 1000} s`);
  check(m.renders <= m.frames.length + 1 && m.renders < m.updates, `updates coalesced: ${m.updates} updates drawn in ${m.renders} renders`);
  check(m.work <= 0.1 * WINDOW_MS, `the page's own work ${(100 * m.work / WINDOW_MS).toFixed(1)}% ≤ 10% of the time`);
  const p95Limit = Math.max(50, 1.5 * idle.pctl(0.95));
  check(m.pctl(0.95) <= p95Limit, `frame time p95 ${m.pctl(0.95).toFixed(1)} ms ≤ ${p95Limit.toFixed(1)} ms (50 ms, or 1.5 × idle)`);
  check(m.busy <= idle.busy + 0.1, `long tasks ${(100 * m.busy).toFixed(1)}% of the time ≤ idle ${(100 * idle.busy).toFixed(1)}% + 10 points`);
  const during = await domRows();
  check(during <= MAX_ROWS_IN_DOM, `the DOM holds ${during} rows while updates flow`);

  await page.locator('#market-list').evaluate((el) => { el.scrollTop = 0; });
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1400, height: 900 } });
  console.log(`screenshot: ${shot}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) { console.error(`market test failed: ${failures.join('; ')}`); process.exit(1); }
console.log('market test passed');
