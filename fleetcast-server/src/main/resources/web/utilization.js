// Fleetcast dashboard: the Utilization page.
//
// The utilization and allocation sections of a stored capacity plan (what `fleetcast plan` writes). The Utilization
// tab: per service, cluster and resource, daily use and allocation at P50, P95 and max against the cluster's supply,
// with a status; per SKU, its part of its clusters' use (attributed by capacity share); stranded capacity;
// rightsizing recommendations with their savings. It drills down region → site → cluster → service. The Allocation
// tab: the allocation pools (free supply per cluster and resource shared among the requests for capacity) and, for
// the chosen pool, its priorities and every request with what it was granted and why.
// It calls only api/capacity and api/capacity/versions (docs/dashboard.md). The view lives in the query string
// (version, region, site, cluster, service, tab, pool), so back and forward move between views.

import {
  MISSING,
  apiQuery,
  element,
  formatNumber,
  formatPercent,
  formatQuantity,
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
const LEVEL_LABELS = { fleet: 'Fleet', region: 'Region', site: 'Site', cluster: 'Cluster', service: 'Service' };
const LEVEL_PLURALS = { region: 'Regions', site: 'Sites', cluster: 'Clusters' };
const NEXT_LEVEL = { fleet: 'region', region: 'site', site: 'cluster' };
const RESOURCES = ['cpu', 'memory', 'storage'];
const RESOURCE_LABELS = { cpu: 'CPU', memory: 'Memory', storage: 'Storage' };
const STATUS = {
  idle: { label: 'Idle', badge: 'badge-pending' },
  under_used: { label: 'Under-used', badge: 'badge-pending' },
  well_used: { label: 'Well used', badge: 'badge-applied' },
  above_allocation: { label: 'Above allocation', badge: 'badge-removed' },
  unallocated: { label: 'No allocation', badge: 'badge-unchanged' },
};
const OUTCOMES = {
  full: { label: 'In full', badge: 'badge-applied' },
  partial: { label: 'Partly', badge: 'badge-pending' },
  none: { label: 'Nothing', badge: 'badge-removed' },
};
const ALLOCATION = 'allocation';

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(['version', ...SCOPE_LEVELS, 'service', 'tab', 'pool']);

const { navigate, viewLink, drillRow } = viewNavigation(urlOf, () => load());

/** The view of {@code scope} down to {@code level} (a service below a cluster too), on the same tab. */
function scopedState(scope, level, state) {
  const next = { version: state.version, tab: state.tab };
  const depth = level === 'fleet' ? 0 : level === 'service' ? SCOPE_LEVELS.length : SCOPE_LEVELS.indexOf(level) + 1;
  for (const name of SCOPE_LEVELS.slice(0, depth)) {
    if (scope[name]) {
      next[name] = scope[name];
    }
  }
  if (level === 'service') {
    next.service = scope.service;
  }
  return next;
}

function poolKey(pool) {
  return `${pool.cluster}/${pool.resource}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sums

function resourceOrder(a, b) {
  const rank = (resource) => (RESOURCES.includes(resource) ? RESOURCES.indexOf(resource) : RESOURCES.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function sum(rows, key) {
  return rows.reduce((total, row) => total + (row[key] ?? 0), 0);
}

/**
 * Per resource, the sums over {@code rows} (utilization rows) of used P50, P95 and max and of the allocation now, and
 * the supply of the clusters they are in (each cluster once): sums of the services' percentiles, not percentiles of
 * the sum.
 */
function totalsByResource(rows) {
  const byResource = new Map();
  for (const row of rows) {
    if (!byResource.has(row.resource)) {
      byResource.set(row.resource, []);
    }
    byResource.get(row.resource).push(row);
  }
  return [...byResource.keys()].sort(resourceOrder).map((resource) => {
    const group = byResource.get(resource);
    const supplies = new Map(group.map((row) => [row.cluster, row.cluster_supply]));
    return {
      resource,
      unit: group[0].unit,
      services: new Set(group.map((row) => row.service)).size,
      used_p50: sum(group, 'used_p50'),
      used_p95: sum(group, 'used_p95'),
      used_max: sum(group, 'used_max'),
      allocated_now: sum(group, 'allocated_now'),
      supply: [...supplies.values()].reduce((total, supply) => total + supply, 0),
      idle_or_under_used: group.filter((row) => row.status === 'idle' || row.status === 'under_used').length,
    };
  });
}

/** The sum of {@code key} over {@code rows}, or null where no row has it. */
function sumOrNull(rows, key) {
  const values = rows.map((row) => row[key]).filter((value) => value !== null && value !== undefined);
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0);
}

/**
 * Per SKU and resource, the sums over {@code rows} (utilization_by_sku rows, one per cluster) of servers, supply, use
 * at P95 and allocation now: the clusters' figures attributed to their SKUs by capacity share, then added up.
 * Resources in order, then most supply first.
 */
function totalsBySku(rows) {
  const bySku = new Map();
  for (const row of rows) {
    const key = `${row.sku}/${row.resource}`;
    if (!bySku.has(key)) {
      bySku.set(key, []);
    }
    bySku.get(key).push(row);
  }
  return [...bySku.entries()].map(([key, group]) => ({
    key,
    sku: group[0].sku,
    kind: group[0].kind,
    resource: group[0].resource,
    unit: group[0].unit,
    clusters: new Set(group.map((row) => row.cluster)).size,
    servers: sum(group, 'servers'),
    supply: sum(group, 'supply'),
    used_p95: sumOrNull(group, 'used_p95'),
    allocated_now: sumOrNull(group, 'allocated_now'),
  })).sort((a, b) => resourceOrder(a.resource, b.resource) || b.supply - a.supply || a.sku.localeCompare(b.sku));
}

/** Most money first; rows without a price after, by amount. */
function bySaving(amountKey) {
  return (a, b) => {
    if ((a.usd_per_month === null) !== (b.usd_per_month === null)) {
      return a.usd_per_month === null ? 1 : -1;
    }
    return (b.usd_per_month ?? 0) - (a.usd_per_month ?? 0) || b[amountKey] - a[amountKey];
  };
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
    if (stale()) {
      return state;
    }
    // The page fills in what the URL left to it (a cluster's site and region, the pool shown).
    const view = viewOf(plan, state);
    hideError();
    render(plan, versions, view);
    return view.state;
  },
  failed: (state) => renderBreadcrumb({ ...state }, scopeLevel(state), state),
});

function scopeLevel(state) {
  if (state.cluster && state.service) {
    return 'service';
  }
  return [...SCOPE_LEVELS].reverse().find((level) => state[level]) ?? 'fleet';
}

/**
 * What the page shows for {@code state}: the scope (the API's, with the service below a cluster), the rows in it, the
 * pool chosen, the canonical state and any note.
 */
function viewOf(plan, state) {
  const notes = [];
  const scope = { ...plan.scope };
  let level = scope.level;
  let utilization = plan.utilization;
  let rightsizing = plan.rightsizing;
  if (state.service && level === 'cluster') {
    const rows = utilization.filter((row) => row.service === state.service);
    if (rows.length === 0) {
      notes.push(`Cluster ${scope.cluster} has no service ${state.service} in plan v${plan.plan_version}; showing the `
        + 'whole cluster.');
    } else {
      scope.service = state.service;
      level = 'service';
      utilization = rows;
      rightsizing = rightsizing.filter((row) => row.service === state.service);
    }
  }
  scope.level = level;
  const tab = state.tab === ALLOCATION ? ALLOCATION : undefined;
  const canonical = scopedState(scope, level, { version: state.version, tab });
  let pool = null;
  if (tab === ALLOCATION) {
    pool = plan.allocation_pools.find((candidate) => poolKey(candidate) === state.pool) ?? null;
    if (state.pool && pool === null) {
      notes.push(`There is no allocation pool ${state.pool} here; showing the one with the most unmet demand.`);
    }
    pool ??= [...plan.allocation_pools].sort((a, b) => b.unmet - a.unmet)[0] ?? null;
    if (pool !== null) {
      canonical.pool = poolKey(pool);
    }
  }
  if (plan.what_if.length > 0) {
    notes.push(`What-if plan: ${plan.what_if.join('; ')}.`);
  }
  const skus = plan.utilization_by_sku ?? null;
  return { scope, utilization, rightsizing, skus, pool, state: canonical, note: notes.join(' ') || null };
}

function showNoPlan() {
  document.getElementById('plan-view').hidden = true;
  document.getElementById('utilization-controls').hidden = true;
  renderBreadcrumb({}, 'fleet', {});
  renderNote('No capacity plan is stored yet. Run \u201cfleetcast plan\u201d (each run stores a plan version with '
    + 'its utilization and allocation sections, which this page shows) and reload.');
}

function renderNote(text) {
  const note = document.getElementById('note');
  note.textContent = text ?? '';
  note.hidden = !text;
}

function render(plan, versions, view) {
  document.getElementById('plan-view').hidden = false;
  document.getElementById('utilization-controls').hidden = false;
  const { scope, state } = view;
  const name = scope.level === 'fleet' ? 'Utilization' : `${LEVEL_LABELS[scope.level]} ${scope[scope.level]}`;
  document.getElementById('page-title').textContent = name;
  document.title = `${name} · Utilization · Fleetcast`;
  renderBreadcrumb(scope, scope.level, state);
  renderPlanVersions(versions, state.version);
  renderTabs(state);
  renderNote(view.note);
  renderKpis(plan, view);
  const allocation = state.tab === ALLOCATION;
  document.getElementById('utilization-view').hidden = allocation;
  document.getElementById('allocation-view').hidden = !allocation;
  if (allocation) {
    renderPools(plan, view);
    renderPool(plan, view.pool);
  } else {
    renderTotals(view);
    renderGroups(view);
    renderSkus(view);
    renderServices(view);
    renderStranded(plan, view);
    renderRightsizing(view);
  }
}

function renderBreadcrumb(scope, level, state) {
  const path = [{ level: 'fleet', name: 'Utilization' }];
  for (const each of [...SCOPE_LEVELS, 'service']) {
    if (scope[each] && (each !== 'service' || level === 'service')) {
      path.push({ level: each, name: scope[each] });
    }
  }
  renderCrumbs(path, LEVEL_LABELS, (crumb, ...label) => viewLink(scopedState(scope, crumb.level, state), ...label));
}

function renderTabs(state) {
  const tab = (id, label, target) => {
    const link = viewLink(target, label);
    link.className = 'preset';
    link.id = `tab-${id}`;
    link.setAttribute('role', 'tab');
    link.setAttribute('aria-selected', String((state.tab ?? 'utilization') === id));
    link.dataset.tab = id;
    return link;
  };
  const base = { ...state, pool: undefined };
  document.getElementById('tabs').replaceChildren(
    tab('utilization', 'Utilization', { ...base, tab: undefined }),
    tab(ALLOCATION, 'Allocation', { ...base, tab: ALLOCATION }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Totals

function plural(count, noun) {
  return count === 1 ? noun : `${noun}s`;
}

function renderKpis(plan, view) {
  const rows = view.utilization;
  const services = new Set(rows.map((row) => row.service)).size;
  const clusters = new Set(rows.map((row) => row.cluster)).size;
  const count = (...statuses) => rows.filter((row) => statuses.includes(row.status)).length;
  const idle = count('idle', 'under_used');
  const stranded = sum(plan.stranded, 'usd_per_month');
  const saving = sum(view.rightsizing, 'usd_per_month');
  const short = plan.allocations.filter((request) => request.outcome !== 'full');
  const shortPools = plan.allocation_pools.filter((pool) => pool.unmet > 0).length;
  document.getElementById('kpis').replaceChildren(
    tile(
      'services',
      'Services',
      numberValue(services, plural(services, 'service')),
      `in ${clusters} ${plural(clusters, 'cluster')}; plan v${plan.plan_version}, as of ${plan.as_of}`,
    ),
    tile(
      'idle',
      'Idle or under-used',
      numberValue(idle, plural(idle, 'allocation')),
      `of ${rows.length} service resources; ${count('above_allocation')} above their allocation, `
        + `${count('unallocated')} without one`,
    ),
    tile(
      'stranded',
      'Stranded capacity',
      numberValue(stranded, 'USD/month'),
      `${plan.stranded.length} ${plural(plan.stranded.length, 'resource')} idle beside an exhausted one`,
    ),
    tile(
      'rightsizing',
      'Rightsizing savings',
      numberValue(saving, 'USD/month'),
      `${view.rightsizing.length} ${plural(view.rightsizing.length, 'allocation')} to shrink`,
    ),
    tile(
      'short',
      'Requests short',
      numberValue(short.length, plural(short.length, 'request')),
      `of ${plan.allocations.length}; ${shortPools} of ${plan.allocation_pools.length} pools short`,
    ),
  );
}

function amountCell(value, unit, field) {
  return element(
    'td',
    { className: 'num', dataset: { field, value: value === null || value === undefined ? '' : String(value) } },
    formatQuantity(value, unit),
  );
}

function usdCell(value, field) {
  return element(
    'td',
    { className: 'num', dataset: { field, value: value === null ? '' : String(value) } },
    formatNumber(value),
  );
}

function shareCell(part, whole, field) {
  return element('td', { className: 'num', dataset: { field } }, formatPercent(part, whole));
}

function statusCell(status) {
  const known = STATUS[status] ?? { label: status, badge: 'badge-unchanged' };
  return element('td', { dataset: { field: 'status', value: status } },
    element('span', { className: `badge ${known.badge}` }, known.label));
}

function emptyRow(columns, text) {
  return element('tr', {}, element('td', { colspan: String(columns), className: 'empty' }, text));
}

function where(scope) {
  return scope.level === 'fleet' ? 'the plan' : `${LEVEL_LABELS[scope.level].toLowerCase()} ${scope[scope.level]}`;
}

function renderTotals(view) {
  document.getElementById('totals-sub').textContent = `Per resource in ${where(view.scope)}: the sums of the `
    + 'services\u2019 daily use at P50, P95 and max over the utilization window (sums of percentiles, not '
    + 'percentiles of the sum), their allocations now, and the supply of their clusters.';
  const totals = totalsByResource(view.utilization);
  const body = document.querySelector('#totals-table tbody');
  if (totals.length === 0) {
    body.replaceChildren(emptyRow(8, 'The plan has no utilization here: it needs daily usage per service.'));
    return;
  }
  body.replaceChildren(
    ...totals.map((total) => element(
      'tr',
      { dataset: { key: total.resource } },
      element('th', { scope: 'row' }, RESOURCE_LABELS[total.resource] ?? total.resource),
      amountCell(total.used_p50, total.unit, 'used_p50'),
      amountCell(total.used_p95, total.unit, 'used_p95'),
      amountCell(total.used_max, total.unit, 'used_max'),
      amountCell(total.allocated_now, total.unit, 'allocated_now'),
      amountCell(total.supply, total.unit, 'supply'),
      shareCell(total.allocated_now, total.supply, 'allocated_of_supply'),
      shareCell(total.used_p95, total.allocated_now, 'used_of_allocated'),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Drill-down

function renderGroups(view) {
  const card = document.getElementById('groups-card');
  const { scope, state } = view;
  const level = NEXT_LEVEL[scope.level];
  if (!level) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  document.getElementById('groups-title').textContent = `${LEVEL_PLURALS[level]} in ${where(scope)}`;
  document.getElementById('group-col').textContent = LEVEL_LABELS[level];
  document.getElementById('groups-sub').textContent = `Each of the ${LEVEL_PLURALS[level].toLowerCase()} per `
    + 'resource: its services, their summed use at P95 and allocations now against its supply, and how many '
    + 'allocations are idle or under-used. Choose one to drill down.';
  const groups = new Map();
  for (const row of view.utilization) {
    const key = row[level] ?? '';
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(row);
  }
  const body = document.querySelector('#groups-table tbody');
  if (groups.size === 0) {
    body.replaceChildren(emptyRow(9, 'No utilization here.'));
    return;
  }
  body.replaceChildren(
    ...[...groups.keys()].sort().flatMap((key) => totalsByResource(groups.get(key)).map((total) => {
      const resource = RESOURCE_LABELS[total.resource] ?? total.resource;
      const cells = [
        element('td', {}, resource),
        element('td', { className: 'num' }, formatNumber(total.services)),
        amountCell(total.used_p95, total.unit, 'used_p95'),
        amountCell(total.allocated_now, total.unit, 'allocated_now'),
        amountCell(total.supply, total.unit, 'supply'),
        shareCell(total.allocated_now, total.supply, 'allocated_of_supply'),
        shareCell(total.used_p95, total.allocated_now, 'used_of_allocated'),
        element('td', { className: 'num', dataset: { field: 'idle' } }, formatNumber(total.idle_or_under_used)),
      ];
      const dataset = { key: `${key}/${total.resource}`, group: key, resource: total.resource };
      if (key === '') {
        return element('tr', { dataset }, element('th', { scope: 'row' }, '(no place)'), ...cells);
      }
      const target = { ...scopedState(scope, scope.level, state), [level]: key };
      return drillRow(target, { dataset }, element('th', { scope: 'row' }, viewLink(target, key)), ...cells);
    })),
  );
}

function renderSkus(view) {
  const { scope } = view;
  const place = scope.level === 'service' ? { ...scope, level: 'cluster' } : scope;
  document.getElementById('skus-title').textContent = `SKUs in ${where(place)}`;
  document.getElementById('skus-sub').textContent = 'Per SKU and resource: its servers and capacity on the '
    + 'window\u2019s last day, and its part of its clusters\u2019 use at P95 and allocations now. Usage is recorded '
    + 'per service and cluster, not per server, so each cluster\u2019s use is attributed to its SKUs in proportion to '
    + 'their capacity (exact in a cluster of one SKU), and summed over clusters: sums of percentiles, not '
    + 'percentiles of the sum.';
  const body = document.querySelector('#skus-table tbody');
  if (view.skus === null) {
    body.replaceChildren(emptyRow(10, 'This plan was stored before plans kept use per SKU: run \u201cfleetcast '
      + 'plan\u201d again to see it.'));
    return;
  }
  const totals = totalsBySku(view.skus);
  if (totals.length === 0) {
    body.replaceChildren(emptyRow(10, 'No SKU has capacity here in the utilization window.'));
    return;
  }
  body.replaceChildren(
    ...totals.map((total) => element(
      'tr',
      { dataset: { key: total.key, sku: total.sku, resource: total.resource } },
      element('th', { scope: 'row' }, total.sku),
      element('td', {}, total.kind || MISSING),
      element('td', {}, RESOURCE_LABELS[total.resource] ?? total.resource),
      element('td', { className: 'num', dataset: { field: 'clusters', value: String(total.clusters) } },
        formatNumber(total.clusters)),
      element('td', { className: 'num', dataset: { field: 'servers', value: String(total.servers) } },
        formatNumber(total.servers)),
      amountCell(total.used_p95, total.unit, 'used_p95'),
      amountCell(total.allocated_now, total.unit, 'allocated_now'),
      amountCell(total.supply, total.unit, 'supply'),
      shareCell(total.allocated_now, total.supply, 'allocated_of_supply'),
      shareCell(total.used_p95, total.supply, 'used_of_supply'),
    )),
  );
}

function renderServices(view) {
  const card = document.getElementById('services-card');
  const { scope, state } = view;
  if (scope.level !== 'cluster' && scope.level !== 'service') {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  document.getElementById('services-title').textContent = scope.level === 'service'
    ? `Service ${scope.service} in cluster ${scope.cluster}`
    : `Services in cluster ${scope.cluster}`;
  document.getElementById('services-sub').textContent = 'Daily use and allocation over the utilization window at '
    + 'P50, P95 and max, the allocation now and its share of the cluster\u2019s supply, and P95 use over the '
    + 'allocation now, which sets the status.' + (scope.level === 'cluster' ? ' Choose a service to see only it.' : '');
  const rows = [...view.utilization].sort((a, b) => a.service.localeCompare(b.service)
    || resourceOrder(a.resource, b.resource));
  const body = document.querySelector('#services-table tbody');
  if (rows.length === 0) {
    body.replaceChildren(emptyRow(13, 'No services use this cluster in the utilization window.'));
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => {
      const unit = row.unit;
      const cells = [
        element('td', {}, RESOURCE_LABELS[row.resource] ?? row.resource),
        element('td', { className: 'num' }, formatNumber(row.days)),
        amountCell(row.used_p50, unit, 'used_p50'),
        amountCell(row.used_p95, unit, 'used_p95'),
        amountCell(row.used_max, unit, 'used_max'),
        amountCell(row.allocated_p50, unit, 'allocated_p50'),
        amountCell(row.allocated_p95, unit, 'allocated_p95'),
        amountCell(row.allocated_max, unit, 'allocated_max'),
        amountCell(row.allocated_now, unit, 'allocated_now'),
        shareCell(row.supply_share, 1, 'supply_share'),
        shareCell(row.used_to_allocated, 1, 'used_to_allocated'),
        statusCell(row.status),
      ];
      const dataset = { key: `${row.service}/${row.resource}`, service: row.service, resource: row.resource };
      if (scope.level === 'service') {
        return element('tr', { dataset }, element('th', { scope: 'row' }, row.service), ...cells);
      }
      const target = { ...scopedState(scope, 'cluster', state), service: row.service };
      return drillRow(target, { dataset }, element('th', { scope: 'row' }, viewLink(target, row.service)), ...cells);
    }),
  );
}

function renderStranded(plan, view) {
  document.getElementById('stranded-sub').textContent = 'Where one resource of a cluster\u2019s host shapes is '
    + 'exhausted while another idles: the idle part cannot be used without the exhausted one. Stranded = supply '
    + '\u00d7 (the exhausted resource\u2019s held fraction \u2212 this one\u2019s), and its cost per month. '
    + `Most money first, in ${where(view.scope.level === 'service' ? { ...view.scope, level: 'cluster' } : view.scope)}.`;
  const rows = [...plan.stranded].sort(bySaving('stranded'));
  const body = document.querySelector('#stranded-table tbody');
  if (rows.length === 0) {
    body.replaceChildren(emptyRow(7, 'No stranded capacity: no cluster has one resource exhausted while another idles.'));
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => element(
      'tr',
      { dataset: { key: `${row.cluster}/${row.resource}` } },
      element('th', { scope: 'row' }, row.cluster),
      element('td', {}, row.host_shapes.join(', ') || MISSING),
      element('td', {}, `${RESOURCE_LABELS[row.binding] ?? row.binding}, ${formatPercent(row.binding_fraction, 1)} held`),
      element('td', {}, `${RESOURCE_LABELS[row.resource] ?? row.resource}, ${formatPercent(row.fraction, 1)} held`),
      amountCell(row.supply, row.unit, 'supply'),
      amountCell(row.stranded, row.unit, 'stranded'),
      usdCell(row.usd_per_month, 'usd_per_month'),
    )),
  );
}

function renderRightsizing(view) {
  document.getElementById('rightsizing-sub').textContent = 'Allocations to shrink to P95 use plus a margin '
    + '(recommended), freeing the reclaimable amount, with what that saves per month at the cluster\u2019s rates. '
    + `Largest saving first, in ${where(view.scope)}.`;
  const rows = [...view.rightsizing].sort(bySaving('reclaimable'));
  const body = document.querySelector('#rightsizing-table tbody');
  if (rows.length === 0) {
    body.replaceChildren(emptyRow(9, 'Nothing to rightsize: no allocation here is idle or under-used.'));
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => element(
      'tr',
      { dataset: { key: `${row.service}/${row.cluster}/${row.resource}` } },
      element('th', { scope: 'row' }, row.service),
      element('td', {}, row.cluster),
      element('td', {}, RESOURCE_LABELS[row.resource] ?? row.resource),
      statusCell(row.status),
      amountCell(row.used_p95, row.unit, 'used_p95'),
      amountCell(row.allocated_now, row.unit, 'allocated_now'),
      amountCell(row.recommended, row.unit, 'recommended'),
      amountCell(row.reclaimable, row.unit, 'reclaimable'),
      usdCell(row.usd_per_month, 'usd_per_month'),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Allocation

function renderPools(plan, view) {
  const { scope, state, pool: selected } = view;
  document.getElementById('pools-sub').textContent = `Per cluster and resource in ${where(scope)}: the free supply `
    + 'the plan leaves, what the requests for capacity ask for, what they are granted and what stays unmet, and the '
    + 'priority that had to share when supply ran short (P0 first; within a priority, weighted max-min fair). '
    + 'Choose a pool to see its requests.';
  const body = document.querySelector('#pools-table tbody');
  if (plan.allocation_pools.length === 0) {
    body.replaceChildren(emptyRow(8, 'No requests for capacity here: load them with \u201cfleetcast ingest requests\u201d '
      + 'and plan again.'));
    return;
  }
  body.replaceChildren(
    ...plan.allocation_pools.map((pool) => {
      const target = { ...state, pool: poolKey(pool) };
      const unit = pool.unit;
      const row = drillRow(
        target,
        { dataset: { key: poolKey(pool) } },
        element('th', { scope: 'row' }, viewLink(target, pool.cluster)),
        element('td', {}, RESOURCE_LABELS[pool.resource] ?? pool.resource),
        amountCell(pool.supply, unit, 'supply'),
        amountCell(pool.requested, unit, 'requested'),
        amountCell(pool.granted, unit, 'granted'),
        amountCell(pool.unmet, unit, 'unmet'),
        amountCell(pool.left, unit, 'left'),
        element('td', { dataset: { field: 'short_priority' } }, pool.short_priority ?? `${MISSING} (all served)`),
      );
      if (selected !== null && poolKey(selected) === poolKey(pool)) {
        row.setAttribute('aria-selected', 'true');
      }
      return row;
    }),
  );
}

function servingText(priority, unit) {
  switch (priority.serving) {
    case 'in_full':
      return 'in full';
    case 'shared':
      return `shared: each request that lacks gets ${formatQuantity(priority.fair_level, unit)} per unit of weight`;
    case 'none':
      return 'nothing: supply ran out before its turn';
    default:
      return priority.serving;
  }
}

function renderPool(plan, pool) {
  const detail = document.getElementById('pool-detail');
  if (pool === null) {
    detail.hidden = true;
    return;
  }
  detail.hidden = false;
  const unit = pool.unit;
  const resource = RESOURCE_LABELS[pool.resource] ?? pool.resource;
  document.getElementById('priorities-title').textContent = `${resource} in cluster ${pool.cluster}, by priority`;
  document.getElementById('priorities-sub').textContent = `${formatQuantity(pool.supply, unit)} free: each priority `
    + 'in turn gets what is available when its turn comes.' + (pool.note ? ` ${pool.note}` : '');
  document.querySelector('#priorities-table tbody').replaceChildren(
    ...pool.priorities.map((priority) => element(
      'tr',
      { dataset: { key: priority.priority, serving: priority.serving } },
      element('th', { scope: 'row' }, priority.priority),
      element('td', { className: 'num' }, formatNumber(priority.requests)),
      amountCell(priority.requested, unit, 'requested'),
      amountCell(priority.available, unit, 'available'),
      amountCell(priority.granted, unit, 'granted'),
      amountCell(priority.unmet, unit, 'unmet'),
      element('td', { className: 'wrap' }, servingText(priority, unit)),
    )),
  );
  const requests = plan.allocations.filter((request) => request.cluster === pool.cluster
    && request.resource === pool.resource);
  document.getElementById('requests-title').textContent = `Requests for ${resource.toLowerCase()} in cluster ${pool.cluster}`;
  document.getElementById('requests-sub').textContent = 'Every request in the pool, by priority: what it asked for, '
    + 'what it was granted and what stays unmet, and why, in a line.';
  document.querySelector('#requests-table tbody').replaceChildren(
    ...requests.map((request) => {
      const outcome = OUTCOMES[request.outcome] ?? { label: request.outcome, badge: 'badge-unchanged' };
      return element(
        'tr',
        { dataset: { key: request.request_id, outcome: request.outcome } },
        element('th', { scope: 'row', title: request.source }, request.request_id),
        element('td', {}, request.team),
        element('td', {}, request.service ?? MISSING),
        element('td', {}, request.priority),
        element('td', { className: 'num' }, request.needed_date),
        amountCell(request.quantity, request.unit, 'quantity'),
        amountCell(request.granted, request.unit, 'granted'),
        amountCell(request.unmet, request.unit, 'unmet'),
        element('td', {}, element('span', { className: `badge ${outcome.badge}` }, outcome.label)),
        element('td', { className: 'wrap', dataset: { field: 'explanation' } }, request.explanation),
      );
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('utilization-controls');

controls.addEventListener('change', (event) => {
  if (event.target.name === 'version') {
    navigate({ ...readState(), version: event.target.value || undefined });
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

window.addEventListener('popstate', () => load());

renderNavigation('utilization');
loadStatus();
load();
