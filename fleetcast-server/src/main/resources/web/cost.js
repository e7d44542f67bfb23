// Fleetcast dashboard: the Cost & Budgets page.
//
// The cost report (what `fleetcast cost` prints) of a period: the billed total against the attributed one, untagged
// spend, budget alerts and spend anomalies. Spend drills down org → team → service; each team shows its budget for the
// period (actual, forecast P50 and P90, the chance of an overrun, an alert) and, chosen, a chart of all its budgets.
// Unit costs show what each traffic driver (requests, daily active users) costs per unit, month by month.
// It calls only api/cost (docs/dashboard.md): the report without a period (every budget, so every period with one, and
// the last charge day's quarter) and, when another period is chosen, that period's report. The view lives in the query
// string (period, org, team), so back and forward move between views.

import {
  MISSING,
  apiQuery,
  chartOf,
  element,
  emptyRow,
  formatAmount,
  formatMoney,
  formatNumber,
  formatPercent,
  getJson,
  hideError,
  loadStatus,
  moneyValue,
  numberValue,
  renderCrumbs,
  renderNavigation,
  renderNote,
  tile,
  urlState,
  viewLoader,
  viewNavigation,
} from './common.js';

const LEVEL_LABELS = { fleet: 'All teams', org: 'Org', team: 'Team' };
/** The org of teams the ownership mapping does not place (and of the untagged row). */
const NO_ORG = '(no org)';
const COLORS = { budget: '#8d9bb0', actual: '#1d4f91', p50: '#178a7b', p90: '#b23b3b' };
const SVG = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// URL state

const { read: readState, queryOf, urlOf } = urlState(['period', 'org', 'team']);

const { navigate, viewLink, drillRow } = viewNavigation(urlOf, () => load());

/** The view of the same period at {@code level}: all teams, {@code org}, or {@code team} (in {@code org}). */
function levelState(period, level, org, team) {
  if (level === 'fleet') {
    return { period };
  }
  return level === 'org' ? { period, org } : { period, org, team };
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

// The reports fetched so far, by API path: moving between orgs and teams of a period fetches nothing; reloading the
// page fetches anew. A failed request is forgotten, so it is asked again next time.
const reports = new Map();

function fetchReport(path) {
  if (!reports.has(path)) {
    const pending = getJson(path);
    pending.catch(() => reports.delete(path));
    reports.set(path, pending);
  }
  return reports.get(path);
}

const LATEST = 'api/cost';

function periodPath(period) {
  return `api/cost${apiQuery({ period })}`;
}

function orgOf(row) {
  return row.org ?? NO_ORG;
}

function sum(rows, key) {
  return rows.reduce((total, row) => total + (row[key] ?? 0), 0);
}

function plural(count, noun, nouns = `${noun}s`) {
  return count === 1 ? noun : nouns;
}

/** The budget of {@code team} for the report's own period, if it has one. */
function budgetOf(report, team) {
  return report.budgets.find((budget) => budget.team === team && budget.period === report.period.label) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Page

const load = viewLoader({
  readState,
  urlOf,
  queryOf,
  show: async (state, signal, stale) => {
    const [latest, chosen] = await Promise.all([
      fetchReport(LATEST),
      state.period ? fetchReport(periodPath(state.period)) : null,
    ]);
    if (stale()) {
      return state;
    }
    const view = viewOf(chosen ?? latest, latest, state);
    hideError();
    render(view);
    return view.state;
  },
  failed: (state) => {
    renderBreadcrumb(state);
    // The period picker stays usable after a period the API refused, when the latest report is at hand.
    fetchReport(LATEST).then((latest) => renderPeriods(latest, state.period), () => {});
  },
});

/**
 * What the page shows for {@code state}: the report of its period ({@code latest} when it names none), the org and
 * team it drills into (the team's own org filled in), the canonical state and any note.
 */
function viewOf(report, latest, state) {
  const notes = [];
  const teamOrgs = new Map(report.attribution.map((row) => [row.team, orgOf(row)]));
  let { org, team } = state;
  if (team && !teamOrgs.has(team)) {
    notes.push(`Team ${team} has no spend in ${report.period.label}; showing ${org ? `org ${org}` : 'all teams'}.`);
    team = undefined;
  }
  if (team) {
    const actual = teamOrgs.get(team);
    if (org && org !== actual) {
      notes.push(`Team ${team} is in org ${actual}, not in ${org}.`);
    }
    org = actual;
  }
  if (org && ![...teamOrgs.values()].includes(org)) {
    notes.push(`Org ${org} has no spend in ${report.period.label}; showing all teams.`);
    org = undefined;
  }
  if (report.teams !== null) {
    notes.push(`You see the spend of ${plural(report.teams.length, 'team')} ${report.teams.join(', ') || 'none'} `
      + 'only; the totals are theirs.');
  }
  const level = team ? 'team' : org ? 'org' : 'fleet';
  const period = state.period ? report.period.label : undefined;
  return {
    report,
    latest,
    level,
    org,
    team,
    state: levelState(period, level, org, team),
    note: notes.join(' ') || null,
  };
}

/** Whether an anomaly's or a saving's {@code team} is inside the view's org or team. */
function inScope(view, team) {
  if (view.level === 'team') {
    return team === view.team;
  }
  if (view.level === 'org') {
    return view.report.attribution.some((row) => row.team === team && orgOf(row) === view.org);
  }
  return true;
}

function render(view) {
  const { report, level } = view;
  const name = level === 'fleet' ? 'Cost & Budgets' : `${LEVEL_LABELS[level]} ${view[level]}`;
  document.getElementById('page-title').textContent = name;
  document.title = `${name} · Cost & Budgets · Fleetcast`;
  document.getElementById('period-sub').textContent = `${report.period.label}: ${report.period.start} to `
    + `${report.period.end} · cost lines to ${report.as_of} · ${report.cost_column} in ${report.currency}`;
  for (const currency of document.querySelectorAll('.currency')) {
    currency.textContent = report.currency;
  }
  renderBreadcrumb(view.state);
  renderPeriods(view.latest, view.state.period);
  renderNote(view.note);
  renderKpis(view);
  renderOrgs(view);
  renderTeams(view);
  renderTeam(view);
  renderAnomalies(view);
  renderSavings(view);
  renderSkuCosts(view);
  renderUnitCosts(view);
  renderNotes(report);
}

function renderBreadcrumb(state) {
  const path = [{ level: 'fleet', name: LEVEL_LABELS.fleet }];
  if (state.org) {
    path.push({ level: 'org', name: state.org });
  }
  if (state.team) {
    path.push({ level: 'team', name: state.team });
  }
  renderCrumbs(
    path,
    LEVEL_LABELS,
    (crumb, ...label) => viewLink(levelState(state.period, crumb.level, state.org, state.team), ...label),
  );
}

/**
 * Fills the period picker: the latest quarter (the report without a period), then every period a budget is set for,
 * the newest first, and the one the URL names if no budget is.
 */
function renderPeriods(latest, selected) {
  const periods = new Map();
  for (const budget of latest.budgets) {
    const known = periods.get(budget.period) ?? { ...budget, count: 0 };
    known.count += 1;
    periods.set(budget.period, known);
  }
  const ordered = [...periods.values()].sort((a, b) => b.start.localeCompare(a.start) || b.end.localeCompare(a.end));
  const options = [
    element('option', { value: '' }, `Latest quarter (${latest.period.label}) · every budget · anomalies of the last `
      + '365 days'),
    ...ordered.map((period) => element(
      'option',
      { value: period.period },
      `${period.period} · ${period.start} to ${period.end} · ${period.count} ${plural(period.count, 'budget')}`,
    )),
  ];
  if (selected && !periods.has(selected)) {
    options.push(element('option', { value: selected }, `${selected} · no budgets`));
  }
  const select = document.getElementById('period');
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

function renderKpis(view) {
  const { report } = view;
  const money = (amount) => moneyValue(amount, report.currency);
  const reconciliation = report.reconciliation;
  const inPeriod = report.budgets.filter((budget) => budget.period === report.period.label);
  const anomalyWindow = view.state.period ? `in ${report.period.label}` : 'in the last 365 days';
  document.getElementById('kpis').replaceChildren(
    tile(
      'billed',
      `Billed (${report.cost_column})`,
      money(reconciliation.billed),
      report.teams === null
        ? `${formatNumber(reconciliation.lines)} cost ${plural(reconciliation.lines, 'line')} in ${report.period.label}`
        : `the spend of your teams in ${report.period.label}`,
    ),
    tile(
      'attributed',
      'Attributed to teams',
      money(reconciliation.attributed),
      `difference ${formatMoney(reconciliation.difference, report.currency)}`,
    ),
    tile(
      'untagged',
      'Untagged spend',
      money(reconciliation.untagged),
      `${formatPercent(reconciliation.untagged, reconciliation.billed)} of billed found no team`,
    ),
    tile(
      'alerts',
      'Budget alerts',
      numberValue(report.alerts.length, plural(report.alerts.length, 'alert')),
      `open budgets whose P50 forecast exceeds them; ${inPeriod.length} ${plural(inPeriod.length, 'budget')} `
        + `for ${report.period.label}`,
    ),
    tile(
      'anomalies',
      'Spend anomalies',
      numberValue(report.anomalies.length, plural(report.anomalies.length, 'anomaly', 'anomalies')),
      anomalyWindow,
    ),
  );
}

function moneyCell(value, field) {
  return element(
    'td',
    { className: 'num', dataset: { field, value: value === null || value === undefined ? '' : String(value) } },
    formatAmount(value),
  );
}

function alertCell(budget) {
  if (budget === null) {
    return element('td', { dataset: { field: 'alert', value: '' } }, MISSING);
  }
  return element(
    'td',
    { dataset: { field: 'alert', value: String(budget.alert) }, title: budget.explanation },
    budget.alert
      ? element('span', { className: 'badge badge-removed' }, 'Over budget')
      : element('span', { className: 'badge badge-applied' }, 'Within'),
  );
}

/** The cells of a budget: budget, actual, forecast P50 and P90, the chance of an overrun and the alert marker. */
function budgetCells(budget) {
  return [
    moneyCell(budget?.budget, 'budget'),
    moneyCell(budget?.actual, 'actual'),
    moneyCell(budget?.forecast_p50, 'forecast_p50'),
    moneyCell(budget?.forecast_p90, 'forecast_p90'),
    element(
      'td',
      { className: 'num', dataset: { field: 'overrun_probability', value: String(budget?.overrun_probability ?? '') } },
      budget ? formatPercent(budget.overrun_probability, 1) : MISSING,
    ),
    alertCell(budget),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Drill-down: orgs, an org's teams, a team's services and budgets

function renderOrgs(view) {
  const card = document.getElementById('orgs-card');
  card.hidden = view.level !== 'fleet';
  if (card.hidden) {
    return;
  }
  const { report } = view;
  document.getElementById('orgs-sub').textContent = `Spend in ${report.period.label} per org (the services file's `
    + 'owner of each team): direct spend, shares of shared costs and their total, and the budgets of the period '
    + 'forecast to overrun. The largest first; choose one to see its teams.';
  const orgs = new Map();
  for (const row of report.attribution) {
    orgs.set(orgOf(row), [...(orgs.get(orgOf(row)) ?? []), row]);
  }
  const attributed = report.reconciliation.attributed;
  const body = document.querySelector('#orgs-table tbody');
  if (orgs.size === 0) {
    body.replaceChildren(emptyRow(7, `No spend in ${report.period.label}.`));
    return;
  }
  const rows = [...orgs.entries()]
    .map(([org, teams]) => ({ org, teams, total: sum(teams, 'total') }))
    .sort((a, b) => b.total - a.total || a.org.localeCompare(b.org));
  body.replaceChildren(
    ...rows.map((row) => {
      const target = levelState(view.state.period, 'org', row.org);
      const alerts = row.teams.filter((team) => budgetOf(report, team.team)?.alert).length;
      return drillRow(
        target,
        { dataset: { key: row.org } },
        element('th', { scope: 'row' }, viewLink(target, row.org)),
        element('td', { className: 'num' }, formatNumber(row.teams.length)),
        moneyCell(sum(row.teams, 'direct'), 'direct'),
        moneyCell(sum(row.teams, 'shared'), 'shared'),
        moneyCell(row.total, 'total'),
        element('td', { className: 'num' }, formatPercent(row.total, attributed)),
        element('td', { className: 'num', dataset: { field: 'alerts', value: String(alerts) } }, formatNumber(alerts)),
      );
    }),
  );
}

function renderTeams(view) {
  const card = document.getElementById('teams-card');
  card.hidden = view.level !== 'org';
  if (card.hidden) {
    return;
  }
  const { report } = view;
  document.getElementById('teams-title').textContent = `Teams in org ${view.org}`;
  document.getElementById('teams-sub').textContent = `Each team's spend in ${report.period.label} and its budget for `
    + 'the period: spend to date, the forecast to the period\u2019s end at P50 and P90, the chance of spending more '
    + `than the budget, and an alert when the P50 forecast exceeds it (${MISSING}: no budget). Choose a team to see `
    + 'its services and all its budgets.';
  const teams = report.attribution
    .filter((row) => orgOf(row) === view.org)
    .sort((a, b) => b.total - a.total || a.team.localeCompare(b.team));
  document.querySelector('#teams-table tbody').replaceChildren(
    ...teams.map((row) => {
      const target = levelState(view.state.period, 'team', view.org, row.team);
      return drillRow(
        target,
        { dataset: { key: row.team }, title: row.explanation.join('\n') },
        element('th', { scope: 'row' }, viewLink(target, row.team)),
        moneyCell(row.direct, 'direct'),
        moneyCell(row.shared, 'shared'),
        moneyCell(row.total, 'total'),
        ...budgetCells(budgetOf(report, row.team)),
      );
    }),
  );
}

function renderTeam(view) {
  const container = document.getElementById('team-view');
  container.hidden = view.level !== 'team';
  if (container.hidden) {
    return;
  }
  renderServices(view);
  renderBudgets(view);
}

function renderServices(view) {
  const { report } = view;
  const row = report.attribution.find((candidate) => candidate.team === view.team);
  const services = report.services
    .filter((service) => service.team === view.team)
    .sort((a, b) => b.amount - a.amount || a.service.localeCompare(b.service));
  document.getElementById('services-title').textContent = `Services of team ${view.team}`;
  document.getElementById('services-sub').textContent = `The team's direct spend in ${report.period.label} per `
    + `service (the line's service tag or resource name): ${formatMoney(row.direct, report.currency)} direct, `
    + `${formatMoney(row.shared, report.currency)} of shared costs, ${formatMoney(row.total, report.currency)} in all.`
    + (row.shared === 0 ? '' : ` How: ${row.explanation.join('; ')}.`);
  const body = document.querySelector('#services-table tbody');
  if (services.length === 0) {
    body.replaceChildren(emptyRow(3, `No direct spend in ${report.period.label}.`));
    return;
  }
  body.replaceChildren(
    ...services.map((service) => element(
      'tr',
      { dataset: { key: service.service } },
      element('th', { scope: 'row' }, service.service),
      moneyCell(service.amount, 'amount'),
      element('td', { className: 'num' }, formatPercent(service.amount, row.direct)),
    )),
  );
}

/**
 * The team's budgets: every one in the report without a period, the chosen period's from its own report (its
 * anomalies, and so its forecast, are the period's), by start day.
 */
function teamBudgets(view) {
  const { report, latest } = view;
  const own = (budget) => budget.team === view.team;
  const byPeriod = new Map(latest.budgets.filter(own).map((budget) => [budget.period, budget]));
  for (const budget of report.budgets.filter(own)) {
    byPeriod.set(budget.period, budget);
  }
  return [...byPeriod.values()].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
}

function renderBudgets(view) {
  const { report } = view;
  const budgets = teamBudgets(view);
  const current = budgetOf(report, view.team);
  document.getElementById('budgets-title').textContent = `Budgets of team ${view.team}`;
  document.getElementById('budgets-sub').textContent = budgets.length === 0
    ? `Team ${view.team} has no budget.`
    : `Each period's budget against the spend to date and the forecast to the period\u2019s end (P50, P90), in `
      + `${report.currency}. ${current ? current.explanation : `No budget for ${report.period.label}.`}`;
  const chartContainer = document.getElementById('budget-chart');
  chartContainer.hidden = budgets.length === 0;
  const body = document.querySelector('#team-budgets-table tbody');
  if (budgets.length === 0) {
    body.replaceChildren(emptyRow(9, 'No budgets.'));
    return;
  }
  body.replaceChildren(
    ...budgets.map((budget) => {
      const row = element(
        'tr',
        { dataset: { key: budget.period } },
        element('th', { scope: 'row' }, budget.period),
        element('td', { className: 'num' }, `${formatNumber(budget.days_elapsed)} of ${formatNumber(budget.days)}`),
        ...budgetCells(budget),
        element('td', { className: 'wrap' }, budget.explanation),
      );
      if (budget.period === report.period.label) {
        row.setAttribute('aria-selected', 'true');
      }
      return row;
    }),
  );
  renderBudgetChart(budgets, report.currency);
}

function renderBudgetChart(budgets, currency) {
  const periods = budgets.map((budget) => budget.period);
  const line = (id, name, key, color, type) => ({
    id,
    name,
    type: 'line',
    color,
    symbolSize: 8,
    lineStyle: { width: 2, type },
    data: budgets.map((budget) => budget[key]),
  });
  chartOf('budget-chart').setOption(
    {
      aria: { enabled: true },
      animationDuration: 250,
      grid: { left: 88, right: 24, top: 48, bottom: 40 },
      legend: { top: 0, right: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatMoney(value, currency) },
      xAxis: { type: 'category', data: periods, name: 'period', nameLocation: 'middle', nameGap: 28 },
      yAxis: {
        type: 'value',
        name: currency,
        nameTextStyle: { align: 'right' },
        axisLabel: { formatter: (value) => formatNumber(value) },
      },
      series: [
        { id: 'budget', name: 'Budget', type: 'bar', color: COLORS.budget, data: budgets.map((b) => b.budget) },
        { id: 'actual', name: 'Actual to date', type: 'bar', color: COLORS.actual, data: budgets.map((b) => b.actual) },
        line('forecast-p50', 'Forecast P50', 'forecast_p50', COLORS.p50, 'solid'),
        line('forecast-p90', 'Forecast P90', 'forecast_p90', COLORS.p90, 'dashed'),
      ],
    },
    { notMerge: true },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Anomalies, savings, notes

function where(view) {
  return view.level === 'fleet' ? '' : ` of ${LEVEL_LABELS[view.level].toLowerCase()} ${view[view.level]}`;
}

function renderAnomalies(view) {
  const { report } = view;
  const span = view.state.period ? `in ${report.period.label}` : 'in the last 365 days';
  document.getElementById('anomalies-sub').textContent = `Days whose spend${where(view)} rose far above the expected `
    + `spend and fell back, ${span}, in ${report.currency}: a team's total, or one service's when too small to show `
    + 'in it. A provisional one has fewer than 3 days after it, too few to tell it from a lasting rise.';
  const anomalies = report.anomalies.filter((anomaly) => inScope(view, anomaly.team));
  const body = document.querySelector('#anomalies-table tbody');
  if (anomalies.length === 0) {
    body.replaceChildren(emptyRow(6, `No anomalies ${span}.`));
    return;
  }
  body.replaceChildren(
    ...anomalies.map((anomaly) => element(
      'tr',
      {
        dataset: {
          key: `${anomaly.date}/${anomaly.team}/${anomaly.service ?? ''}`,
          provisional: String(anomaly.provisional),
        },
      },
      element(
        'td',
        {},
        anomaly.date,
        ...(anomaly.provisional ? [' ', element('span', { className: 'badge badge-pending' }, 'provisional')] : []),
      ),
      element('td', {}, anomaly.team),
      element('td', {}, anomaly.service ?? '(team total)'),
      moneyCell(anomaly.amount, 'amount'),
      moneyCell(anomaly.expected, 'expected'),
      element('td', { className: 'wrap' }, anomaly.explanation),
    )),
  );
}

/** The owned SKUs' cost per core and what replacing them would save: a fleet-wide view, shown at the fleet level. */
function renderSkuCosts(view) {
  const skus = view.report.sku_costs ?? [];
  const card = document.getElementById('skus-card');
  card.hidden = view.level !== 'fleet' || skus.length === 0;
  if (card.hidden) {
    return;
  }
  document.querySelector('#skus-table tbody').replaceChildren(
    ...skus.map((sku) => element(
      'tr',
      { dataset: { key: `${sku.site}/${sku.sku}` }, title: sku.explanation },
      element('td', {}, sku.sku),
      element('td', {}, sku.site),
      element('td', { className: 'num' }, formatNumber(sku.servers)),
      moneyCell(sku.cost_per_core_month, 'cost_per_core_month'),
      moneyCell(sku.running_per_core_month, 'running_per_core_month'),
      element('td', {}, sku.replacement ? `${formatNumber(sku.replacement_servers)} ${sku.replacement}` : MISSING),
      sku.replacement ? moneyCell(sku.monthly_saving, 'monthly_saving') : element('td', { className: 'num' }, MISSING),
    )),
  );
}

function renderSavings(view) {
  const { report } = view;
  document.getElementById('savings-sub').textContent = `Ways to spend less${where(view)}, the largest monthly `
    + `saving first, in ${report.currency} a month.`;
  const savings = report.savings.filter((saving) => !saving.team || inScope(view, saving.team));
  const body = document.querySelector('#savings-table tbody');
  if (savings.length === 0) {
    body.replaceChildren(emptyRow(6, 'None found.'));
    return;
  }
  body.replaceChildren(
    ...savings.map((saving) => element(
      'tr',
      { dataset: { kind: saving.kind } },
      element('td', {}, saving.kind),
      element('td', {}, saving.team ?? MISSING),
      element('td', {}, saving.service ?? MISSING),
      element('td', { className: 'wrap' }, saving.subject ?? MISSING),
      moneyCell(saving.monthly_saving, 'monthly_saving'),
      element('td', { className: 'wrap' }, saving.explanation ?? ''),
    )),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Unit costs

// To four decimals, as the report's explanations write them.
const unitCostFormatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const trendFormatter = new Intl.NumberFormat('en-US', {
  style: 'percent',
  signDisplay: 'exceptZero',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Each traffic driver's cost per unit: at the fleet and org levels every one the report has; at a team's, those of the
 * services the report's service rows place in the team (a fleet-wide driver divides the whole bill, no team's).
 */
function renderUnitCosts(view) {
  const { report } = view;
  const teams = new Map(report.services.map((row) => [row.service, row.team]));
  const rows = view.level === 'team'
    ? report.unit_costs.filter((row) => row.service !== null && teams.get(row.service) === view.team)
    : report.unit_costs;
  const whose = view.level === 'team' ? ` of the services of team ${view.team}` : '';
  document.getElementById('unit-costs-sub').textContent = `Cost per unit of each traffic driver${whose}, month by `
    + 'month over the last 12 complete months (a month counts when the driver has a value on each of its days). A '
    + "service's driver divides that service's spend, a fleet-wide one the whole bill; flows such as requests are "
    + 'priced per thousand (or million), users per average daily user. The trend is the change per month of a line '
    + `fitted to the months' logarithms (${MISSING}: under 3 months). Point at a month for its value.`;
  const body = document.querySelector('#unit-costs-table tbody');
  if (rows.length === 0) {
    body.replaceChildren(emptyRow(7, report.unit_costs.length === 0
      ? 'No unit costs: load traffic drivers (fleetcast ingest drivers FILE) with a value on every day of a month.'
      : `No service of team ${view.team} has a traffic driver with a complete month.`));
    return;
  }
  body.replaceChildren(
    ...rows.map((row) => element(
      'tr',
      { dataset: { key: `${row.driver}/${row.service ?? ''}` } },
      element('th', { scope: 'row' }, row.driver),
      element('td', {}, row.service ?? 'whole fleet'),
      element('td', {}, (row.service !== null && teams.get(row.service)) || MISSING),
      element(
        'td',
        { className: 'num', dataset: { field: 'latest', value: String(row.latest) } },
        `${unitCostFormatter.format(row.latest)} `,
        element('span', { className: 'unit-label' }, row.unit_label),
        element('span', { className: 'unit-month' }, `in ${row.months[row.months.length - 1].month}`),
      ),
      element(
        'td',
        { className: 'num', dataset: { field: 'trend', value: String(row.trend_per_month ?? '') } },
        row.trend_per_month === null ? MISSING : trendFormatter.format(row.trend_per_month),
      ),
      element('td', {}, sparkline(row)),
      element('td', { className: 'wrap' }, row.explanation),
    )),
  );
}

function svgElement(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  node.append(...children);
  return node;
}

/**
 * A unit cost's months as a small line, oldest first, scaled from its lowest to its highest month (written under it);
 * each point is titled with its month and value.
 */
function sparkline(row) {
  const [width, height, pad] = [150, 34, 4];
  const values = row.months.map((month) => month.unit_cost);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const x = (index) => (values.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (values.length - 1));
  const y = (value) => (high === low ? height / 2 : height - pad - ((value - low) * (height - 2 * pad)) / (high - low));
  const describe = (month) => `${month.month}: ${unitCostFormatter.format(month.unit_cost)} ${row.unit_label}`;
  const line = svgElement(
    'svg',
    {
      class: 'sparkline',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': row.months.map(describe).join('; '),
      'data-months': row.months.map((month) => month.month).join(','),
      'data-values': values.join(','),
    },
    svgElement('polyline', { points: values.map((value, index) => `${x(index)},${y(value)}`).join(' ') }),
    ...row.months.map((month, index) => svgElement(
      'circle',
      { cx: x(index), cy: y(month.unit_cost), r: index === values.length - 1 ? 3 : 2 },
      svgElement('title', {}, describe(month)),
    )),
  );
  const [first, last] = [row.months[0].month, row.months[row.months.length - 1].month];
  const range = element(
    'span',
    { className: 'spark-range', title: `the lowest and the highest month from ${first} to ${last}` },
    `${unitCostFormatter.format(low)} to ${unitCostFormatter.format(high)}`,
  );
  return element('div', { className: 'spark' }, line, range);
}

function renderNotes(report) {
  document.getElementById('notes-card').hidden = report.notes.length === 0;
  document.getElementById('report-notes').replaceChildren(...report.notes.map((note) => element('li', {}, note)));
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const controls = document.getElementById('cost-controls');

controls.addEventListener('change', (event) => {
  if (event.target.name === 'period') {
    const state = readState();
    navigate({ period: event.target.value || undefined, org: state.org, team: state.team });
  }
});

controls.addEventListener('submit', (event) => event.preventDefault());

window.addEventListener('popstate', () => load());
window.addEventListener('resize', () => {
  window.echarts?.getInstanceByDom(document.getElementById('budget-chart'))?.resize();
});

renderNavigation('cost');
loadStatus();
load();
