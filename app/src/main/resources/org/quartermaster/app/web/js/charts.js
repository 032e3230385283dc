// Chart cards: an ECharts chart with its title, units and source line, "Download CSV" /
// "Download PNG" buttons and, folded under it, the chart's figures as a table (the same rows as the
// CSV). Every chart on the dashboard is made here, so all share the palette, fonts and accessibility
// rules.
import {dataTable, download, el, slug, toCsv} from './common.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Bar style of an estimated figure: lighter and hatched, so it does not rely on colour alone. */
export const ESTIMATE = {color: '#56B4E9', decal: {symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5],
  rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.35)'}};

/** Bar style of a figure whose source does not say whether it is an estimate: pale, outlined. */
export const NOT_STATED = {color: '#cfe3f2', borderColor: '#0072B2', borderWidth: 1, borderType: 'dashed'};

/** Bar style of a reported (not estimated) figure. */
export const REPORTED = {color: '#0072B2'};

/**
 * A chart's height for `count` categories drawn as horizontal bars, `perCategory` pixels each (at least
 * `min`), so that bars never overlap and no label is dropped however many countries or donors there are.
 */
export function heightFor(count, perCategory = 22, min = 320) {
  return Math.max(min, 90 + count * perCategory);
}

/**
 * Bar series that keep estimates apart (hatched), reported figures solid and figures whose source does
 * not say (pale, dashed outline), each with its own legend entry: `rows` in category order, `value(row)`
 * the bar's value, `estimate(row)` 'true', 'false' or anything else ('unknown', null) for not stated. One series per kind present, stacked so each
 * category keeps one bar.
 */
export function estimateSeries(rows, value, estimate = (r) => r.estimate) {
  const kinds = [['reported', (e) => e === 'false' || e === false, REPORTED],
    ['estimate', (e) => e === 'true' || e === true, ESTIMATE],
    ['not stated whether estimated', (e) => ![true, false, 'true', 'false'].includes(e), NOT_STATED]];
  return kinds.filter(([, is]) => rows.some((r) => is(estimate(r)))).map(([name, is, style]) => ({
    type: 'bar', name, stack: 'kind', itemStyle: style, barMaxWidth: 28,
    data: rows.map((r) => (is(estimate(r)) ? {name: r.country || r.name, value: value(r)} : null)),
  }));
}

const TEXT = {color: '#1d1d1f', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'};

/**
 * A chart card appended to `parent`. `show(option, data)` draws the chart; `data` is what "Download
 * CSV" saves ({columns: [names], rows: [objects]}) and `source` the line under the chart.
 */
export function chartCard(parent, {id, title, units, height = 420, description}) {
  const titleId = `${id}-title`;
  const box = el('div', {class: 'chart', role: 'img', 'aria-labelledby': titleId,
    'aria-describedby': description ? `${id}-desc` : null});
  box.style.height = `${height}px`;
  const sourceLine = el('span');
  const csvButton = el('button', {type: 'button', disabled: true}, 'Download CSV');
  const pngButton = el('button', {type: 'button', disabled: true}, 'Download PNG');
  const tableBox = el('details', {class: 'chart-table', id: `${id}-table`, hidden: true});
  const figure = el('figure', {class: 'chart-card', id}, [
    el('h2', {id: titleId}, title),
    el('p', {class: 'units'}, `Units: ${units}`),
    description ? el('p', {class: 'description', id: `${id}-desc`}, description) : null,
    box,
    el('figcaption', {class: 'source'}, ['Source: ', sourceLine]),
    el('div', {class: 'actions'}, [csvButton, pngButton]),
    tableBox,
  ]);
  parent.append(figure);
  const chart = echarts.init(box, null, {renderer: 'canvas'});
  chart.on('finished', () => {
    figure.dataset.drawn = 'yes';
  });
  new ResizeObserver(() => chart.resize()).observe(box);
  let data = {columns: [], rows: []};
  let currentTitle = title;
  let currentUnits = units;
  let source = '';

  csvButton.addEventListener('click', () => {
    download(`${slug(currentTitle)}.csv`, new Blob([toCsv(data.columns, data.rows)], {type: 'text/csv'}));
  });
  pngButton.addEventListener('click', () => {
    download(`${slug(currentTitle)}.png`, png(chart, currentTitle, `${currentUnits} · Source: ${source}`));
  });

  return {
    figure,
    chart,
    /**
     * Draws `option` (replacing the previous one) with its CSV data and source line; the same rows fill
     * the table under the chart (`csv.table`: optional column specs of dataTable, else the CSV's columns).
     */
    show(option, csv, sourceText, newTitle) {
      if (newTitle) {
        currentTitle = newTitle;
        figure.querySelector('h2').textContent = newTitle;
      }
      data = csv;
      source = sourceText;
      sourceLine.textContent = sourceText;
      csvButton.disabled = false;
      pngButton.disabled = false;
      fillTable(tableBox, csv, currentTitle, currentUnits);
      figure.dataset.drawn = 'no';
      chart.setOption(withDefaults(option), true);
    },
    /** Sets the chart's height in pixels (for charts whose categories grow with the data). */
    setHeight(px) {
      box.style.height = `${px}px`;
      chart.resize();
    },
    setUnits(text) {
      currentUnits = text;
      figure.querySelector('.units').textContent = `Units: ${text}`;
    },
    /** Shows a message instead of a chart (no data for the filters chosen). */
    empty(message) {
      data = {columns: [], rows: []};
      fillTable(tableBox, data, currentTitle, currentUnits);
      csvButton.disabled = true;
      pngButton.disabled = true;
      figure.dataset.drawn = 'no';
      chart.setOption(withDefaults({
        title: {show: true, text: message, left: 'center', top: 'middle', textStyle: {fontSize: 14, fontWeight: 'normal', color: '#555'}},
        xAxis: {show: false}, yAxis: {show: false}, series: [],
      }), true);
    },
  };
}

/** The chart's figures as a folded table under it: the CSV's rows and columns (hidden when there are none). */
function fillTable(box, csv, title, units) {
  const rows = csv.rows || [];
  box.hidden = !rows.length;
  const open = box.open;
  box.replaceChildren();
  if (!rows.length) {
    return;
  }
  const columns = csv.table || csv.columns.map((name) => ({name, label: name.replace(/_/g, ' '),
    format: name === 'year' ? (v) => (v === null || v === undefined ? '' : String(v)) : undefined}));
  box.append(el('summary', {}, `Table: the ${rows.length} figure${rows.length === 1 ? '' : 's'} of this chart`),
    dataTable(columns, rows, `${title} (${units})`));
  box.open = open;
}

/** The dashboard's common option parts: palette, no animation, readable text, tooltips. */
function withDefaults(option) {
  return {
    color: PALETTE,
    animation: false,
    textStyle: TEXT,
    tooltip: {trigger: 'axis', confine: true},
    ...option,
    grid: {left: 28, right: 28, top: 40, bottom: 40, containLabel: true, ...option.grid},
  };
}

/** The chart as a PNG data URL with its title and units/source drawn in (the page shows them as text). */
function png(chart, title, subtitle) {
  const previous = chart.getOption();
  const grid = previous.grid && previous.grid[0] ? previous.grid[0] : {};
  chart.setOption({
    title: {show: true, text: title, subtext: subtitle, left: 12, top: 8, textStyle: {fontSize: 15},
      subtextStyle: {fontSize: 11, width: chart.getWidth() - 24, overflow: 'break'}},
    grid: {top: (grid.top || 40) + 56},
  });
  const url = chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#ffffff'});
  chart.setOption({title: {show: false}, grid: {top: grid.top || 40}});
  return url;
}

/**
 * markLine data for reference lines (guidelines, targets): [{value, label, color}]; horizontal on a
 * value y axis, vertical with `axis` 'x' (horizontal bar charts).
 */
export function markLines(lines, axis = 'y') {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: {type: 'dashed', width: 1.5},
    label: {position: axis === 'x' ? 'start' : 'insideEndTop', formatter: '{b}'},
    data: lines.map((l) => ({name: l.label, [axis === 'x' ? 'xAxis' : 'yAxis']: l.value, lineStyle: {color: l.color || '#D55E00'},
      label: {color: l.color || '#D55E00'}})),
  };
}
