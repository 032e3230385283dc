// Country page (/country.html?c=POL): one country across the store. Its membership (NATO, EU), its
// defence spending in every release of every source (one line per source and release, so revisions
// and the two sources sit side by side), the aid it gave (or, for Ukraine, received), and the
// transfers, contracts and production figures that name it. Everything from the read endpoints.
import {api, citations, dataTable, el, number, query, readState, runPage, saveState, select, sourceLine} from './common.js';
import {chartCard, heightFor, markLines} from './charts.js';

const GUIDELINES = [{value: 2, label: '2% guideline'}, {value: 3.5, label: '3.5% (2025 commitment)', color: '#CC79A7'}];
const CATEGORIES = ['military', 'financial', 'humanitarian'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
/** The recipient whose aid the store's aid tables record. */
const RECIPIENT = 'UKR';
const content = document.getElementById('content');
const state = readState({c: 'POL'});

runPage(async () => {
  const countries = (await api('/api/v1/countries')).countries;
  const country = countries.find((c) => c.iso3 === state.c.toUpperCase());
  content.append(el('section', {class: 'controls', 'aria-label': 'Country'}, [
    select('country', 'Country', countries.map((c) => [c.iso3, `${c.name} (${c.iso3})`]), country ? country.iso3 : '', (v) => {
      location.search = query({c: v});
    }),
  ]));
  if (!country) {
    throw new Error(`no country with the ISO 3166 code '${state.c}' in the store: choose one from the list`);
  }
  state.c = country.iso3;
  saveState(state);
  document.title = `Quartermaster — ${country.name}`;
  document.getElementById('country-title').textContent = country.name;
  content.append(facts(country));
  const [spending, aid, transfers, contracts, production] = await Promise.all([
    api(`/api/v1/spending${query({country: country.iso3, vintage: 'all'})}`),
    api(`/api/v1/aid${query(country.iso3 === RECIPIENT ? {release: 'latest'} : {release: 'all', donor: country.iso3})}`),
    api('/api/v1/transfers'), api('/api/v1/contracts'), api('/api/v1/production')]);
  spendingSection(country, spending);
  aidSection(country, aid);
  listSection('transfers', `Transfers from or to ${country.name}`, transfers,
    transfers.rows.filter((r) => r.supplier_iso3 === country.iso3 || r.recipient_iso3 === country.iso3),
    [{name: 'date'}, {name: 'item'}, {name: 'supplier'}, {name: 'recipient_iso3', label: 'recipient'}, {name: 'quantity'},
      {name: 'unit'}, {name: 'status'}, {name: 'source_kind', label: 'figure'}, {name: 'source_grade', label: 'grade'},
      {name: 'source_url', label: 'source'}]);
  listSection('contracts', `Contracts ${country.name} placed`, contracts,
    contracts.rows.filter((r) => names(country).some((n) => String(r.buyers || '').toLowerCase().includes(n))),
    [{name: 'date'}, {name: 'buyers'}, {name: 'agency'}, {name: 'item'}, {name: 'quantity'}, {name: 'value'},
      {name: 'currency'}, {name: 'supplier'}, {name: 'source_grade', label: 'grade'}, {name: 'source_url', label: 'source'}]);
  listSection('production', `Production figures of producers in ${country.name}`, production,
    production.rows.filter((r) => r.country === country.iso3),
    [{name: 'item', format: (v) => el('a', {href: `/production.html${query({item: v})}`}, v)}, {name: 'producer'}, {name: 'date'},
      {name: 'kind'}, {name: 'value'}, {name: 'unit'}, {name: 'period'}, {name: 'target_date', label: 'target date'},
      {name: 'source_grade', label: 'grade'}, {name: 'source_url', label: 'source'}]);
});

/** The names a contract's buyers may use for the country: its name and its code, lower case. */
function names(country) {
  return [country.name.toLowerCase(), country.iso3.toLowerCase()];
}

function facts(country) {
  const since = (d) => (d ? `since ${d}` : 'not a member');
  const eu = country.eu_left ? `${country.eu_joined} to ${country.eu_left}` : since(country.eu_joined);
  return el('dl', {class: 'facts', id: 'membership'}, [
    el('div', {}, [el('dt', {}, 'ISO 3166 code'), el('dd', {}, country.iso3)]),
    el('div', {}, [el('dt', {}, 'NATO'), el('dd', {}, since(country.nato_joined))]),
    el('div', {}, [el('dt', {}, 'European Union'), el('dd', {}, eu)]),
    el('div', {class: 'country-links'}, [el('dt', {}, 'Elsewhere'), el('dd', {}, [
      el('a', {href: `/spending.html${query({countries: country.iso3})}`}, 'spending page'),
      el('a', {href: `/map.html${query({c: country.iso3})}`}, 'map')])]),
  ]);
}

function section(id, title) {
  const box = el('section', {class: 'country-section', id, 'aria-labelledby': `${id}-title`}, el('h2', {id: `${id}-title`}, title));
  content.append(box);
  return box;
}

/** Spending: one line per source and release, so revisions and the sources sit side by side. */
function spendingSection(country, result) {
  const box = section('spending', 'Defence spending');
  const rows = result.rows.filter((r) => r.pct_gdp !== null);
  const card = chartCard(box, {id: 'country-spending', title: `${country.name}: defence spending by source and release`,
    units: '% of GDP', description: 'One line per source and release (vintage): where lines of a source part, a later release revised'
      + ' the figure; NATO and SIPRI measure differently, so their lines are not expected to agree.'});
  if (!rows.length) {
    card.empty(`No spending figures for ${country.name} in the store`);
    return;
  }
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const lines = [...new Set(rows.map((r) => `${r.source}|${r.vintage_month}`))].sort();
  card.show({
    legend: {top: 0, type: 'scroll'},
    grid: {top: 48},
    tooltip: {trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : `${number(v)}%`)},
    xAxis: {type: 'category', data: years},
    yAxis: {type: 'value', name: '% of GDP', scale: true},
    series: lines.map((line, i) => {
      const [source, vintage] = line.split('|');
      return {type: 'line', name: `${source.toUpperCase()}, release ${vintage}`, symbolSize: 8, symbol: SYMBOLS[i % SYMBOLS.length],
        lineStyle: {type: source === 'nato' ? 'solid' : 'dashed'},
        data: years.map((y) => {
          const row = rows.find((r) => r.year === y && r.source === source && r.vintage_month === vintage);
          return row ? row.pct_gdp : null;
        }),
        markLine: i === 0 ? markLines(GUIDELINES) : undefined};
    }),
  }, {columns: ['country', 'source', 'year', 'vintage_month', 'pct_gdp', 'estimate', 'as_of', 'source_url'], rows},
  sourceLine(result), `${country.name}: defence spending by source and release`);
}

/**
 * Aid: what a donor gave, per release of the aid datasets (running totals, allocations by category, in
 * the currency most of its lines use); for Ukraine, what each donor gave it in the latest release.
 */
function aidSection(country, result) {
  const received = country.iso3 === RECIPIENT;
  const box = section('aid', received ? 'Aid received' : 'Aid given to Ukraine');
  const lines = result.rows.filter((r) => r.unit === 'billion' && r.basis === 'cumulative' && r.measure === 'allocation'
    && CATEGORIES.includes(r.category) && /^\d{4}-\d{2}/.test(r.data_through || ''));
  const currency = mostCommon(lines.map((r) => r.currency));
  const shown = lines.filter((r) => r.currency === currency);
  const card = chartCard(box, {id: 'country-aid', title: received ? 'Aid allocated to Ukraine by donor' : `${country.name}: aid allocated to Ukraine by release`,
    units: `${currency || 'EUR'} billion, running totals`, description: received
      ? 'Allocations by donor and category in the latest release of the aid dataset.'
      : 'Allocations by category as each release of the aid dataset counted them up to its data-through date; releases are never added together.'});
  if (!shown.length) {
    card.empty(received ? 'No aid allocations in the store' : `No aid allocations by ${country.name} in the store`);
  } else {
    const keys = received ? orderByTotal(shown, (r) => r.donor) : [...new Set(shown.map((r) => `${r.data_through}|${r.release}`))].sort();
    const label = (k) => (received ? k : `${k.split('|')[0]} (${k.split('|')[1]})`);
    const match = (r, k) => (received ? r.donor === k : `${r.data_through}|${r.release}` === k);
    card.setHeight(heightFor(keys.length, 28));
    card.show({
      legend: {top: 0},
      grid: {top: 40, left: 16},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => (v === null || v === undefined ? '–' : `${number(v)} ${currency} bn`)},
      yAxis: {type: 'category', data: keys.map(label), inverse: true, axisLabel: {interval: 0, width: 170, overflow: 'break', fontSize: 11}},
      xAxis: {type: 'value', name: `${currency} billion`, nameLocation: 'middle', nameGap: 24},
      series: CATEGORIES.map((c) => ({type: 'bar', stack: 'aid', name: c, barMaxWidth: 28,
        data: keys.map((k) => (shown.find((r) => match(r, k) && r.category === c) || {amount: null}).amount)})),
    }, {columns: ['donor', 'recipient', 'category', 'measure', 'amount', 'currency', 'unit', 'data_through', 'release', 'source_url'], rows: shown},
    sourceLine({sources: citations(shown), vintages: [...new Set(shown.map((r) => r.release))].map((v) => ({vintage: v}))}));
  }
  if (!received && result.rows.length) {
    box.append(dataTable([{name: 'release'}, {name: 'category'}, {name: 'measure'}, {name: 'amount'}, {name: 'currency'},
      {name: 'unit'}, {name: 'basis'}, {name: 'data_through', label: 'data through'}, {name: 'source_grade', label: 'grade'},
      {name: 'source_url', label: 'source'}], result.rows, `Every aid line of ${country.name} (${result.title})`));
  }
}

function listSection(id, title, result, rows, columns) {
  const box = section(id, title);
  if (!rows.length) {
    box.append(el('p', {class: 'panel'}, `None in the store (${result.title.toLowerCase()}).`));
    return;
  }
  box.append(dataTable(columns, rows, `${title}: ${rows.length} of the store's ${result.title.toLowerCase()}`));
}

function mostCommon(values) {
  const counts = new Map();
  values.forEach((v) => counts.set(v, (counts.get(v) || 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] || '';
}

function orderByTotal(rows, key) {
  const totals = new Map();
  rows.forEach((r) => totals.set(key(r), (totals.get(key(r)) || 0) + (r.amount || 0)));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
