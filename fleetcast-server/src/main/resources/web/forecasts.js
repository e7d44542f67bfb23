// Fleetcast dashboard: the Forecasts page.
//
// A plain ES module: no framework, no build step. It calls only the public API under api/forecast (documented in
// docs/dashboard.md). The view lives in the URL's query string: view (series or diff), version (a plan version; the
// latest when absent), series (a key service/cluster/resource), history (days of data shown), and for the diff from
// and to (plan versions).

import {
  ApiError,
  MISSING,
  dailyChartOptions,
  element,
  formatDay,
  formatNumber,
  formatQuantity,
  hideError,
  loadStatus,
  parseDay,
  renderNavigation,
  requestJson,
  showError,
  urlState,
  viewLoader,
  viewNavigation,
} from './common.js';

const STATE_KEYS = ['view', 'version', 'series', 'history', 'from', 'to'];
const DEFAULT_HISTORY = '180';
const COLORS = {
  history: '#1b2430',
  forecast: '#1d4f91',
  band: '#1d4f91',
  adjusted: '#c2680a',
  reconciled: '#2a7f62',
  event: 'rgba(178, 59, 59, 0.12)',
  eventLabel: '#8a1c1c',
};
const STATUS_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

const { read: readState, queryOf, urlOf } = urlState(STATE_KEYS);

const { navigate, viewLink } = viewNavigation(urlOf, () => load());

function dayAfter(text) {
  const date = parseDay(text);
  date.setUTCDate(date.getUTCDate() + 1);
  return formatDay(date);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading a view

let current = null; // what the page shows: { state, plans, plan, series } for the series view

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    const { plans } = await requestJson('api/forecast/plans', { signal });
    if (stale()) {
      return state;
    }
    hideError();
    // The page fills in what the URL left to it (the first series, the versions compared).
    return plans.length === 0
      ? showNoPlans(state)
      : state.view === 'diff'
        ? loadDiff(state, plans, signal)
        : loadSeries(state, plans, signal);
  },
});

function showView(view) {
  document.getElementById('series-view').hidden = view !== 'series';
  document.getElementById('diff-view').hidden = view !== 'diff';
  document.getElementById('history-group').hidden = view !== 'series';
  document.getElementById('plan-group').hidden = view !== 'series';
  document.getElementById('diff-group').hidden = view !== 'diff';
  document.getElementById(view === 'diff' ? 'view-diff' : 'view-series').checked = true;
}

async function showNoPlans(state) {
  showView('none');
  const note = document.getElementById('note');
  note.textContent = 'No forecast has been made yet. Run fleetcast forecast to forecast the stored demand; each run '
    + 'writes a plan version that this page shows.';
  note.hidden = false;
  return state;
}

function fillVersions(select, plans, selected, withLatest) {
  const options = plans.map((plan) => element(
    'option',
    { value: String(plan.version) },
    `v${plan.version} · ${plan.grain} · ${plan.created_at.slice(0, 16).replace('T', ' ')} UTC · ${plan.refitted} refitted, `
      + `${plan.carried} carried`,
  ));
  if (withLatest) {
    options.unshift(element('option', { value: '' }, `Latest (v${plans[0].version})`));
  }
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

// ---------------------------------------------------------------------------------------------------------------
// Series view

async function loadSeries(state, plans, signal) {
  document.getElementById('note').hidden = true;
  const version = state.version ?? 'latest';
  const plan = await requestJson(`api/forecast/plans/${encodeURIComponent(version)}/series`, { signal });
  if (plan.series.length === 0) {
    throw new ApiError(`Plan v${plan.version} has no series.`, 404);
  }
  // Another plan version may not have the series the URL names: then the plan's first is shown, and the page says so.
  const known = plan.series.some((series) => series.series_key === state.series);
  const key = known ? state.series : plan.series[0].series_key;
  if (state.series && !known) {
    const note = document.getElementById('note');
    note.textContent = `Plan v${plan.version} has no series ${state.series}; showing ${key}.`;
    note.hidden = false;
  }
  const history = state.history ?? DEFAULT_HISTORY;
  const query = new URLSearchParams({ key, history });
  if (state.version) {
    query.set('version', state.version);
  }
  const series = await requestJson(`api/forecast/series?${query}`, { signal });
  const canonical = { version: state.version, series: key, history: state.history };
  current = { state: canonical, plans, plan, series };
  showView('series');
  fillVersions(document.getElementById('plan-version'), plans, state.version, true);
  document.getElementById('history').value = history;
  document.title = `${key} · Forecasts · Fleetcast`;
  document.getElementById('page-title').textContent = `Forecasts · ${key}`;
  renderSeriesList(plan, canonical);
  renderChart(series);
  renderEvents(series);
  renderProvenance(series, plan);
  renderAdjustments(series);
  return canonical;
}

function renderSeriesList(plan, state) {
  document.getElementById('series-sub').textContent =
    `${plan.series.length} series in plan v${plan.version}: ${plan.description}`;
  const list = document.getElementById('series-list');
  list.replaceChildren(
    ...plan.series.map((series) => {
      const label = [element('span', { className: 'series-key' }, series.series_key)];
      const meta = [series.unit, series.model];
      if (series.adjustments.length > 0) {
        meta.push(`${series.adjustments.length} adjusted`);
      }
      label.push(element('span', { className: 'series-meta' }, meta.join(' · ')));
      const link = viewLink({ ...state, series: series.series_key }, ...label);
      if (series.series_key === state.series) {
        link.setAttribute('aria-current', 'true');
      }
      return element('li', { dataset: { key: series.series_key } }, link);
    }),
  );
  applySeriesFilter();
}

function applySeriesFilter() {
  const words = document.getElementById('series-filter').value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const item of document.querySelectorAll('#series-list li')) {
    const key = item.dataset.key.toLowerCase();
    item.hidden = !words.every((word) => key.includes(word));
  }
}

function renderChart(view) {
  const container = document.getElementById('forecast-chart');
  const unit = view.unit;
  const forecast = view.forecast;
  const first = view.history[0]?.date ?? forecast[0]?.date;
  const last = forecast[forecast.length - 1]?.date ?? view.history[view.history.length - 1]?.date;
  document.getElementById('chart-title').textContent = `${view.series_key} in plan v${view.version}`;
  document.getElementById('chart-sub').textContent =
    `Daily demand in ${unit}: the last ${view.history.length} days of data, then the ${forecast.length}-day `
    + 'forecast with its 80% and 95% intervals'
    + (view.reconciled.length > 0 ? ', the coherent (reconciled) forecast' : '')
    + (view.adjusted.length > 0 ? ', and the forecast with the plan\u2019s manual adjustments.' : '.')
    + ' Shaded columns are special events.';
  container.setAttribute(
    'aria-label',
    `Line chart of ${view.series_key} in ${unit} from ${first} to ${last}: history, forecast with intervals`
      + (view.reconciled.length > 0 ? ', reconciled forecast' : '')
      + (view.adjusted.length > 0 ? ', adjusted forecast' : '') + `, ${view.events.length} events`,
  );
  const echarts = window.echarts;
  if (!echarts) {
    throw new Error('the chart library did not load');
  }
  const chart = echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });

  const byDate = new Map();
  const at = (date) => {
    if (!byDate.has(date)) {
      byDate.set(date, {});
    }
    return byDate.get(date);
  };
  view.history.forEach((day) => { at(day.date).used = day.used; });
  forecast.forEach((point) => { at(point.date).forecast = point; });
  view.adjusted.forEach((point) => { at(point.date).adjusted = point; });
  view.reconciled.forEach((point) => { at(point.date).reconciled = point; });

  const width = (lo, hi) => (lo === null || hi === null ? null : hi - lo);
  // A band is two stacked lines: its lower bound, invisible, and its width on top of it, shaded.
  const band = (id, name, lower, upper, opacity) => {
    const shared = {
      name,
      type: 'line',
      stack: id,
      stackStrategy: 'all',
      silent: true,
      showSymbol: false,
      color: COLORS.band,
      lineStyle: { opacity: 0 },
    };
    return [
      { ...shared, id: `${id}-base`, data: forecast.map((point) => [point.date, point[lower]]) },
      {
        ...shared,
        id,
        areaStyle: { opacity },
        data: forecast.map((point) => [point.date, width(point[lower], point[upper])]),
      },
    ];
  };
  const series = [
    {
      id: 'history',
      name: 'History',
      type: 'line',
      showSymbol: false,
      color: COLORS.history,
      lineStyle: { width: 1.5 },
      data: view.history.map((day) => [day.date, day.used]),
    },
    ...band('band95', '95% interval', 'lo95', 'hi95', 0.12),
    ...band('band80', '80% interval', 'lo80', 'hi80', 0.22),
    {
      id: 'forecast',
      name: 'Forecast',
      type: 'line',
      showSymbol: false,
      color: COLORS.forecast,
      lineStyle: { width: 2 },
      data: forecast.map((point) => [point.date, point.mean]),
      markLine: forecast.length === 0 ? undefined : {
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#6b7785', type: 'dotted' },
        label: { formatter: 'forecast', position: 'insideEndTop', color: '#4d5a6a' },
        data: [{ name: 'forecast starts', xAxis: forecast[0].date }],
      },
    },
  ];
  // The other forecasts of the same periods, each a line over the statistical one: reconciled, then adjusted.
  const variants = [
    { id: 'reconciled', name: 'Reconciled forecast', dash: 'dotted', points: view.reconciled },
    { id: 'adjusted', name: 'Adjusted forecast', dash: 'dashed', points: view.adjusted },
  ];
  variants.filter((variant) => variant.points.length > 0).forEach((variant) => {
    series.push({
      id: variant.id,
      name: variant.name,
      type: 'line',
      showSymbol: false,
      color: COLORS[variant.id],
      lineStyle: { width: 2, type: variant.dash },
      data: variant.points.map((point) => [point.date, point.mean]),
    });
  });
  series.push({
    id: 'events',
    name: 'Events',
    type: 'line',
    color: COLORS.eventLabel,
    data: [],
    markArea: {
      silent: false,
      itemStyle: { color: COLORS.event },
      label: { position: 'insideTop', color: COLORS.eventLabel, fontSize: 11 },
      data: view.events.map((event) => [
        { name: event.name, xAxis: event.start },
        { xAxis: dayAfter(event.end) },
      ]),
    },
  });
  const legend = [
    { name: 'History' },
    { name: 'Forecast' },
    { name: '80% interval', icon: 'rect', itemStyle: { color: COLORS.band, opacity: 0.45 } },
    { name: '95% interval', icon: 'rect', itemStyle: { color: COLORS.band, opacity: 0.2 } },
  ];
  variants.filter((variant) => variant.points.length > 0).forEach((variant) => legend.push({ name: variant.name }));
  legend.push({ name: 'Events', icon: 'rect', itemStyle: { color: COLORS.event, borderColor: COLORS.eventLabel } });

  chart.setOption(
    {
      ...dailyChartOptions(unit),
      legend: { top: 0, right: 0, data: legend },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => tooltip(params, byDate, view.events, unit),
      },
      xAxis: { type: 'time', min: first, max: last },
      series,
    },
    { notMerge: true },
  );
}

function tooltip(params, byDate, events, unit) {
  const date = params.find((param) => Array.isArray(param.data))?.data[0];
  if (!date) {
    return '';
  }
  const values = byDate.get(date) ?? {};
  const quantity = (value) => escapeHtml(formatQuantity(value, unit));
  const interval = (point, level) => `${formatNumber(point[`lo${level}`])} – ${quantity(point[`hi${level}`])}`;
  const lines = [`<strong>${escapeHtml(date)}</strong>`];
  if (values.used !== undefined) {
    lines.push(`History: ${quantity(values.used)}`);
  }
  if (values.forecast) {
    lines.push(`Forecast: ${quantity(values.forecast.mean)}`);
    lines.push(`80% interval: ${interval(values.forecast, 80)}`);
    lines.push(`95% interval: ${interval(values.forecast, 95)}`);
  }
  if (values.reconciled) {
    lines.push(`Reconciled: ${quantity(values.reconciled.mean)} (80%: ${interval(values.reconciled, 80)})`);
  }
  if (values.adjusted) {
    lines.push(`Adjusted: ${quantity(values.adjusted.mean)} (80%: ${interval(values.adjusted, 80)})`);
  }
  for (const event of events) {
    if (event.start <= date && date <= event.end) {
      lines.push(`Event: ${escapeHtml(event.name)}`);
    }
  }
  return lines.join('<br>');
}

function renderEvents(view) {
  const list = document.getElementById('event-list');
  list.replaceChildren(
    ...view.events.map((event) => element(
      'li',
      {},
      element('strong', {}, event.name),
      ` ${event.start === event.end ? event.start : `${event.start} to ${event.end}`} · `
        + `${event.kind === 'one_off' ? 'one-off' : event.kind} · `
        + (event.scope === 'global' ? 'everywhere' : `${event.scope} ${event.scope_value}`),
    )),
  );
  list.hidden = view.events.length === 0;
}

function renderProvenance(view, plan) {
  const provenance = view.provenance;
  const parameters = Object.entries(provenance.parameters);
  const facts = [
    ['Plan', `v${plan.version}, written ${plan.created_at.replace('T', ' ').replace('Z', ' UTC')}`],
    ['Model', provenance.model],
    [
      'Parameters',
      parameters.length === 0
        ? 'none'
        : parameters.map(([name, value]) => `${name} = ${value === null ? MISSING : formatParameter(value)}`).join(', '),
    ],
    ['Training window', `${provenance.train_start} to ${provenance.train_end}`],
    ['Rows', `${formatNumber(provenance.train_rows)} days`],
    ['Regressors', provenance.regressors.length === 0 ? 'none' : provenance.regressors.join(', ')],
    ['Scenarios', provenance.scenarios.length === 0 ? 'none' : provenance.scenarios.join(', ')],
  ];
  document.getElementById('provenance').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      element('dt', {}, term),
      element('dd', { dataset: { fact: term.toLowerCase().replace(/\s+/g, '-') } }, value),
    ]),
  );
}

function formatParameter(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

// ---------------------------------------------------------------------------------------------------------------
// Adjustments

function adjustmentValue(adjustment) {
  if (adjustment.kind === 'multiply') {
    return `×${formatNumber(adjustment.value)}`;
  }
  const sign = adjustment.kind === 'override' ? '= ' : adjustment.value >= 0 ? '+' : '';
  return `${sign}${formatQuantity(adjustment.value, adjustment.unit ?? '')}`;
}

function adjustmentRange(adjustment) {
  return adjustment.end === null ? `from ${adjustment.start}` : `${adjustment.start} to ${adjustment.end}`;
}

function renderAdjustments(view) {
  const body = document.querySelector('#adjustments-table tbody');
  if (view.adjustments.length === 0) {
    body.replaceChildren(element(
      'tr',
      {},
      element('td', { colspan: '9', className: 'empty' }, 'No manual adjustment concerns this series.'),
    ));
    return;
  }
  body.replaceChildren(
    ...view.adjustments.map((adjustment) => {
      const edit = element('button', { type: 'button', className: 'small', dataset: { action: 'edit' } }, 'Edit');
      edit.addEventListener('click', () => openForm(adjustment));
      const remove = element('button', { type: 'button', className: 'small danger', dataset: { action: 'delete' } }, 'Delete');
      remove.addEventListener('click', () => deleteAdjustment(adjustment, remove));
      return element(
        'tr',
        { dataset: { id: adjustment.id } },
        element('th', { scope: 'row' }, adjustment.id),
        element('td', {}, adjustment.kind),
        element('td', { className: 'num' }, adjustmentValue(adjustment)),
        element('td', {}, adjustmentRange(adjustment)),
        element('td', {}, adjustment.author),
        element('td', { className: 'wrap' }, adjustment.reason),
        element('td', { title: adjustment.created_at }, adjustment.created_at.slice(0, 10)),
        element(
          'td',
          { dataset: { applied: String(adjustment.applied) } },
          element(
            'span',
            { className: adjustment.applied ? 'badge badge-applied' : 'badge badge-pending' },
            adjustment.applied ? 'applied' : 'from next plan',
          ),
        ),
        element('td', { className: 'actions' }, edit, remove),
      );
    }),
  );
}

const adjustmentForm = document.getElementById('adjustment-form');
const adjustmentError = document.getElementById('adjustment-error');

function field(name) {
  return adjustmentForm.elements.namedItem(name);
}

/** Opens the form: for {@code adjustment} (edit), or for a new one on the series shown. */
function openForm(adjustment) {
  const [service, cluster, resource] = current.series.series_key.split('/');
  const values = adjustment ?? {
    id: '',
    service,
    cluster,
    resource,
    kind: 'add',
    value: '',
    unit: current.series.unit,
    start: current.series.forecast[0]?.date ?? '',
    end: current.series.forecast[current.series.forecast.length - 1]?.date ?? '',
    reason: '',
  };
  for (const name of ['id', 'service', 'cluster', 'resource', 'kind', 'value', 'unit', 'start', 'end', 'reason']) {
    const value = values[name];
    field(name).value = value === null || value === undefined ? '' : String(value);
  }
  if (adjustment && adjustment.unit === null && adjustment.kind !== 'multiply') {
    field('unit').value = current.series.unit;
  }
  field('id').readOnly = Boolean(adjustment);
  document.getElementById('adjustment-form-title').textContent = adjustment
    ? `Edit adjustment ${adjustment.id}`
    : 'New adjustment';
  adjustmentError.hidden = true;
  document.getElementById('adjustment-saved').hidden = true;
  syncFormKind();
  adjustmentForm.hidden = false;
  field('value').focus();
}

function syncFormKind() {
  const kind = field('kind').value;
  field('unit').disabled = kind === 'multiply';
  field('end').disabled = kind === 'step';
  document.getElementById('adjustment-hint').textContent = {
    add: 'Adds the value (in the unit given) to the forecast and its intervals on every day from start to end.',
    multiply: 'Multiplies the forecast and its intervals by the value (a factor above 0) from start to end.',
    override: 'Sets the forecast to the value from start to end; the intervals move with it.',
    step: 'Adds the value from start on, for good: a launch or a migration. A step has no end.',
  }[kind];
}

function closeForm() {
  adjustmentForm.hidden = true;
  adjustmentError.hidden = true;
}

function formBody() {
  const text = (name) => field(name).value.trim();
  const kind = text('kind');
  const valueText = text('value');
  return {
    id: text('id') || null,
    service: text('service'),
    cluster: text('cluster') || null,
    resource: text('resource'),
    kind,
    // An empty or unreadable number goes to the server as null or as typed, so its message names the field.
    value: valueText === '' ? null : Number.isFinite(Number(valueText)) ? Number(valueText) : valueText,
    unit: kind === 'multiply' ? null : text('unit') || null,
    start: text('start') || null,
    end: kind === 'step' ? null : text('end') || null,
    reason: text('reason'),
  };
}

adjustmentForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const save = document.getElementById('adjustment-save');
  save.disabled = true;
  adjustmentError.hidden = true;
  try {
    const stored = await requestJson('api/forecast/adjustments', { method: 'POST', body: formBody() });
    closeForm();
    await load();
    const saved = document.getElementById('adjustment-saved');
    saved.textContent = `Saved ${stored.description}. It applies from the next fleetcast forecast (the next plan `
      + 'version); this plan stays as it is.';
    saved.hidden = false;
  } catch (error) {
    adjustmentError.textContent = error instanceof ApiError
      ? `Not saved: ${error.message}`
      : `Not saved: the server could not be reached (${error.message})`;
    adjustmentError.hidden = false;
  } finally {
    save.disabled = false;
  }
});

/** Deletes on the second click: the first turns the button into "Confirm delete". */
async function deleteAdjustment(adjustment, button) {
  if (button.dataset.confirm !== 'true') {
    button.dataset.confirm = 'true';
    button.textContent = 'Confirm delete';
    return;
  }
  button.disabled = true;
  try {
    await requestJson(`api/forecast/adjustments/${encodeURIComponent(adjustment.id)}`, { method: 'DELETE' });
    await load();
    const saved = document.getElementById('adjustment-saved');
    saved.textContent = `Deleted ${adjustment.id}. Plan versions already written keep it; the next one will not.`;
    saved.hidden = false;
  } catch (error) {
    showError(`${adjustment.id} was not deleted: ${error.message}`);
    button.disabled = false;
  }
}

document.getElementById('adjustment-add').addEventListener('click', () => openForm(null));
document.getElementById('adjustment-cancel').addEventListener('click', closeForm);
field('kind').addEventListener('change', syncFormKind);

// ---------------------------------------------------------------------------------------------------------------
// Diff view

async function loadDiff(state, plans, signal) {
  document.getElementById('note').hidden = true;
  const latest = plans[0];
  const to = state.to ?? String(latest.version);
  const toPlan = plans.find((plan) => String(plan.version) === to);
  const from = state.from ?? String(toPlan?.parent_version ?? Math.max(1, Number(to) - 1));
  const diff = await requestJson(
    `api/forecast/diff?${new URLSearchParams({ from, to })}`,
    { signal },
  );
  const canonical = { view: 'diff', from, to };
  current = null;
  showView('diff');
  fillVersions(document.getElementById('diff-from'), plans, from, false);
  fillVersions(document.getElementById('diff-to'), plans, to, false);
  document.title = `Plan v${from} to v${to} · Forecasts · Fleetcast`;
  document.getElementById('page-title').textContent = `Forecasts · plan v${from} to v${to}`;
  renderDiff(diff);
  return canonical;
}

function renderDiff(diff) {
  const showAll = document.getElementById('diff-all').checked;
  const changed = diff.series.filter((series) => series.status !== 'unchanged');
  document.getElementById('diff-sub').textContent =
    `${changed.length} of ${diff.series.length} series changed from plan v${diff.from} to v${diff.to}. Means are `
    + 'over the days both plans forecast, with adjustments applied where they apply, in each series\u2019 unit. '
    + 'Choose a series to see it in plan v' + diff.to + '.';
  const rows = showAll ? diff.series : changed;
  const body = document.querySelector('#diff-table tbody');
  if (rows.length === 0) {
    body.replaceChildren(element(
      'tr',
      {},
      element('td', { colspan: '8', className: 'empty' }, 'No series changed between these plans.'),
    ));
    return;
  }
  body.replaceChildren(
    ...rows.map((series) => {
      const unit = unitOf(series.series_key);
      const target = series.status === 'removed'
        ? { version: String(diff.from), series: series.series_key }
        : { version: String(diff.to), series: series.series_key };
      const adjustments = series.adjustments_before.join(', ') === series.adjustments_after.join(', ')
        ? series.adjustments_after.join(', ') || MISSING
        : `${series.adjustments_before.join(', ') || 'none'} → ${series.adjustments_after.join(', ') || 'none'}`;
      return element(
        'tr',
        { dataset: { key: series.series_key, status: series.status } },
        element('th', { scope: 'row' }, viewLink(target, series.series_key)),
        element('td', {}, element('span', { className: `badge badge-${series.status}` }, STATUS_LABELS[series.status])),
        element('td', {}, series.reasons.join(', ') || MISSING),
        element('td', { className: 'num' }, formatQuantity(series.mean_before, unit)),
        element('td', { className: 'num' }, formatQuantity(series.mean_after, unit)),
        element(
          'td',
          { className: 'num' },
          series.percent_change === null ? MISSING : `${series.percent_change >= 0 ? '+' : ''}`
            + `${formatNumber(series.percent_change)}%`,
        ),
        element('td', {}, adjustments),
        element('td', { className: 'wrap' }, series.explanation),
      );
    }),
  );
}

function unitOf(seriesKey) {
  return { cpu: 'cores', memory: 'GiB', storage: 'TB' }[seriesKey.split('/')[2]] ?? '';
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('forecast-controls');

controls.addEventListener('change', (event) => {
  const state = readState();
  switch (event.target.name) {
    case 'view':
      navigate(event.target.value === 'diff'
        ? { view: 'diff' }
        : { version: state.version, history: state.history });
      break;
    case 'version':
      navigate({ ...state, version: event.target.value });
      break;
    case 'history':
      navigate({ ...state, history: event.target.value === DEFAULT_HISTORY ? '' : event.target.value });
      break;
    case 'from':
    case 'to':
      navigate({ ...state, view: 'diff', [event.target.name]: event.target.value });
      break;
    default:
      break;
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

document.getElementById('series-filter').addEventListener('input', applySeriesFilter);

document.getElementById('diff-all').addEventListener('change', () => load());

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  const chart = window.echarts?.getInstanceByDom(document.getElementById('forecast-chart'));
  chart?.resize();
});

renderNavigation('forecasts');
loadStatus();
load();
