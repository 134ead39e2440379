// The portfolio panel: the batch's portfolio risk tables (GET /portfolio lists them, GET /portfolio?name= serves
// one; docs/metrics.md "Portfolio risk"). render() turns a table into the panel's HTML from the last day's entry:
// the 1-day VaR/ES by method, the component VaRs per symbol, the EWMA correlation matrix, and the last days' VaRs.
// Pure (no DOM, no fetch), so portfolio.test.mjs checks it under node.
'use strict';

(function (root) {
  const pct = (x, digits = 2) => (x == null || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(digits)}%`);
  const num = (x, digits = 2) => (x == null ? '–' : Number(x).toFixed(digits));
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  /** A loss in log-return units as an amount of a position worth v: v (1 − e^(−VaR)). */
  const amount = (v, loss) => (v == null || loss == null ? '–' : (v * (1 - Math.exp(-loss))).toFixed(2));

  function summary(t, d) {
    if (!d) return `${esc(t.name)}: no day on which every member (${t.symbols.map(esc).join(', ')}) has daily metrics yet`;
    const value = d.value == null ? 'weights (no value)' : `value ${num(d.value)}`;
    return `${esc(t.name)} · ${esc(t.sizing)} · ${value} · forecast at ${esc(d.date)}'s close · window ${d.window_days} common days`;
  }

  function riskRows(d) {
    const row = (label, s) => `<tr><td>${label}</td><td>${pct(d[`var95${s}`])}</td><td>${pct(d[`es95${s}`])}</td>`
      + `<td>${pct(d[`var99${s}`])}</td><td>${pct(d[`es99${s}`])}</td><td>${amount(d.value, d[`var99${s}`])}</td></tr>`;
    return row('historical', '_1d_hs') + row(`EWMA (σ ${pct(d.sigma_1d_ewma)})`, '_1d_ewma');
  }

  function componentRows(d) {
    return d.components.map((c) => `<tr><td>${esc(c.symbol)}</td><td>${pct(c.weight, 1)}</td><td>${pct(c.cvar95_1d_ewma)}</td>`
      + `<td>${pct(c.cvar99_1d_ewma)}</td><td>${pct(c.share, 1)}</td></tr>`).join('');
  }

  function correlation(symbols, rho) {
    const head = `<tr><th>ρ (EWMA)</th>${symbols.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
    if (!rho) return `${head}<tr><td colspan="${symbols.length + 1}">too few common days</td></tr>`;
    return head + rho.map((r, i) => `<tr><td>${esc(symbols[i])}</td>${r.map((x) => `<td>${num(x, 3)}</td>`).join('')}</tr>`).join('');
  }

  function historyRows(days, n) {
    return days.slice(-n).reverse().map((d) => `<tr><td>${esc(d.date)}</td><td>${d.window_days}</td><td>${pct(d.var99_1d_hs)}</td>`
      + `<td>${pct(d.es99_1d_hs)}</td><td>${pct(d.var99_1d_ewma)}</td><td>${pct(d.es99_1d_ewma)}</td></tr>`).join('');
  }

  /** The panel's parts (HTML strings) for a stored table; the last day's entry is the current forecast. */
  function render(t) {
    const d = t.days.length ? t.days[t.days.length - 1] : null;
    return {
      summary: summary(t, d),
      risk: d ? riskRows(d) : '',
      components: d ? componentRows(d) : '',
      correlation: d ? correlation(t.symbols, d.correlation) : '',
      history: historyRows(t.days, 10),
    };
  }

  const api = { render, amount };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.PortfolioView = api;
}(typeof window !== 'undefined' ? window : globalThis));
