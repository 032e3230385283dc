// Normalised views (docs/normalised.md). Aid: absolute, % of donor GDP or per person, in the source's
// currency or converted to USD or EUR at a chosen year's rate; every figure comes from the API, which
// names the GDP, population, exchange-rate and price-index rows used and refuses what it cannot convert.
// Spending: where NATO's equipment-share table is imported, the allies at or above 20% of defence
// expenditure. The view's choices live in the URL (per, convert, rate_year) so it can be shared.
import {api, dataTable, el, query, select, sourceLine} from './common.js';
import {chartCard, markLines} from './charts.js';

const SHOW = [['', 'Absolute (as the source gives it)'], ['gdp', '% of donor GDP'], ['capita', 'Per person']];
const CONVERT = [['', 'As given (no conversion)'], ['USD', 'USD'], ['EUR', 'EUR']];

/** Whose share of GDP a row is (the API's share_basis), as the units line and the bars say it. */
function basisLabel(basis, unit) {
  const year = (/\d{4}/.exec(unit) || [''])[0];
  return basis === 'kiel' ? "Kiel's own share" : `computed: aid ÷ World Bank GDP ${year}`.trim();
}

/** The unit a reader sees for a choice of the Aid page's normalised card. */
function unitsOf(choice) {
  if (choice.per === 'gdp') {
    return '% of donor GDP 2021 (Kiel\'s own share where imported, else computed from the World Bank\'s GDP)';
  }
  const currency = choice.convert || 'currency of the source';
  return choice.per === 'capita' ? `${currency} per person (population 2021)` : `${currency} billion`;
}

/**
 * Adds the normalised-aid controls and chart to `parent`. `state` is the Aid page's (release, category,
 * measure, min_grade); the card's own choices are read from and written to the URL.
 */
export function normalisedAid(parent, state) {
  const params = new URLSearchParams(location.search);
  const choice = {per: params.get('per') || '', convert: params.get('convert') || '',
    rate_year: params.get('rate_year') || String(new Date().getFullYear() - 1)};
  const years = [];
  for (let y = new Date().getFullYear() - 1; y >= 2014; y--) {
    years.push(String(y));
  }
  const section = el('section', {class: 'controls', 'aria-label': 'Normalised aid'});
  const card = chartCard(parent, {id: 'aid-normalised', title: 'Aid by donor, normalised', units: unitsOf(choice),
    height: 520, description: 'Aid of the chosen category and measure by donor, absolute, as a share of the donor\'s GDP'
      + ' or per inhabitant, optionally converted at the Federal Reserve\'s annual average EUR/USD rate.'});
  const tableBox = el('div');
  parent.append(tableBox);
  card.figure.before(section);
  const redraw = () => {
    const url = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(choice)) {
      if (v && !(k === 'rate_year' && !choice.convert)) {
        url.set(k, v);
      } else {
        url.delete(k);
      }
    }
    history.replaceState(null, '', `?${url}`);
    return draw(card, tableBox, state, choice);
  };
  section.append(
    select('per', 'Show aid', SHOW, choice.per, (v) => {
      choice.per = v;
      redraw();
    }),
    select('convert', 'Currency', CONVERT, choice.convert, (v) => {
      choice.convert = v;
      redraw();
    }),
    select('rate_year', 'Exchange-rate year', years, choice.rate_year, (v) => {
      choice.rate_year = v;
      redraw();
    }),
  );
  return draw(card, tableBox, state, choice);
}

async function draw(card, tableBox, state, choice) {
  const q = query({by: 'donor', release: state.release || '', category: state.category, measure: state.measure,
    min_grade: state.min_grade || '', per: choice.per, currency: choice.convert,
    price_year: choice.convert ? choice.rate_year : ''});
  let result;
  try {
    result = await api(`/api/v1/aid${q}`);
  } catch (e) {
    card.empty(e.message);
    tableBox.replaceChildren();
    return;
  }
  const valueColumn = result.columns.some((c) => c.name === 'value') ? 'value' : 'amount';
  const unitOf = (r) => r.value_unit || `${r.currency} ${r.unit}`;
  const units = [...new Set(result.rows.map(unitOf))];
  // one unit per chart: the first (the API keeps currencies apart; a chart never mixes them)
  const rows = result.rows.filter((r) => unitOf(r) === units[0]).sort((a, b) => b[valueColumn] - a[valueColumn]);
  if (!rows.length) {
    card.empty('No figures for this choice');
    tableBox.replaceChildren();
    return;
  }
  // shares of GDP: whose share each bar is, Kiel's own or computed here; never one unlabelled mix
  const bases = ['kiel', 'computed'].filter((b) => rows.some((r) => r.share_basis === b));
  const mixed = bases.length > 1;
  const unitLine = bases.length ? `${units[0]} (${bases.map((b) => basisLabel(b, units[0])).join('; ')}`
    + `${mixed ? ': each bar says which' : ''})` : units[0];
  card.setUnits(unitLine);
  const notShown = units.length > 1 ? ` (not shown: figures in ${units.slice(1).join(', ')})` : '';
  card.show({
    grid: {top: 24, left: 24, right: 48, bottom: 24, containLabel: true},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    yAxis: {type: 'category', data: rows.map((r) => (mixed ? `${r.donor} (${r.share_basis})` : r.donor)),
      inverse: true},
    xAxis: {type: 'value', name: units[0], nameLocation: 'middle', nameGap: 28},
    series: [{type: 'bar', name: units[0], itemStyle: {color: '#0072B2'}, data: rows.map((r) => ({value: r[valueColumn],
      itemStyle: {color: mixed && r.share_basis === 'computed' ? '#E69F00' : '#0072B2'}}))}],
  }, {columns: ['donor', 'release', valueColumn, 'value_unit', 'share_basis', 'currency', 'unit'].filter((c) => result.columns.some((x) => x.name === c)),
    rows}, sourceLine(result), `Aid by donor, ${state.category} ${state.measure}s: ${unitLine}${notShown}`);
  tableBox.replaceChildren(dataTable(result.columns.map((c) => ({name: c.name})), rows,
    `${result.title} — ${result.notes.filter((n) => /ASSUMPTION|Reference values|No value|share_basis|Mixed bases/.test(n)).join(' ')}`));
}

/** The 3.5% line's source, for the Spending page's source lines. */
export const HAGUE_2025 = {publisher: 'NATO', title: 'The Hague Summit Declaration, 25 June 2025 (3.5% of GDP core'
  + ' defence by 2035; the 1.5% defence- and security-related part is not shown: no source gives it per ally)',
  date: '2025-06-25', grade: 'press', url: 'https://agenceurope.eu/en/bulletin/detail/13667'};

/**
 * Adds, below the Spending page's charts, the 3.5% target's source and, when NATO's equipment-share
 * table is imported, a chart of the allies' equipment shares against 20%.
 */
export async function spendingTargets(parent, year) {
  parent.append(el('p', {class: 'source', id: 'target-source'}, `The 3.5% line: ${sourceLine({sources: [HAGUE_2025]})}.`
    + ' The 2% line: NATO\'s 2014 guideline.'));
  // asked only when the store holds the series, so that a store without it logs no failed request
  const sources = new Set((await api('/api/v1/spending?vintage=all')).rows.filter((r) => r.year === Number(year))
    .map((r) => r.source));
  if (!sources.has('nato-equipment')) {
    parent.append(el('p', {class: 'description', id: 'equipment-none'}, `Equipment share: no figures imported for ${year}.`
      + ' Import NATO\'s table with qm import FILE --mapping nato-equipment-share (docs/normalised.md).'));
    return;
  }
  const result = await api(`/api/v1/spending${query({measure: 'equipment', year})}`);
  const card = chartCard(parent, {id: 'spending-equipment', title: 'Equipment expenditure by ally',
    units: '% of defence expenditure', height: 420,
    description: 'Equipment (major equipment and related R&D) as a share of defence expenditure; dashed line: 20% guideline.'});
  const rows = [...result.rows].sort((a, b) => b.equipment_pct - a.equipment_pct);
  card.show({
    xAxis: {type: 'category', data: rows.map((r) => r.iso3), axisLabel: {interval: 0, rotate: 60}},
    yAxis: {type: 'value', name: '% of defence expenditure'},
    series: [{type: 'bar', name: 'equipment', data: rows.map((r) => r.equipment_pct), itemStyle: {color: '#009E73'},
      markLine: markLines([{value: 20, label: '20% guideline'}])}],
    graphic: [{type: 'text', right: 24, top: 8, style: {text: result.notes[0] || '', fill: '#1d1d1f', font: '13px system-ui'}}],
  }, {columns: ['country', 'iso3', 'year', 'equipment_pct', 'estimate', 'meets_20', 'vintage_month', 'source_url'], rows},
  sourceLine(result, 'NATO'), result.title);
}
