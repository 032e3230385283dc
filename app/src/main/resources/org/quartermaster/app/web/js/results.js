// Charts of an SM-1 result (format v1): the fan chart of a cell's closing stock and its
// months-to-target distribution, plus running a scenario through the API with live progress.
import {ApiError, api, dataTable, download, el, monthLabel, number, percent, postJson, slug, toCsv} from './common.js';
import {markLines} from './charts.js';

/**
 * A run's result per cell: "HOLDER / item" with ids, or with the scenario's names when `names` is given
 * ({holder(id), item(id)}, see scenario-form.js's scenarioNames).
 */
export function cellName(cell, names) {
  return names ? `${names.holder(cell.holder)} / ${names.item(cell.item)}` : `${cell.holder} / ${cell.item}`;
}

/**
 * The expected production a cell receives per month, months 0 … T−1, from the scenario's lines of its
 * item (SM-1 steps 1–3 at expected values: delay (a + b + c) / 3, output cut by f·p, the holder's share of
 * the normalised weights); null when no line delivers to the cell.
 */
export function cellProduction(model, cell, horizonMonths) {
  const lines = (model && Array.isArray(model.lines) ? model.lines : []).filter((l) => l && l.item === cell.item
    && l.shares && typeof l.shares === 'object' && Number(l.shares[cell.holder]) > 0);
  if (!lines.length) {
    return null;
  }
  const perMonth = new Array(horizonMonths).fill(0);
  for (const l of lines) {
    const weights = Object.values(l.shares).map(Number).reduce((a, b) => a + b, 0);
    const share = Number(l.shares[cell.holder]) / weights;
    const d = l.ramp_delay_months || {};
    const delay = ((Number(d.min) || 0) + (Number(d.mode) || 0) + (Number(d.max) || 0)) / 3;
    const start = (Number(l.ramp_start_month) || 0) + delay;
    const c0 = Number(l.base_per_month) || 0;
    const c1 = Number(l.surge_per_month) || 0;
    const ramp = Number(l.ramp_months) || 0;
    const kept = 1 - (Number(l.disruption && l.disruption.cut) || 0) * (Number(l.disruption && l.disruption.probability) || 0);
    for (let t = 0; t < horizonMonths; t++) {
      const cap = t < start ? c0 : ramp === 0 || t >= start + ramp ? c1 : c0 + (c1 - c0) * (t - start) / ramp;
      perMonth[t] += cap * kept * share;
    }
  }
  return perMonth;
}

/** Calendar labels for the closing stock of months 0 … T−1 (end of each month), from the result's start. */
export function monthAxis(result) {
  return Array.from({length: result.horizon_months}, (_, t) => monthLabel(result.start, t));
}

/**
 * The scheduled transfers that move a cell's stock (its holder sends or receives its item), each with
 * `delta` (− sent, + received; a transfer to itself moves nothing) and a `label` ("−500 to UKR").
 */
export function cellTransfers(transfers, cell) {
  return (transfers || []).filter((t) => t.item === cell.item && (t.from === cell.holder || t.to === cell.holder)).map((t) => {
    const out = t.from === cell.holder;
    const self = out && t.to === cell.holder;
    const quantity = number(Number(t.quantity), 0);
    const label = self ? `${quantity} to itself` : out ? `−${quantity} to ${t.to}` : `+${quantity} from ${t.from}`;
    return {...t, delta: self ? 0 : out ? -t.quantity : t.quantity, label};
  });
}

/** One sentence on a cell's scheduled transfers, for the fan chart's description ('' when none). */
export function transferText(transfers, cell) {
  const mine = cellTransfers(transfers, cell);
  return mine.length ? ` Scheduled transfers (dashed vertical lines): ${mine.map((t) => `${t.label} in month ${t.month}`).join('; ')}.` : '';
}

/**
 * The fan chart option: P5–P95 band, P50 line, mean (dashed), the target line, each scheduled transfer of
 * the cell and, when `production` is given (per month, `productionUnit`), the expected production on a second axis.
 */
export function fanChartOption(result, cell, yMax, transfers = [], production = null, productionUnit = 'a month') {
  const s = cell.closing_stock;
  const band = s.p95.map((v, t) => v - s.p5[t]);
  const moves = cellTransfers(transfers, cell).filter((t) => Number.isInteger(t.month) && t.month >= 0 && t.month < result.horizon_months);
  return {
    legend: {top: 0, data: ['P5–P95', 'P50 (median)', 'mean'].concat(moves.length ? ['scheduled transfers'] : [])
      .concat(production ? [PRODUCTION] : [])},
    grid: {top: 48},
    tooltip: {trigger: 'axis', valueFormatter: (v) => number(v, 0),
      formatter: (ps) => {
        const t = ps[0].dataIndex;
        return `${ps[0].axisValue} (end of month)<br>P95 ${number(s.p95[t], 0)}<br>P50 ${number(s.p50[t], 0)}` +
          `<br>mean ${number(s.mean[t], 0)}<br>P5 ${number(s.p5[t], 0)}` +
          (production ? `<br>expected production ${number(production[t], 1)} ${productionUnit}` : '');
      }},
    xAxis: {type: 'category', data: monthAxis(result), boundaryGap: false},
    yAxis: [{type: 'value', name: 'stock', max: yMax, axisLabel: {formatter: (v) => number(v, 0)}}].concat(production
      ? [{type: 'value', name: 'production', nameTextStyle: {align: 'right'}, position: 'right', splitLine: {show: false},
        axisLabel: {formatter: (v) => number(v, 0)}}] : []),
    series: [
      {type: 'line', name: 'P5', data: s.p5, stack: 'band', symbol: 'none', lineStyle: {opacity: 0}, silent: true},
      {type: 'line', name: 'P5–P95', data: band, stack: 'band', symbol: 'none', lineStyle: {opacity: 0},
        areaStyle: {color: 'rgba(86, 180, 233, 0.35)'}, itemStyle: {color: 'rgba(86, 180, 233, 0.6)'}, silent: true},
      {type: 'line', name: 'P50 (median)', data: s.p50, symbol: 'none', lineStyle: {width: 2.5, color: '#0072B2'},
        itemStyle: {color: '#0072B2'},
        markLine: cell.target !== null && cell.target !== undefined
          ? markLines([{value: cell.target, label: `target ${number(cell.target, 0)}`}]) : undefined},
      {type: 'line', name: 'mean', data: s.mean, symbol: 'none', lineStyle: {type: 'dashed', width: 1.5, color: '#000'},
        itemStyle: {color: '#000'}},
    ].concat(moves.length ? [transferMarks(result, moves)] : []).concat(production ? [{type: 'line', name: PRODUCTION,
      data: production, yAxisIndex: 1, symbol: 'none', step: 'end', lineStyle: {width: 1.5, color: '#009E73', type: 'dotted'},
      itemStyle: {color: '#009E73'}}] : []),
  };
}

const PRODUCTION = 'expected production (right axis)';

/** A series that only carries markers: a dashed vertical line at each transfer's month, labelled with its quantity and direction. */
function transferMarks(result, moves) {
  const colour = (t) => (t.delta < 0 ? '#D55E00' : t.delta > 0 ? '#009E73' : '#555');
  return {type: 'line', name: 'scheduled transfers', data: [], symbol: 'none', itemStyle: {color: '#D55E00'},
    lineStyle: {type: 'dashed', color: '#D55E00'},
    markLine: {symbol: ['none', 'none'], silent: false,
      tooltip: {trigger: 'item', formatter: (p) => `scheduled transfer, ${p.data.when}: ${p.name}`},
      data: moves.map((t) => ({name: t.label, when: monthLabel(result.start, t.month), xAxis: monthLabel(result.start, t.month),
        lineStyle: {type: 'dashed', width: 1.5, color: colour(t)},
        label: {show: true, position: 'insideEndTop', formatter: t.label, color: colour(t), fontSize: 11}}))}};
}

/** CSV rows of a cell's fan chart, with the scheduled transfers of each month and, when given, the expected production. */
export function fanChartCsv(result, cell, transfers = [], production = null) {
  const s = cell.closing_stock;
  const months = monthAxis(result);
  const moves = cellTransfers(transfers, cell);
  return {
    columns: ['month', 'p5', 'p50', 'p95', 'mean', 'std', 'target', 'scheduled_transfers'].concat(production ? ['expected_production'] : []),
    rows: months.map((m, t) => ({month: m, p5: s.p5[t], p50: s.p50[t], p95: s.p95[t], mean: s.mean[t], std: s.std[t],
      target: cell.target, scheduled_transfers: moves.filter((x) => x.month === t).map((x) => x.label).join('; ') || null,
      expected_production: production ? production[t] : undefined})),
  };
}

/**
 * The fan chart's figures as a table under it, folded: P5, P50, P95 and mean per month (and the expected
 * production), with "Download CSV" saving the chart's CSV rows.
 */
export function percentileTable(id, title, unit, csv) {
  const columns = [{name: 'month'}, {name: 'p5', label: 'P5', unit}, {name: 'p50', label: 'P50', unit},
    {name: 'p95', label: 'P95', unit}, {name: 'mean', label: 'mean', unit}];
  if (csv.columns.includes('expected_production')) {
    columns.push({name: 'expected_production', label: 'expected production', unit: `${unit} a month`});
  }
  const round = (v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v);
  const rows = csv.rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, round(r[c.name])])));
  const button = el('button', {type: 'button', class: 'secondary'}, 'Download CSV');
  button.addEventListener('click', () => download(`${slug(title)}.csv`, new Blob([toCsv(csv.columns, csv.rows)], {type: 'text/csv'})));
  return el('details', {class: 'percentiles', id}, [el('summary', {}, `Table: ${title}, percentiles by month`),
    dataTable(columns, rows, `${title}: closing stock percentiles by month (${unit})`), el('div', {class: 'actions'}, [button])]);
}

/** Months to target as a cumulative distribution: share of runs that have reached it by each month. */
export function monthsToTargetOption(result, cell) {
  const shares = cell.months_to_target.reached_by_month;
  const labels = ['start', ...monthAxis(result)];
  return {
    tooltip: {trigger: 'axis', valueFormatter: (v) => percent(v)},
    xAxis: {type: 'category', data: labels, boundaryGap: false},
    yAxis: {type: 'value', min: 0, max: 1, name: 'share of runs', axisLabel: {formatter: (v) => `${Math.round(v * 100)}%`}},
    series: [{type: 'line', step: 'end', name: 'reached the target by then', data: shares, symbol: 'none',
      areaStyle: {color: 'rgba(0, 158, 115, 0.25)'}, lineStyle: {color: '#009E73', width: 2}, itemStyle: {color: '#009E73'},
      markLine: markLines([{value: 0.5, label: 'half the runs', color: '#555'}])}],
  };
}

export function monthsToTargetCsv(result, cell) {
  const labels = ['start', ...monthAxis(result)];
  return {columns: ['month', 'share_reached'],
    rows: cell.months_to_target.reached_by_month.map((v, m) => ({month: labels[m], share_reached: v}))};
}

/** One line on the months to target: P50/P90 with calendar months, or "not reached". */
export function monthsToTargetText(result, cell) {
  const m = cell.months_to_target;
  if (!m) {
    return 'no target';
  }
  const when = (q) => (q === null ? 'not reached within the horizon'
    : `${number(q, 1)} months (${monthLabel(result.start, Math.ceil(q) - 1)})`);
  return `target ${number(cell.target, 0)} reached in ${percent(m.reached_probability)} of runs; P50 ${when(m.p50)}, P90 ${when(m.p90)}`;
}

export function shortfallText(cell) {
  return `shortfall: ${percent(cell.shortfall.probability_any)} of runs fall short at least once; `
    + `expected unmet demand ${number(cell.shortfall.expected_total, 0)}`;
}

/**
 * Starts a run and follows it with server-sent events; `onStarted(id)` is called with the run's id and
 * `onProgress(done, total, status)` as it goes. Resolves with the result (format v1), rejects with the run's message when it fails.
 */
export async function runScenario(request, onProgress = () => {}, onStarted = () => {}) {
  const started = await postJson('/api/v1/runs', request);
  onStarted(started.id);
  const final = await new Promise((resolve, reject) => {
    const events = new EventSource(`/api/v1/runs/${started.id}/events`);
    const update = (e) => {
      const view = JSON.parse(e.data);
      if (view.progress) {
        onProgress(view.progress.done, view.progress.total, view.status);
      }
      return view;
    };
    events.addEventListener('progress', update);
    events.addEventListener('done', (e) => {
      events.close();
      resolve(update(e));
    });
    events.onerror = () => {
      events.close();
      poll(started.id, onProgress).then(resolve, reject);
    };
  });
  if (final.status !== 'done') {
    throw new ApiError(409, `the run ${final.status}${final.message ? `: ${final.message}` : ''}`);
  }
  return api(`/api/v1/runs/${started.id}/result`);
}

const TERMINAL = new Set(['done', 'failed', 'cancelled']);

/** Polls a run's status until it ends (when the event stream is not available). */
async function poll(id, onProgress) {
  for (;;) {
    const view = await api(`/api/v1/runs/${id}`);
    if (view.progress) {
      onProgress(view.progress.done, view.progress.total, view.status);
    }
    if (TERMINAL.has(view.status)) {
      return view;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
