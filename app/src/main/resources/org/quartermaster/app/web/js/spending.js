// Spending page: % of GDP per ally for a year against the 2% and 3.5% lines, counted from one
// release (the one chosen, else the latest covering the year: the API says which), and one ally's
// series across years with one line per vintage (revisions visible).
import {api, dataTable, el, gradeSelect, number, query, runPage, select, sourceLine} from './common.js';
import {ESTIMATE, chartCard, markLines} from './charts.js';
import {countedRelease, latestCoveredYear} from './spending-years.js';
import {spendingTargets} from './normalise.js';

const GUIDELINES = [{value: 2, label: '2% guideline'}, {value: 3.5, label: '3.5% (2025 commitment)', color: '#CC79A7'}];
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);
const state = {
  source: params.get('source') || 'nato',
  year: params.get('year') || '',
  vintage: params.get('vintage') || '',
  country: params.get('country') || 'POL',
  min_grade: params.get('min_grade') || '',
};

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
    const q = query(state);
    history.replaceState(null, '', q || location.pathname);
    return draw(bars, series, tableBox, all).catch(showError);
  };
  controls.append(
    select('source', 'Source', sources.map((v) => [v, v.toUpperCase()]), state.source, (v) => {
      location.search = query({...state, source: v, year: '', vintage: ''});
    }),
    select('year', 'Year', years, state.year, (v) => {
      state.year = v;
      reload();
    }),
    select('vintage', 'Vintage (release)', [['', 'Latest covering the year'], ...vintages], state.vintage, (v) => {
      state.vintage = v;
      reload();
    }),
    select('country', 'Ally for the series', countries, state.country, (v) => {
      state.country = v;
      reload();
    }),
    gradeSelect(state),
  );
  content.append(controls);
  const bars = chartCard(content, {id: 'spending-by-ally', title: 'Defence spending by ally', units: '% of GDP',
    height: 460, description: 'Hatched bars are estimates. Dashed lines: the 2% guideline and the 3.5% commitment.'});
  const series = chartCard(content, {id: 'spending-series', title: 'One ally across years and vintages', units: '% of GDP',
    description: 'One line per release (vintage): where lines part, a later release revised the figure.'});
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
  }
  // allies=true: the allies of the year (NATO members on 31 December), whichever source is shown
  const result = await api(`/api/v1/spending${query({year: state.year, source: state.source, vintage: state.vintage,
    threshold: 2, allies: 'true', min_grade: state.min_grade})}`);
  drawBars(bars, result);
  tableBox.replaceChildren(dataTable([
    {name: 'country'}, {name: 'pct_gdp', label: '% of GDP'}, {name: 'estimate'}, {name: 'meets', label: 'meets 2%'},
    {name: 'gap_pct', label: 'gap to 2%', unit: 'pp'}, {name: 'vintage_month', label: 'vintage'}, {name: 'as_of'},
    {name: 'source_url', label: 'source'}], result.rows, result.title));
  await drawSeries(series);
}

function drawBars(card, result) {
  const rows = result.rows.filter((r) => r.pct_gdp !== null).sort((a, b) => b.pct_gdp - a.pct_gdp);
  const missing = result.rows.filter((r) => r.pct_gdp === null).map((r) => r.country);
  const release = countedRelease(result, state.year);
  const title = `Defence spending by ally, ${state.year}${state.vintage ? `, vintage ${state.vintage}`
    : `, release ${release.month || 'without month'} (latest covering the year)`}`;
  if (!rows.length) {
    card.empty(`No ${state.source.toUpperCase()} figures for ${state.year} in this vintage`);
    return;
  }
  const meets = rows.filter((r) => r.pct_gdp >= 2).length;
  card.show({
    aria: {enabled: true, decal: {show: false}},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: (ps) => ps.map((p) => `${p.name}: ${number(p.value)}% of GDP${rows[p.dataIndex].estimate === 'true' ? ' (estimate)' : ''}`).join('<br>')},
    xAxis: {type: 'category', data: rows.map((r) => r.iso3), axisLabel: {interval: 0, rotate: 60}},
    yAxis: {type: 'value', name: '% of GDP', nameGap: 12},
    series: [{
      type: 'bar', name: '% of GDP',
      data: rows.map((r) => ({name: r.country, value: r.pct_gdp, itemStyle: r.estimate === 'true' ? ESTIMATE : {color: '#0072B2'}})),
      markLine: markLines(GUIDELINES),
    }],
    graphic: [{type: 'text', right: 24, top: 8, style: {text: `${meets} of ${rows.length} allies with a figure at or above 2%,`
      + ` release ${release.month || 'without month'}` +
      (missing.length ? `; no figure: ${missing.join(', ')}` : ''), fill: '#1d1d1f', font: '13px system-ui'}}],
  }, {columns: ['country', 'iso3', 'year', 'pct_gdp', 'estimate', 'vintage_month', 'source_url'], rows},
  sourceLine(result, state.source.toUpperCase()), title);
}

async function drawSeries(card) {
  const result = await api(`/api/v1/spending${query({country: state.country, source: state.source, vintage: 'all',
    min_grade: state.min_grade})}`);
  const rows = result.rows.filter((r) => r.pct_gdp !== null);
  if (!rows.length) {
    card.empty(`No ${state.source.toUpperCase()} figures for ${state.country}`);
    return;
  }
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const vintages = [...new Set(rows.map((r) => r.vintage_month))].sort();
  card.show({
    legend: {top: 0, type: 'scroll'},
    grid: {top: 48},
    xAxis: {type: 'category', data: years},
    yAxis: {type: 'value', name: '% of GDP', scale: true},
    series: vintages.map((v, i) => ({
      type: 'line', name: `vintage ${v}`, symbolSize: 8, connectNulls: false,
      symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'][i % 7],
      data: years.map((y) => {
        const row = rows.find((x) => x.year === y && x.vintage_month === v);
        return row ? row.pct_gdp : null;
      }),
      markLine: i === 0 ? markLines(GUIDELINES) : undefined,
    })),
  }, {columns: ['country', 'year', 'vintage_month', 'pct_gdp', 'estimate', 'as_of', 'source_url'], rows},
  sourceLine(result, state.source.toUpperCase()), `${rows[0].country}: defence spending across years and vintages`);
}
