// Fleetcast dashboard: the Capacity page.
//
// A stored capacity plan (what `fleetcast plan` writes): per cluster and resource, demand P50/P90/P99 against usable
// supply, the day each quantile runs out, the headroom held and the orders recommended. The plan drills down region →
// site → cluster; choosing a cluster and resource shows its daily path, its headroom and the cluster's order with the
// reasons; a card lists what changed since the plan before. It calls only api/capacity, api/capacity/versions,
// api/capacity/diff and api/capacity/path (docs/dashboard.md). The view lives in the query string (version, region,
// site, cluster, resource), so back and forward move between views.

import {
  MISSING,
  apiQuery,
  dailyChartOptions,
  element,
  formatNumber,
  formatQuantity,
  formatter,
  getJson,
  hideError,
  loadStatus,
  numberValue,
  renderCrumbs,
  renderNavigation,
  renderPlanVersions,
  tile,
  urlState,
  viewLoader,
  viewNavigation,
} from './common.js';

const SCOPE_LEVELS = ['region', 'site', 'cluster'];
const LEVEL_LABELS = { fleet: 'Fleet', region: 'Region', site: 'Site', cluster: 'Cluster' };
const LEVEL_PLURALS = { region: 'Regions', site: 'Sites', cluster: 'Clusters' };
const NEXT_LEVEL = { fleet: 'region', region: 'site', site: 'cluster' };
const RESOURCE_LABELS = { cpu: 'CPU', memory: 'Memory', storage: 'Storage' };
const COLORS = { demand: '#1d4f91', supply: '#178a7b', mark: '#b23b3b' };

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(['version', ...SCOPE_LEVELS, 'resource']);

const { navigate, viewLink, drillRow } = viewNavigation(urlOf, () => load());

/** The view of {@code scope} down to {@code level}, in plan {@code version}. */
function scopedState(scope, level, version) {
  const next = { version };
  const depth = level === 'fleet' ? 0 : SCOPE_LEVELS.indexOf(level) + 1;
  for (const name of SCOPE_LEVELS.slice(0, depth)) {
    if (scope[name]) {
      next[name] = scope[name];
    }
  }
  return next;
}

/** The view of one cluster and resource of {@code entry}. */
function entryState(entry, version) {
  return {
    version,
    region: entry.region || undefined,
    site: entry.site || undefined,
    cluster: entry.cluster,
    resource: entry.resource,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking: earliest exhaustion first (P50, then P90, then P99, then need-by), "never" last

const DATE_KEYS = ['exhaustion_p50', 'exhaustion_p90', 'exhaustion_p99', 'need_by'];

function compareDates(a, b) {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a < b ? -1 : 1;
}

function byUrgency(a, b) {
  for (const key of DATE_KEYS) {
    const order = compareDates(a[key], b[key]);
    if (order !== 0) {
      return order;
    }
  }
  return a.cluster.localeCompare(b.cluster) || a.resource.localeCompare(b.resource);
}

function earliest(entries, key) {
  return entries.map((entry) => entry[key]).filter((date) => date !== null).sort()[0] ?? null;
}

function ordersOf(entries) {
  return entries.flatMap((entry) => entry.orders);
}

function orderCost(orders) {
  return orders.reduce((sum, order) => sum + order.cost, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Page

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    const { versions } = await getJson('api/capacity/versions', signal);
    if (stale()) {
      return state;
    }
    if (versions.length === 0) {
      showNoPlan();
      return state;
    }
    const plan = await getJson(
      `api/capacity${apiQuery({ version: state.version, region: state.region, site: state.site, cluster: state.cluster })}`,
      signal,
    );
    const changes = await comparison(state, versions, signal);
    // The page fills in what the URL left to it (a cluster's site and region, its most urgent resource).
    const canonical = { ...scopedState(plan.scope, plan.scope.level, state.version) };
    const selected = selectedEntry(plan, state);
    let path = null;
    if (selected) {
      canonical.resource = selected.resource;
      path = await getJson(
        `api/capacity/path${apiQuery({ cluster: selected.cluster, resource: selected.resource, version: state.version })}`,
        signal,
      );
    }
    if (stale()) {
      return canonical;
    }
    hideError();
    render(plan, versions, canonical, state, selected, path);
    renderChanges(changes, plan, canonical);
    return canonical;
  },
  failed: (state) => renderBreadcrumb({ level: scopeLevel(state), ...state }, state.version),
});

/** The changes from the plan before the one shown, in the same scope; null for the first plan stored. */
async function comparison(state, versions, signal) {
  const shown = state.version ? Number(state.version) : Math.max(...versions.map((each) => each.version));
  if (!versions.some((each) => each.version < shown)) {
    return null;
  }
  return getJson(
    `api/capacity/diff${apiQuery({ to: state.version, region: state.region, site: state.site, cluster: state.cluster })}`,
    signal,
  );
}

function scopeLevel(state) {
  return [...SCOPE_LEVELS].reverse().find((level) => state[level]) ?? 'fleet';
}

/** At the cluster level, the resource the URL names, or else the cluster's most urgent one; none above it. */
function selectedEntry(plan, state) {
  if (plan.scope.level !== 'cluster' || plan.clusters.length === 0) {
    return null;
  }
  const named = plan.clusters.find((entry) => entry.resource === state.resource);
  return named ?? [...plan.clusters].sort(byUrgency)[0];
}

function showNoPlan() {
  document.getElementById('plan-view').hidden = true;
  document.getElementById('capacity-controls').hidden = true;
  renderBreadcrumb({ level: 'fleet' }, undefined);
  renderNote('No capacity plan is stored yet. Run \u201cfleetcast plan\u201d to plan the stored fleet (each run stores '
    + 'a plan version that this page shows) and reload.');
}

function renderNote(text) {
  const note = document.getElementById('note');
  note.textContent = text ?? '';
  note.hidden = !text;
}

function render(plan, versions, state, requested, selected, path) {
  document.getElementById('plan-view').hidden = false;
  document.getElementById('capacity-controls').hidden = false;
  const scope = plan.scope;
  const name = scope.level === 'fleet' ? 'Capacity plan' : `${LEVEL_LABELS[scope.level]} ${scope[scope.level]}`;
  document.getElementById('page-title').textContent = name;
  document.title = `${name} · Capacity · Fleetcast`;
  renderBreadcrumb(scope, state.version);
  renderPlanVersions(versions, state.version);
  const notes = [];
  if (plan.what_if.length > 0) {
    notes.push(`What-if plan: ${plan.what_if.join('; ')}.`);
  }
  if (requested.resource && selected && selected.resource !== requested.resource) {
    notes.push(`Cluster ${selected.cluster} has no ${requested.resource} in plan v${plan.plan_version}; showing `
      + `${selected.resource}.`);
  }
  renderNote(notes.join(' ') || null);
  renderKpis(plan);
  renderGroups(plan, state);
  renderRanking(plan, state, selected);
  renderDetail(plan, selected, path);
}

function renderBreadcrumb(scope, version) {
  const path = [{ level: 'fleet', name: 'Capacity plan' }];
  for (const level of SCOPE_LEVELS) {
    if (scope[level]) {
      path.push({ level, name: scope[level] });
    }
  }
  renderCrumbs(path, LEVEL_LABELS, (crumb, ...label) => viewLink(scopedState(scope, crumb.level, version), ...label));
}

/** A count with its noun, singular for one: "1 cluster", "5 orders". */
function countValue(count, noun) {
  return numberValue(count, count === 1 ? noun : `${noun}s`);
}

function renderKpis(plan) {
  const entries = plan.clusters;
  const clusters = new Set(entries.map((entry) => entry.cluster));
  const outP50 = new Set(entries.filter((entry) => entry.exhaustion_p50 !== null).map((entry) => entry.cluster));
  const outP99 = new Set(entries.filter((entry) => entry.exhaustion_p99 !== null).map((entry) => entry.cluster));
  const first = earliest(entries, 'exhaustion_p50');
  const orders = ordersOf(entries);
  const horizon = `within ${formatNumber(plan.horizon_days)} days after ${plan.as_of}`;
  document.getElementById('kpis').replaceChildren(
    tile('clusters', 'Clusters', countValue(clusters.size, 'cluster'), `plan v${plan.plan_version}, as of ${plan.as_of}`),
    tile('running-out', 'Running out at P50', countValue(outP50.size, 'cluster'), `${outP99.size} at P99, ${horizon}`),
    tile(
      'first-out',
      'First runs out (P50)',
      { raw: first ?? '', parts: [element('span', { className: 'kpi-number' }, first ?? MISSING)] },
      first ? horizon : `nothing runs out ${horizon}`,
    ),
    tile(
      'orders',
      'Orders recommended',
      countValue(orders.length, 'order'),
      `${formatNumber(orderCost(orders))} USD at list price`,
    ),
  );
}

function renderGroups(plan, state) {
  const card = document.getElementById('groups-card');
  const level = NEXT_LEVEL[plan.scope.level];
  if (!level) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const scope = plan.scope;
  const where = scope.level === 'fleet' ? 'in the plan' : `in ${scope[scope.level]}`;
  document.getElementById('groups-title').textContent = `${LEVEL_PLURALS[level]} ${where}`;
  document.getElementById('group-col').textContent = LEVEL_LABELS[level];
  document.getElementById('groups-sub').textContent = 'Clusters that run out of any resource within the horizon at '
    + 'median (P50) and at 99% (P99) demand, the first day one does, and the orders recommended. The most urgent '
    + `first; choose one of the ${LEVEL_PLURALS[level].toLowerCase()} to drill down.`;
  const groups = new Map();
  for (const entry of plan.clusters) {
    const key = entry[level] ?? '';
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(entry);
  }
  const rows = [...groups.entries()].map(([key, entries]) => ({
    key,
    entries,
    firstP50: earliest(entries, 'exhaustion_p50'),
    firstP99: earliest(entries, 'exhaustion_p99'),
  }));
  rows.sort((a, b) => compareDates(a.firstP50, b.firstP50) || compareDates(a.firstP99, b.firstP99)
    || a.key.localeCompare(b.key));
  document.querySelector('#groups-table tbody').replaceChildren(
    ...rows.map((row) => {
      const clusters = (filter) => new Set(row.entries.filter(filter).map((entry) => entry.cluster)).size;
      const orders = ordersOf(row.entries);
      const cells = [
        element('td', { className: 'num' }, formatNumber(clusters(() => true))),
        element(
          'td',
          { className: 'num' },
          `${clusters((entry) => entry.exhaustion_p50 !== null)} / ${clusters((entry) => entry.exhaustion_p99 !== null)}`,
        ),
        element('td', { className: 'num' }, row.firstP50 ?? MISSING),
        element('td', { className: 'num' }, row.firstP99 ?? MISSING),
        element('td', { className: 'num' }, formatNumber(orders.length)),
        element('td', { className: 'num' }, orders.length === 0 ? MISSING : formatNumber(orderCost(orders))),
      ];
      if (row.key === '') {
        // Clusters known only from an open order or from demand have no place to drill into.
        return element('tr', { dataset: { key: '' } }, element('th', { scope: 'row' }, '(no place)'), ...cells);
      }
      const target = { ...scopedState(scope, scope.level, state.version), [level]: row.key };
      return drillRow(
        target,
        { dataset: { key: row.key } },
        element('th', { scope: 'row' }, viewLink(target, row.key)),
        ...cells,
      );
    }),
  );
}

function dateCell(date, kind) {
  return element('td', { className: 'num', dataset: { date: kind } }, date ?? MISSING);
}

function renderRanking(plan, state, selected) {
  const scope = plan.scope;
  const where = scope.level === 'fleet' ? 'the plan' : `${LEVEL_LABELS[scope.level].toLowerCase()} ${scope[scope.level]}`;
  document.getElementById('ranking-title').textContent = scope.level === 'cluster'
    ? `Resources of cluster ${scope.cluster}`
    : 'Clusters by earliest exhaustion';
  document.getElementById('ranking-sub').textContent = `Every cluster and resource in ${where}: usable supply and `
    + `median demand now, the first day within ${formatNumber(plan.horizon_days)} days that demand at P50, P90 and P99 `
    + `exceeds usable supply (${MISSING}: not within the horizon), the day P50 demand plus headroom does (need by), and `
    + 'the largest shortfall. The earliest first; choose one to see its daily path, headroom and order.';
  const entries = [...plan.clusters].sort(byUrgency);
  const body = document.querySelector('#ranking-table tbody');
  if (entries.length === 0) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '10', className: 'empty' }, 'No clusters.')));
    return;
  }
  body.replaceChildren(
    ...entries.map((entry) => {
      const target = entryState(entry, state.version);
      const key = `${entry.cluster}/${entry.resource}`;
      const isSelected = selected !== null && selected.cluster === entry.cluster && selected.resource === entry.resource;
      // A resource short of capacity whose cluster's orders are sized by another resource says so, not "—".
      const covered = entry.notes.find((note) => note.startsWith('covered by the orders for '));
      const orderText = entry.orders.length > 0
        ? entry.orders.map((order) => `${formatNumber(order.quantity)} \u00d7 ${order.sku}`).join(', ')
        : entry.elastic ? 'cloud: scales on demand' : covered ?? MISSING;
      const row = drillRow(
        target,
        { dataset: { key, cluster: entry.cluster, resource: entry.resource } },
        element('th', { scope: 'row' }, viewLink(target, entry.cluster)),
        element('td', {}, RESOURCE_LABELS[entry.resource] ?? entry.resource),
        element('td', { className: 'num' }, formatQuantity(entry.supply, entry.unit)),
        element('td', { className: 'num' }, formatQuantity(entry.demand_p50, entry.unit)),
        dateCell(entry.exhaustion_p50, 'p50'),
        dateCell(entry.exhaustion_p90, 'p90'),
        dateCell(entry.exhaustion_p99, 'p99'),
        dateCell(entry.need_by, 'need-by'),
        element('td', { className: 'num' }, entry.shortfall > 0 ? formatQuantity(entry.shortfall, entry.unit) : MISSING),
        element('td', { dataset: { order: 'text' } }, orderText),
      );
      if (isSelected) {
        row.setAttribute('aria-selected', 'true');
      }
      return row;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Changes since the previous plan

const CHANGES = {
  added: { label: 'New', badge: 'badge-applied' },
  removed: { label: 'Gone', badge: 'badge-removed' },
  changed: { label: 'Changed', badge: 'badge-pending' },
};

function fromTo(before, after) {
  return before === after ? (after ?? MISSING) : `${before ?? MISSING} \u2192 ${after ?? MISSING}`;
}

function shiftText(days) {
  if (days === null) {
    return MISSING;
  }
  if (days === 0) {
    return '0 days';
  }
  return `${signOf(days)}${formatNumber(Math.abs(days))} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

function renderChanges(changes, plan, state) {
  const body = document.querySelector('#changes-table tbody');
  if (changes === null) {
    document.getElementById('changes-title').textContent = 'Changes since the previous plan';
    document.getElementById('changes-sub').textContent = `Plan v${plan.plan_version} is the first stored: there `
      + 'is no earlier plan to compare it with.';
    body.replaceChildren();
    return;
  }
  const { totals } = changes;
  document.getElementById('changes-title').textContent = `Changes since plan v${changes.from}`;
  const cost = totals.order_cost_after - totals.order_cost_before;
  document.getElementById('changes-sub').textContent = `Plan v${changes.to} (data to ${changes.to_as_of}) against `
    + `v${changes.from} (data to ${changes.from_as_of}), per cluster and resource here: the P50 exhaustion day and its `
    + 'shift (negative: sooner), the need-by day, the servers ordered and the change in their cost. Running out newly '
    + `or no longer first, then the largest shifts. In all: ${formatNumber(totals.orders_before)} \u2192 `
    + `${formatNumber(totals.orders_after)} orders, ${shiftUsd(cost)} USD; `
    + `${formatNumber(totals.running_out_before)} \u2192 ${formatNumber(totals.running_out_after)} cluster resources `
    + 'running out at P50 within the horizon.';
  const rows = changes.changes.filter((row) => row.status !== 'unchanged');
  if (rows.length === 0) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '9', className: 'empty' },
      'Nothing changed: the same exhaustion and need-by days, and the same orders.')));
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => {
      const known = CHANGES[row.status] ?? { label: row.status, badge: 'badge-unchanged' };
      const cost = row.order_cost_after - row.order_cost_before;
      const target = row.status === 'removed' ? null : entryState(row, state.version);
      const cells = [
        element('td', {}, RESOURCE_LABELS[row.resource] ?? row.resource),
        element('td', { dataset: { field: 'status', value: row.status } },
          element('span', { className: `badge ${known.badge}` }, known.label)),
        element('td', { className: 'num', dataset: { field: 'p50' } },
          fromTo(row.exhaustion_p50_before, row.exhaustion_p50_after)),
        numberCell('p50_shift', row.exhaustion_p50_shift, shiftText(row.exhaustion_p50_shift)),
        element('td', { className: 'num', dataset: { field: 'need_by' } },
          fromTo(row.need_by_before, row.need_by_after)),
        element('td', { className: 'num', dataset: { field: 'servers' } },
          fromTo(formatNumber(row.servers_before), formatNumber(row.servers_after))),
        numberCell('cost', cost, shiftUsd(cost)),
        element('td', { className: 'wrap-wide', dataset: { field: 'what' } }, row.what.join('; ')),
      ];
      const dataset = { key: `${row.cluster}/${row.resource}`, status: row.status };
      if (target === null) {
        return element('tr', { dataset }, element('th', { scope: 'row' }, row.cluster), ...cells);
      }
      return drillRow(target, { dataset }, element('th', { scope: 'row' }, viewLink(target, row.cluster)), ...cells);
    }),
  );
}

/** A number cell whose data-value holds {@code value} (empty for null) and whose text is {@code text}. */
function numberCell(field, value, text) {
  return element('td', { className: 'num', dataset: { field, value: value === null ? '' : String(value) } }, text);
}

function shiftUsd(amount) {
  if (Math.abs(amount) < 0.5) {
    return '0';
  }
  return `${signOf(amount)}${formatNumber(Math.abs(amount))}`;
}

// ---------------------------------------------------------------------------------------------------------------
// One cluster and resource: the daily path, the facts, the headroom, the order

function renderDetail(plan, selected, path) {
  const detail = document.getElementById('detail-view');
  if (!selected) {
    detail.hidden = true;
    return;
  }
  detail.hidden = false;
  renderPathChart(selected, path);
  renderFacts(plan, selected);
  renderSupplyMonths(selected);
  renderHeadroom(selected);
  renderOrder(plan, selected);
}

function chartOf(id) {
  const echarts = window.echarts;
  if (!echarts) {
    throw new Error('the chart library did not load');
  }
  const container = document.getElementById(id);
  return echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });
}

// A band is two stacked series: its lower end, invisible, and its width on top of it, shaded.
function band(id, name, color, days, lower, upper) {
  const shared = { name, stack: id, stackStrategy: 'all', silent: true, color, type: 'line', showSymbol: false };
  return [
    { ...shared, id: `${id}-base`, lineStyle: { opacity: 0 }, data: days.map((day) => [day.day, lower(day)]) },
    {
      ...shared,
      id,
      lineStyle: { opacity: 0 },
      areaStyle: { opacity: 0.16 },
      data: days.map((day) => [day.day, upper(day) - lower(day)]),
    },
  ];
}

function renderPathChart(entry, path) {
  const unit = entry.unit;
  const resource = RESOURCE_LABELS[entry.resource] ?? entry.resource;
  document.getElementById('path-title').textContent = `${resource} demand against usable supply, cluster ${entry.cluster}`;
  const days = path.days;
  const container = document.getElementById('path-chart');
  container.setAttribute(
    'aria-label',
    `Line chart of daily ${resource.toLowerCase()} demand P50, P90 and P99 against usable supply in ${unit}`,
  );
  document.getElementById('path-sub').textContent = days.length === 0
    ? `The plan has no demand forecast for ${resource.toLowerCase()} in this cluster, so no daily path.`
    : `Daily, ${days[0].day} to ${days[days.length - 1].day}, in ${unit}: median (P50) demand with the band up to its `
      + '99% quantile and the P90 line, against the usable supply (expected failures and retirements, open orders from '
      + 'their median arrival day) with \u00b1 one standard deviation (shaded). Dashed vertical lines mark the days '
      + 'P50, P90 and P99 demand first exceed it, and the need-by day.';
  // One line per day marked; days marked twice (P99 and need-by on the first day, say) share a line and a label.
  const marks = new Map();
  for (const [name, date] of [
    ['P50', entry.exhaustion_p50],
    ['P90', entry.exhaustion_p90],
    ['P99', entry.exhaustion_p99],
    ['need by', entry.need_by],
  ]) {
    if (date !== null) {
      marks.set(date, [...(marks.get(date) ?? []), name]);
    }
  }
  const series = [
    ...band('demand-band', 'Demand P50\u2013P99', COLORS.demand, days, (day) => day.demand_p50, (day) => day.demand_p99),
    {
      id: 'demand-p90',
      name: 'Demand P90',
      type: 'line',
      showSymbol: false,
      color: COLORS.demand,
      lineStyle: { width: 1, type: 'dashed' },
      data: days.map((day) => [day.day, day.demand_p90]),
    },
    {
      id: 'demand-p50',
      name: 'Demand P50',
      type: 'line',
      showSymbol: false,
      color: COLORS.demand,
      lineStyle: { width: 2 },
      data: days.map((day) => [day.day, day.demand_p50]),
      markLine: {
        silent: true,
        symbol: 'none',
        data: [...marks.entries()].map(([date, names]) => ({
          name: names.join(' · '),
          xAxis: date,
          lineStyle: { color: COLORS.mark, type: 'dashed' },
          label: { formatter: `${names.join(' · ')} ${date}`, position: 'insideEndTop', color: COLORS.mark },
        })),
      },
    },
    ...band('supply-band', 'Usable supply \u00b1 sd', COLORS.supply, days,
      (day) => day.supply - day.supply_sd, (day) => day.supply + day.supply_sd),
    {
      id: 'supply',
      name: 'Usable supply',
      type: 'line',
      showSymbol: false,
      color: COLORS.supply,
      lineStyle: { width: 2 },
      data: days.map((day) => [day.day, day.supply]),
    },
  ];
  const chart = chartOf('path-chart');
  chart.setOption(
    {
      ...dailyChartOptions(unit),
      legend: { top: 0, right: 0, data: ['Demand P50', 'Demand P90', 'Demand P50\u2013P99', 'Usable supply', 'Usable supply \u00b1 sd'] },
      tooltip: {
        trigger: 'axis',
        formatter: (items) => pathTooltip(items, days, unit),
      },
      series,
    },
    { notMerge: true },
  );
}

function pathTooltip(items, days, unit) {
  const day = days[items[0]?.dataIndex];
  if (!day) {
    return '';
  }
  const row = (label, value) => `${label}: ${formatQuantity(value, unit)}`;
  return [
    day.day,
    row('Demand P50', day.demand_p50),
    row('Demand P90', day.demand_p90),
    row('Demand P99', day.demand_p99),
    row('Usable supply', day.supply),
    `\u00b1 ${formatQuantity(day.supply_sd, unit)} (1 sd)`,
  ].join('<br>');
}

function renderFacts(plan, entry) {
  const unit = entry.unit;
  document.getElementById('facts-title').textContent = `${RESOURCE_LABELS[entry.resource] ?? entry.resource} in cluster ${entry.cluster}`;
  document.getElementById('facts-sub').textContent = `Site ${entry.site || MISSING}, region ${entry.region || MISSING}; `
    + `${formatNumber(plan.horizon_days)} days after ${plan.as_of}, service level ${plan.service_level}.`;
  const facts = [
    ['Usable supply', `${formatQuantity(entry.supply, unit)} now, ${formatQuantity(entry.supply_at_end, unit)} at the horizon`],
    ['Demand P50', `${formatQuantity(entry.demand_p50, unit)} now, ${formatQuantity(entry.demand_p50_at_end, unit)} at the horizon`],
    ['Demand at the horizon', `P90 ${formatQuantity(entry.demand_p90_at_end, unit)}, P99 ${formatQuantity(entry.demand_p99_at_end, unit)}`],
    ['Runs out', `P50 ${entry.exhaustion_p50 ?? MISSING}, P90 ${entry.exhaustion_p90 ?? MISSING}, P99 ${entry.exhaustion_p99 ?? MISSING}`],
    ['Need by', entry.need_by ?? `${MISSING} (P50 demand plus headroom stays within usable supply)`],
    ['Shortfall', formatQuantity(entry.shortfall, unit)],
    ['Over the horizon', `${formatQuantity(entry.failures_expected, unit)} expected to fail, `
      + `${formatQuantity(entry.retiring, unit)} retiring, ${formatQuantity(entry.arriving, unit)} arriving on open orders`],
    ['Demand model', entry.demand_model],
  ];
  if (entry.reserved != null && entry.on_demand != null) {
    const reserved = `${formatQuantity(entry.reserved, unit)} reserved`;
    const onDemand = `${formatQuantity(entry.on_demand, unit)} on demand`;
    facts.push(['Cloud instances', entry.elastic
      ? `${reserved}, ${onDemand} now; the cluster scales on demand, so it never runs out`
      : `${reserved} (in usable supply), ${onDemand} now (left out: they come and go with demand)`]);
  }
  if (entry.launches.length > 0) {
    facts.push(['Launches', entry.launches.join('; ')]);
  }
  if (entry.notes.length > 0) {
    facts.push(['Notes', entry.notes.join('; ')]);
  }
  document.getElementById('entry-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      element('dt', {}, term),
      element('dd', { dataset: { fact: term.toLowerCase().replace(/[^a-z0-9]+/g, '-') } }, value),
    ]),
  );
}

const SUPPLY_FLOWS = ['opening', 'failing', 'retiring', 'arriving', 'closing'];

/** The usable supply month by month: what each month opens with, loses, gains and closes with. */
function renderSupplyMonths(entry) {
  const body = document.querySelector('#supply-months-table tbody');
  const months = entry.supply_by_month;
  if (!months || months.length === 0) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '6', className: 'empty' },
      months ? 'No supply path for this resource.' : 'Not in plans stored before 2026-12-07.')));
    return;
  }
  body.replaceChildren(...months.map((month) => element(
    'tr',
    { dataset: { month: month.month } },
    element('th', { scope: 'row' }, month.month),
    ...SUPPLY_FLOWS.map((flow) => element(
      'td',
      { className: 'num', dataset: { flow, amount: String(month[flow]) } },
      formatQuantity(month[flow], entry.unit),
    )),
  )));
}

function componentLabel(name) {
  const text = name.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderHeadroom(entry) {
  const headroom = entry.headroom;
  document.getElementById('headroom-sub').textContent = 'The buffer held above median (P50) demand, part by part; '
    + `P50 demand plus this first exceeding usable supply is the need-by day. In ${headroom.unit}.`;
  document.getElementById('headroom-amount-col').textContent = `Amount (${headroom.unit})`;
  document.querySelector('#headroom-table tbody').replaceChildren(
    ...headroom.components.map((component) => element(
      'tr',
      { dataset: { component: component.name } },
      element('th', { scope: 'row' }, componentLabel(component.name)),
      element('td', { className: 'num', dataset: { amount: String(component.amount) } },
        formatQuantity(component.amount, headroom.unit)),
      element('td', { className: 'wrap' }, component.explanation),
    )),
  );
  document.querySelector('#headroom-table tfoot').replaceChildren(
    element(
      'tr',
      { dataset: { component: 'total' } },
      element('th', { scope: 'row' }, 'Total'),
      element('td', { className: 'num' }, formatQuantity(headroom.total, headroom.unit)),
      element('td', {}, ''),
    ),
  );
  const errors = headroom.backtest_errors ?? [];
  document.getElementById('headroom-errors').textContent = errors.length === 0
    ? ''
    : `This cluster's own backtest errors ${formatNumber(headroom.lead_time_days)} days ahead, newest origin first `
      + `(actual minus forecast, in % of the forecast): ${errors.map(signedPercent).join(', ')}.`;
}

/** A relative error as a signed percentage: "+2.96%", "−1.92%". */
function signedPercent(fraction) {
  const percent = Math.round(10000 * fraction) / 100;
  return `${signOf(percent)}${formatter(2).format(Math.abs(percent))}%`;
}

/** "+" above zero, a minus sign below it, nothing at zero. */
function signOf(value) {
  return value > 0 ? '+' : value < 0 ? '\u2212' : '';
}

/** "Order 40 × compute-2024 for cluster c1 (site dc1) by 2026-12-01 (need by 2027-03-01, lead time 90 days)". */
function orderSentence(order) {
  return `Order ${formatNumber(order.quantity)} \u00d7 ${order.sku} for cluster ${order.cluster} (site ${order.site}) `
    + `by ${order.order_by} (need by ${order.need_by}, lead time ${formatNumber(order.lead_time_days)} days): `
    + `${formatNumber(order.cost)} ${order.currency}, sized by ${RESOURCE_LABELS[order.binding_resource] ?? order.binding_resource}.`;
}

function renderOrder(plan, entry) {
  const clusterEntries = plan.clusters.filter((candidate) => candidate.cluster === entry.cluster);
  const orders = ordersOf(clusterEntries).sort((a, b) => a.need_by.localeCompare(b.need_by));
  document.getElementById('order-sub').textContent = 'Orders in quarterly tranches: each brings the cluster to the '
    + 'largest shortfall of any resource in the 91 days from its need-by day and is due the lead time before it; '
    + 'every line says why.';
  const container = document.getElementById('order');
  if (orders.length === 0) {
    const reason = entry.elastic
      ? 'A cloud cluster scales on demand: it does not run out and gets no orders.'
      : entry.notes.find((note) => note.startsWith('short of capacity'))
        ?? `None: P50 demand plus headroom stays within usable supply for every resource of cluster ${entry.cluster} `
          + 'through the horizon.';
    container.replaceChildren(element('p', { className: 'order-none', dataset: { order: 'none' } }, reason));
    return;
  }
  container.replaceChildren(
    ...orders.map((order) => element(
      'div',
      { className: 'order', dataset: { order: order.sku, needBy: order.need_by } },
      element(
        'p',
        { className: 'order-line' },
        orderSentence(order),
        ...(order.late ? [' ', element('span', { className: 'badge badge-removed' }, 'late: order now')] : []),
      ),
      element('ol', { className: 'order-why' }, ...order.why.map((line) => element('li', {}, line))),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('capacity-controls');

controls.addEventListener('change', (event) => {
  if (event.target.name === 'version') {
    navigate({ ...readState(), version: event.target.value || undefined });
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  window.echarts?.getInstanceByDom(document.getElementById('path-chart'))?.resize();
});

renderNavigation('capacity');
loadStatus();
load();
