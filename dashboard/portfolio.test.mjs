// The portfolio panel's rendering (src/portfolio.js) on a table shaped as batch-analytics writes it
// (docs/metrics.md "Portfolio risk"). Usage: node --test (from dashboard/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { render, amount } = createRequire(import.meta.url)('./src/portfolio.js');

const day = (date, v) => ({
  date, value: 1250, window_days: 22, var95_1d_hs: 0.021, es95_1d_hs: 0.025, var99_1d_hs: v, es99_1d_hs: 0.04,
  sigma_1d_ewma: 0.012, var95_1d_ewma: 0.0197, es95_1d_ewma: 0.0247, var99_1d_ewma: 0.0279, es99_1d_ewma: 0.032,
  components: [
    { symbol: 'BTCUSDT', weight: 0.8, cvar95_1d_ewma: 0.015, cvar99_1d_ewma: 0.0212, share: 0.76 },
    { symbol: 'ETHUSDT', weight: 0.2, cvar95_1d_ewma: 0.0047, cvar99_1d_ewma: 0.0067, share: 0.24 },
  ],
  correlation: [[1, 0.4321], [0.4321, 1]],
});
const table = { name: 'core', sizing: 'quantity', symbols: ['BTCUSDT', 'ETHUSDT'], days: [day('2024-01-01', 0.05), day('2024-01-02', 0.035)] };

test('the last day is the forecast shown', () => {
  const p = render(table);
  assert.match(p.summary, /core · quantity · value 1250.00 · forecast at 2024-01-02's close · window 22 common days/);
  assert.match(p.risk, /<td>historical<\/td><td>2.10%<\/td><td>2.50%<\/td><td>3.50%<\/td><td>4.00%<\/td>/);
  assert.match(p.risk, /EWMA \(σ 1.20%\)<\/td><td>1.97%<\/td>/);
  assert.match(p.components, /<td>BTCUSDT<\/td><td>80.0%<\/td><td>1.50%<\/td><td>2.12%<\/td><td>76.0%<\/td>/);
  assert.match(p.correlation, /<th>BTCUSDT<\/th><th>ETHUSDT<\/th>/);
  assert.match(p.correlation, /<td>ETHUSDT<\/td><td>0.432<\/td><td>1.000<\/td>/);
  assert.ok(p.history.indexOf('2024-01-02') < p.history.indexOf('2024-01-01'), 'newest day first');
});

test('a VaR in log-return units is shown as the amount v (1 − e^(−VaR))', () => {
  assert.equal(amount(1000, Math.log(1 / 0.97)), '30.00'); // e^(−VaR) = 0.97: a 3 % loss of 1000
  assert.equal(amount(null, 0.03), '–');
  assert.match(render(table).risk, new RegExp(`<td>${(1250 * (1 - Math.exp(-0.035))).toFixed(2)}</td></tr>`));
});

test('short history and weights: nulls are dashes, no value, no matrix yet', () => {
  const short = { ...day('2024-01-02', null), value: null, var95_1d_hs: null, sigma_1d_ewma: null, correlation: null,
    components: [{ symbol: 'BTCUSDT', weight: 0.6, cvar95_1d_ewma: null, cvar99_1d_ewma: null, share: null }] };
  const p = render({ name: 'w', sizing: 'weight', symbols: ['BTCUSDT'], days: [short] });
  assert.match(p.summary, /weights \(no value\)/);
  assert.match(p.risk, /<td>historical<\/td><td>–<\/td>/);
  assert.match(p.components, /<td>60.0%<\/td><td>–<\/td>/);
  assert.match(p.correlation, /too few common days/);
  assert.match(render({ name: 'e', sizing: 'weight', symbols: ['A', 'B'], days: [] }).summary, /no day on which every member \(A, B\)/);
});

test('symbols and names are escaped', () => {
  assert.match(render({ ...table, name: '<b>' }).summary, /&#60;b&#62;/);
});
