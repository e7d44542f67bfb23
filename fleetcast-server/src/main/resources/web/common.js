// Fleetcast dashboard: what every page shares. The header's navigation and status line, numbers and dates, the API
// client, DOM helpers and the error banner. Pages are plain ES modules that import this one; no build step.

export const MISSING = '—';

// Unexpected errors are shown to the user and kept for diagnosis (the UI tests assert there are none).
window.fleetcastErrors = [];

function reportUnexpected(message) {
  window.fleetcastErrors.push(String(message));
  showError(`Something went wrong in the dashboard: ${message}`);
}

window.addEventListener('error', (event) => reportUnexpected(event.message));
window.addEventListener('unhandledrejection', (event) => reportUnexpected(event.reason?.message ?? event.reason));

// ---------------------------------------------------------------------------------------------------------------
// Numbers and dates

const formatters = new Map();

export function formatter(fractionDigits) {
  if (!formatters.has(fractionDigits)) {
    formatters.set(fractionDigits, new Intl.NumberFormat('en-US', { maximumFractionDigits: fractionDigits }));
  }
  return formatters.get(fractionDigits);
}

/** A number with thousands separators and as many decimals as its size deserves: 12,480 · 512.5 · 3.84. */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return MISSING;
  }
  const size = Math.abs(value);
  return formatter(size >= 1000 ? 0 : size >= 10 ? 1 : 2).format(value);
}

/** A quantity with its unit: "12,480 cores", "1,536 GiB", "11.5 TB". */
export function formatQuantity(value, unit) {
  return value === null || value === undefined ? MISSING : `${formatNumber(value)} ${unit}`;
}

const moneyFormatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount of money to the cent, without its currency (for columns whose heading names it): "12,480.50". */
export function formatAmount(value) {
  return value === null || value === undefined || Number.isNaN(value) ? MISSING : moneyFormatter.format(value);
}

/** An amount of money to the cent with its currency: "12,480.50 USD". */
export function formatMoney(value, currency) {
  return value === null || value === undefined || Number.isNaN(value) ? MISSING : `${formatAmount(value)} ${currency}`;
}

export function formatPercent(part, whole) {
  if (part === null || part === undefined || !whole) {
    return MISSING;
  }
  return `${formatter(part / whole >= 0.1 ? 0 : 1).format((100 * part) / whole)}%`;
}

export function parseDay(text) {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatDay(date) {
  return date.toISOString().slice(0, 10);
}

export function daysBefore(text, days) {
  const date = parseDay(text);
  date.setUTCDate(date.getUTCDate() - days);
  return formatDay(date);
}

// ---------------------------------------------------------------------------------------------------------------
// URL state: a page keeps its view in the query string, so a view can be shared, reloaded, and gone back to.

/** Reads and writes the query parameters {@code keys}, in that order; empty values are left out. */
export function urlState(keys) {
  const read = () => {
    const params = new URLSearchParams(window.location.search);
    const state = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) {
        state[key] = value;
      }
    }
    return state;
  };
  const queryOf = (state) => {
    const params = new URLSearchParams();
    for (const key of keys) {
      if (state[key]) {
        params.set(key, state[key]);
      }
    }
    const query = params.toString();
    return query ? `?${query}` : '';
  };
  const urlOf = (state) => `${window.location.pathname}${queryOf(state)}`;
  return { read, queryOf, urlOf };
}

/**
 * Moving between a page's views: {@code navigate} pushes the view's URL and reloads the page's data with
 * {@code load}; {@code viewLink} is a real link to a view (it opens in a new tab too), followed in the page;
 * {@code drillRow} is a table row that goes to its view when clicked anywhere (its link does the same).
 */
export function viewNavigation(urlOf, load) {
  const navigate = (state) => {
    const url = urlOf(state);
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.pushState(null, '', url);
    }
    load();
  };
  const viewLink = (target, ...children) => {
    const link = element('a', { href: urlOf(target) }, ...children);
    link.addEventListener('click', (event) => {
      if (opensElsewhere(event)) {
        return;
      }
      event.preventDefault();
      navigate(target);
    });
    return link;
  };
  const drillRow = (target, attributes, ...cells) => {
    const row = element('tr', { className: 'drillable', ...attributes }, ...cells);
    row.addEventListener('click', (event) => {
      if (event.target.closest('a') === null) {
        navigate(target);
      }
    });
    return row;
  };
  return { navigate, viewLink, drillRow };
}

/**
 * A KPI tile: its label, its value (`{raw, parts}`: the exact value for tests and tools, and what people read) and a
 * line under it.
 */
export function tile(id, label, value, sub) {
  return element(
    'li',
    { className: 'kpi', dataset: { kpi: id, value: value.raw ?? '' } },
    element('span', { className: 'kpi-label' }, label),
    element('span', { className: 'kpi-value' }, ...value.parts),
    element('span', { className: 'kpi-sub' }, sub),
  );
}

/** A tile's value: a number and its unit ("3 services", "12,400 USD/month"), keeping the exact number. */
export function numberValue(number, unit) {
  return {
    raw: String(number),
    parts: [
      element('span', { className: 'kpi-number' }, formatNumber(number)),
      ' ',
      element('span', { className: 'kpi-unit' }, unit),
    ],
  };
}

/** A tile's value in money: the amount to the cent and its currency ("12,480.50 USD"), keeping the exact amount. */
export function moneyValue(amount, currency) {
  return {
    raw: String(amount),
    parts: [
      element('span', { className: 'kpi-number' }, formatAmount(amount)),
      ' ',
      element('span', { className: 'kpi-unit' }, currency),
    ],
  };
}

/**
 * Fills the page's breadcrumb from `path` ({level, name}, the fleet first): every crumb but the last links to its
 * view through `linkTo(crumb, ...label)`; the fleet shows its name, the others their level's label (`labels`) and
 * their name.
 */
export function renderCrumbs(path, labels, linkTo) {
  document.getElementById('breadcrumb').replaceChildren(
    ...path.map((crumb, index) => {
      const label = crumb.level === 'fleet'
        ? [crumb.name]
        : [element('span', { className: 'crumb-level' }, labels[crumb.level]), ` ${crumb.name}`];
      const content = index === path.length - 1
        ? element('span', { 'aria-current': 'page' }, ...label)
        : linkTo(crumb, ...label);
      return element('li', { dataset: { level: crumb.level } }, content);
    }),
  );
}

/** Fills the capacity plan version picker (`#plan-version`): "Latest", then each stored version, newest first. */
export function renderPlanVersions(versions, selected) {
  const select = document.getElementById('plan-version');
  const options = versions.map((version) => element(
    'option',
    { value: String(version.version), title: version.description },
    `v${version.version} · as of ${version.as_of} · made ${version.created_at.slice(0, 16).replace('T', ' ')} UTC`,
  ));
  options.unshift(element('option', { value: '' }, `Latest (v${versions[0].version})`));
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

/**
 * A page's loads, one at a time: each aborts the one in flight, and only the newest may render, fix the URL and set
 * the page's state (`main`'s data-state and data-view, which the UI tests wait on). `show(state, signal, stale)`
 * fetches and renders the view of `state` and returns the state the page settled on; the URL is replaced with it when
 * the page filled in what the URL left out (a cluster's site and region, the first series). It returns early when
 * `stale()` says a newer load has started. After a failure the error is shown and `failed(state)` draws what the page
 * still can (a breadcrumb).
 */
export function viewLoader({ readState, urlOf, queryOf, show, failed = () => {} }) {
  const main = document.getElementById('main');
  let generation = 0;
  let inFlight = null;
  return async function load() {
    const state = readState();
    generation += 1;
    const mine = generation;
    const stale = () => mine !== generation;
    inFlight?.abort();
    inFlight = new AbortController();
    const signal = inFlight.signal;
    main.dataset.state = 'loading';
    main.setAttribute('aria-busy', 'true');
    try {
      const canonical = await show(state, signal, stale);
      if (stale()) {
        return;
      }
      if (urlOf(canonical) !== urlOf(state)) {
        window.history.replaceState(null, '', urlOf(canonical));
      }
      main.dataset.view = queryOf(canonical);
      main.dataset.state = 'ready';
    } catch (error) {
      if (error.name === 'AbortError' || stale()) {
        return;
      }
      showError(error instanceof ApiError ? error.message : `The server could not be reached: ${error.message}`);
      failed(state);
      main.dataset.view = queryOf(state);
      main.dataset.state = 'error';
    } finally {
      if (!stale()) {
        main.setAttribute('aria-busy', 'false');
      }
    }
  };
}

/** A query string of the non-empty {@code params}: "?cluster=c1&resource=cpu", or "" when all are empty. */
export function apiQuery(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// API

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** Sends a request to the API and answers its JSON body (null for 204); an error response throws an ApiError. */
export async function requestJson(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    signal,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  if (response.status !== 204) {
    try {
      json = await response.json();
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(json?.error ?? `${response.status} ${response.statusText}`, response.status);
  }
  return json;
}

export function getJson(path, signal) {
  return requestJson(path, { signal });
}

// ---------------------------------------------------------------------------------------------------------------
// DOM

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'className') {
      node.className = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Whether a click should be left to the browser (a new tab or window) rather than followed in the page. */
export function opensElsewhere(event) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/** A table row of one cell across {@code columns} columns that says why the table is empty. */
export function emptyRow(columns, text) {
  return element('tr', {}, element('td', { colspan: String(columns), className: 'empty' }, text));
}

/** The page's note banner (`#note`): shows {@code text}, or hides the banner when there is none. */
export function renderNote(text) {
  const note = document.getElementById('note');
  note.textContent = text ?? '';
  note.hidden = !text;
}

/** The chart in the element {@code id}, made on first use. */
export function chartOf(id) {
  const echarts = window.echarts;
  if (!echarts) {
    throw new Error('the chart library did not load');
  }
  const container = document.getElementById(id);
  return echarts.getInstanceByDom(container) ?? echarts.init(container, null, { renderer: 'canvas' });
}

/** What every chart of daily quantities shares: a time axis, a value axis named with the unit, and zooming. */
export function dailyChartOptions(unit) {
  return {
    aria: { enabled: true },
    animationDuration: 250,
    grid: { left: 72, right: 24, top: 48, bottom: 72 },
    xAxis: { type: 'time' },
    yAxis: {
      type: 'value',
      name: unit,
      nameTextStyle: { align: 'right' },
      axisLabel: { formatter: (value) => formatNumber(value) },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 22, bottom: 12 }],
  };
}

export function showError(message) {
  const banner = document.getElementById('error');
  banner.textContent = message;
  banner.hidden = false;
}

export function hideError() {
  document.getElementById('error').hidden = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Header

const PAGES = [
  { id: 'overview', label: 'Fleet overview', href: './' },
  { id: 'forecasts', label: 'Forecasts', href: 'forecasts.html' },
  { id: 'capacity', label: 'Capacity', href: 'capacity.html' },
  { id: 'utilization', label: 'Utilization', href: 'utilization.html' },
  { id: 'cost', label: 'Cost & Budgets', href: 'cost.html' },
  { id: 'reliability', label: 'Reliability', href: 'reliability.html' },
  { id: 'prognostics', label: 'Prognostics', href: 'prognostics.html' },
];

/** The brand's mark: three stacked bars (a rack). */
const BRAND_MARK = '<svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
  + '<rect x="3" y="4" width="18" height="4" rx="1"></rect>'
  + '<rect x="3" y="10" width="18" height="4" rx="1"></rect>'
  + '<rect x="3" y="16" width="18" height="4" rx="1"></rect></svg>';

/**
 * Draws the page header every page shares into its `#app-header`: the brand, the navigation (marking {@code current}
 * as the page shown and pages not built yet as "soon") and the status line {@link loadStatus} fills.
 */
export function renderNavigation(current) {
  const brand = element('a', { className: 'brand', href: './', 'aria-label': 'Fleetcast home' });
  brand.innerHTML = BRAND_MARK;
  brand.append('Fleetcast');
  const list = element('ul', { id: 'app-nav-list' }, ...PAGES.map((page) => {
    if (!page.href) {
      return element(
        'li',
        {},
        element(
          'span',
          { className: 'nav-soon', 'aria-disabled': 'true', title: 'Not available yet' },
          `${page.label} `,
          element('small', {}, 'soon'),
        ),
      );
    }
    const attributes = page.id === current ? { href: page.href, 'aria-current': 'page' } : { href: page.href };
    return element('li', {}, element('a', { ...attributes, dataset: { page: page.id } }, page.label));
  }));
  document.getElementById('app-header').replaceChildren(
    brand,
    element('nav', { className: 'app-nav', 'aria-label': 'Pages' }, list),
    element('p', { className: 'header-status', id: 'header-status', 'aria-live': 'polite' }),
  );
}

/** What one row of each data set is, for the header: cost lines, not "costs". */
const ROW_NOUNS = {
  skus: 'SKU',
  assets: 'asset',
  services: 'service',
  orders: 'order',
  events: 'event',
  drivers: 'driver value',
  adjustments: 'adjustment',
  usage: 'usage row',
  costs: 'cost line',
  budgets: 'budget',
  telemetry: 'telemetry row',
  requests: 'capacity request',
};

/**
 * What the store holds, from `api/health`: the day the data runs to; before any assets or usage are loaded (so no day),
 * the rows of each data set that is loaded, e.g. "no assets or usage loaded yet; loaded 1,170 cost lines, 6 budgets".
 */
function dataStatus(health) {
  if (health.as_of) {
    return `data as of ${health.as_of}`;
  }
  const loaded = Object.entries(health.row_counts)
    .filter(([, rows]) => rows > 0)
    .map(([kind, rows]) => {
      const noun = ROW_NOUNS[kind] ?? `${kind} row`;
      return `${formatNumber(rows)} ${rows === 1 ? noun : `${noun}s`}`;
    });
  return loaded.length === 0
    ? 'no data loaded yet'
    : `no assets or usage loaded yet; loaded ${loaded.join(', ')}`;
}

export async function loadStatus() {
  try {
    const health = await getJson('api/health');
    document.getElementById('header-status').textContent = `${dataStatus(health)} · signed in as ${health.principal}`;
  } catch (error) {
    document.getElementById('header-status').textContent = `server unavailable: ${error.message}`;
  }
}
