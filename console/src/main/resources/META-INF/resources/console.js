// ridemarket console: plain JavaScript, no library. The map is a canvas of streets under an SVG of H3
// hexagons; the hexagons change with the console's server-sent events. Everything else is fetched from the
// console every few seconds. Text from the server is only ever set as textContent.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const KEY_STORAGE = 'ridemarket.analystKey';
const NAME_STORAGE = 'ridemarket.analystName';
const stats = window.consoleStats = { started: performance.now(), delays: [], batches: 0 };

// ---------------------------------------------------------------- helpers
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}
function fmt(value, digits) {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits);
}
function ago(millis) {
  if (millis === null || millis === undefined) return '–';
  const seconds = Math.max(0, (Date.now() - millis) / 1000);
  return seconds < 120 ? seconds.toFixed(1) + ' s ago' : (seconds / 60).toFixed(1) + ' min ago';
}

// ---------------------------------------------------------------- map
const map = { cells: new Map(), nodes: new Map(), projection: null, streets: null, selected: null };

function colour(multiplier) {
  if (multiplier === null || multiplier === undefined) return 'rgba(255,255,255,0.15)';
  const t = Math.max(0, Math.min(1, (multiplier - 1) / 2));
  const hue = 120 - 120 * t;
  return `hsla(${hue}, 75%, 50%, ${multiplier <= 1.0 ? 0.25 : 0.45 + 0.35 * t})`;
}

function makeProjection(cells) {
  let minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
  for (const cell of cells) {
    for (const [lat, lon] of cell.boundary) {
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    }
  }
  const box = document.getElementById('map').getBoundingClientRect();
  const lonScale = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
  const k = Math.min(box.width / ((maxLon - minLon) * lonScale), box.height / (maxLat - minLat));
  const offsetX = (box.width - (maxLon - minLon) * lonScale * k) / 2;
  const offsetY = (box.height - (maxLat - minLat) * k) / 2;
  return {
    width: box.width, height: box.height,
    point: (lat, lon) => [offsetX + (lon - minLon) * lonScale * k, offsetY + (maxLat - lat) * k],
  };
}

function drawStreets() {
  const canvas = document.getElementById('streets');
  if (!map.projection || !map.streets) return;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = map.projection.width * ratio;
  canvas.height = map.projection.height * ratio;
  const context = canvas.getContext('2d');
  context.scale(ratio, ratio);
  context.lineCap = 'round';
  const major = new Set(['motorway', 'trunk', 'primary', 'secondary']);
  for (const feature of map.streets.features) {
    const highway = feature.properties.highway;
    context.strokeStyle = major.has(highway) ? '#9ca3af' : '#c8ccd2';
    context.lineWidth = major.has(highway) ? 2 : 1;
    context.beginPath();
    feature.geometry.coordinates.forEach(([lon, lat], i) => {
      const [x, y] = map.projection.point(lat, lon);
      if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
    });
    context.stroke();
  }
  document.getElementById('attribution').textContent = map.streets.attribution || '© OpenStreetMap contributors';
}

function drawCell(cell) {
  const svg = document.getElementById('cells');
  let node = map.nodes.get(cell.cell);
  if (!node) {
    const group = document.createElementNS(SVG_NS, 'g');
    const polygon = document.createElementNS(SVG_NS, 'polygon');
    polygon.setAttribute('class', 'cell');
    polygon.dataset.cell = cell.cell;
    polygon.setAttribute('points', cell.boundary.map(([lat, lon]) => map.projection.point(lat, lon).join(',')).join(' '));
    const text = document.createElementNS(SVG_NS, 'text');
    const centre = cell.boundary.reduce((sum, [lat, lon]) => [sum[0] + lat / cell.boundary.length, sum[1] + lon / cell.boundary.length], [0, 0]);
    const [x, y] = map.projection.point(centre[0], centre[1]);
    text.setAttribute('x', x); text.setAttribute('y', y);
    group.append(polygon, text);
    polygon.addEventListener('mouseenter', () => showCell(cell.cell));
    polygon.addEventListener('click', () => { map.selected = cell.cell; highlight(); showCell(cell.cell); });
    svg.append(group);
    node = { polygon, text };
    map.nodes.set(cell.cell, node);
  }
  node.polygon.setAttribute('fill', colour(cell.multiplier));
  node.polygon.dataset.multiplier = cell.multiplier === null ? '' : cell.multiplier;
  node.text.textContent = cell.multiplier === null ? '' : cell.multiplier.toFixed(1);
}

function highlight() {
  for (const [id, node] of map.nodes) node.polygon.classList.toggle('selected', id === map.selected);
}

function showCell(id) {
  const cell = map.cells.get(id);
  const detail = document.getElementById('cell-detail');
  detail.replaceChildren();
  if (!cell) return;
  detail.className = '';
  const rows = [
    ['cell', cell.cell],
    ['multiplier', cell.multiplier === null ? 'no quote yet' : cell.multiplier.toFixed(2) + (cell.degraded ? ' (degraded)' : '')],
    ['last quote', ago(cell.quotedAt)],
    ['demand (requests, 5 min)', fmt(cell.demand5m, 0)],
    ['supply (available drivers)', fmt(cell.supply, 0)],
    ['features fresh as of', ago(cell.featuresAt)],
  ];
  const table = el('table');
  table.id = 'cell-table';
  for (const [name, value] of rows) {
    const tr = el('tr');
    tr.append(el('th', name), el('td', value));
    table.append(tr);
  }
  detail.append(table);
}

function applyCells(batch) {
  const now = Date.now();
  for (const cell of batch) {
    const known = map.cells.get(cell.cell);
    if (known && known.seq > cell.seq) continue;
    if (known && cell.quotedAt !== null && cell.quotedAt !== known.quotedAt && stats.snapshotSeen) {
      // Quote's event time to its hexagon on this page: pricing's outbox, Kafka, the console, the stream.
      const delay = now - cell.quotedAt;
      stats.delays.push(delay);
      document.getElementById('live-delay').textContent = `last map update ${delay} ms after its quote`;
    }
    map.cells.set(cell.cell, cell);
    if (map.projection) drawCell(cell);
  }
  if (map.selected) showCell(map.selected);
}

function legend() {
  const node = document.getElementById('legend');
  node.replaceChildren(el('span', 'multiplier:'));
  for (const m of [1.0, 1.5, 2.0, 2.5, 3.0]) {
    const swatch = el('span', m.toFixed(1));
    swatch.style.background = colour(m);
    node.append(swatch);
  }
  const none = el('span', 'no quote');
  none.style.background = colour(null);
  node.append(none);
}

async function startMap() {
  legend();
  const [cells, streets] = await Promise.all([
    fetch('api/surge').then(r => r.json()),
    fetch('api/streets').then(r => r.json()).catch(() => null),
  ]);
  map.projection = makeProjection(cells);
  map.streets = streets;
  drawStreets();
  applyCells(cells);
  stats.mapDrawn = performance.now();
  stats.cellsDrawn = map.nodes.size;
  stats.streetsDrawn = streets ? streets.features.length : 0;
  document.body.dataset.mapReady = 'true';
  connectFeed();
}

function connectFeed() {
  const status = document.getElementById('feed-status');
  const source = new EventSource('api/surge/stream');
  source.onopen = () => { status.textContent = 'live'; status.className = 'badge up'; };
  source.onmessage = event => {
    const batch = JSON.parse(event.data);
    stats.batches++;
    applyCells(batch);
    stats.snapshotSeen = true;
    stats.lastBatchAt = Date.now();
  };
  // EventSource reconnects by itself; the badge says so meanwhile.
  source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'badge down'; };
}

// ---------------------------------------------------------------- review queue
const reviews = { selected: null, items: [] };

function analystKey() { return sessionStorage.getItem(KEY_STORAGE); }
function analystName() { return sessionStorage.getItem(NAME_STORAGE); }

async function reviewCall(path, options) {
  const key = analystKey();
  if (!key) throw new Error('enter your analyst API key first');
  const response = await fetch('api/reviews' + path, {
    ...options, headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && body.errors ? body.errors.map(e => `${e.field}: ${e.message}`).join('; ')
      : (body && (body.title || body.detail)) || text;
    throw new Error(`${response.status} ${detail}`);
  }
  return body;
}

async function loadReviews() {
  const error = document.getElementById('review-error');
  if (!analystKey()) { error.textContent = 'Enter your name and analyst API key to see the queue.'; return; }
  try {
    const [open, taken] = await Promise.all([reviewCall('?state=OPEN&limit=100'), reviewCall('?state=TAKEN&limit=100')]);
    reviews.items = open.concat(taken.filter(r => r.assignedTo === analystName()));
    error.textContent = '';
    renderReviews();
  } catch (e) {
    error.textContent = e.message;
  }
}

function renderReviews() {
  const body = document.querySelector('#review-table tbody');
  body.replaceChildren();
  for (const review of reviews.items) {
    const tr = el('tr');
    tr.dataset.transactionId = review.transactionId;
    if (review.transactionId === reviews.selected) tr.className = 'selected';
    tr.append(el('td', review.transactionId), el('td', review.state + (review.assignedTo ? ' (' + review.assignedTo + ')' : '')),
      el('td', (review.amountMinor / 100).toFixed(2) + ' ' + review.currency), el('td', fmt(review.score, 4)),
      el('td', (review.reasons || []).map(r => r.code).join(', ')));
    tr.addEventListener('click', () => { reviews.selected = review.transactionId; renderReviews(); });
    body.append(tr);
  }
  renderDetail();
}

function renderDetail() {
  const detail = document.getElementById('review-detail');
  const review = reviews.items.find(r => r.transactionId === reviews.selected);
  // Redrawn only when the selection or its state changed: a refresh must not reset the analyst's choices.
  const shown = review ? `${review.transactionId}|${review.state}|${review.assignedTo}` : '';
  if (detail.dataset.shown === shown) return;
  detail.dataset.shown = shown;
  detail.replaceChildren();
  if (!review) return;
  detail.append(el('h3', review.transactionId));
  const reasons = el('ul');
  for (const reason of review.reasons || []) reasons.append(el('li', `${reason.code}: ${reason.detail || ''}`));
  detail.append(el('div', `decision ${review.decision}, card ${review.cardFingerprint}, user ${review.userId}, device ${review.deviceId}`), reasons);
  const actions = el('div', null, 'actions');
  const take = el('button', 'Take');
  take.id = 'review-take';
  take.disabled = review.state !== 'OPEN';
  take.addEventListener('click', () => act(review, 'take', { analyst: analystName() }));
  const pattern = el('select');
  pattern.id = 'review-pattern';
  for (const p of ['', 'CARD_TESTING', 'STOLEN_CARD_BURST', 'ACCOUNT_TAKEOVER', 'IMPOSSIBLE_TRAVEL', 'FRAUD_RING']) {
    const option = el('option', p || '(pattern unknown)');
    option.value = p;
    pattern.append(option);
  }
  const fraud = el('button', 'Label FRAUD');
  fraud.id = 'review-label-fraud';
  fraud.addEventListener('click', () => act(review, 'label',
    pattern.value ? { analyst: analystName(), label: 'FRAUD', pattern: pattern.value } : { analyst: analystName(), label: 'FRAUD' }));
  const legit = el('button', 'Label LEGIT');
  legit.id = 'review-label-legit';
  legit.addEventListener('click', () => act(review, 'label', { analyst: analystName(), label: 'LEGIT' }));
  actions.append(take, pattern, fraud, legit);
  detail.append(actions);
  const features = el('table');
  features.id = 'review-features';
  const header = el('tr');
  header.append(el('th', 'feature'), el('th', 'value'));
  features.append(header);
  for (const [name, value] of Object.entries(review.features || {})) {
    const tr = el('tr');
    tr.append(el('td', name), el('td', fmt(value, 3)));
    features.append(tr);
  }
  detail.append(features);
}

async function act(review, action, body) {
  const error = document.getElementById('review-error');
  try {
    await reviewCall('/' + encodeURIComponent(review.transactionId) + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    error.textContent = '';
    const status = document.getElementById('review-status') || el('div', null, 'muted');
    status.id = 'review-status';
    status.textContent = `${review.transactionId}: ${action === 'take' ? 'taken' : 'labelled ' + body.label}`;
    document.getElementById('review-panel').insertBefore(status, document.getElementById('review-table'));
    if (action === 'label') reviews.selected = null;
    await loadReviews();
  } catch (e) {
    error.textContent = e.message;
  }
}

function startReviews() {
  const form = document.getElementById('analyst-form');
  document.getElementById('analyst-name').value = analystName() || '';
  form.addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(NAME_STORAGE, document.getElementById('analyst-name').value.trim());
    sessionStorage.setItem(KEY_STORAGE, document.getElementById('analyst-key').value);
    document.getElementById('analyst-key').value = '';
    loadReviews();
  });
  document.getElementById('analyst-forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    reviews.items = [];
    renderReviews();
    loadReviews();
  });
  loadReviews();
  setInterval(loadReviews, 5000);
}

// ---------------------------------------------------------------- health charts
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

function lineChart(title, series, unit, id) {
  const box = el('div', null, 'chart');
  box.id = id;
  box.append(el('h3', title));
  const width = 300, height = 140, pad = 28;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const points = series.flatMap(s => s.points);
  if (points.length === 0) {
    box.append(el('div', 'no data yet', 'muted'));
    return box;
  }
  const minT = Math.min(...points.map(p => p[0])), maxT = Math.max(...points.map(p => p[0]));
  const maxV = Math.max(...points.map(p => p[1]), 1e-9);
  const x = t => pad + (maxT === minT ? 0 : (t - minT) / (maxT - minT)) * (width - pad - 4);
  const y = v => height - 14 - (v / maxV) * (height - 24);
  const axis = document.createElementNS(SVG_NS, 'text');
  axis.setAttribute('x', 2); axis.setAttribute('y', 12); axis.setAttribute('font-size', 9);
  axis.textContent = fmt(maxV, maxV < 10 ? 2 : 0) + ' ' + unit;
  const zero = document.createElementNS(SVG_NS, 'text');
  zero.setAttribute('x', 2); zero.setAttribute('y', height - 14); zero.setAttribute('font-size', 9);
  zero.textContent = '0';
  const minutes = document.createElementNS(SVG_NS, 'text');
  minutes.setAttribute('x', width - 80); minutes.setAttribute('y', height - 2); minutes.setAttribute('font-size', 9);
  minutes.textContent = `last ${((maxT - minT) / 60000).toFixed(1)} min`;
  svg.append(axis, zero, minutes);
  const legend = el('div', null, 'series');
  series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const line = document.createElementNS(SVG_NS, 'polyline');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', PALETTE[i % PALETTE.length]);
    line.setAttribute('stroke-width', 1.5);
    line.setAttribute('points', s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
    svg.append(line);
    const last = s.points[s.points.length - 1][1];
    const item = el('span', `■ ${s.name} ${fmt(last, last < 10 ? 3 : 0)} `);
    item.style.color = PALETTE[i % PALETTE.length];
    legend.append(item);
  });
  box.append(svg, legend);
  return box;
}

function series(history, service, pick) {
  return (history[service] || []).filter(s => pick(s) !== null && pick(s) !== undefined).map(s => [s.at, pick(s)]);
}

function renderHealth(history) {
  const cards = document.getElementById('service-cards');
  cards.replaceChildren();
  for (const [service, samples] of Object.entries(history)) {
    const last = samples[samples.length - 1];
    const card = el('div', null, 'card');
    card.dataset.service = service;
    const badge = el('span', !last ? '…' : last.ready === true ? 'ready' : last.ready === false ? 'not ready' : 'unreachable',
      'badge ' + (last && last.ready ? 'up' : 'down'));
    card.append(el('strong', service + ' '), badge);
    if (last && last.ready === false) card.append(el('div', last.readiness, 'error'));
    const models = last ? Object.entries(last.models || {}).map(([m, id]) => `${m}: ${id}`).join(', ') : '';
    card.append(el('div', models ? 'model ' + models : 'no model', 'muted'));
    if (last && last.degradedShare !== null && last.degradedShare !== undefined) {
      card.append(el('div', `degraded ${(100 * last.degradedShare).toFixed(1)} % of ${fmt(last.decisionsPerSecond, 1)}/s`));
    }
    cards.append(card);
  }
  const charts = document.getElementById('charts');
  const decisionServices = ['pricing-service', 'eta-service', 'fraud-service'];
  const families = new Set();
  for (const s of history['feature-streams'] || []) Object.keys(s.freshnessP50 || {}).forEach(f => families.add(f));
  charts.replaceChildren(
    lineChart('Degraded answers (share)', decisionServices.map(name => ({ name, points: series(history, name, s => s.degradedShare) })), '', 'chart-degraded'),
    lineChart('Decisions per second', decisionServices.map(name => ({ name, points: series(history, name, s => s.decisionsPerSecond) })), '/s', 'chart-rate'),
    lineChart('ETA rolling MAE', [{ name: 'MAE', points: series(history, 'eta-service', s => s.etaMaeSeconds) }], 's', 'chart-eta-mae'),
    lineChart('ETA p10–p90 coverage (0.8 when calibrated)', [{ name: 'coverage', points: series(history, 'eta-service', s => s.etaCoverage) }], '', 'chart-eta-coverage'),
    lineChart('Feature freshness p50', [...families].map(f => ({ name: f, points: series(history, 'feature-streams', s => (s.freshnessP50 || {})[f]) })), 's', 'chart-freshness'),
    lineChart('Consumer lag (max records)', [{ name: 'feature-streams', points: series(history, 'feature-streams', s => s.consumerLag) }], '', 'chart-lag'),
  );
}

async function loadHealth() {
  try {
    renderHealth(await fetch('api/health').then(r => r.json()));
  } catch (e) {
    document.getElementById('charts').textContent = 'console unreachable: ' + e.message;
  }
}

// ---------------------------------------------------------------- dead letters
async function loadDeadLetters() {
  try {
    const reasons = await fetch('api/dead-letters').then(r => r.json());
    const body = document.querySelector('#dead-letter-table tbody');
    body.replaceChildren();
    if (reasons.length === 0) {
      const tr = el('tr');
      tr.append(el('td', 'none', 'muted'));
      body.append(tr);
    }
    for (const reason of reasons) {
      const tr = el('tr');
      const latest = el('ul');
      for (const example of reason.latest) {
        latest.append(el('li', `${new Date(example.eventTime).toISOString()} ${example.application} ` +
          `${example.sourceTopic}-${example.sourcePartition}@${example.sourceOffset}: ${example.detail}`));
      }
      const latestCell = el('td');
      latestCell.append(latest);
      tr.append(el('td', reason.reason), el('td', reason.count), latestCell);
      body.append(tr);
    }
  } catch (e) {
    // the next refresh tries again
  }
}

window.addEventListener('load', () => {
  stats.loaded = performance.now();
  startMap().catch(e => { document.getElementById('cell-detail').textContent = 'map unavailable: ' + e.message; });
  startReviews();
  loadHealth();
  loadDeadLetters();
  setInterval(loadHealth, 5000);
  setInterval(loadDeadLetters, 5000);
});
