// Fleetcast dashboard: the Reliability page.
//
// The fleet view lists the segments (SKUs, sites, regions, clusters or batches) ranked by B10 life with their fitted
// parameters, and the in-service units' expected failures per month; choosing a segment drills down to its
// Kaplan–Meier curve against the fitted reliability, its failure rate and its forecast. It calls only
// api/reliability and api/reliability/segment (docs/dashboard.md). The view lives in the query string (by, dist,
// value), so back and forward move between views.

import {
  MISSING,
  element,
  formatNumber,
  getJson,
  hideError,
  loadStatus,
  renderNavigation,
  urlState,
  viewLoader,
  viewNavigation,
} from './common.js';

const DEFAULT_BY = 'sku';
const DEFAULT_DIST = 'weibull2p';
const BY_LABELS = { sku: 'SKU', site: 'Site', region: 'Region', cluster: 'Cluster', batch: 'Batch' };
const BY_PLURALS = { sku: 'SKUs', site: 'sites', region: 'regions', cluster: 'clusters', batch: 'batches' };
const COLORS = { km: '#1b2430', fit: '#1d4f91', band: '#1d4f91', hazard: '#b23b3b', forecast: '#c2680a' };
const DAYS_PER_YEAR = 365.25;

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(['by', 'dist', 'value']);

/** The API's query for {@code state}: every parameter spelled out, so the answer does not depend on its defaults. */
function apiQuery(state, withValue) {
  const params = new URLSearchParams({ by: state.by ?? DEFAULT_BY, dist: state.dist ?? DEFAULT_DIST });
  if (withValue) {
    params.set('value', state.value);
  }
  return `?${params}`;
}

/** The URL of {@code state} without the parameters that say the defaults. */
function cleanUrlOf(state) {
  const clean = { ...state };
  if (clean.by === DEFAULT_BY) {
    delete clean.by;
  }
  if (clean.dist === DEFAULT_DIST) {
    delete clean.dist;
  }
  return urlOf(clean);
}

const { navigate, viewLink } = viewNavigation(cleanUrlOf, () => load());

// ---------------------------------------------------------------------------------------------------------------
// Page

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    syncControls(state);
    if (state.value) {
      const detail = await getJson(`api/reliability/segment${apiQuery(state, true)}`, signal);
      if (!stale()) {
        hideError();
        renderSegment(detail, state);
      }
    } else {
      const overview = await getJson(`api/reliability${apiQuery(state, false)}`, signal);
      if (!stale()) {
        hideError();
        renderFleet(overview, state);
      }
    }
    return state;
  },
  failed: (state) => renderBreadcrumb(state),
});

function showView(segment) {
  document.getElementById('fleet-view').hidden = segment;
  document.getElementById('segment-view').hidden = !segment;
}

function fleetState(state) {
  return { by: state.by, dist: state.dist };
}

function renderBreadcrumb(state) {
  const by = state.by ?? DEFAULT_BY;
  const crumbs = [];
  crumbs.push(element(
    'li',
    { dataset: { level: 'fleet' } },
    state.value
      ? viewLink(fleetState(state), `Reliability by ${BY_LABELS[by]}`)
      : element('span', { 'aria-current': 'page' }, `Reliability by ${BY_LABELS[by]}`),
  ));
  if (state.value) {
    crumbs.push(element(
      'li',
      { dataset: { level: 'segment' } },
      element(
        'span',
        { 'aria-current': 'page' },
        element('span', { className: 'crumb-level' }, BY_LABELS[by]),
        ` ${state.value}`,
      ),
    ));
  }
  document.getElementById('breadcrumb').replaceChildren(...crumbs);
}

function renderNote(text) {
  const note = document.getElementById('note');
  note.textContent = text ?? '';
  note.hidden = !text;
}

function tile(id, label, value, unit, sub) {
  const missing = value === null || value === undefined;
  const shown = missing
    ? element('span', { className: 'kpi-value' }, MISSING)
    : element(
      'span',
      { className: 'kpi-value' },
      element('span', { className: 'kpi-number' }, formatNumber(value)),
      ' ',
      element('span', { className: 'kpi-unit' }, unit),
    );
  return element(
    'li',
    { className: 'kpi', dataset: { kpi: id, value: missing ? '' : String(value) } },
    element('span', { className: 'kpi-label' }, label),
    shown,
    element('span', { className: 'kpi-sub' }, sub),
  );
}

function bounds(bounded, unit = '') {
  if (!bounded || bounded.lower === null || bounded.upper === null) {
    return MISSING;
  }
  return `${formatNumber(bounded.lower)} to ${formatNumber(bounded.upper)}${unit}`;
}

function formatParameter(value) {
  if (value === null || value === undefined) {
    return MISSING;
  }
  return Math.abs(value) >= 1000 ? formatNumber(value) : value.toPrecision(4);
}

/** "scale 512.3 (480.1–547.0), shape 1.812 (1.52–2.16)". */
function parameterText(parameters) {
  const entries = Object.entries(parameters);
  if (entries.length === 0) {
    return MISSING;
  }
  return entries
    .map(([name, p]) => `${name} ${formatParameter(p.estimate)}`
      + (p.lower === null ? '' : ` (${formatParameter(p.lower)}\u2013${formatParameter(p.upper)})`))
    .join(', ');
}

function chartOf(id) {
  const echarts = window.echarts;
  if (!echarts) {
    throw new Error('the chart library did not load');
  }
  const container = document.getElementById(id);
  return echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });
}

function baseOptions(xName, yName) {
  return {
    aria: { enabled: true },
    animationDuration: 250,
    grid: { left: 72, right: 32, top: 48, bottom: 48 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'right' } },
  };
}

// A band is two stacked series: its lower end, invisible, and its width on top of it, shaded.
function band(id, name, points, lower, upper, options) {
  const shared = {
    name,
    stack: id,
    stackStrategy: 'all',
    silent: true,
    color: COLORS.band,
    ...options,
  };
  return [
    { ...shared, id: `${id}-base`, type: 'line', showSymbol: false, lineStyle: { opacity: 0 }, data: points.map(lower) },
    {
      ...shared,
      id,
      type: 'line',
      showSymbol: false,
      lineStyle: { opacity: 0 },
      areaStyle: { opacity: 0.18 },
      data: points.map(upper),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Fleet view: the segment table and the fleet forecast

function renderFleet(overview, state) {
  showView(false);
  const by = overview.by;
  document.getElementById('page-title').textContent = `Reliability by ${BY_LABELS[by]}`;
  document.title = 'Reliability · Fleetcast';
  renderBreadcrumb(state);
  const totals = overview.totals;
  const outlook = totals.outlook;
  const asOf = overview.as_of;
  document.getElementById('kpis').replaceChildren(
    tile('units', 'Units', totals.units, 'units', asOf ? `installed up to ${asOf}` : 'no assets loaded'),
    tile('failures', 'Failures', totals.failures, 'failed', asOf ? `up to ${asOf}` : ''),
    tile('in-service', 'In service', totals.in_service, 'units', asOf ? `on ${asOf}` : ''),
    tile(
      'outlook',
      `Expected failures, next ${totals.outlook_months} months`,
      outlook.expected,
      'failures',
      `95% interval ${formatNumber(outlook.lower)} to ${formatNumber(outlook.upper)}`,
    ),
  );
  if (overview.segments.length === 0) {
    renderNote('No assets are stored yet, so there are no lives to fit. Load them with '
      + '\u201cfleetcast ingest assets FILE\u201d (or run fleetcast demo) and reload.');
    document.getElementById('fleet-view').hidden = true;
    return;
  }
  const unfitted = overview.segments.filter((segment) => segment.note !== null).length;
  renderNote(unfitted === 0 ? null : `${unfitted} of ${overview.segments.length} ${BY_PLURALS[by]} could not be`
    + ` fitted with ${overview.distribution} (too few failures); they are listed last with the reason.`);
  renderSegmentTable(overview, state);
  renderFleetForecast(overview);
}

function renderSegmentTable(overview, state) {
  const by = overview.by;
  document.getElementById('segment-col').textContent = BY_LABELS[by];
  document.getElementById('segments-sub').textContent =
    `${overview.distribution} fitted to each ${BY_LABELS[by].toLowerCase()}'s lives in days (install to failure; `
    + `retired and in-service units are suspensions), ages to ${overview.as_of}. B10: the age by which 10% have `
    + 'failed; the least reliable first. Choose one to see its curves.';
  const body = document.querySelector('#segments-table tbody');
  body.replaceChildren(
    ...overview.segments.map((segment) => {
      const target = { ...fleetState(state), value: segment.segment };
      const fitted = segment.note === null;
      const tr = element(
        'tr',
        { className: 'drillable', dataset: { key: segment.segment } },
        element('th', { scope: 'row' }, viewLink(target, segment.segment)),
        element('td', { className: 'num', dataset: { b10: fitted ? String(segment.b10_days.estimate) : '' } },
          fitted ? formatNumber(segment.b10_days.estimate) : MISSING),
        element('td', { className: 'num' }, fitted ? bounds(segment.b10_days) : MISSING),
        fitted
          ? element('td', {}, parameterText(segment.parameters))
          : element('td', { className: 'wrap note-cell' }, `not fitted: ${segment.note}`),
        element('td', { className: 'num' }, `${formatNumber(segment.failures)} / ${formatNumber(segment.units)}`),
        element('td', { className: 'num' }, formatNumber(segment.in_service)),
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

function renderFleetForecast(overview) {
  const months = overview.forecast.map((month) => month.month);
  document.getElementById('fleet-forecast-sub').textContent =
    `Failures expected among the ${formatNumber(overview.totals.in_service)} units in service, per month, by `
    + `${BY_LABELS[overview.by].toLowerCase()} (stacked), with the fleet's 95% interval.`;
  const series = overview.segment_forecasts.map((segment) => ({
    id: `segment:${segment.segment}`,
    name: segment.segment,
    type: 'bar',
    stack: 'segments',
    data: segment.months.map((month) => month.expected),
  }));
  series.push(
    {
      id: 'fleet-lower',
      name: 'Fleet 95% interval',
      type: 'line',
      color: COLORS.km,
      lineStyle: { type: 'dashed', width: 1 },
      symbol: 'none',
      data: overview.forecast.map((month) => month.lower),
    },
    {
      id: 'fleet-upper',
      name: 'Fleet 95% interval',
      type: 'line',
      color: COLORS.km,
      lineStyle: { type: 'dashed', width: 1 },
      symbol: 'none',
      data: overview.forecast.map((month) => month.upper),
    },
  );
  const chart = chartOf('fleet-forecast-chart');
  chart.setOption(
    {
      aria: { enabled: true },
      animationDuration: 250,
      grid: { left: 72, right: 32, top: 48, bottom: 40 },
      legend: { top: 0, right: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${formatNumber(value)} failures` },
      xAxis: { type: 'category', data: months, name: 'month', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'failures', nameTextStyle: { align: 'right' } },
      series,
    },
    { notMerge: true },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Segment view: the fit, Kaplan–Meier against the fitted curve, the failure rate, the forecast

function renderSegment(detail, state) {
  showView(true);
  const label = `${BY_LABELS[detail.by]} ${detail.value}`;
  document.getElementById('page-title').textContent = label;
  document.title = `${label} · Reliability · Fleetcast`;
  renderBreadcrumb(state);
  const fit = detail.fit;
  document.getElementById('kpis').replaceChildren(
    tile('units', 'Units', detail.units, 'units', `installed up to ${detail.as_of}`),
    tile('failures', 'Failures', detail.failures, 'failed', `up to ${detail.as_of}`),
    tile('in-service', 'In service', detail.in_service, 'units', `on ${detail.as_of}`),
    tile('b10', 'B10 life', fit?.b10_days.estimate, 'days', fit ? `95%: ${bounds(fit.b10_days)}` : 'not fitted'),
    tile('mttf', 'Mean life (MTTF)', fit?.mttf_days.estimate, 'days', fit ? `95%: ${bounds(fit.mttf_days)}` : 'not fitted'),
  );
  renderNote(fit ? null : `${detail.distribution} could not be fitted to this ${BY_LABELS[detail.by].toLowerCase()}: `
    + `${detail.note}. The Kaplan\u2013Meier estimate is shown where there are failures.`);
  renderFit(detail);
  renderReliabilityChart(detail);
  renderHazardChart(detail);
  renderSegmentForecast(detail);
}

function renderFit(detail) {
  const fit = detail.fit;
  document.getElementById('fit-sub').textContent =
    `${detail.distribution} by maximum likelihood on ${formatNumber(detail.units)} lives in days, ages to `
    + `${detail.as_of}; bounds are two-sided ${Math.round(detail.confidence * 100)}% (Fisher matrix).`;
  const facts = fit === null
    ? [['Fit', `not fitted: ${detail.note}`]]
    : [
      ...Object.entries(fit.parameters).map(([name, p]) => [
        name,
        `${formatParameter(p.estimate)} (${formatParameter(p.lower)} to ${formatParameter(p.upper)})`,
      ]),
      ['B10 life', `${formatNumber(fit.b10_days.estimate)} days (${bounds(fit.b10_days, ' days')})`],
      ['MTTF', `${formatNumber(fit.mttf_days.estimate)} days (${bounds(fit.mttf_days, ' days')})`],
      ['Log-likelihood', formatParameter(fit.log_likelihood)],
    ];
  document.getElementById('fit-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      element('dt', {}, term),
      element('dd', { dataset: { fact: term.toLowerCase().replace(/[^a-z0-9]+/g, '-') } }, value),
    ]),
  );
}

function renderReliabilityChart(detail) {
  document.getElementById('reliability-sub').textContent =
    'The share still working at each age in days: the Kaplan\u2013Meier estimate (steps) with its 95% Greenwood '
    + `bounds (dotted), against the fitted ${detail.distribution} with its 95% bounds (shaded).`;
  // Kaplan–Meier starts at 1 at age 0 and steps down at each failure age.
  const steps = [{ age_days: 0, reliability: 1, lower: 1, upper: 1 }, ...detail.kaplan_meier];
  const series = [
    {
      id: 'km',
      name: 'Kaplan\u2013Meier',
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: COLORS.km,
      lineStyle: { width: 1.5 },
      data: steps.map((step) => [step.age_days, step.reliability]),
    },
    {
      id: 'km-lower',
      name: 'Kaplan\u2013Meier 95%',
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: COLORS.km,
      lineStyle: { width: 1, type: 'dotted' },
      data: steps.map((step) => [step.age_days, step.lower]),
    },
    {
      id: 'km-upper',
      name: 'Kaplan\u2013Meier 95%',
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: COLORS.km,
      lineStyle: { width: 1, type: 'dotted' },
      data: steps.map((step) => [step.age_days, step.upper]),
    },
  ];
  if (detail.curve.length > 0) {
    series.push(
      ...band(
        'fit-band',
        'Fit 95% bounds',
        detail.curve,
        (point) => [point.age_days, point.lower],
        (point) => [point.age_days, point.upper === null || point.lower === null ? null : point.upper - point.lower],
        {},
      ),
      {
        id: 'fit',
        name: `Fitted ${detail.distribution}`,
        type: 'line',
        showSymbol: false,
        color: COLORS.fit,
        lineStyle: { width: 2 },
        data: [[0, 1], ...detail.curve.map((point) => [point.age_days, point.reliability])],
      },
    );
  }
  const options = baseOptions('age (days)', 'reliability');
  options.yAxis.min = 0;
  options.yAxis.max = 1;
  options.yAxis.axisLabel = { formatter: (value) => `${Math.round(value * 100)}%` };
  options.tooltip.valueFormatter = (value) => (value === null ? MISSING : `${(value * 100).toFixed(1)}%`);
  chartOf('reliability-chart').setOption({ ...options, series }, { notMerge: true });
}

function renderHazardChart(detail) {
  document.getElementById('hazard-sub').textContent = detail.curve.length === 0
    ? 'No fitted distribution, so no failure rate.'
    : `The fitted ${detail.distribution}'s failure rate (hazard) at each age in days, as the share of the working `
      + 'units that fail per year at that age (annualized failure rate, % per year).';
  const options = baseOptions('age (days)', '% per year');
  options.tooltip.valueFormatter = (value) => (value === null ? MISSING : `${formatNumber(value)}% per year`);
  chartOf('hazard-chart').setOption(
    {
      ...options,
      series: [
        {
          id: 'hazard',
          name: 'Failure rate',
          type: 'line',
          showSymbol: false,
          color: COLORS.hazard,
          data: detail.curve.map((point) => [
            point.age_days,
            point.hazard_per_day === null ? null : point.hazard_per_day * DAYS_PER_YEAR * 100,
          ]),
        },
      ],
    },
    { notMerge: true },
  );
}

function renderSegmentForecast(detail) {
  document.getElementById('segment-forecast-sub').textContent = detail.forecast.length === 0
    ? 'No fitted distribution, so no forecast.'
    : `Failures expected among the ${formatNumber(detail.in_service)} units in service, per month, with the 95% `
      + 'interval (whiskers).';
  const months = detail.forecast.map((month) => month.month);
  const chart = chartOf('segment-forecast-chart');
  chart.setOption(
    {
      aria: { enabled: true },
      animationDuration: 250,
      grid: { left: 72, right: 32, top: 48, bottom: 40 },
      legend: { top: 0, right: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${formatNumber(value)} failures` },
      xAxis: { type: 'category', data: months, name: 'month', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'failures', nameTextStyle: { align: 'right' } },
      series: [
        {
          id: 'expected',
          name: 'Expected failures',
          type: 'bar',
          color: COLORS.forecast,
          data: detail.forecast.map((month) => month.expected),
        },
        {
          id: 'interval',
          name: '95% interval',
          type: 'custom',
          color: COLORS.km,
          renderItem: (params, api) => {
            const low = api.coord([api.value(0), api.value(1)]);
            const high = api.coord([api.value(0), api.value(2)]);
            const half = api.size([1, 0])[0] * 0.15;
            const style = { stroke: COLORS.km, lineWidth: 1.5 };
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
                { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
                { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style },
              ],
            };
          },
          encode: { x: 0, y: [1, 2] },
          data: detail.forecast.map((month, index) => [index, month.lower, month.upper]),
          z: 10,
        },
      ],
    },
    { notMerge: true },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('reliability-controls');

function syncControls(state) {
  document.getElementById('by').value = state.by ?? DEFAULT_BY;
  document.getElementById('dist').value = state.dist ?? DEFAULT_DIST;
}

controls.addEventListener('change', (event) => {
  const state = readState();
  if (event.target.name === 'by') {
    // Another segmentation has other segments: back to its table.
    navigate({ by: event.target.value, dist: state.dist });
  } else if (event.target.name === 'dist') {
    navigate({ ...state, dist: event.target.value });
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  for (const id of ['fleet-forecast-chart', 'reliability-chart', 'hazard-chart', 'segment-forecast-chart']) {
    window.echarts?.getInstanceByDom(document.getElementById(id))?.resize();
  }
});

renderNavigation('reliability');
loadStatus();
load();
