// Chart cards: an ECharts chart with its title, units and source line, and "Download CSV" /
// "Download PNG" buttons. Every chart on the dashboard is made here, so all share the palette,
// fonts and accessibility rules.
import {download, el, slug, toCsv} from './common.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Bar style of an estimated figure: lighter and hatched, so it does not rely on colour alone. */
export const ESTIMATE = {color: '#56B4E9', decal: {symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5],
  rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.35)'}};

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
  const figure = el('figure', {class: 'chart-card', id}, [
    el('h2', {id: titleId}, title),
    el('p', {class: 'units'}, `Units: ${units}`),
    description ? el('p', {class: 'description', id: `${id}-desc`}, description) : null,
    box,
    el('figcaption', {class: 'source'}, ['Source: ', sourceLine]),
    el('div', {class: 'actions'}, [csvButton, pngButton]),
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
    /** Draws `option` (replacing the previous one) with its CSV data and source line. */
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
      figure.dataset.drawn = 'no';
      chart.setOption(withDefaults(option), true);
    },
    setUnits(text) {
      currentUnits = text;
      figure.querySelector('.units').textContent = `Units: ${text}`;
    },
    /** Shows a message instead of a chart (no data for the filters chosen). */
    empty(message) {
      data = {columns: [], rows: []};
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

/** markLine data for horizontal reference lines (guidelines, targets): [{value, label, color}]. */
export function markLines(lines) {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: {type: 'dashed', width: 1.5},
    label: {position: 'insideEndTop', formatter: '{b}'},
    data: lines.map((l) => ({name: l.label, yAxis: l.value, lineStyle: {color: l.color || '#D55E00'},
      label: {color: l.color || '#D55E00'}})),
  };
}
