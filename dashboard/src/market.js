// The market view: every symbol ranked by risk (latest score / its threshold), searchable, each row opening
// its chart. Smooth at thousands of symbols: one summary object per symbol, no per-symbol timer, updates
// coalesced into one render per animation frame, and a virtualised list that keeps only the visible rows
// (plus a few) in the DOM, re-using them as the list scrolls.
'use strict';

window.MarketView = function MarketView({ list, spacer, count, total, search, recent, onSelect }) {
  const ROW_H = 24; // px, as .mrow's height in style.css
  const OVERSCAN = 4;
  const RANK_EVERY_MS = 250; // rows re-rank at most 4 times a second; the visible rows' values update every frame
  const RECENT_SHOWN = 15;
  const rows = new Map(); // symbol -> {symbol, openTime, close, score, threshold, risk, alerts, lastAlertTime, lastSeverity}
  const alerts = []; // newest first, the market's recent alerts
  const pool = []; // the row elements in the DOM, re-used
  let view = []; // the ranked, filtered symbols
  let query = '';
  let rankForced = true; // a search or a snapshot re-ranks at once
  let selected = null;
  let orderDirty = true; let alertsDirty = true; let frameAsked = false; let rankedAt = -Infinity; let rankTimer = 0;
  const stats = { frames: 0, updates: 0, rendered: 0, workMs: 0 }; // workMs: time in render() and the caller's parsing

  const riskOf = (score, threshold) => (score != null && threshold > 0 ? score / threshold : null);
  const row = (symbol) => {
    let r = rows.get(symbol);
    if (!r) { r = { symbol, openTime: -Infinity, close: null, score: null, threshold: null, risk: null, alerts: 0, lastAlertTime: -Infinity, lastSeverity: null }; rows.set(symbol, r); }
    return r;
  };
  const ask = () => { if (!frameAsked) { frameAsked = true; requestAnimationFrame(render); } };

  /** A risk event: a newer bar replaces the row's bar fields; an older one (history replayed) is ignored. */
  function event(e) {
    const r = row(e.symbol);
    if (e.openTime < r.openTime) return;
    Object.assign(r, { openTime: e.openTime, close: e.close, score: e.score ?? null, threshold: e.threshold ?? null });
    r.risk = riskOf(r.score, r.threshold);
    stats.updates++; orderDirty = true; ask();
  }

  /** An alert, already deduplicated by the caller. */
  function alert(a) {
    const r = row(a.symbol);
    r.alerts++;
    if (a.openTime >= r.lastAlertTime) { r.lastAlertTime = a.openTime; r.lastSeverity = a.severity; }
    alerts.unshift(a);
    if (alerts.length > 200) alerts.length = 200;
    stats.updates++; orderDirty = true; alertsDirty = true; ask();
  }

  /** GET /market's snapshot: summaries newer than what the page holds replace it; alert counts never go down. */
  function snapshot(m) {
    for (const s of m.symbols || []) {
      const r = row(s.symbol);
      if ((s.openTime ?? -Infinity) >= r.openTime) {
        Object.assign(r, { openTime: s.openTime ?? -Infinity, close: s.close ?? null, score: s.score ?? null, threshold: s.threshold ?? null });
        r.risk = riskOf(r.score, r.threshold);
      }
      r.alerts = Math.max(r.alerts, s.alerts || 0);
      if (s.lastSeverity && s.lastAlertTime >= r.lastAlertTime) { r.lastAlertTime = s.lastAlertTime; r.lastSeverity = s.lastSeverity; }
    }
    orderDirty = true; rankForced = true; ask();
  }

  // Highest risk first; unscored symbols (warm-up) last; ties by alerts, then by name.
  function compare(a, b) {
    const ra = a.risk ?? -Infinity; const rb = b.risk ?? -Infinity;
    return rb - ra || b.alerts - a.alerts || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
  }

  function rank() {
    const q = query;
    view = [];
    for (const r of rows.values()) if (!q || r.symbol.includes(q)) view.push(r);
    view.sort(compare);
    spacer.style.height = `${view.length * ROW_H}px`;
    count.textContent = String(view.length);
    total.textContent = String(rows.size);
    list.dataset.count = String(view.length);
  }

  function newRow() {
    const el = document.createElement('div');
    el.className = 'mrow';
    el.setAttribute('role', 'listitem');
    el.innerHTML = '<span class="rank"></span><span class="sym"></span><span class="px"></span><span class="sc"></span>'
      + '<span class="risk"><i></i><b></b></span><span class="al"></span><span class="sev"></span>';
    list.append(el);
    return el;
  }

  const fmt = (x, d) => (x == null ? '–' : Number(x).toFixed(d));
  const price = (x) => (x == null ? '–' : x >= 100 ? x.toFixed(2) : x.toPrecision(5));
  // A row element is written only when what it shows changed: unchanged rows cost no DOM work.
  function fill(el, r, i) {
    const key = `${i}|${r.symbol}|${r.openTime}|${r.alerts}|${r.lastAlertTime}|${r.symbol === selected}`;
    if (el.key === key) return;
    el.key = key;
    el.style.transform = `translateY(${i * ROW_H}px)`;
    el.dataset.symbol = r.symbol;
    el.dataset.risk = r.risk == null ? '' : String(r.risk);
    el.dataset.rank = String(i + 1);
    el.classList.toggle('selected', r.symbol === selected);
    el.classList.toggle('hot', r.risk != null && r.risk > 1);
    const c = el.children;
    c[0].textContent = String(i + 1);
    c[1].textContent = r.symbol;
    c[2].textContent = price(r.close);
    c[3].textContent = r.score == null ? 'warm-up' : `${fmt(r.score, 3)} / ${fmt(r.threshold, 3)}`;
    c[4].firstChild.style.width = `${Math.min(100, (r.risk || 0) * 50)}%`;
    c[4].lastChild.textContent = fmt(r.risk, 2);
    c[5].textContent = String(r.alerts);
    c[6].textContent = r.lastSeverity ? `${r.lastSeverity} ${new Date(r.lastAlertTime).toISOString().slice(11, 16)}` : '';
    c[6].className = `sev ${r.lastSeverity || ''}`;
  }

  function renderRows() {
    const first = Math.max(0, Math.floor(list.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(view.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW_H) + OVERSCAN);
    while (pool.length < last - first) pool.push(newRow());
    for (let k = 0; k < pool.length; k++) {
      const i = first + k;
      pool[k].hidden = i >= last;
      if (i < last) fill(pool[k], view[i], i);
    }
    stats.rendered = last - first;
  }

  function renderAlerts() {
    recent.replaceChildren(...alerts.slice(0, RECENT_SHOWN).map((a) => {
      const li = document.createElement('li');
      li.className = a.severity;
      li.dataset.symbol = a.symbol;
      li.textContent = `${a.symbol} ${a.severity} ${new Date(a.openTime).toISOString().slice(5, 16).replace('T', ' ')} · ${Number(a.score).toFixed(2)}`;
      return li;
    }));
  }

  function render() {
    const t0 = performance.now();
    frameAsked = false;
    stats.frames++;
    const wait = rankedAt + RANK_EVERY_MS - t0;
    if (orderDirty && (wait <= 0 || rankForced)) { rank(); orderDirty = false; rankForced = false; rankedAt = t0; }
    else if (orderDirty && !rankTimer) rankTimer = setTimeout(() => { rankTimer = 0; ask(); }, wait);
    renderRows();
    if (alertsDirty) { renderAlerts(); alertsDirty = false; }
    stats.workMs += performance.now() - t0;
  }

  function select(symbol) { selected = symbol; ask(); onSelect(symbol); }

  list.addEventListener('scroll', ask, { passive: true });
  list.addEventListener('click', (ev) => { const el = ev.target.closest('.mrow'); if (el) select(el.dataset.symbol); });
  recent.addEventListener('click', (ev) => { const el = ev.target.closest('li'); if (el) select(el.dataset.symbol); });
  search.addEventListener('input', () => { query = search.value.trim().toUpperCase(); list.scrollTop = 0; orderDirty = true; rankForced = true; ask(); });
  window.addEventListener('resize', ask);

  return { event, alert, snapshot, highlight: (s) => { selected = s; ask(); }, stats };
};
