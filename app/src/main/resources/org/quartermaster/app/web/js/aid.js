// Aid page: by donor stacked by category, and commitments vs allocations per donor, for one release
// and currency of the aid dataset (running totals only); filters as query parameters so a view can be
// shared. The default release is the API's: the latest by data-through date, never the one with most rows.
import {api, citations, dataTable, el, gradeSelect, number, query, readState, runPage, saveState, select, sourceLine} from './common.js';
import {chartCard, heightFor} from './charts.js';
import {normalisedAid} from './normalise.js';

const CATEGORIES = ['military', 'financial', 'humanitarian'];
const content = document.getElementById('content');
const state = readState({release: '', currency: '', measure: 'allocation', category: 'military', donor: '', min_grade: ''});
/** Donor names wrap within this width (px), so long ones ("EU (Commission and Council)") are never cut. */
const LABEL_WIDTH = 150;

runPage(async () => {
  const grade = state.min_grade ? `&min_grade=${encodeURIComponent(state.min_grade)}` : '';
  const [result, latest] = await Promise.all([api(`/api/v1/aid?release=all${grade}`), api(`/api/v1/aid?release=latest${grade}`)]);
  // Comparable lines only: per-donor running totals by category, in billions (not windows or groups of donors).
  const comparable = (r) => r.unit === 'billion' && r.basis === 'cumulative'
    && (r.donor_iso3 !== null || /^EU \(/.test(r.donor || ''));
  const lines = result.rows.filter(comparable);
  const releases = byDataThrough(lines);
  if (!state.release) {
    state.release = byDataThrough(latest.rows.filter(comparable))[0] || releases[0] || '';
  }
  const currencies = [...new Set(lines.filter((r) => r.release === state.release).map((r) => r.currency))].sort();
  if (!currencies.includes(state.currency)) {
    state.currency = currencies[0] || '';
  }
  const donors = [...new Set(lines.map((r) => r.donor))].sort();
  const reload = () => {
    saveState(state);
    draw(lines, result, stacked, versus, tableBox);
  };
  const controls = el('section', {class: 'controls', 'aria-label': 'Filters'}, [
    select('release', 'Release', releases, state.release, (v) => {
      state.release = v;
      location.search = query(state);
    }),
    select('currency', 'Currency', currencies, state.currency, (v) => {
      state.currency = v;
      reload();
    }),
    select('measure', 'Measure (stacked chart)', ['allocation', 'commitment'], state.measure, (v) => {
      state.measure = v;
      reload();
    }),
    select('category', 'Category (commitment vs allocation)', [...CATEGORIES, 'total'], state.category, (v) => {
      state.category = v;
      reload();
    }),
    select('donor', 'Donor', [['', 'All donors'], ...donors], state.donor, (v) => {
      state.donor = v;
      reload();
    }),
    gradeSelect(state),
  ]);
  content.append(controls);
  const grid = el('div', {class: 'grid'});
  content.append(grid);
  const stacked = chartCard(grid, {id: 'aid-by-donor', title: 'Aid by donor and category', units: 'billion (currency as chosen)',
    height: 480, description: 'Bars stack military, financial and humanitarian aid for the measure chosen.'});
  const versus = chartCard(grid, {id: 'aid-commitment-allocation', title: 'Commitments vs allocations',
    units: 'billion (currency as chosen)', height: 480,
    description: 'Commitments are promises; allocations are aid delivered or earmarked for delivery.'});
  const tableBox = el('div');
  content.append(tableBox);
  draw(lines, result, stacked, versus, tableBox);
  await normalisedAid(content, state);
});

/** The releases of the lines, latest data-through date first (releases without a dated row last). */
function byDataThrough(lines) {
  const through = new Map();
  for (const r of lines) {
    const date = /^\d{4}-\d{2}/.test(r.data_through || '') ? r.data_through : '';
    if (!through.has(r.release) || date > through.get(r.release)) {
      through.set(r.release, date);
    }
  }
  return [...through.entries()].sort((a, b) => b[1].localeCompare(a[1]) || a[0].localeCompare(b[0])).map(([r]) => r);
}

/** One figure per donor, category and measure: the line with the latest data_through when several. */
function figures(lines) {
  const latest = new Map();
  for (const r of lines) {
    const key = `${r.donor}|${r.category}|${r.measure}`;
    const seen = latest.get(key);
    if (!seen || String(r.data_through) > String(seen.data_through)) {
      latest.set(key, r);
    }
  }
  return [...latest.values()];
}

function draw(allLines, result, stacked, versus, tableBox) {
  const lines = figures(allLines.filter((r) => r.release === state.release && r.currency === state.currency
    && (!state.donor || r.donor === state.donor)));
  const units = `${state.currency} billion`;
  const source = sourceLine({sources: citations(lines), vintages: [{vintage: state.release}]});
  stacked.setUnits(units);
  versus.setUnits(units);

  const byMeasure = lines.filter((r) => r.measure === state.measure && CATEGORIES.includes(r.category));
  const donors = orderedDonors(byMeasure);
  if (!donors.length) {
    stacked.empty(`No ${state.measure} figures by category in this release and currency`);
  } else {
    stacked.setHeight(heightFor(donors.length, 26));
    stacked.show({
      legend: {top: 0},
      grid: {top: 40, left: 16, bottom: 24},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: amount},
      yAxis: donorAxis(donors),
      xAxis: {type: 'value', name: units, nameLocation: 'middle', nameGap: 28},
      series: CATEGORIES.map((c) => ({type: 'bar', stack: 'aid', name: c, emphasis: {focus: 'series'},
        data: donors.map((d) => value(byMeasure, d, c, state.measure))})),
    }, {columns: ['donor', 'category', 'measure', 'amount', 'currency', 'unit', 'data_through', 'release', 'basis', 'source_grade', 'source_url'],
      rows: byMeasure}, source, `Aid by donor and category (${state.measure}s), ${state.release}`);
  }

  const byCategory = lines.filter((r) => r.category === state.category && ['commitment', 'allocation'].includes(r.measure));
  const donors2 = orderedDonors(byCategory);
  if (!donors2.length) {
    versus.empty(`No ${state.category} commitments or allocations in this release and currency`);
  } else {
    versus.setHeight(heightFor(donors2.length, 30));
    versus.show({
      legend: {top: 0},
      grid: {top: 40, left: 16, bottom: 24},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: amount},
      yAxis: donorAxis(donors2),
      xAxis: {type: 'value', name: units, nameLocation: 'middle', nameGap: 28},
      series: ['commitment', 'allocation'].map((m, i) => ({type: 'bar', name: m, itemStyle: {color: i ? '#0072B2' : '#E69F00'},
        data: donors2.map((d) => value(byCategory, d, state.category, m))})),
    }, {columns: ['donor', 'category', 'measure', 'amount', 'currency', 'unit', 'data_through', 'release', 'basis', 'source_grade', 'source_url'],
      rows: byCategory}, source, `Commitments vs allocations, ${state.category} aid, ${state.release}`);
  }
  tableBox.replaceChildren(dataTable([{name: 'donor'}, {name: 'category'}, {name: 'measure'}, {name: 'amount'},
    {name: 'currency'}, {name: 'unit'}, {name: 'data_through', label: 'data through'}, {name: 'release'},
    {name: 'basis'}, {name: 'publisher'}, {name: 'source_grade', label: 'grade'}, {name: 'source_url', label: 'source'}],
  lines, `${result.title}: ${state.release}, ${state.currency}`));
}

/** A category axis of donors, largest first, every name shown and wrapped rather than cut. */
function donorAxis(donors) {
  return {type: 'category', data: donors, inverse: true,
    axisLabel: {interval: 0, width: LABEL_WIDTH, overflow: 'break', lineHeight: 13, fontSize: 11}};
}

function amount(v) {
  return v === null || v === undefined ? '–' : `${number(v)} ${state.currency} bn`;
}

/** Donors by their total, largest first. */
function orderedDonors(rows) {
  const totals = new Map();
  rows.forEach((r) => totals.set(r.donor, (totals.get(r.donor) || 0) + (r.amount || 0)));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

function value(rows, donor, category, measure) {
  const row = rows.find((r) => r.donor === donor && r.category === category && r.measure === measure);
  return row ? row.amount : null;
}
