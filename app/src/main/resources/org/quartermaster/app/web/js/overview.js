// Overview: the headline answers. Allies at 2% and 3.5% of GDP in the latest year with figures,
// aid totals by donor group, and the stock cells most at risk in the example scenarios.
import {api, citations, dataTable, el, gradeSelect, number, percent, readState, runPage, sourceLine} from './common.js';
import {chartCard, estimateSeries, heightFor, markLines} from './charts.js';
import {allyCount, countedRelease, latestCoveredYear} from './spending-years.js';
import {cellName, monthsToTargetText, runScenario} from './results.js';

/** Runs per example for the risk table: enough for shares to ±1 percentage point. */
const OVERVIEW_RUNS = 2000;
const content = document.getElementById('content');
/** Headline figures use sources graded press or better unless the reader opts in to more (?min_grade=relay). */
const state = readState({min_grade: 'press'});

runPage(async () => {
  // three slots, filled as the answers arrive: spending (2), then aid
  const slots = [el('div'), el('div'), el('div')];
  const tiles = el('div', {class: 'tiles', id: 'headline'}, slots);
  const grid = el('div', {class: 'grid'});
  content.append(el('section', {class: 'controls', 'aria-label': 'Filters'}, [gradeSelect(state, 'press')]), tiles, grid);
  const spendingCard = chartCard(grid, {id: 'overview-spending', title: 'Allies against the spending guidelines',
    units: '% of GDP', height: 380, description: 'Solid bars: reported; hatched: estimates; pale with a dashed outline: the source does not'
      + ' say whether the figure is an estimate. Dashed lines at 2% and 3.5%.'});
  const aidCard = chartCard(grid, {id: 'overview-aid', title: 'Aid to Ukraine by donor group', units: 'EUR billion, allocations',
    height: 380, description: 'Military, financial and humanitarian allocations of the latest release, by donor group.'});
  const riskBox = el('section', {'aria-labelledby': 'risk-title'}, [el('h2', {id: 'risk-title'}, 'Stock cells most at risk in the example scenarios')]);
  content.append(riskBox);
  const riskCard = chartCard(riskBox, {id: 'overview-risk', title: 'Shortfall risk per stock cell', units: 'share of runs with any shortfall',
    height: 360, description: `Each example scenario run ${number(OVERVIEW_RUNS, 0)} times with its own seed. Stocks, targets and demand in the examples are labelled assumptions.`});
  await Promise.all([spending(slots, spendingCard), aid(slots[2], aidCard), risk(riskBox, riskCard)]);
});

async function spending(slots, card) {
  // a count: one source (NATO), one release per year (the latest covering it), the allies on 31 December
  const all = await api(`/api/v1/spending?source=nato&threshold=2&min_grade=${encodeURIComponent(state.min_grade)}`);
  const year = latestCoveredYear(all.rows);
  const rows = all.rows.filter((r) => r.year === year);
  const withFigure = rows.filter((r) => r.pct_gdp !== null).sort((a, b) => b.pct_gdp - a.pct_gdp);
  const release = countedRelease(all, year);
  const vintages = release.month ? [release.month] : [];
  const at2 = allyCount(rows, 2);
  const at35 = allyCount(rows, 3.5);
  const without = at2.note ? `; ${at2.note} in that release` : '';
  slots[0].replaceWith(tile(at2.text, `with a figure at or above 2% of GDP in ${year}`,
    `NATO figures, one release: ${release.label}; allies: the members on 31 December ${year}${without}`));
  slots[1].replaceWith(tile(at35.text, `with a figure at or above 3.5% of GDP in ${year}`,
    `the core-defence level allies committed in 2025 to reach by 2035${at35.note ? `; ${at35.note}` : ''}`));
  card.setHeight(heightFor(withFigure.length, 20));
  card.show({
    legend: {top: 0, type: 'scroll'},
    grid: {top: 36, left: 24, right: 40},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => (v === null || v === undefined ? '–' : `${number(v)}%`)},
    yAxis: {type: 'category', data: withFigure.map((r) => r.country), inverse: true, axisLabel: {interval: 0, fontSize: 11}},
    xAxis: {type: 'value', name: '% of GDP', nameLocation: 'middle', nameGap: 24},
    series: estimateSeries(withFigure, (r) => r.pct_gdp).map((series, i) => (i ? series
      : {...series, markLine: markLines([{value: 2, label: '2%'}, {value: 3.5, label: '3.5%', color: '#CC79A7'}], 'x')})),
  }, {columns: ['country', 'iso3', 'year', 'pct_gdp', 'estimate', 'vintage_month', 'source_url'], rows: withFigure},
  sourceLine({sources: citations(withFigure), vintages: vintages.map((v) => ({vintage_month: v}))}, 'NATO'),
  `Allies against the spending guidelines, ${year}, release ${release.month || 'without month'}`);
}

/**
 * Aid by donor group, from the API's own rule (the latest release by data-through date, sums that never
 * mix releases, bases or currencies): the headline total of Kiel's latest release and its allocations by
 * category and donor group.
 */
async function aid(slot, card) {
  const base = `/api/v1/aid?measure=allocation&min_grade=${encodeURIComponent(state.min_grade)}&by=`;
  const totals = await api(`${base}release&category=total`);
  const headline = totals.rows.filter((r) => r.currency === 'EUR' && r.unit === 'billion')
    .sort((a, b) => b.amount - a.amount)[0];
  if (!headline) {
    slot.replaceWith(tile('–', 'no aid allocations in the store', 'import the Kiel Institute tracker'));
    card.empty('No aid allocations in the store');
    return;
  }
  const release = totals.vintages.find((v) => v.vintage.startsWith(`${headline.release} (`)) || {vintage: headline.release};
  const categories = ['military', 'financial', 'humanitarian'];
  const parts = await Promise.all(categories.map((c) =>
    api(`${base}donor-group&category=${c}&release=${encodeURIComponent(headline.release)}`)));
  const groups = ['EU member states', 'EU institutions', 'other Europe', 'United States', 'others'];
  const rows = parts.flatMap((p, i) => p.rows.filter((r) => r.currency === 'EUR' && r.unit === 'billion'
    && groups.includes(r['donor-group'])).map((r) => ({group: r['donor-group'], category: categories[i], amount: r.amount,
    donors: r.donors, release: r.release, basis: r.basis})));
  const shown = groups.filter((g) => rows.some((r) => r.group === g));
  slot.replaceWith(tile(`€${number(headline.amount, 0)} bn`,
    `aid allocated to Ukraine by the ${headline.donors} donors of ${release.vintage}`,
    'total allocations (military + financial + humanitarian), one release, never summed with another'));
  card.show({
    legend: {top: 0},
    grid: {top: 40, left: 24, right: 24},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => (v === null || v === undefined ? '–' : `€${number(v)} bn`)},
    yAxis: {type: 'category', data: shown, inverse: true, axisLabel: {interval: 0}},
    xAxis: {type: 'value', name: 'EUR billion', nameLocation: 'middle', nameGap: 24},
    series: categories.map((c) => ({type: 'bar', stack: 'aid', name: c, barMaxWidth: 36,
      data: shown.map((g) => (rows.find((r) => r.group === g && r.category === c) || {amount: null}).amount)})),
  }, {columns: ['group', 'category', 'amount', 'donors', 'release', 'basis'], rows},
  sourceLine(totals), `Aid to Ukraine by donor group, ${release.vintage}`);
}

async function risk(box, card) {
  const list = await api('/api/v1/scenarios');
  const examples = list.scenarios.filter((s) => (s.kind || 'example') === 'example');
  const results = await Promise.all(examples.map((s) => runScenario({scenario_id: s.id, runs: OVERVIEW_RUNS})));
  const cells = results.flatMap((r, i) => r.cells.map((c) => ({
    scenario: examples[i].name, scenario_id: examples[i].id, cell: cellName(c),
    shortfall_probability: c.shortfall.probability_any, expected_unmet: c.shortfall.expected_total,
    reached_probability: c.months_to_target ? c.months_to_target.reached_probability : null,
    months_to_target: monthsToTargetText(r, c),
  }))).sort((a, b) => b.shortfall_probability - a.shortfall_probability
    || (a.reached_probability ?? 1) - (b.reached_probability ?? 1));
  const top = cells.slice(0, 10);
  card.show({
    grid: {left: 40},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => percent(v)},
    yAxis: {type: 'category', data: top.map((c) => `${c.cell} (${c.scenario_id})`), inverse: true},
    xAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: (v) => `${Math.round(v * 100)}%`}},
    series: [{type: 'bar', name: 'runs with a shortfall', data: top.map((c) => c.shortfall_probability), itemStyle: {color: '#D55E00'}}],
  }, {columns: ['scenario', 'cell', 'shortfall_probability', 'expected_unmet', 'reached_probability', 'months_to_target'], rows: cells},
  `SM-1 runs of the example scenarios (${number(OVERVIEW_RUNS, 0)} runs each); see each scenario for what is sourced and what is assumed`);
  box.append(dataTable([{name: 'scenario'}, {name: 'cell', label: 'stock cell'},
    {name: 'shortfall_probability', label: 'runs with a shortfall', format: (v) => percent(v)},
    {name: 'expected_unmet', label: 'expected unmet demand', format: (v) => number(v, 0)},
    {name: 'months_to_target', label: 'target'},
    {name: 'scenario_id', label: 'open', format: (v) => el('a', {href: `/scenarios.html?id=${encodeURIComponent(v)}`}, 'open scenario')}],
  top, 'The ten stock cells with the highest shortfall risk'));
}

function tile(value, label, note) {
  return el('div', {class: 'tile'}, [el('div', {class: 'value'}, value), el('div', {class: 'label'}, label),
    el('div', {class: 'assumption'}, note)]);
}
