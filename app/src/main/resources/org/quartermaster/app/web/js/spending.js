// Spending page: % of GDP per country for a year against the 2% and 3.5% lines, counted from one
// release (the one chosen, else the latest covering the year: the API says which), NATO allies only or
// every country the source covers; and a series across years: one country with one line per vintage
// (revisions visible), or several countries on one chart. Every choice is kept in the address.
import {api, dataTable, el, gradeSelect, multiSelect, number, query, readState, runPage, saveState, select, sourceLine}
  from './common.js';
import {chartCard, estimateSeries, heightFor, markLines} from './charts.js';
import {allyCount, countedRelease, latestCoveredYear} from './spending-years.js';
import {spendingTargets} from './normalise.js';

const GUIDELINES = [{value: 2, label: '2% guideline'}, {value: 3.5, label: '3.5% (2025 commitment)', color: '#CC79A7'}];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
const content = document.getElementById('content');
// `country` (one ally) is still read, for links made before several countries could be chosen
const legacy = new URLSearchParams(location.search).get('country');
const state = readState({source: 'nato', year: '', vintage: '', allies: 'true', countries: legacy ? [legacy] : ['POL'], min_grade: ''});

runPage(async () => {
  const sources = [...new Set((await api('/api/v1/spending?vintage=all')).rows.map((r) => r.source))].sort();
  const all = await api(`/api/v1/spending${query({source: state.source, vintage: 'all', min_grade: state.min_grade})}`);
  const years = [...new Set(all.rows.map((r) => r.year))].sort((a, b) => b - a);
  if (!state.year) {
    state.year = String(latestCoveredYear(all.rows));
  }
  const vintages = all.vintages.map((v) => [v.vintage_month, `${v.vintage_month} — ${v.vintage || ''}`]);
  const countries = [...new Map(all.rows.map((r) => [r.iso3, r.country])).entries()].sort((a, b) => a[1].localeCompare(b[1]));

  const controls = el('section', {class: 'controls', 'aria-label': 'Filters'});
  const reload = () => {
    saveState(state);
    return draw(bars, series, tableBox, all).catch(showError);
  };
  const alliesOnly = el('input', {id: 'allies', type: 'checkbox', checked: state.allies !== 'false', onchange: () => {
    state.allies = alliesOnly.checked ? 'true' : 'false';
    reload();
  }});
  controls.append(
    select('source', 'Source', sources.map((v) => [v, v.toUpperCase()]), state.source, (v) => {
      location.search = query({...state, countries: state.countries.join(','), source: v, year: '', vintage: ''});
    }),
    select('year', 'Year', years, state.year, (v) => {
      state.year = v;
      reload();
    }),
    select('vintage', 'Vintage (release)', [['', 'Latest covering the year'], ...vintages], state.vintage, (v) => {
      state.vintage = v;
      reload();
    }),
    el('div', {class: 'field check'}, [alliesOnly, el('label', {for: 'allies'}, 'NATO allies only')]),
    multiSelect('countries', 'Countries for the series', countries, state.countries, (v) => {
      state.countries = v.length ? v : state.countries;
      reload();
    }),
    gradeSelect(state),
  );
  content.append(controls);
  content.append(el('p', {id: 'spending-count', class: 'count', role: 'status'}));
  const bars = chartCard(content, {id: 'spending-by-ally', title: 'Defence spending by ally', units: '% of GDP',
    height: 460, description: 'Solid bars: reported; hatched: estimates; pale with a dashed outline: the source does not say'
      + ' whether the figure is an estimate. Dashed lines: the 2% guideline and the 3.5% commitment.'});
  const series = chartCard(content, {id: 'spending-series', title: 'Countries across years and vintages', units: '% of GDP',
    description: 'One country: one line per release (vintage), so where lines part a later release revised the figure. '
      + 'Several countries: one line each, every year from the latest release covering it (or the vintage chosen).'});
  const tableBox = el('div');
  content.append(tableBox);
  await draw(bars, series, tableBox, all);
  await spendingTargets(content, state.year);
});

function showError(e) {
  document.getElementById('status').textContent = e.message;
}

async function draw(bars, series, tableBox, all) {
  if (state.vintage && !all.rows.some((r) => r.year === Number(state.year) && r.vintage_month === state.vintage)) {
    // the chosen release has no figures for this year: count from the latest that covers it
    state.vintage = '';
    document.getElementById('vintage').value = '';
    saveState(state);
  }
  // allies=true: the allies of the year (NATO members on 31 December), whichever source is shown
  const allies = state.allies !== 'false';
  const result = await api(`/api/v1/spending${query({year: state.year, source: state.source, vintage: state.vintage,
    threshold: 2, allies: allies ? 'true' : '', min_grade: state.min_grade})}`);
  drawBars(bars, result, allies);
  tableBox.replaceChildren(dataTable([
    {name: 'country'}, {name: 'pct_gdp', label: '% of GDP'}, {name: 'estimate'}, {name: 'meets', label: 'meets 2%'},
    {name: 'gap_pct', label: 'gap to 2%', unit: 'pp'}, {name: 'vintage_month', label: 'vintage'}, {name: 'as_of'},
    {name: 'source_url', label: 'source'}], result.rows, result.title));
  await drawSeries(series);
}

function drawBars(card, result, allies) {
  const rows = result.rows.filter((r) => r.pct_gdp !== null).sort((a, b) => b.pct_gdp - a.pct_gdp);
  const release = countedRelease(result, state.year);
  const title = `Defence spending by ${allies ? 'ally' : 'country'}, ${state.year}${state.vintage ? `, vintage ${state.vintage}`
    : `, release ${release.month || 'without month'} (latest covering the year)`}`;
  const count = allyCount(result.rows, 2);
  document.getElementById('spending-count').textContent = allies
    ? `${count.text} with a figure at or above 2% of GDP in ${state.year}, release ${release.month || 'without month'}`
      + `${count.note ? `; ${count.note}` : ''}.`
    : `${rows.length} countries with a ${state.source.toUpperCase()} figure for ${state.year}; `
      + `${rows.filter((r) => r.pct_gdp >= 2).length} at or above 2% of GDP.`;
  if (!rows.length) {
    card.empty(`No ${state.source.toUpperCase()} figures for ${state.year} in this vintage`);
    return;
  }
  card.setHeight(heightFor(rows.length, rows.length > 60 ? 16 : 20));
  card.show({
    aria: {enabled: true, decal: {show: false}},
    legend: {top: 0, type: 'scroll'},
    grid: {top: 36, left: 24, right: 48},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: (ps) => ps.filter((p) => p.value !== undefined && p.value !== null)
        .map((p) => `${p.name}: ${number(p.value)}% of GDP (${p.seriesName})`).join('<br>')},
    yAxis: {type: 'category', data: rows.map((r) => r.country), inverse: true, axisLabel: {interval: 0, fontSize: 11}},
    xAxis: {type: 'value', name: '% of GDP', nameLocation: 'middle', nameGap: 24},
    series: estimateSeries(rows, (r) => r.pct_gdp).map((s, i) => (i ? s : {...s, markLine: markLines(GUIDELINES, 'x')})),
  }, {columns: ['country', 'iso3', 'year', 'pct_gdp', 'estimate', 'vintage_month', 'source_url'], rows},
  sourceLine(result, state.source.toUpperCase()), title);
}

async function drawSeries(card) {
  const results = await Promise.all(state.countries.map((c) => api(`/api/v1/spending${query({country: c, source: state.source,
    vintage: 'all', min_grade: state.min_grade})}`)));
  const rows = results.flatMap((r) => r.rows).filter((r) => r.pct_gdp !== null);
  if (!rows.length) {
    card.empty(`No ${state.source.toUpperCase()} figures for ${state.countries.join(', ')}`);
    return;
  }
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const source = sourceLine({sources: results.flatMap((r) => r.sources || []).filter((s, i, a) =>
    a.findIndex((t) => JSON.stringify(t) === JSON.stringify(s)) === i), vintages: results.flatMap((r) => r.vintages || [])},
  state.source.toUpperCase());
  const columns = ['country', 'year', 'vintage_month', 'pct_gdp', 'estimate', 'as_of', 'source_url'];
  const common = {legend: {top: 0, type: 'scroll'}, grid: {top: 48}, xAxis: {type: 'category', data: years},
    yAxis: {type: 'value', name: '% of GDP', scale: true},
    tooltip: {trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : `${number(v)}%`)}};
  if (state.countries.length === 1) {
    const vintages = [...new Set(rows.map((r) => r.vintage_month))].sort();
    card.show({...common, series: vintages.map((v, i) => ({
      type: 'line', name: `vintage ${v}`, symbolSize: 8, connectNulls: false, symbol: SYMBOLS[i % SYMBOLS.length],
      data: years.map((y) => {
        const row = rows.find((x) => x.year === y && x.vintage_month === v);
        return row ? row.pct_gdp : null;
      }),
      markLine: i === 0 ? markLines(GUIDELINES) : undefined,
    }))}, {columns, rows}, source, `${rows[0].country}: defence spending across years and vintages`);
    return;
  }
  const shown = latestPerYear(rows.filter((r) => !state.vintage || r.vintage_month === state.vintage));
  const names = [...new Map(shown.map((r) => [r.iso3, r.country])).entries()];
  card.show({...common, series: names.map(([iso3, name], i) => ({
    type: 'line', name, symbolSize: 8, connectNulls: false, symbol: SYMBOLS[i % SYMBOLS.length],
    data: years.map((y) => {
      const row = shown.find((x) => x.year === y && x.iso3 === iso3);
      return row ? row.pct_gdp : null;
    }),
    markLine: i === 0 ? markLines(GUIDELINES) : undefined,
  }))}, {columns, rows: shown}, source, `${names.map(([, n]) => n).join(', ')}: defence spending across years`
    + `${state.vintage ? `, vintage ${state.vintage}` : ', latest release per year'}`);
}

/** Per country and year, the figure of the latest release (vintage month). */
function latestPerYear(rows) {
  const latest = new Map();
  for (const r of rows) {
    const key = `${r.iso3}|${r.year}`;
    if (!latest.has(key) || String(r.vintage_month) > String(latest.get(key).vintage_month)) {
      latest.set(key, r);
    }
  }
  return [...latest.values()].sort((a, b) => a.country.localeCompare(b.country) || a.year - b.year);
}
