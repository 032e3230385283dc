// Munitions page: one munition of the catalogue across all its names. Its production rate history
// (one colour per producer country; targets with their announcement and slip dates), what was
// produced, transferred and contracted per year on the same time axis (GET /api/v1/items/{id}/chain),
// the backlog of its contracts, the years-to-replace table at every basis, the binding component of a
// complete round, Russia's figures beside the other producers', and a form that builds an SM-1 scenario
// from these figures.
import {ApiError, api, citationText, citations, dataTable, el, number, runPage, select, sourceLine} from './common.js';
import {PALETTE, chartCard} from './charts.js';
import {loadCatalogue} from './catalogue.js';
import {KIND_STYLE, monthlyRates, rateTooltip, rateValue, withMonthlyRate} from './rates.js';
import {rowLinks, rowRef, storedRows} from './row-refs.js';
import {buildScenarioForm} from './scenario-build.js';

const content = document.getElementById('content');
const DEFAULT_ITEM = 'stinger';
/** The country set beside the others (GET …/chain?side_by_side=RUS). */
const BESIDE = {id: 'RUS', name: 'Russia'};
/** The charts on the shared time axis zoom together. */
const TIME_GROUP = 'munition-time';
/** Years shown when a page opens; the slider reaches the rest. */
const YEARS_SHOWN = 6;

runPage(async () => {
  const catalogue = await loadCatalogue();
  const withData = catalogue.munitions.filter((m) => Number(m.rows) > 0);
  const wanted = new URLSearchParams(location.search).get('item');
  const munition = withData.find((m) => m.id === wanted) || withData.find((m) => m.id === DEFAULT_ITEM) || withData[0];
  if (!munition) {
    content.append(el('p', {class: 'panel'}, 'No munition of the catalogue has figures in the store.'));
    return;
  }
  content.append(el('section', {class: 'controls', 'aria-label': 'Munition'}, [
    select('item', 'Munition', withData.map((m) => [m.id, `${m.name} (${m.unit})`]), munition.id, (v) => {
      location.search = `?item=${encodeURIComponent(v)}`;
    }),
    el('p', {class: 'assumption'}, `Every name the data give it: ${munition.names_in_store || munition.name}.`),
  ]));
  const id = encodeURIComponent(munition.id);
  const [chainAnswer, transfers] = await Promise.all([chainOf(id), api(`/api/v1/transfers?item=${id}`)]);
  const stored = await storedRows(transfers.rows);
  const page = {munition, catalogue, index: stored.index, tables: chainTables(chainAnswer.tables)};
  const production = stored.production.filter((r) => catalogue.of(r.item) === munition);
  const contracts = stored.contracts.filter((r) => catalogue.of(r.item) === munition);
  const axis = timeAxis(monthlyRates(production), page.tables.chain);

  rateHistory(page, production, axis);
  flows(page, axis);
  backlog(page, axis);
  yearsToReplace(page);
  binding(page);
  sideBySide(page, chainAnswer.besideRefused);
  content.append(contractsTable(page, contracts));
  content.append(buildScenarioForm(munition));
  echarts.connect(TIME_GROUP);
});

/**
 * The chain's tables with BESIDE's figures beside the other producers'; when the server refuses the
 * side-by-side table (a munition without production figures), the chain alone and the reason (`besideRefused`).
 */
async function chainOf(id) {
  try {
    return {tables: await api(`/api/v1/items/${id}/chain?side_by_side=${BESIDE.id}`)};
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400) {
      throw e;
    }
    return {tables: await api(`/api/v1/items/${id}/chain`), besideRefused: e};
  }
}

/** The chain answer's tables (an array) by role, each told by its columns; a role the answer lacks is null. */
function chainTables(tables) {
  const has = (t, column) => t.columns.some((c) => c.name === column);
  const find = (column) => tables.find((t) => has(t, column)) || null;
  const chain = find('measure') || {rows: [], columns: [], sources: [], notes: []};
  return {
    chain: {...chain, rows: chain.rows.filter((r) => r.measure !== 'backlog')},
    yearsToReplace: find('rate_basis'),
    binding: find('binding'),
    backlog: find('delivered_to_date'),
    sideBySide: find('side'),
  };
}

/**
 * One time axis for the rate history, the yearly flows and the backlog: from the first year any of them
 * shows to the last, opened on the last YEARS_SHOWN years (a lone old figure, such as Stinger's "0 a year
 * from 2003", would squeeze the rest); the slider and the mouse wheel reach the whole span.
 */
function timeAxis(rates, chain) {
  const years = chain.rows.map((r) => Number(r.year)).filter(Number.isFinite)
    .concat(rates.map((r) => new Date(r.when).getUTCFullYear()));
  const first = years.length ? Math.min(...years) : new Date().getUTCFullYear();
  const last = years.length ? Math.max(...years) : first;
  return {min: Date.UTC(first, 0, 1), max: Date.UTC(last + 1, 0, 1), from: Date.UTC(Math.max(first, last + 1 - YEARS_SHOWN), 0, 1)};
}

/** A chart's x axis and zoom (slider and inside) on the shared time axis; the chart joins the group that zooms together. */
function onTimeAxis(card, axis) {
  card.chart.group = TIME_GROUP;
  const shown = {xAxisIndex: 0, filterMode: 'none', startValue: axis.from, endValue: axis.max};
  return {
    xAxis: {type: 'time', min: axis.min, max: axis.max},
    dataZoom: [{type: 'slider', ...shown, bottom: 8, height: 22, labelFormatter: (v) => new Date(v).getUTCFullYear()},
      {type: 'inside', ...shown}],
  };
}

/** Production rate history: one colour per producer country, symbols per kind, targets labelled, slips drawn. */
function rateHistory(page, production, axis) {
  const {munition} = page;
  const rates = monthlyRates(production).map((r) => ({...r, country: r.country || 'not stated', ref: rowRef(r)}));
  const targets = slips(rates.filter((r) => r.kind === 'target'));
  const countries = [...new Set(rates.map((r) => r.country))].sort();
  const colour = (c) => PALETTE[countries.indexOf(c) % PALETTE.length];
  const units = `${munition.unit} per month`;
  const card = chartCard(content, {id: 'munition-rates', title: `${munition.name}: production rate over time`, units, height: 440,
    description: 'One colour per producer country. Circles: actual rates (joined by a step line); squares: capacities; diamonds: '
      + 'estimates; triangles: targets at the date they are due, labelled with when they were announced. A dashed arrow joins a target '
      + 'to the later announcement that moved the same rate to a later date (a slip). Yearly and daily rates are converted to monthly ones. '
      + 'A dashed line holds the latest actual rate to the end of the axis: the store has no later actual figure. '
      + `The chart opens on the last ${YEARS_SHOWN} years; drag the slider under it (or scroll on the chart) for earlier ones.`});
  const series = countries.flatMap((c) => {
    const mine = rates.filter((r) => r.country === c).sort((a, b) => a.when - b.when);
    const actual = mine.filter((r) => r.kind === 'actual');
    const slipLines = targets.filter((t) => t.country === c && t.slipped_from);
    return [{
      type: 'scatter', name: c, symbolSize: 12, itemStyle: {color: colour(c)},
      labelLayout: {hideOverlap: true},
      data: mine.map((r) => ({value: [r.when, rateValue(r)], row: r, symbol: KIND_STYLE[r.kind].symbol,
        label: r.kind === 'target' ? {show: true, position: 'right', fontSize: 10, color: '#333',
          formatter: `due ${r.target_date || '?'}, announced ${r.date}`} : undefined})),
      markLine: slipLines.length ? {symbol: ['none', 'arrow'], silent: true, lineStyle: {type: 'dashed', color: colour(c)},
        label: {show: false},
        data: slipLines.map((t) => [{coord: [t.slipped_from.when, rateValue(t)]}, {coord: [t.when, rateValue(t)]}])} : undefined,
    }].concat(actual.length > 1 ? [{type: 'line', name: c, step: 'end', symbol: 'none', silent: true,
      lineStyle: {color: colour(c), width: 1.5}, itemStyle: {color: colour(c)}, data: actual.map((r) => [r.when, rateValue(r)])}] : [],
    actual.length && actual.at(-1).when < axis.max ? [{type: 'line', name: c, symbol: 'none', silent: true,
      lineStyle: {color: colour(c), width: 1.5, type: 'dashed'}, itemStyle: {color: colour(c)},
      data: [actual.at(-1).when, axis.max].map((t) => [t, rateValue(actual.at(-1))])}] : []);
  });
  if (!rates.length) {
    card.empty(`No dated production rate of ${munition.name} in the store`);
  } else {
    card.show({
      legend: {top: 0, data: countries},
      grid: {top: 48, right: 150, bottom: 72},
      tooltip: {trigger: 'item', formatter: (p) => (p.data && p.data.row ? rateTooltip(p.data.row) + rowNote(p.data.row) : '')},
      ...onTimeAxis(card, axis),
      yAxis: {type: 'value', name: units, nameGap: 14},
      series,
    }, {columns: ['item', 'producer', 'country', 'date', 'kind', 'target_date', 'value_text', 'unit', 'period', 'per_month', 'slipped_from_due',
      'ref', 'as_of', 'publisher', 'source_url'], rows: rates.map((r) => ({...r, slipped_from_due: slipOf(targets, r)}))},
    sourceLine({sources: citations(rates), vintages: []}));
  }
  const all = production.map(withMonthlyRate).map((r) => ({...r, ref: rowRef(r), slipped: slipOf(targets, r)}));
  content.append(dataTable([{name: 'producer'}, {name: 'country'}, {name: 'kind'}, {name: 'date', label: 'date (a target: announced)'},
    {name: 'target_date', label: 'target due'}, {name: 'slipped', label: 'slip of'}, {name: 'value_text', label: 'figure'},
    {name: 'unit'}, {name: 'period', label: 'per'}, {name: 'per_month', label: 'per month', format: (v) => number(v, 0)},
    {name: 'charted'}, {name: 'ref', label: 'row (source)', format: (v) => rowLinks(v, page.index)}], all,
  `${munition.name}: the production figures (${munition.unit}) behind the chart`));
}

/** Targets with `slipped_from`: the earlier-announced target of the same country and rate that was due earlier. */
function slips(targets) {
  const sorted = [...targets].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return sorted.map((t, i) => {
    const earlier = sorted.slice(0, i).reverse().find((e) => e.country === t.country && String(e.date) < String(t.date)
      && Math.abs(rateValue(e) - rateValue(t)) <= 0.01 * rateValue(t) && e.when < t.when);
    return {...t, slipped_from: earlier || null};
  });
}

function slipOf(targets, row) {
  const t = targets.find((x) => x.kind === 'target' && rowRef(x) === rowRef(row) && x.slipped_from);
  return t ? `the ${t.slipped_from.date} target due ${t.slipped_from.target_date}` : '';
}

function rowNote(r) {
  const ref = rowRef(r);
  return ref ? `<br>${ref} (${echarts.format.encodeHTML(r.publisher || 'source not named')})` : '';
}

/** Produced (lines), transferred and contracted (bars) per year, from the chain, on the rate chart's time axis. */
function flows(page, axis) {
  const {munition, tables: {chain}} = page;
  const rows = chain.rows.map((r) => ({...r, year: Number(r.year)})).filter((r) => Number.isFinite(r.year));
  const name = (r) => (r.measure === 'produced' ? `produced, ${r.country}` : r.measure === 'contracted' ? 'contracted (award year)'
    : `transferred from ${r.country}, ${r.series}`);
  const names = [...new Set(rows.map(name))];
  const units = `${munition.unit} per year`;
  const card = chartCard(content, {id: 'munition-flows', title: `${munition.name}: produced, transferred and contracted per year`, units,
    height: 420, description: 'Per calendar year: production at the rate in force (lines; an extrapolated year is hollow), transfers per '
      + 'series (bars; running totals are turned into yearly amounts and never added to window figures), and contracts by award year. '
      + 'A series is one supplier and one way of counting, so bars side by side are alternatives, not a sum.'});
  const series = names.map((n) => {
    const mine = rows.filter((r) => name(r) === n && r.quantity !== null && r.quantity !== undefined);
    const produced = mine.length && mine[0].measure === 'produced';
    return {type: produced ? 'line' : 'bar', name: n, barMaxWidth: 14, symbolSize: 8, step: produced ? 'middle' : undefined,
      data: mine.map((r) => ({value: [Date.UTC(r.year, 6, 1), r.quantity], row: r,
        itemStyle: r.extrapolated === 'yes' ? {borderType: 'dashed', opacity: 0.55} : undefined}))};
  });
  if (!series.some((s) => s.data.length)) {
    card.empty(`No yearly figure for ${munition.name} in the chain`);
  } else {
    card.show({
      legend: {top: 0, type: 'scroll'},
      grid: {top: 56, right: 150, bottom: 72},
      tooltip: {trigger: 'item', formatter: (p) => flowTooltip(p.data.row, munition)},
      ...onTimeAxis(card, axis),
      yAxis: {type: 'value', name: units, nameGap: 14, axisLabel: {formatter: (v) => number(v, 0)}},
      series,
    }, {columns: chain.columns.map((c) => c.name), rows: chain.rows}, sourceLine(chain));
  }
  content.append(dataTable([{name: 'year', format: String}, {name: 'country'}, {name: 'measure'}, {name: 'series'},
    {name: 'quantity', unit: munition.unit, format: (v, r) => quantity(v, r.quantity_high)}, {name: 'how'},
    {name: 'extrapolated'}, {name: 'rows', label: 'rows (source)', format: (v) => rowLinks(v, page.index)}], chain.rows,
  `${munition.name}: produced, transferred and contracted per year (${munition.unit})`), notes(chain, page.index));
}

function flowTooltip(r, munition) {
  const esc = (v) => echarts.format.encodeHTML(String(v ?? ''));
  return `${esc(r.year)} · ${esc(r.country)} · <b>${esc(r.measure)}</b> (${esc(r.series)})<br>${quantity(r.quantity, r.quantity_high)} `
    + `${esc(munition.unit)}<br>${esc(r.how)}<br>rows ${esc(r.rows)}${r.extrapolated === 'yes' ? '<br>extrapolated' : ''}`;
}

function quantity(low, high) {
  if (low === null || low === undefined) {
    return '—';
  }
  return high !== null && high !== undefined && high > low ? `${number(low, 0)}–${number(high, 0)}` : number(low, 0);
}

/**
 * The backlog of the munition's contracts per producer and year (the chain's backlog table): ordered less
 * delivered to date at the year's end, with how each figure was derived and its ASSUMPTIONS (deliveries
 * spread evenly over each contract's stated window); contracts left out are named in the notes.
 */
function backlog(page, axis) {
  const {munition, tables: {backlog: table}} = page;
  if (!table) {
    return;
  }
  const box = el('section', {class: 'panel', id: 'backlog', 'aria-labelledby': 'backlog-title'}, [
    el('h2', {id: 'backlog-title'}, `${munition.name}: backlog of its contracts`),
    el('p', {class: 'assumption'}, 'How it is derived: per producer, the quantity of the contracts open in a year less what was '
      + 'delivered against them by its end. The data state each contract\'s delivery window, not its deliveries: ASSUMPTION, delivered '
      + 'evenly over the window (each window\'s reading is in the notes). Contracts without a quantity, an award date or a window are '
      + 'left out and named below.')]);
  content.append(box);
  const unit = munition.unit;
  if (table.rows.length) {
    const producers = [...new Set(table.rows.map((r) => r.producer))];
    const colour = (p) => PALETTE[producers.indexOf(p) % PALETTE.length];
    const card = chartCard(box, {id: 'munition-backlog', title: `${munition.name}: ordered, delivered to date and backlog`,
      units: `${unit} at the year's end`, height: 360, description: 'Per producer and year: the backlog (bars), what its open '
        + 'contracts ordered (dashed line) and what was delivered against them by the year\'s end (solid line). Delivered: ASSUMPTION, '
        + 'evenly over each contract\'s window.'});
    const point = (r, value) => ({value: [Date.UTC(r.year, 6, 1), value], row: r});
    card.show({
      legend: {top: 0, type: 'scroll'},
      grid: {top: 48, right: 150, bottom: 72},
      tooltip: {trigger: 'item', formatter: (p) => backlogTooltip(p.data.row, unit)},
      ...onTimeAxis(card, axis),
      yAxis: {type: 'value', name: unit, axisLabel: {formatter: (v) => number(v, 0)}},
      series: producers.flatMap((p) => {
        const mine = table.rows.filter((r) => r.producer === p);
        return [
          {type: 'bar', name: `backlog, ${p}`, barMaxWidth: 18, itemStyle: {color: colour(p)}, data: mine.map((r) => point(r, r.backlog))},
          {type: 'line', name: `ordered, ${p}`, step: 'middle', symbolSize: 6, lineStyle: {type: 'dashed', color: colour(p)},
            itemStyle: {color: colour(p)}, data: mine.map((r) => point(r, r.ordered))},
          {type: 'line', name: `delivered to date, ${p}`, symbol: 'circle', symbolSize: 6, lineStyle: {color: '#555'},
            itemStyle: {color: '#555'}, data: mine.map((r) => point(r, r.delivered_to_date))},
        ];
      }),
    }, {columns: table.columns.map((c) => c.name), rows: table.rows}, sourceLine(table));
    box.append(dataTable([{name: 'year', format: String}, {name: 'producer'}, {name: 'ordered', unit, format: whole},
      {name: 'delivered', label: 'delivered in the year', unit, format: whole}, {name: 'delivered_to_date', label: 'delivered to date', unit, format: whole},
      {name: 'backlog', unit, format: whole}, {name: 'contracts'}, {name: 'how', label: 'how derived'},
      {name: 'rows', label: 'rows (source)', format: (v) => rowLinks(v, page.index)}], table.rows,
    `${munition.name}: backlog per producer and year (${unit})`));
  }
  box.append(notes(table, page.index));
}

function backlogTooltip(r, unit) {
  const esc = (v) => echarts.format.encodeHTML(String(v ?? ''));
  return `${esc(r.year)} · ${esc(r.producer)}<br>ordered ${whole(r.ordered)}, delivered to date ${whole(r.delivered_to_date)}, `
    + `<b>backlog ${whole(r.backlog)}</b> ${esc(unit)}<br>${esc(r.how)}<br>rows ${esc(r.rows)}`;
}

function whole(v) {
  return v === null || v === undefined ? '—' : number(v, 0);
}

/**
 * BESIDE's production of the munition beside the other producers' (the chain's side-by-side table): one
 * basis, the munition's unit, each figure with the grades of its rows and the rows; figures of other
 * calibres or kinds (all calibres together, rounds fired) are listed under it as not compared, with why.
 */
function sideBySide(page, refused) {
  const {munition, catalogue, index, tables: {sideBySide: table}} = page;
  if (refused) {
    content.append(el('section', {class: 'panel', id: 'side-by-side', 'aria-labelledby': 'side-title'}, [
      el('h2', {id: 'side-title'}, `${munition.name}: ${BESIDE.name} beside the other producers`),
      el('p', {}, `No side-by-side table: ${refused.message}`)]));
    return;
  }
  if (!table) {
    return;
  }
  const beside = table.rows.filter((r) => r.side !== 'others');
  const mentions = table.notes.filter((n) => n.startsWith(`${BESIDE.id}:`) || n.startsWith('not compared:'));
  if (!beside.length && !mentions.length) {
    return;
  }
  const unitColumn = table.columns.find((c) => c.name === 'quantity');
  const name = (id) => (catalogue.munitions.find((m) => m.id === id) || {name: id}).name;
  const box = el('section', {class: 'panel', id: 'side-by-side', 'aria-labelledby': 'side-title'}, [
    el('h2', {id: 'side-title'}, `${munition.name}: ${BESIDE.name} beside the other producers`),
    el('p', {class: 'assumption'}, `${BESIDE.name}'s production a year beside every other producer's, at one basis and in ${munition.unit}, `
      + 'each figure with the grades of the rows it comes from (official, research, wire, press, relay) and the rows themselves. '
      + 'Countries and calibres are shown apart, never added; a figure that is not of this munition is not compared, and says why.'),
    dataTable([{name: 'year', format: String}, {name: 'side', format: (v) => (v === 'others' ? 'other producers' : BESIDE.name)},
      {name: 'country'}, {name: 'munition', format: name}, {name: 'calibre'},
      {name: 'quantity', unit: unitColumn && unitColumn.unit, format: (v, r) => quantity(v, r.quantity_high)}, {name: 'basis'},
      {name: 'grade'}, {name: 'rows', label: 'rows (source)', format: (v) => rowLinks(v, index)}, {name: 'how'}, {name: 'extrapolated'}],
    table.rows, `${munition.name}: ${BESIDE.name} beside the other producers, production a year (${munition.unit})`),
  ]);
  const compared = table.notes.filter((n) => !n.startsWith('not compared:'));
  const apart = table.notes.filter((n) => n.startsWith('not compared:'));
  box.append(notes({notes: compared}, index));
  if (apart.length) {
    box.append(el('h3', {}, `${BESIDE.name}'s figures in the store that are not compared, and why`),
      notes({notes: apart.map((n) => n.replace(/^not compared: /, ''))}, index));
  }
  box.append(sourcesList(table.sources));
  content.append(box);
}

/** A table's sources, each a link to its URL with its publisher, title, date and grade. */
function sourcesList(sources) {
  const unique = [...new Map((sources || []).map((s) => [`${s.url}|${s.date}`, s])).values()];
  return unique.length ? el('div', {class: 'sources'}, [el('p', {}, 'Sources:'), el('ul', {class: 'notes'}, unique.map((s) => el('li', {},
    s.url ? el('a', {href: s.url, target: '_blank', rel: 'noreferrer noopener'}, citationText(s)) : citationText(s))))]) : '';
}

/** Years to replace at every basis: quantity transferred over the window ÷ the supplier country's rate per year. */
function yearsToReplace(page) {
  const {munition, tables: {yearsToReplace: table}} = page;
  const box = el('section', {class: 'panel', id: 'years-to-replace', 'aria-labelledby': 'ytr-title'}, [
    el('h2', {id: 'ytr-title'}, `${munition.name}: years of production to replace what was transferred`),
    el('p', {class: 'assumption'}, 'Each line: a transferred quantity over a window ÷ the supplier country\'s production per year at one basis '
      + '(actual: the latest actual rate by the window\'s end; capacity; target). The lines of one quantity show the range across bases '
      + 'rather than one number chosen silently; a range of rates gives a range of years.')]);
  content.append(box);
  if (!table || !table.rows.length) {
    box.append(el('p', {}, `No years-to-replace line for ${munition.name}.`), notes(table || {notes: []}, page.index));
    return;
  }
  const links = (v) => rowLinks(v, page.index);
  const fixed = (v) => (v === null || v === undefined ? '—' : v.toFixed(1));
  const years = (v, r) => (r.years_max !== null && r.years_max !== undefined && r.years_max - v > 0.05
    ? `${fixed(v)}–${fixed(r.years_max)}` : fixed(v));
  box.append(dataTable([{name: 'supplier'}, {name: 'transferred', label: 'quantity: series'}, {name: 'window'},
    {name: 'quantity', unit: munition.unit, format: (v) => number(v, 0)}, {name: 'quantity_how', label: 'quantity: how'},
    {name: 'quantity_rows', label: 'quantity: source rows', format: links}, {name: 'rate_basis', label: 'basis'},
    {name: 'rate', unit: `${munition.unit} per year`, format: (v, r) => quantity(v, r.rate_high)}, {name: 'rate_as_written', label: 'rate as written'},
    {name: 'rate_dated', label: 'rate dated'}, {name: 'rate_rows', label: 'rate: source rows', format: links},
    {name: 'years_min', label: 'years to replace', unit: 'years', format: years}], table.rows,
  `${munition.name}: years to replace, every basis (${table.title})`), notes(table, page.index));
}

/** For a complete round: each component's rate in rounds a year; the smallest binds. */
function binding(page) {
  const {munition, catalogue, tables: {binding: table}} = page;
  if (!table) {
    return;
  }
  const componentName = (id) => (catalogue.munitions.find((m) => m.id === id) || {name: id}).name;
  content.append(dataTable([{name: 'country'}, {name: 'component', format: componentName}, {name: 'per_round', label: 'per round'},
    {name: 'rate_as_written', label: 'rate as written'}, {name: 'rate_dated', label: 'rate dated'},
    {name: 'rounds', label: 'complete rounds', unit: 'per year', format: (v) => number(v, 0)}, {name: 'binding'},
    {name: 'rows', label: 'rows (source)', format: (v) => rowLinks(v, page.index)}], table.rows,
  `${munition.name}: which component binds`), notes(table, page.index));
}

function contractsTable(page, contracts) {
  const {munition} = page;
  if (!contracts.length) {
    return el('p', {class: 'panel'}, `No contract in the store names ${munition.name}.`);
  }
  return dataTable([{name: 'date', label: 'award date'}, {name: 'buyers'}, {name: 'agency'}, {name: 'item', label: 'item as written'},
    {name: 'quantity', unit: munition.unit}, {name: 'value'}, {name: 'currency'}, {name: 'supplier'}, {name: 'note'},
    {name: 'ref', label: 'row (source)', format: (v) => rowLinks(v, page.index)}], contracts.map((c) => ({...c, ref: rowRef(c)})),
  `${munition.name}: contracts (every name the catalogue resolves to ${munition.name})`);
}

/** A table's notes, each row reference a link to its row; an ASSUMPTION stands out. */
function notes(table, index) {
  const list = (table && table.notes) || [];
  return list.length ? el('ul', {class: 'notes'}, list.map((n) => el('li', {class: /ASSUMPTION/.test(n) ? 'assumed' : null},
    n.split(/(d\d+:r\d+)/).map((part, i) => (i % 2 ? rowLinks(part, index) : part)).flat()))) : '';
}
