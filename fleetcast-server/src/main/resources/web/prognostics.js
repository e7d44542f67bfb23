// Fleetcast dashboard: the Prognostics page.
//
// A scored day's flagged assets (what `fleetcast prognose score` stored), riskiest first, each with the reasons the
// model gives and the engineers' verdict; choosing an asset shows its telemetry, one small chart per signal, and a
// review form (confirm, reject or defer, with a note). "Precision with reviews" lists each model's held-out quality
// with the review labels it learned from, and how each scored day's top alerts turned out. "Feature drift" lists how
// far the day's features moved from the model's training data (PSI), and "Daily scoring" the scheduled pipeline's
// latest runs. It calls only api/prognostics, api/prognostics/assets/{asset} and POST
// api/prognostics/predictions/{id}/review (docs/dashboard.md). The view lives in the query string (day, limit, k,
// asset), so back and forward move between views.

import {
  ApiError,
  MISSING,
  apiQuery,
  chartOf,
  element,
  emptyRow,
  formatNumber,
  formatter,
  getJson,
  hideError,
  loadStatus,
  numberValue,
  renderCrumbs,
  renderNavigation,
  renderNote,
  requestJson,
  tile,
  urlState,
  viewLoader,
  viewNavigation,
} from './common.js';

const DEFAULT_LIMIT = '50';
const DEFAULT_K = '2';
const VERDICTS = {
  confirm: { label: 'confirmed', badge: 'badge badge-applied' },
  reject: { label: 'rejected', badge: 'badge badge-removed' },
  defer: { label: 'deferred', badge: 'badge badge-pending' },
};
// A signal's name ends with its unit (temp_c, fan_rpm); names that end with what they count (…_errors) count that.
const UNIT_WORDS = {
  c: '\u00b0C',
  f: '\u00b0F',
  rpm: 'rpm',
  pct: '%',
  percent: '%',
  w: 'W',
  watts: 'W',
  v: 'V',
  volts: 'V',
  a: 'A',
  amps: 'A',
  ms: 'ms',
  hours: 'hours',
  gib: 'GiB',
  mib: 'MiB',
  gb: 'GB',
  tb: 'TB',
};
const LINE_COLOR = '#1d4f91';
// How a PSI reads (FeatureDrift.MODERATE and MAJOR on the server, which sets each feature's level).
const SHIFTS = {
  major: { label: 'major', badge: 'badge badge-removed' },
  moderate: { label: 'moderate', badge: 'badge badge-pending' },
};
const RUN_STATUSES = {
  ok: 'badge badge-applied',
  failed: 'badge badge-removed',
  running: 'badge badge-pending',
};

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(['day', 'limit', 'k', 'asset']);

const { navigate, viewLink, drillRow } = viewNavigation(urlOf, () => load());

/** The list's view of {@code state}: its day, limit and k, no asset. */
function listState(state) {
  return { day: state.day, limit: state.limit, k: state.k };
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** The unit a signal's name carries: temp_c → °C, fan_rpm → rpm, corrected_memory_errors → errors. */
function signalUnit(signal) {
  const last = signal.split('_').pop().toLowerCase();
  return UNIT_WORDS[last] ?? last;
}

const smallPercent = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/**
 * A probability as a percentage without the sign (for columns whose heading says %): one decimal from 1% up (87.3),
 * two significant digits below (0.52, 0.048), so small risks still rank.
 */
function percentNumber(share) {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return MISSING;
  }
  const percent = share * 100;
  if (percent > 0 && percent < 0.01) {
    return '<0.01';
  }
  return percent >= 1 || percent === 0 ? formatter(1).format(percent) : smallPercent.format(percent);
}

function percentText(share) {
  const number = percentNumber(share);
  return number === MISSING ? MISSING : `${number}%`;
}

/** A tile's value as a percentage, keeping the exact share. */
function percentValue(share) {
  return {
    raw: share === null || share === undefined ? '' : String(share),
    parts: [
      element('span', { className: 'kpi-number' }, percentNumber(share)),
      ' ',
      element('span', { className: 'kpi-unit' }, '%'),
    ],
  };
}

function plural(count, noun, nouns = `${noun}s`) {
  return count === 1 ? noun : nouns;
}

// ---------------------------------------------------------------------------------------------------------------
// Page

let current = null;

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    syncControls(state);
    let overview;
    try {
      overview = await getJson(
        `api/prognostics${apiQuery({ day: state.day, limit: state.limit, k: state.k })}`,
        signal,
      );
    } catch (error) {
      // Nothing scored yet is not an error of the page: it says what to run.
      if (error instanceof ApiError && error.status === 404 && !state.day) {
        if (!stale()) {
          hideError();
          showNothingScored(error.message);
        }
        return {};
      }
      throw error;
    }
    let asset = null;
    if (state.asset) {
      asset = await getJson(
        `api/prognostics/assets/${encodeURIComponent(state.asset)}${apiQuery({ day: overview.day })}`,
        signal,
      );
    }
    if (stale()) {
      return state;
    }
    hideError();
    render(overview, asset, state);
    return state;
  },
  failed: (state) => renderBreadcrumb(state),
});

function showNothingScored(message) {
  current = null;
  document.getElementById('prognostics-view').hidden = true;
  document.getElementById('prognostics-controls').hidden = true;
  document.getElementById('page-title').textContent = 'Prognostics';
  document.title = 'Prognostics · Fleetcast';
  renderBreadcrumb({});
  renderNote('Nothing has been scored yet, so no asset is flagged. Train a failure model on the stored telemetry '
    + 'with \u201cfleetcast prognose train\u201d, score the fleet with \u201cfleetcast prognose score\u201d, and '
    + 'reload. \u201cfleetcast serve\u201d does both each day.'
    + (message.includes('daily pipeline last ran') ? ` The server says: ${message}.` : ''));
}

function render(overview, asset, state) {
  const previous = current?.asset ?? null;
  current = { overview, asset, state };
  document.getElementById('prognostics-view').hidden = false;
  document.getElementById('prognostics-controls').hidden = false;
  const title = asset ? `Asset ${asset.asset_id}` : 'Prognostics';
  document.getElementById('page-title').textContent = title;
  document.title = asset ? `${title} · Prognostics · Fleetcast` : 'Prognostics · Fleetcast';
  renderBreadcrumb(state);
  renderDays(overview);
  renderNote(null);
  renderKpis(overview);
  renderFlagged(overview, state);
  renderAsset(asset, overview, previous);
  renderDrift(overview);
  renderPrecision(overview.evaluation, state);
  renderRuns(overview.daily_runs);
}

function renderBreadcrumb(state) {
  const path = [{ level: 'fleet', name: 'Prognostics' }];
  if (state.asset) {
    path.push({ level: 'asset', name: state.asset });
  }
  renderCrumbs(path, { asset: 'Asset' }, (crumb, ...label) => viewLink(listState(state), ...label));
}

function renderKpis(overview) {
  const predictions = overview.predictions;
  const top = predictions[0] ?? null;
  const model = overview.evaluation.models[0] ?? null;
  const reviewed = predictions.filter((prediction) => prediction.verdict !== null).length;
  const tiles = [
    tile(
      'scored',
      'Assets scored',
      numberValue(overview.scored_assets, plural(overview.scored_assets, 'asset')),
      `on ${overview.day}`,
    ),
    tile(
      'highest',
      'Highest risk',
      percentValue(top?.risk),
      top ? `${top.asset_id}: failure within ${top.horizon_days} days` : 'no asset scored',
    ),
    tile(
      'reviewed',
      'Reviewed',
      numberValue(reviewed, plural(reviewed, 'prediction')),
      `of the ${predictions.length} riskiest shown`,
    ),
  ];
  if (model) {
    tiles.push(tile(
      'precision',
      `Held-out precision@${model.k}`,
      percentValue(model.precision_at_k),
      `model v${model.version}, trained to ${model.trained_to}; recall ${percentText(model.recall)}`,
    ));
    tiles.push(tile(
      'lead',
      'Median lead',
      model.median_lead_days === null ? { raw: '', parts: [MISSING] } : numberValue(model.median_lead_days, 'days'),
      'from the first right alert to the failure, held out',
    ));
  }
  document.getElementById('kpis').replaceChildren(...tiles);
}

// ---------------------------------------------------------------------------------------------------------------
// The flagged assets

function riskCell(risk) {
  const share = Math.max(0, Math.min(1, risk));
  const bar = element('span', { className: 'util-bar', 'aria-hidden': 'true' });
  bar.append(element('span', { className: 'util-fill risk-fill', style: `width: ${(share * 100).toFixed(1)}%` }));
  const text = element('span', { className: 'util-text' }, percentNumber(risk));
  return element(
    'td',
    { className: 'num risk-col', dataset: { risk: String(risk) } },
    element('div', { className: 'util' }, bar, text),
  );
}

function reasonsCell(reasons) {
  if (reasons.length === 0) {
    return element('td', { className: 'wrap note-cell' }, 'no feature raised the risk');
  }
  return element(
    'td',
    { className: 'wrap' },
    element('ul', { className: 'reasons' }, ...reasons.map((reason) => element('li', {}, reason))),
  );
}

function verdictBadge(verdict) {
  const known = VERDICTS[verdict];
  return known
    ? element('span', { className: known.badge }, known.label)
    : element('span', { className: 'note-cell' }, 'not reviewed');
}

function verdictCell(verdict) {
  return element('td', { className: 'verdict-cell', dataset: { verdict: verdict ?? '' } }, verdictBadge(verdict));
}

function noteCell(note) {
  return element('td', { className: 'wrap note-cell' }, note ? note : MISSING);
}

function renderFlagged(overview, state) {
  const predictions = overview.predictions;
  const top = predictions[0];
  document.getElementById('flagged-sub').textContent = top
    ? `The ${formatNumber(predictions.length)} riskiest of the ${formatNumber(overview.scored_assets)} assets scored on `
      + `${overview.day} by model v${top.model_version}. Risk: the probability that the asset fails within `
      + `${top.horizon_days} days. Why: the features that raised it most, with their values and contributions in `
      + 'log-odds. Choose an asset to see its telemetry and review it.'
    : `No asset was scored on ${overview.day}.`;
  const body = document.querySelector('#flagged-table tbody');
  if (predictions.length === 0) {
    body.replaceChildren(emptyRow(6, 'No asset was scored on this day.'));
    return;
  }
  body.replaceChildren(
    ...predictions.map((prediction, index) => {
      const target = { ...listState(state), asset: prediction.asset_id };
      const row = drillRow(
        target,
        { dataset: { key: prediction.asset_id, id: String(prediction.id) } },
        element('td', { className: 'num' }, String(index + 1)),
        element('th', { scope: 'row' }, viewLink(target, prediction.asset_id)),
        riskCell(prediction.risk),
        reasonsCell(prediction.reasons),
        verdictCell(prediction.verdict),
        noteCell(prediction.note),
      );
      if (state.asset === prediction.asset_id) {
        row.setAttribute('aria-selected', 'true');
      }
      return row;
    }),
  );
}

/** Shows a new review in the prediction's row at once, before the page reloads its figures. */
function updateRow(prediction) {
  const row = document.querySelector(`#flagged-table tbody tr[data-id="${prediction.id}"]`);
  if (row) {
    row.querySelector('.verdict-cell').replaceWith(verdictCell(prediction.verdict));
    row.lastElementChild.replaceWith(noteCell(prediction.note));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One asset: its prediction, the review form, its signals

const reviewForm = document.getElementById('review-form');
const reviewError = document.getElementById('review-error');
const reviewSaved = document.getElementById('review-saved');

function renderAsset(asset, overview, previous) {
  const view = document.getElementById('asset-view');
  if (!asset) {
    disposeSignalCharts();
    view.hidden = true;
    return;
  }
  view.hidden = false;
  if (asset.asset_id !== previous?.asset_id) {
    // Chosen in the table further down: bring it into view.
    view.scrollIntoView({ block: 'start' });
  }
  const prediction = asset.predictions[0] ?? null;
  document.getElementById('asset-title').textContent = `Asset ${asset.asset_id}`;
  document.getElementById('asset-sub').textContent = prediction
    ? `Scored on ${asset.day} by model v${prediction.model_version} (prediction ${prediction.id}).`
    : `Not scored on ${asset.day}: its telemetry only.`;
  const rank = overview.predictions.findIndex((shown) => shown.asset_id === asset.asset_id);
  const facts = prediction
    ? [
      ['Risk', `${percentText(prediction.risk)} chance of failing within ${prediction.horizon_days} days after `
        + `${asset.day}`],
      ['Rank', rank >= 0
        ? `${rank + 1} of ${formatNumber(overview.scored_assets)} assets scored`
        : `not among the ${overview.predictions.length} riskiest shown`],
      ['Why', prediction.reasons.length > 0 ? prediction.reasons.join('; ') : 'no feature raised the risk'],
      ['Verdict', prediction.verdict
        ? `${VERDICTS[prediction.verdict]?.label ?? prediction.verdict}${prediction.note ? `: ${prediction.note}` : ''}`
        : 'not reviewed yet'],
    ]
    : [['Risk', `not scored on ${asset.day}`]];
  document.getElementById('asset-facts').replaceChildren(
    ...facts.flatMap(([term, value]) => [
      element('dt', {}, term),
      element('dd', { dataset: { fact: term.toLowerCase() } }, value),
    ]),
  );
  renderReviewForm(prediction);
  renderSignals(asset);
}

function renderReviewForm(prediction) {
  reviewForm.hidden = prediction === null;
  reviewError.hidden = true;
  reviewSaved.hidden = true;
  if (!prediction) {
    return;
  }
  reviewForm.dataset.prediction = String(prediction.id);
  document.getElementById('review-title').textContent = prediction.verdict
    ? `Review prediction ${prediction.id} again (now ${VERDICTS[prediction.verdict]?.label ?? prediction.verdict})`
    : `Review prediction ${prediction.id}`;
  for (const radio of reviewForm.querySelectorAll('input[name="verdict"]')) {
    radio.checked = radio.value === prediction.verdict;
  }
  reviewForm.elements.namedItem('note').value = prediction.note ?? '';
}

reviewForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const prediction = current?.asset?.predictions[0];
  if (!prediction) {
    return;
  }
  const save = document.getElementById('review-save');
  save.disabled = true;
  reviewError.hidden = true;
  reviewSaved.hidden = true;
  const checked = reviewForm.querySelector('input[name="verdict"]:checked');
  try {
    // No verdict chosen goes to the server as null, so its message says what is missing.
    const reviewed = await requestJson(
      `api/prognostics/predictions/${encodeURIComponent(prediction.id)}/review`,
      {
        method: 'POST',
        body: { verdict: checked ? checked.value : null, note: reviewForm.elements.namedItem('note').value.trim() },
      },
    );
    updateRow(reviewed);
    await load();
    reviewSaved.textContent = `Saved: prediction ${reviewed.id} of ${reviewed.asset_id} is `
      + `${VERDICTS[reviewed.verdict]?.label ?? reviewed.verdict}. The next fleetcast prognose train learns from it.`;
    reviewSaved.hidden = false;
  } catch (error) {
    reviewError.textContent = error instanceof ApiError
      ? `Not saved: ${error.message}`
      : `Not saved: the server could not be reached (${error.message})`;
    reviewError.hidden = false;
  } finally {
    save.disabled = false;
  }
});

function disposeSignalCharts() {
  for (const container of document.querySelectorAll('#signal-charts .chart')) {
    window.echarts?.getInstanceByDom(container)?.dispose();
  }
}

function renderSignals(asset) {
  document.getElementById('signals-sub').textContent = asset.signals.length === 0
    ? `No telemetry from ${asset.from} to ${asset.day}.`
    : `Daily means from ${asset.from} to ${asset.day} (${asset.days} days), one chart per signal, in the unit its `
      + 'name carries.';
  disposeSignalCharts();
  const grid = document.getElementById('signal-charts');
  grid.replaceChildren(
    ...asset.signals.map((signal, index) => {
      const unit = signalUnit(signal.signal);
      return element(
        'figure',
        { className: 'signal-chart', dataset: { signal: signal.signal } },
        element('figcaption', {}, `${signal.signal} (${unit})`),
        element('div', {
          id: `signal-chart-${index}`,
          className: 'chart chart-small',
          role: 'img',
          'aria-label': `Line chart of the daily mean of ${signal.signal} in ${unit}, ${asset.from} to ${asset.day}`,
        }),
      );
    }),
  );
  asset.signals.forEach((signal, index) => {
    const unit = signalUnit(signal.signal);
    chartOf(`signal-chart-${index}`).setOption(
      {
        aria: { enabled: true },
        animationDuration: 250,
        grid: { left: 64, right: 16, top: 32, bottom: 28 },
        tooltip: { trigger: 'axis', valueFormatter: (value) => `${formatNumber(value)} ${unit}` },
        xAxis: { type: 'time', splitNumber: 4, axisLabel: { hideOverlap: true } },
        yAxis: {
          type: 'value',
          name: unit,
          scale: true,
          nameTextStyle: { align: 'right' },
          axisLabel: { formatter: (value) => formatNumber(value) },
        },
        series: [
          {
            id: 'signal',
            name: signal.signal,
            type: 'line',
            showSymbol: false,
            color: LINE_COLOR,
            lineStyle: { width: 1.5 },
            data: signal.points.map((point) => [point.day, point.value]),
          },
        ],
      },
      { notMerge: true },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Feature drift

function shiftCell(level) {
  const known = SHIFTS[level];
  return element(
    'td',
    { dataset: { level: level ?? '' } },
    known
      ? element('span', { className: known.badge }, known.label)
      : element('span', { className: 'note-cell' }, level ?? MISSING),
  );
}

function renderDrift(overview) {
  const drift = overview.drift;
  const major = overview.major_drift;
  document.getElementById('drift-sub').textContent = drift.length === 0
    ? `No drift figures for ${overview.day}.`
    : `The ${drift.length} ${plural(drift.length, 'feature')} of the ${formatNumber(drift[0].rows)} assets scored on `
      + `${overview.day} that moved most from the model\u2019s training data, largest first. `
      + (major === 0
        ? 'No feature shifted a lot (PSI above 0.25).'
        : `${formatNumber(major)} ${plural(major, 'feature')} shifted a lot (PSI above 0.25).`);
  const body = document.querySelector('#drift-table tbody');
  if (drift.length === 0) {
    body.replaceChildren(emptyRow(
      5,
      'No drift figures for this day: it was scored before drift was measured, or by a model trained before then. '
        + 'Train a new model and score the day again to see them.',
    ));
    return;
  }
  body.replaceChildren(
    ...drift.map((shift) => element(
      'tr',
      { dataset: { key: shift.feature } },
      element('th', { scope: 'row' }, shift.feature),
      element(
        'td',
        { className: 'num', dataset: { psi: String(shift.psi) } },
        shift.psi === null ? MISSING : shift.psi.toFixed(2),
      ),
      shiftCell(shift.level),
      element('td', { className: 'num' }, percentNumber(shift.missing_share)),
      element('td', { className: 'num' }, percentNumber(shift.reference_missing_share)),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Precision with reviews

function renderPrecision(evaluation, state) {
  const k = evaluation.k;
  document.getElementById('precision-sub').textContent =
    'Models: each registered model\u2019s quality held out when it was trained (out of fold, with the visits a day '
    + 'it was trained for): precision@k is the share of each day\u2019s k riskiest assets that failed within the '
    + 'horizon. A model trained after engineers reviewed predictions learns from the confirmed and rejected ones '
    + 'whose outcome was not yet known (review labels used). Scored days: each day\u2019s '
    + `${k} riskiest ${plural(k, 'asset')} (the alerts) as the outcomes arrive: failed within the horizon, or ran `
    + 'through it; precision is failed / outcome known.';
  const models = document.querySelector('#models-table tbody');
  models.replaceChildren(
    ...(evaluation.models.length === 0
      ? [emptyRow(7, 'No model is registered.')]
      : evaluation.models.map((model) => element(
        'tr',
        { dataset: { version: String(model.version) } },
        element('th', { scope: 'row' }, `v${model.version}`),
        element('td', {}, model.trained_to),
        element('td', { className: 'num', dataset: { reviewLabels: String(model.review_labels) } },
          formatNumber(model.review_labels)),
        element('td', { className: 'num' }, `${percentNumber(model.precision_at_k)} (k = ${model.k})`),
        element('td', { className: 'num' }, percentNumber(model.recall)),
        element('td', { className: 'num' }, formatNumber(model.median_lead_days)),
        element('td', { className: 'num' }, model.pr_auc === null ? MISSING : model.pr_auc.toFixed(3)),
      ))),
  );
  const days = document.querySelector('#outcomes-table tbody');
  days.replaceChildren(
    ...(evaluation.days.length === 0
      ? [emptyRow(10, 'No day was scored.')]
      : evaluation.days.map((day) => element(
        'tr',
        { dataset: { day: day.day } },
        element('th', { scope: 'row' }, viewLink({ ...listState(state), day: day.day }, day.day)),
        element('td', {}, `v${day.model_version}`),
        element('td', { className: 'num' }, formatNumber(day.alerts)),
        element('td', { className: 'num' }, formatNumber(day.known)),
        element('td', { className: 'num' }, formatNumber(day.failed)),
        element('td', { className: 'num', dataset: { confirmed: String(day.confirmed) } }, formatNumber(day.confirmed)),
        element('td', { className: 'num', dataset: { rejected: String(day.rejected) } }, formatNumber(day.rejected)),
        element(
          'td',
          { className: 'num', title: day.precision === null ? 'no outcome is known yet' : '' },
          percentNumber(day.precision),
        ),
        element(
          'td',
          { className: 'num', title: day.largest_psi === null ? 'drift was not measured' : '' },
          day.largest_psi === null ? MISSING : day.largest_psi.toFixed(2),
        ),
        element('td', { className: 'num' }, formatNumber(day.shifted_features)),
      ))),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Daily scoring

/** An ISO instant as "2026-11-01 08:00" (UTC, which the headings say). */
function timeText(instant) {
  return instant ? instant.slice(0, 16).replace('T', ' ') : MISSING;
}

function statusBadge(status) {
  return element('span', { className: RUN_STATUSES[status] ?? 'badge' }, status);
}

function renderRuns(runs) {
  const latest = document.getElementById('runs-latest');
  const [newest, ...earlier] = runs;
  if (!newest) {
    delete latest.dataset.status;
    latest.replaceChildren('No run of the daily scoring pipeline is recorded yet. \u201cfleetcast serve\u201d runs it '
      + 'each day (at 06:00 UTC unless --daily-at says otherwise); \u201cfleetcast prognose daily\u201d runs it once.');
  } else {
    latest.dataset.status = newest.status;
    latest.replaceChildren(
      element('strong', {}, 'Latest run: '),
      `started ${timeText(newest.started_at)} UTC, `,
      newest.finished_at ? `finished ${timeText(newest.finished_at)} UTC ` : 'not finished ',
      statusBadge(newest.status),
      newest.message ? ` \u00b7 ${newest.message}` : '',
    );
  }
  document.getElementById('runs-earlier').hidden = earlier.length === 0;
  document.querySelector('#runs-table tbody').replaceChildren(
    ...earlier.map((run) => element(
      'tr',
      { dataset: { run: String(run.run_id), status: run.status } },
      element('td', { title: run.started_at }, timeText(run.started_at)),
      element('td', { title: run.finished_at ?? 'not finished' }, timeText(run.finished_at)),
      element('td', {}, statusBadge(run.status)),
      element('td', { className: 'wrap' }, run.message || MISSING),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('prognostics-controls');

/** Selects {@code value} in {@code select}, adding it as an option when the URL names one the list lacks. */
function selectValue(select, value, label) {
  if (![...select.options].some((option) => option.value === value)) {
    select.append(element('option', { value }, label));
  }
  select.value = value;
}

function syncControls(state) {
  const limit = state.limit ?? DEFAULT_LIMIT;
  selectValue(document.getElementById('limit'), limit, `top ${limit}`);
  const k = state.k ?? DEFAULT_K;
  selectValue(document.getElementById('k'), k, k);
}

function renderDays(overview) {
  const select = document.getElementById('day');
  select.replaceChildren(
    ...overview.scored_days.map((day, index) => element(
      'option',
      { value: index === 0 ? '' : day },
      index === 0 ? `${day} (newest)` : day,
    )),
  );
  select.value = overview.day === overview.scored_days[0] ? '' : overview.day;
}

controls.addEventListener('change', (event) => {
  const state = readState();
  const { name, value } = event.target;
  if (name === 'day') {
    // Another day flags other assets: back to its list.
    navigate({ limit: state.limit, k: state.k, day: value || undefined });
  } else if (name === 'limit') {
    navigate({ ...state, limit: value === DEFAULT_LIMIT ? undefined : value });
  } else if (name === 'k') {
    navigate({ ...state, k: value === DEFAULT_K ? undefined : value });
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  for (const container of document.querySelectorAll('#signal-charts .chart')) {
    window.echarts?.getInstanceByDom(container)?.resize();
  }
});

renderNavigation('prognostics');
loadStatus();
load();
