// Fleetcast dashboard: the Fleet overview page.
//
// A plain ES module: no framework, no build step. It calls only the public API under api/ (documented in
// docs/dashboard.md). The view's filters live in the URL's query string (region, site, cluster, service, from, to,
// resource), so a view can be shared and reloaded, and the browser's back and forward buttons move between views.

import {
  MISSING,
  dailyChartOptions,
  daysBefore,
  element,
  formatNumber,
  formatPercent,
  formatQuantity,
  getJson,
  hideError,
  loadStatus,
  opensElsewhere,
  renderCrumbs,
  renderNavigation,
  urlState,
  viewLoader,
} from './common.js';

const SCOPE_LEVELS = ['region', 'site', 'cluster', 'service'];
const STATE_KEYS = [...SCOPE_LEVELS, 'from', 'to', 'resource'];
const LEVEL_LABELS = { fleet: 'Fleet', region: 'Region', site: 'Site', cluster: 'Cluster', service: 'Service' };
const LEVEL_PLURALS = { region: 'regions', site: 'sites', cluster: 'clusters', service: 'services' };
const RESOURCE_LABELS = { cpu: 'CPU', memory: 'Memory', storage: 'Storage' };
const PRESET_DAYS = { '90d': 90, '1y': 365, '3y': 1095 };
const COLORS = { capacity: '#1d4f91', allocated: '#c2680a', used: '#178a7b' };

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(STATE_KEYS);

function navigate(state) {
  const url = urlOf(state);
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.pushState(null, '', url);
  }
  load();
}

/** The state that shows {@code scope} down to {@code level}, with the current range and resource. */
function scopedState(scope, level, state) {
  const next = { from: state.from, to: state.to, resource: state.resource };
  const depth = level === 'fleet' ? 0 : SCOPE_LEVELS.indexOf(level) + 1;
  for (const name of SCOPE_LEVELS.slice(0, depth)) {
    if (scope[name]) {
      next[name] = scope[name];
    }
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------------------
// Page

let lastOverview = null;

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    syncControls(state);
    const overview = await getJson(`api/fleet/overview${queryOf(state)}`, signal);
    if (stale()) {
      return state;
    }
    lastOverview = overview;
    // The API fills in the parents of what the URL names (a cluster's site and region): keep the URL complete.
    const canonical = canonicalState(state, overview);
    hideError();
    render(overview, canonical);
    return canonical;
  },
  failed: (state) => renderBreadcrumb(scopeFromState(state), state),
});

function canonicalState(state, overview) {
  const canonical = { ...state };
  for (const name of SCOPE_LEVELS) {
    if (overview.scope[name]) {
      canonical[name] = overview.scope[name];
    }
  }
  return canonical;
}

function scopeFromState(state) {
  const scope = { level: 'fleet' };
  for (const name of SCOPE_LEVELS) {
    scope[name] = state[name] ?? null;
    if (state[name]) {
      scope.level = name;
    }
  }
  return scope;
}

function render(overview, state) {
  const scope = overview.scope;
  const name = scope.level === 'fleet' ? 'Whole fleet' : `${LEVEL_LABELS[scope.level]} ${scope[scope.level]}`;
  document.getElementById('page-title').textContent = name;
  document.title = `${name} · Fleet overview · Fleetcast`;
  renderBreadcrumb(scope, state);
  renderNote(overview);
  renderKpis(overview);
  renderChart(overview);
  renderBreakdown(overview, state);
  renderSkus(overview);
  renderSupplyChanges(overview, state);
  syncControls({ ...state, from: overview.from, to: overview.to, resource: overview.resource });
}

/** A link to the view of {@code target}: a real link (it can be opened in a new tab), followed without reloading. */
function drillLink(target, ...children) {
  const link = element('a', { href: urlOf(target) }, ...children);
  link.addEventListener('click', (event) => {
    if (opensElsewhere(event)) {
      return; // the browser opens it in a new tab or window
    }
    event.preventDefault();
    navigate(target);
  });
  return link;
}

function renderBreadcrumb(scope, state) {
  const path = [{ level: 'fleet', name: 'Fleet' }];
  for (const level of SCOPE_LEVELS) {
    if (scope[level]) {
      path.push({ level, name: scope[level] });
    }
  }
  renderCrumbs(path, LEVEL_LABELS, (crumb, ...label) => drillLink(scopedState(scope, crumb.level, state), ...label));
}

function renderNote(overview) {
  const note = document.getElementById('scope-note');
  if (overview.scope.level === 'service') {
    note.textContent = 'Services share their clusters\u2019 servers, so a service has no servers or capacity of its '
      + 'own: this view shows its usage and allocation only.';
    note.hidden = false;
  } else {
    note.hidden = true;
  }
}

function renderKpis(overview) {
  const totals = overview.totals;
  const unit = overview.unit;
  const hasServers = overview.scope.level !== 'service';
  const onDay = `in service on ${overview.to}`;
  const tiles = [
    { id: 'servers', label: 'Servers', value: totals.servers, unit: 'servers', sub: onDay },
    { id: 'cores', label: 'CPU', value: totals.cores, unit: 'cores', sub: onDay },
    { id: 'memory', label: 'Memory', value: totals.memory_gib, unit: 'GiB', sub: onDay },
    { id: 'storage', label: 'Storage', value: totals.storage_tb, unit: 'TB', sub: onDay },
    {
      id: 'allocated',
      label: `Avg allocated ${RESOURCE_LABELS[overview.resource].toLowerCase()}`,
      value: totals.allocated,
      unit,
      sub: hasServers ? `${formatPercent(totals.allocated, totals.capacity)} of capacity` : 'daily average',
    },
    {
      id: 'used',
      label: `Avg used ${RESOURCE_LABELS[overview.resource].toLowerCase()}`,
      value: totals.used,
      unit,
      sub: hasServers ? `${formatPercent(totals.used, totals.capacity)} of capacity` : 'daily average',
    },
  ];
  document.getElementById('kpis').replaceChildren(
    ...tiles.map((tile) => {
      const missing = tile.value === null || tile.value === undefined;
      const value = missing
        ? element('span', { className: 'kpi-value' }, MISSING)
        : element(
          'span',
          { className: 'kpi-value' },
          element('span', { className: 'kpi-number' }, formatNumber(tile.value)),
          ' ',
          element('span', { className: 'kpi-unit' }, tile.unit),
        );
      const sub = missing && !hasServers && ['servers', 'cores', 'memory', 'storage'].includes(tile.id)
        ? 'services own no servers'
        : tile.sub;
      return element(
        'li',
        { className: 'kpi', dataset: { kpi: tile.id, value: missing ? '' : String(tile.value) } },
        element('span', { className: 'kpi-label' }, tile.label),
        value,
        element('span', { className: 'kpi-sub' }, sub),
      );
    }),
  );
}

function renderChart(overview) {
  const container = document.getElementById('timeline-chart');
  const unit = overview.unit;
  const resource = RESOURCE_LABELS[overview.resource];
  document.getElementById('timeline-sub').textContent =
    `${resource} in ${unit}, daily, ${overview.from} to ${overview.to}. Used and allocated are summed over the `
    + 'services and clusters in scope.';
  container.setAttribute(
    'aria-label',
    `Line chart of daily ${resource.toLowerCase()} capacity, allocated and used in ${unit}`
      + ` from ${overview.from} to ${overview.to}`,
  );
  document.getElementById('timeline-title').textContent = overview.scope.level === 'service'
    ? 'Allocated and used'
    : 'Capacity, allocated and used';
  const echarts = window.echarts;
  if (!echarts) {
    throw new Error('the chart library did not load');
  }
  const chart = echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });
  const points = overview.timeline;
  const series = [];
  if (overview.scope.level !== 'service') {
    series.push({
      name: 'Capacity',
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: COLORS.capacity,
      lineStyle: { width: 2 },
      data: points.map((point) => [point.date, point.capacity]),
    });
  }
  series.push(
    {
      name: 'Allocated',
      type: 'line',
      showSymbol: false,
      color: COLORS.allocated,
      lineStyle: { width: 1.5, type: 'dashed' },
      data: points.map((point) => [point.date, point.allocated]),
    },
    {
      name: 'Used',
      type: 'line',
      showSymbol: false,
      color: COLORS.used,
      lineStyle: { width: 1.5 },
      areaStyle: { opacity: 0.18 },
      data: points.map((point) => [point.date, point.used]),
    },
  );
  chart.setOption(
    {
      ...dailyChartOptions(unit),
      legend: { top: 0, right: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatQuantity(value, unit) },
      series,
    },
    { notMerge: true },
  );
}

function utilizationCell(used, capacity) {
  if (used === null || used === undefined || !capacity) {
    return element('td', { className: 'util-col' }, MISSING);
  }
  const share = Math.max(0, Math.min(1, used / capacity));
  const bar = element('span', { className: 'util-bar', 'aria-hidden': 'true' });
  bar.append(element('span', { className: 'util-fill', style: `width: ${(share * 100).toFixed(1)}%` }));
  const text = element('span', { className: 'util-text' }, formatPercent(used, capacity));
  return element('td', { className: 'util-col' }, element('div', { className: 'util' }, bar, text));
}

function renderBreakdown(overview, state) {
  const card = document.getElementById('breakdown-card');
  const breakdown = overview.breakdown;
  const scope = overview.scope;
  if (!breakdown.level) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const where = scope.level === 'fleet' ? 'in the fleet' : `in ${scope[scope.level]}`;
  document.getElementById('breakdown-title').textContent = `${LEVEL_LABELS[breakdown.level]}s ${where}`;
  const unit = overview.unit;
  document.getElementById('breakdown-sub').textContent = breakdown.level === 'service'
    ? 'Services share the cluster\u2019s servers: they have usage and allocation, but no servers or capacity of their '
      + `own. Averages of daily values over the range, in ${unit}. Choose one to see it alone.`
    : `Servers and capacity in service on ${overview.to}; averages of daily values over the range; in ${unit}.`
      + ` Choose one of the ${LEVEL_PLURALS[breakdown.level]} to drill down.`;
  document.getElementById('breakdown-name-col').textContent = LEVEL_LABELS[breakdown.level];
  document.getElementById('breakdown-capacity-col').textContent = `Capacity (${unit})`;
  document.getElementById('breakdown-allocated-col').textContent = `Avg allocated (${unit})`;
  document.getElementById('breakdown-used-col').textContent = `Avg used (${unit})`;
  const body = document.querySelector('#breakdown-table tbody');
  if (breakdown.rows.length === 0) {
    body.replaceChildren(
      element('tr', {}, element('td', { colspan: '6', className: 'empty' }, 'Nothing in this range.')),
    );
    return;
  }
  body.replaceChildren(
    ...breakdown.rows.map((row) => {
      const target = { ...scopedState(scope, scope.level, state), [breakdown.level]: row.key };
      const link = drillLink(target, row.key);
      const tr = element(
        'tr',
        { className: 'drillable', dataset: { key: row.key } },
        element('th', { scope: 'row' }, link),
        element('td', { className: 'num' }, formatNumber(row.servers)),
        element('td', { className: 'num' }, formatNumber(row.capacity)),
        element('td', { className: 'num' }, formatNumber(row.allocated)),
        element('td', { className: 'num' }, formatNumber(row.used)),
        utilizationCell(row.used, row.capacity),
      );
      tr.addEventListener('click', (event) => {
        if (event.target.closest('a') === null) {
          navigate(target);
        }
      });
      return tr;
    }),
  );
}

function renderSkus(overview) {
  const card = document.getElementById('sku-card');
  if (overview.scope.level === 'service') {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  document.getElementById('sku-sub').textContent = `In service on ${overview.to}.`;
  const body = document.querySelector('#sku-table tbody');
  if (overview.by_sku.length === 0) {
    body.replaceChildren(
      element('tr', {}, element('td', { colspan: '6', className: 'empty' }, 'No servers in service.')),
    );
    return;
  }
  body.replaceChildren(
    ...overview.by_sku.map((sku) => element(
      'tr',
      {},
      element('th', { scope: 'row' }, sku.sku),
      element('td', {}, sku.kind),
      element('td', { className: 'num' }, formatNumber(sku.servers)),
      element('td', { className: 'num' }, formatNumber(sku.cores)),
      element('td', { className: 'num' }, formatNumber(sku.memory_gib)),
      element('td', { className: 'num' }, formatNumber(sku.storage_tb)),
    )),
  );
}

const FLOWS = ['opening', 'installed', 'failed', 'retired', 'closing'];
const FLOW_LABELS = ['In service before', 'Installed', 'Failed', 'Retired', 'In service at end'];

/** One flow's cell: servers, and their capacity of the chosen resource under them. */
function flowCell(servers, unit, flow) {
  return element(
    'td',
    { className: 'num', dataset: { flow, servers: String(servers.servers), capacity: String(servers.capacity) } },
    formatNumber(servers.servers),
    element('span', { className: 'cell-sub' }, formatQuantity(servers.capacity, unit)),
  );
}

/**
 * Fills a supply-changes table, a row per change; {@code targetOf(change)}, when given, is the view a row's name
 * links to.
 */
function changeRows(tableId, keyLabel, changes, unit, emptyText, targetOf = null) {
  document.querySelector(`#${tableId} thead`).replaceChildren(element(
    'tr',
    {},
    element('th', { scope: 'col' }, keyLabel),
    ...FLOW_LABELS.map((label) => element('th', { scope: 'col', className: 'num' }, label)),
  ));
  const body = document.querySelector(`#${tableId} tbody`);
  if (changes.length === 0) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '6', className: 'empty' }, emptyText)));
    return;
  }
  body.replaceChildren(
    ...changes.map((change) => element(
      'tr',
      { dataset: { key: change.key } },
      element('th', { scope: 'row' }, targetOf ? drillLink(targetOf(change), change.key) : change.key),
      ...FLOWS.map((flow) => flowCell(change[flow], unit, flow)),
    )),
  );
}

/**
 * How the scope's servers changed over the range: per month, per SKU and per member of the next level down (each
 * linked to its own view), servers with their capacity.
 */
function renderSupplyChanges(overview, state) {
  const card = document.getElementById('changes-card');
  if (overview.scope.level === 'service') {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const resource = RESOURCE_LABELS[overview.resource] ?? overview.resource;
  document.getElementById('changes-sub').textContent = `Servers from ${overview.from} to ${overview.to}, and their `
    + `${resource.toLowerCase()} capacity in ${overview.unit}: in service the day before, installed, failed, retired or `
    + 'decommissioned, and in service on the last day.';
  const changes = overview.supply_changes;
  changeRows('changes-month-table', 'Month', changes.by_month, overview.unit, 'Nothing in this range.');
  changeRows('changes-sku-table', 'SKU', changes.by_sku, overview.unit, 'No servers in this range.');
  const level = overview.breakdown.level;
  const byMember = document.getElementById('changes-member-wrap');
  if (!level || level === 'service') {
    byMember.hidden = true;
    return;
  }
  byMember.hidden = false;
  document.getElementById('changes-member-caption').textContent = `By ${LEVEL_LABELS[level].toLowerCase()}`;
  const scope = overview.scope;
  changeRows(
    'changes-member-table',
    LEVEL_LABELS[level],
    changes.by_member,
    overview.unit,
    'No servers in this range.',
    (change) => ({ ...scopedState(scope, scope.level, state), [level]: change.key }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const form = document.getElementById('filters');
const fromInput = document.getElementById('from');
const toInput = document.getElementById('to');

function syncControls(state) {
  const resource = state.resource ?? 'cpu';
  for (const radio of form.querySelectorAll('input[name="resource"]')) {
    radio.checked = radio.value === resource;
  }
  fromInput.value = state.from ?? '';
  toInput.value = state.to ?? '';
  if (lastOverview) {
    fromInput.min = lastOverview.first_day;
    toInput.max = lastOverview.as_of;
    fromInput.max = lastOverview.as_of;
    toInput.min = lastOverview.first_day;
  }
  for (const button of form.querySelectorAll('.preset')) {
    const range = presetRange(button.dataset.preset);
    const active = range !== null && state.from === range.from && state.to === range.to;
    button.setAttribute('aria-pressed', String(active));
    button.disabled = lastOverview === null;
  }
}

function presetRange(preset) {
  if (!lastOverview) {
    return null;
  }
  const to = lastOverview.as_of;
  const from = preset === 'all' ? lastOverview.first_day : daysBefore(to, PRESET_DAYS[preset]);
  return { from, to };
}

form.addEventListener('change', (event) => {
  if (event.target.name === 'resource') {
    navigate({ ...readState(), resource: event.target.value });
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ ...readState(), from: fromInput.value, to: toInput.value });
});

for (const button of form.querySelectorAll('.preset')) {
  button.addEventListener('click', () => {
    const range = presetRange(button.dataset.preset);
    if (range) {
      navigate({ ...readState(), ...range });
    }
  });
}

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  const chart = window.echarts?.getInstanceByDom(document.getElementById('timeline-chart'));
  chart?.resize();
});

renderNavigation('overview');
loadStatus();
load();
