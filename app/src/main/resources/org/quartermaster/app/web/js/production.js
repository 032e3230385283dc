// Production and contracts page: per munition of the catalogue (or item name the catalogue leaves
// unresolved), the reported rates over time (actual, capacity, estimate) with targets plotted at
// their target dates, the figures that are not a dated rate, and the contracts for the munition.
import {api, citations, dataTable, el, gradeSelect, number, query, runPage, select, sourceLine} from './common.js';
import {chartCard} from './charts.js';
import {loadCatalogue} from './catalogue.js';
import {KINDS, KIND_STYLE, monthlyRates, rangeSeries, rateTooltip, rateValue, withMonthlyRate} from './rates.js';

/** Words too common to link a contract to an item the catalogue does not resolve. */
const GENERIC = new Set(['mm', 'the', 'and', 'for', 'new', 'build', 'all', 'per', 'with', 'of', 'etc', 'since',
  'artillery', 'shell', 'shells', 'round', 'rounds', 'ammunition', 'missile', 'missiles', 'rocket', 'rockets',
  'production', 'interceptor', 'interceptors', 'system', 'contract', 'amendment', 'associated', 'equipment']);

const content = document.getElementById('content');
const params = new URLSearchParams(location.search);
const state = {item: params.get('item') || '', producer: params.get('producer') || '', min_grade: params.get('min_grade') || ''};

runPage(async () => {
  const grade = query({min_grade: state.min_grade});
  const [production, contracts, catalogue] = await Promise.all([api(`/api/v1/production${grade}`),
    api(`/api/v1/contracts${grade}`), loadCatalogue()]);
  const items = itemList(production.rows, catalogue);
  const chosen = items.find((i) => i.key === state.item) || items.find((i) => i.names.includes(state.item)) || items[0];
  state.item = chosen ? chosen.key : '';
  const current = () => items.find((i) => i.key === state.item);
  const producers = el('div');
  const producerSelect = () => {
    const names = [...new Set(current().rows.map((r) => r.producer || 'not stated'))].sort();
    if (!names.includes(state.producer)) {
      state.producer = '';
    }
    producers.replaceChildren(select('producer', 'Producer', [['', `All producers (${names.length})`], ...names], state.producer, (v) => {
      state.producer = v;
      redraw();
    }));
  };
  const redraw = () => {
    history.replaceState(null, '', query(state));
    draw(current(), production, contracts, catalogue, rates, tables);
  };
  if (!chosen) {
    content.append(el('p', {class: 'panel'}, 'The store holds no production figures.'));
    return;
  }
  producerSelect();
  content.append(el('section', {class: 'controls', 'aria-label': 'Filters'}, [
    select('item', 'Item', items.map((i) => [i.key, i.label]), state.item, (v) => {
      state.item = v;
      state.producer = '';
      producerSelect();
      redraw();
    }),
    producers,
    gradeSelect(state),
  ]));
  const rates = chartCard(content, {id: 'production-rates', title: 'Production rate over time', units: 'per month',
    height: 440, description: 'Reported actual rates, capacities and estimates at their dates; targets (triangles) at the date they are due, '
      + 'labelled with when they were announced. Yearly and daily rates are converted to monthly ones.'});
  const tables = el('div');
  content.append(tables);
  draw(current(), production, contracts, catalogue, rates, tables);
});

/**
 * The item list: every munition of the catalogue with production figures, under its catalogue name
 * (all the store's names for it together), then the item names the catalogue leaves unresolved, as
 * written. Each: key (munition id or name), label, names, rows, munition (or null).
 */
function itemList(rows, catalogue) {
  const groups = new Map();
  for (const r of rows) {
    const munition = catalogue.of(r.item);
    const key = munition ? munition.id : r.item;
    if (!groups.has(key)) {
      groups.set(key, {key, munition, names: [], rows: []});
    }
    const group = groups.get(key);
    group.rows.push(r);
    if (!group.names.includes(r.item)) {
      group.names.push(r.item);
    }
  }
  const order = (a, b) => b.rows.length - a.rows.length || a.label.localeCompare(b.label);
  const all = [...groups.values()].map((g) => ({...g, label: g.munition
    ? `${g.munition.name} (${g.rows.length} figures)` : `${g.key} — not in the munition catalogue (${g.rows.length} figures)`}));
  return [...all.filter((g) => g.munition).sort(order), ...all.filter((g) => !g.munition).sort(order)];
}

function draw(item, production, contracts, catalogue, card, tables) {
  const name = item.munition ? item.munition.name : item.key;
  const mine = item.rows.filter((r) => !state.producer || (r.producer || 'not stated') === state.producer);
  const rows = monthlyRates(mine);
  const units = [...new Set(rows.map((r) => r.unit))];
  card.setUnits(`${units.join(' / ') || (item.munition ? item.munition.unit : 'items')} per month`);
  const title = `${name}${state.producer ? `, ${state.producer}` : ''}: production rate over time`;
  if (!rows.length) {
    card.show({title: {show: true, text: 'No dated rates for this item: its figures are in the table below', left: 'center', top: 'middle',
      textStyle: {fontSize: 14, fontWeight: 'normal', color: '#555'}}, xAxis: {show: false}, yAxis: {show: false}, series: []},
    {columns: [], rows: []}, sourceLine({sources: citations(mine), vintages: []}), title);
  } else {
    card.show({
      legend: {top: 0},
      grid: {top: 48},
      tooltip: {trigger: 'item', formatter: (p) => rateTooltip(p.data.row)},
      xAxis: {type: 'time'},
      yAxis: {type: 'value', name: `${units.join(' / ')} per month`, nameGap: 14},
      series: KINDS.filter((k) => rows.some((r) => r.kind === k)).map((k) => ({
        type: 'scatter', name: k, symbol: KIND_STYLE[k].symbol, symbolSize: 12, itemStyle: {color: KIND_STYLE[k].color},
        data: rows.filter((r) => r.kind === k).sort((a, b) => a.when - b.when).map((r) => ({value: [r.when, rateValue(r)], row: r})),
      })).concat(rangeSeries(rows)),
    }, {columns: ['item', 'producer', 'country', 'date', 'kind', 'target_date', 'value', 'unit', 'period', 'per_month', 'as_of', 'source_url'],
      rows}, sourceLine({sources: citations(rows), vintages: []}), title);
  }
  const shown = mine.map(withMonthlyRate);
  const feeding = contracts.rows.filter((c) => (item.munition ? catalogue.of(c.item) === item.munition : linked(item.key, c.item)));
  tables.replaceChildren(
    dataTable([{name: 'item'}, {name: 'producer'}, {name: 'country'}, {name: 'date'}, {name: 'kind'},
      {name: 'target_date', label: 'target date'}, {name: 'value'}, {name: 'unit'}, {name: 'period'},
      {name: 'per_month', label: 'per month', format: (v) => number(v, 0)}, {name: 'charted'}, {name: 'source_url', label: 'source'}],
    shown, `${name}: its figures (${production.title})`),
    feeding.length
      ? dataTable([{name: 'date'}, {name: 'buyers'}, {name: 'agency'}, {name: 'item'}, {name: 'quantity'},
        {name: 'quantity_qualifier', label: 'qualifier'}, {name: 'value'}, {name: 'currency'}, {name: 'supplier'},
        {name: 'source_url', label: 'source'}], feeding, item.munition
        ? `Contracts for ${name} (items the munition catalogue resolves to ${item.munition.id})`
        : `Contracts that may feed ${name} (matched by the item's name: check the contract's own wording)`)
      : el('p', {class: 'panel'}, `No contract in the store names ${name}.`),
  );
}

/** Whether a contract's item shares a distinctive token with an unresolved item name (e.g. "155mm"). */
function linked(item, contractItem) {
  const tokens = (text) => new Set(String(text || '').toLowerCase().replace(/(\d+)\s*mm/g, '$1mm')
    .split(/[^a-z0-9]+/).filter((t) => t.length >= 3 && !GENERIC.has(t)));
  const mine = tokens(item);
  return [...tokens(contractItem)].some((t) => mine.has(t));
}
