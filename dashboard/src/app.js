// Live risk dashboard. Data: the detector's /live WebSocket (risk events and alerts of every symbol, with
// recent history on connect), its /market snapshot (market.js), its /model endpoint, each service's
// /q/health/ready, and the batch job's daily metrics, backtests and portfolios (portfolio.js). Everything is served locally: no CDN, no request
// leaves the platform. The chart shows one symbol (?symbol=, default BTCUSDT); a market row opens another.
'use strict';

const LC = window.LightweightCharts;
const params = new URLSearchParams(location.search);
const host = location.hostname || '127.0.0.1';
const SERVICES = JSON.parse(params.get('services') || 'null') || {
  ingestor: `http://${host}:8081`, detector: location.origin, 'batch-analytics': `http://${host}:8083`, 'model-trainer': `http://${host}:8084`,
};
let symbol = params.get('symbol') || 'BTCUSDT';
const state = { events: 0, alerts: [], markers: [], lastBarTime: 0, shown: [] };
const alertsById = new Map(); // alertId -> alert, insertion order; ids are deterministic (docs/topics.md)
const $ = (id) => document.getElementById(id);

function chart(el, height) {
  return LC.createChart(el, {
    height, layout: { background: { color: '#0f1419' }, textColor: '#d6dde6' },
    grid: { vertLines: { color: '#1c232c' }, horzLines: { color: '#1c232c' } },
    timeScale: { timeVisible: true, secondsVisible: false }, rightPriceScale: { borderColor: '#222b35' },
  });
}
const priceChart = chart($('price-chart'), 360);
const candles = priceChart.addSeries(LC.CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', wickUpColor: '#26a69a', wickDownColor: '#ef5350', borderVisible: false });
const markers = LC.createSeriesMarkers(candles, []);
const scoreChart = chart($('score-chart'), 140);
const scores = scoreChart.addSeries(LC.LineSeries, { color: '#f0b429', lineWidth: 1 });
const thresholdLine = scoreChart.addSeries(LC.LineSeries, { color: '#ef5350', lineWidth: 1, lineStyle: 2 });
priceChart.timeScale().subscribeVisibleLogicalRangeChange((r) => r && scoreChart.timeScale().setVisibleLogicalRange(r));

const sec = (ms) => Math.floor(ms / 1000);
const pct = (x, digits = 2) => (x == null || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(digits)}%`);

const late = []; // bars older than the chart's last one (history after the fetched bars): merged once per frame

function onRiskEvent(e) {
  if (e.symbol) market.event(e);
  if (e.symbol && e.symbol !== symbol) return;
  if (sec(e.openTime) < state.lastBarTime) late.push(e); else draw(e);
}

function mergeLate() {
  const byTime = new Map(late.splice(0, late.length).map((e) => [e.openTime, e]));
  for (const e of state.shown) byTime.set(e.openTime, e);
  if (byTime.size > state.shown.length) redraw(byTime.values());
}

function draw(e) {
  const t = sec(e.openTime);
  if (t < state.lastBarTime) return; // history and live overlap on reconnect: the chart only moves forward
  state.lastBarTime = t;
  state.shown.push(e);
  candles.update({ time: t, open: e.open, high: e.high, low: e.low, close: e.close });
  if (e.score != null) {
    scores.update({ time: t, value: e.score });
    if (e.threshold != null) { thresholdLine.update({ time: t, value: e.threshold }); $('threshold').textContent = `threshold ${e.threshold.toFixed(3)}`; }
  }
  $('interval').textContent = e.interval || '1m';
  $('last-price').textContent = e.close.toFixed(2);
  $('event-count').textContent = String(++state.events);
}

function explanation(a) {
  return (a.explanation || []).slice(0, 3).map((f) =>
    `${f.feature} ${Number(f.value).toPrecision(3)} (typical ${Number(f.typicalLow).toPrecision(2)}…${Number(f.typicalHigh).toPrecision(2)})`).join('; ');
}

function onAlert(a) {
  if (alertsById.has(a.alertId)) return; // ids are deterministic: dedupe
  alertsById.set(a.alertId, a);
  if (alertsById.size > 2000) alertsById.delete(alertsById.keys().next().value);
  if (a.symbol) market.alert(a);
  if (a.symbol && a.symbol !== symbol) return;
  listAlert(a);
}

function listAlert(a) {
  state.alerts.unshift(a);
  const li = document.createElement('li');
  li.className = a.severity;
  li.dataset.alertId = a.alertId;
  li.innerHTML = `<b>${a.severity}</b> ${new Date(a.openTime).toISOString().replace('T', ' ').slice(0, 16)} UTC · score ${a.score.toFixed(3)}<div class="why"></div>`;
  li.querySelector('.why').textContent = explanation(a) || 'no explanation';
  $('alerts').prepend(li);
  $('alert-count').textContent = String(state.alerts.length);
  state.markers.push({ time: sec(a.openTime), position: 'aboveBar', color: '#ef5350', shape: 'arrowDown', text: a.severity });
  state.markers.sort((x, y) => x.time - y.time);
  markers.setMarkers(state.markers);
}

/** Draws {@code bars} (risk events, any order) as the whole chart, with the symbol's alerts the page holds. */
function redraw(bars) {
  for (const x of [candles, scores, thresholdLine]) x.setData([]);
  Object.assign(state, { events: 0, alerts: [], markers: [], lastBarTime: 0, shown: [] });
  $('alerts').replaceChildren();
  markers.setMarkers([]);
  $('last-price').textContent = ''; $('threshold').textContent = ''; $('alert-count').textContent = '0'; $('event-count').textContent = '0';
  [...bars].sort((a, b) => a.openTime - b.openTime).forEach(draw);
  [...alertsById.values()].filter((a) => a.symbol === symbol).forEach(listAlert);
}

/** Opens {@code s}'s chart: its last bars from GET /market/{s}/bars merged with what arrived live meanwhile. */
async function select(s) {
  symbol = s;
  $('symbol').textContent = s;
  history.replaceState(null, '', `?${new URLSearchParams({ ...Object.fromEntries(params), symbol: s })}`);
  market.highlight(s);
  redraw([]);
  refreshDaily();
  refreshBacktest();
  refreshModel();
  let fetched = [];
  try { const r = await fetch(`/market/${encodeURIComponent(s)}/bars`, { cache: 'no-store' }); if (r.ok) fetched = await r.json(); } catch (e) { /* live bars only */ }
  if (symbol !== s) return; // another symbol was opened meanwhile
  late.push(...fetched);
  mergeLate();
}

const market = window.MarketView({
  list: $('market-list'), spacer: $('market-spacer'), count: $('market-count'), total: $('market-total'),
  search: $('market-search'), recent: $('market-alerts'), onSelect: select,
});
window.marketStats = market.stats; // read by market-test.mjs

// /live sends one JSON object per frame: a hello, then risk events and alerts (docs/topics.md).
// An alert is the payload with a severity; a risk event also carries an alertId while in an episode.
// Frames are queued and handled once per animation frame, however many arrive; a hidden tab (no
// animation frames) is drained at a bound so the queue cannot grow without limit.
const inbox = [];
let drainAsked = false;
function drain() {
  const t0 = performance.now();
  drainAsked = false;
  const batch = inbox.splice(0, inbox.length);
  for (const raw of batch) {
    const m = JSON.parse(raw);
    if (m.severity) onAlert(m); else if (m.openTime != null && m.close != null) onRiskEvent(m);
  }
  if (late.length) mergeLate();
  market.stats.workMs += performance.now() - t0;
}
function onMessage(raw) {
  inbox.push(raw);
  if (inbox.length > 20000) drain();
  else if (!drainAsked) { drainAsked = true; requestAnimationFrame(drain); }
}

// The snapshot's alerts go in first: their counts are then raised to the detector's (which include them).
async function loadMarket() {
  try {
    const r = await fetch('/market', { cache: 'no-store' });
    if (r.ok) { const m = await r.json(); (m.alerts || []).forEach(onAlert); market.snapshot(m); }
  } catch (e) { /* the live feed still fills the view */ }
}

function connect() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
  ws.onopen = () => { $('connection').textContent = 'live'; loadMarket(); };
  ws.onmessage = (ev) => onMessage(ev.data);
  ws.onclose = () => { $('connection').textContent = 'reconnecting…'; setTimeout(connect, 1000 + Math.random() * 1000); };
}

// GET /model: name, version, sha256, featureSpec, threshold {value, contamination, scorer, alertsPerDay}, training (model card).
function showModel(m) {
  if (!m || !m.version) return;
  const s = m.featureSpec || {};
  const d = (m.training && m.training.data) || null;
  $('model-card').textContent = [
    `${m.name} v${m.version}  (${(m.sha256 || '').slice(0, 12)})`,
    `features v${s.version}: ${(s.features || []).join(', ')} on ${s.interval} bars, windows ${s.volatilityWindow} / ${s.zScoreWindow} / ${s.momentumWindow}`,
    d ? `trained on ${d.rows} bars of ${d.symbol}, ${d.fromDay} → ${d.toDay}` : '',
    m.threshold ? `serves ${m.threshold.scorer || 'isolation-forest'}: alert when score > ${Number(m.threshold.value).toFixed(3)}` : '',
    m.threshold && m.threshold.alertsPerDay != null
      ? `operating point: ${Number(m.threshold.alertsPerDay).toFixed(1)} alerts a day expected (${pct(m.threshold.contamination, 2)} of bars)` : '',
  ].filter(Boolean).join('\n');
}

async function refreshHealth() {
  const el = $('health');
  for (const [name, base] of Object.entries(SERVICES)) {
    let status = 'DOWN';
    try {
      const r = await fetch(`${base}/q/health/ready`, { cache: 'no-store' });
      status = (await r.json()).status || 'DOWN';
    } catch (e) { status = 'DOWN'; }
    let badge = el.querySelector(`[data-service="${name}"]`);
    if (!badge) { badge = document.createElement('span'); badge.dataset.service = name; el.append(badge); }
    badge.className = status;
    badge.textContent = `${name} ${status}`;
  }
}

/** The model that scores the open symbol: its own, else the market-wide default (GET /model?symbol=). */
async function refreshModel() {
  try {
    const r = await fetch(`/model?symbol=${encodeURIComponent(symbol)}`, { cache: 'no-store' });
    if (r.ok) showModel(await r.json());
  } catch (e) { /* detector not ready yet */ }
}

async function refreshDaily() {
  try {
    const r = await fetch(`${SERVICES['batch-analytics']}/metrics/daily?symbol=${symbol}`);
    if (!r.ok) return;
    const rows = await r.json();
    $('daily-table').querySelector('tbody').innerHTML = rows.map((d) => `<tr><td>${d.date}</td><td>${Number(d.close).toFixed(2)}</td>
      <td>${pct(d.logReturn)}</td><td>${pct(d.realizedVolatility, 1)}</td><td>${pct(d.var99_1m)}</td><td>${pct(d.es99_1m)}</td>
      <td title="window ${d.window_days} days">${pct(d.var99_1d_hs)}</td><td>${pct(d.var99_1d_ewma)}</td>
      <td>${pct(d.maxDrawdown)}</td><td>${d.anomalyCount}</td><td>${pct(d.completeness, 1)}</td></tr>`).join('');
  } catch (e) { /* batch not reachable: the table stays as it was */ }
}

const pval = (x) => (x == null ? '–' : Number(x).toFixed(3));

async function refreshBacktest() {
  try {
    const r = await fetch(`${SERVICES['batch-analytics']}/backtest?symbol=${symbol}`);
    if (!r.ok) return; // 404 before the symbol's first batch run
    const t = await r.json();
    $('backtest-table').querySelector('tbody').innerHTML = t.rows.map((b) => `<tr><td>${b.method}</td>
      <td>${pct(b.confidence, 0)}</td><td>${b.observations}</td><td>${b.exceedances}</td>
      <td>${(b.expectedRate * b.observations).toFixed(1)}</td><td>${pval(b.pPof)}</td><td>${pval(b.pInd)}</td>
      <td>${pval(b.pCc)}</td></tr>`).join('');
  } catch (e) { /* batch not reachable: the table stays as it was */ }
}

/** The portfolio panel (portfolio.js): the configured portfolios, the chosen one's stored risk table. */
async function refreshPortfolio() {
  try {
    const base = `${SERVICES['batch-analytics']}/portfolio`;
    const r = await fetch(base, { cache: 'no-store' });
    if (!r.ok) return;
    const names = (await r.json()).map((p) => p.name);
    const sel = $('portfolio-select');
    if (sel.dataset.names !== names.join(',')) {
      sel.innerHTML = names.map((n) => `<option>${n}</option>`).join(''); // names are [A-Za-z0-9_-]
      sel.dataset.names = names.join(',');
    }
    sel.hidden = names.length === 0;
    if (!names.length) return;
    const t = await fetch(`${base}?name=${encodeURIComponent(sel.value)}`, { cache: 'no-store' });
    if (!t.ok) { $('portfolio-summary').textContent = `${sel.value}: not computed yet (no batch run of a member)`; return; }
    const p = window.PortfolioView.render(await t.json());
    $('portfolio-summary').innerHTML = p.summary;
    for (const part of ['risk', 'components', 'correlation', 'history']) $(`portfolio-${part}`).querySelector('tbody').innerHTML = p[part];
  } catch (e) { /* batch not reachable: the panel stays as it was */ }
}
$('portfolio-select').addEventListener('change', refreshPortfolio);

connect();
select(symbol);
refreshPortfolio();
refreshHealth();
setInterval(refreshHealth, 5000); setInterval(refreshModel, 15000); setInterval(refreshDaily, 30000);
setInterval(refreshBacktest, 30000); setInterval(refreshPortfolio, 30000);
