// Production and contracts page: per item, the reported rates over time (actual, capacity,
// estimate) with targets plotted at their target dates, and the contracts whose item names match.
import {api, citations, dataTable, el, gradeSelect, number, query, runPage, select, sourceLine} from './common.js';
import {chartCard} from './charts.js';

/** Months per reporting period, to put yearly, monthly and daily rates on one monthly axis. */
const MONTHS_PER_PERIOD = {month: 1, year: 12, day: 1 / 30.4375};
const KINDS = ['actual', 'capacity', 'estimate', 'target'];
const KIND_STYLE = {
  actual: {symbol: 'circle', color: '#0072B2'},
  capacity: {symbol: 'rect', color: '#009E73'},
  estimate: {symbol: 'diamond', color: '#CC79A7'},
  target: {symbol: 'triangle', color: '#D55E00'},
};
/** Words too common to link a contract to a production item. */
const GENERIC = new Set(['mm', 'the', 'and', 'for', 'new', 'build', 'all', 'per', 'with', 'of', 'etc', 'since',
  'artillery', 'shell', 'shells', 'round', 'rounds', 'ammunition', 'missile', 'missiles', 'rocket', 'rockets',
  'production', 'interceptor', 'interceptors', 'system', 'contract', 'amendment', 'associated', 'equipment']);

const content = document.getElementById('content');
const params = new URLSearchParams(location.search);
const state = {item: params.get('item') || '', producer: params.get('producer') || '', min_grade: params.get('min_grade') || ''};

runPage(async () => {
  const grade = query({min_grade: state.min_grade});
  const [production, contracts] = await Promise.all([api(`/api/v1/production${grade}`), api(`/api/v1/contracts${grade}`)]);
  const rated = production.rows.filter((r) => MONTHS_PER_PERIOD[r.period] && KINDS.includes(r.kind));
  const counts = new Map();
  rated.forEach((r) => counts.set(r.item, (counts.get(r.item) || 0) + 1));
  const items = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([i]) => i);
  if (!items.includes(state.item)) {
    state.item = items[0];
  }
  const producers = el('div');
  const producerSelect = () => {
    const names = [...new Set(rated.filter((r) => r.item === state.item).map((r) => r.producer || 'not stated'))].sort();
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
    draw(rated, production, contracts, rates, tables);
  };
  producerSelect();
  content.append(el('section', {class: 'controls', 'aria-label': 'Filters'}, [
    select('item', 'Item', items.map((i) => [i, `${i} (${counts.get(i)} figures)`]), state.item, (v) => {
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
  draw(rated, production, contracts, rates, tables);
});

/** A date as a time-axis value: "2025", "2025-06", "2025-06-19"; null when it is prose ("~2025 (…)"). */
function time(text) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text || '').trim());
  return m ? Date.UTC(+m[1], m[2] ? m[2] - 1 : 6, m[3] ? +m[3] : 1) : null;
}

/** A target date, also from prose such as "~2025 (over next three years)" or "end-2026". */
function targetTime(text) {
  const exact = time(text);
  if (exact !== null) {
    return exact;
  }
  const year = /(\d{4})/.exec(String(text || ''));
  return year ? Date.UTC(+year[1], 6, 1) : null;
}

function draw(rated, production, contracts, card, tables) {
  const rows = rated.filter((r) => r.item === state.item && (!state.producer || (r.producer || 'not stated') === state.producer)).map((r) => {
    const perMonth = 1 / MONTHS_PER_PERIOD[r.period];
    const when = r.kind === 'target' ? targetTime(r.target_date) ?? time(r.date) : time(r.date);
    return {...r, when, per_month: r.value_low * perMonth, per_month_high: r.value_high * perMonth};
  }).filter((r) => r.when !== null);
  const units = [...new Set(rows.map((r) => r.unit))];
  card.setUnits(`${units.join(' / ')} per month`);
  if (!rows.length) {
    card.empty('No dated rates for this item');
  } else {
    card.show({
      legend: {top: 0},
      grid: {top: 48},
      tooltip: {trigger: 'item', formatter: (p) => tooltip(p.data.row)},
      xAxis: {type: 'time'},
      yAxis: {type: 'value', name: `${units.join(' / ')} per month`, nameGap: 14},
      series: KINDS.filter((k) => rows.some((r) => r.kind === k)).map((k) => ({
        type: 'scatter', name: k, symbol: KIND_STYLE[k].symbol, symbolSize: 12, itemStyle: {color: KIND_STYLE[k].color},
        data: rows.filter((r) => r.kind === k).sort((a, b) => a.when - b.when)
          .map((r) => ({value: [r.when, r.per_month_high > r.per_month ? (r.per_month + r.per_month_high) / 2 : r.per_month], row: r})),
      })).concat(ranges(rows)),
    }, {columns: ['item', 'producer', 'country', 'date', 'kind', 'target_date', 'value', 'unit', 'period', 'per_month', 'as_of', 'source_url'],
      rows}, sourceLine({sources: citations(rows), vintages: []}), `${state.item}${state.producer ? `, ${state.producer}` : ''}: production rate over time`);
  }
  const feeding = contracts.rows.filter((c) => linked(state.item, c.item));
  tables.replaceChildren(
    dataTable([{name: 'item'}, {name: 'producer'}, {name: 'country'}, {name: 'date'}, {name: 'kind'},
      {name: 'target_date', label: 'target date'}, {name: 'value'}, {name: 'unit'}, {name: 'period'},
      {name: 'per_month', label: 'per month', format: (v) => number(v, 0)}, {name: 'source_url', label: 'source'}],
    rows, `${state.item}: the figures in the chart (${production.title})`),
    feeding.length
      ? dataTable([{name: 'date'}, {name: 'buyers'}, {name: 'agency'}, {name: 'item'}, {name: 'quantity'},
        {name: 'quantity_qualifier', label: 'qualifier'}, {name: 'value'}, {name: 'currency'}, {name: 'supplier'},
        {name: 'source_url', label: 'source'}], feeding,
      `Contracts that feed ${state.item} (matched by the item's name: check the contract's own wording)`)
      : el('p', {class: 'panel'}, `No contract in the store names ${state.item}.`),
  );
}

/** Vertical bars for figures given as a range ("12000-20000"). */
function ranges(rows) {
  const ranged = rows.filter((r) => r.per_month_high > r.per_month);
  return ranged.length ? [{
    type: 'custom', name: 'range', silent: true, z: 1,
    renderItem: (params, api) => {
      const low = api.coord([api.value(0), api.value(1)]);
      const high = api.coord([api.value(0), api.value(2)]);
      return {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: {stroke: '#555', lineWidth: 2}};
    },
    data: ranged.map((r) => [r.when, r.per_month, r.per_month_high]),
  }] : [];
}

function tooltip(r) {
  const range = r.value_high > r.value_low ? `${number(r.value_low, 0)}–${number(r.value_high, 0)}` : number(r.value_low, 0);
  const due = r.kind === 'target' ? `<br>due ${r.target_date || '?'} (announced ${r.date})` : `<br>as of ${r.date}`;
  return `${r.producer || ''}<br><b>${r.kind}</b>: ${range} ${r.unit} per ${r.period}` +
    ` = ${number(r.per_month, 0)}${r.per_month_high > r.per_month ? `–${number(r.per_month_high, 0)}` : ''} per month${due}`;
}

/** Whether a contract's item shares a distinctive token with a production item (e.g. "155mm", "stinger"). */
function linked(item, contractItem) {
  const tokens = (text) => new Set(String(text || '').toLowerCase().replace(/(\d+)\s*mm/g, '$1mm')
    .split(/[^a-z0-9]+/).filter((t) => t.length >= 3 && !GENERIC.has(t)));
  const mine = tokens(item);
  return [...tokens(contractItem)].some((t) => mine.has(t));
}
