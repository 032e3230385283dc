// The Analysis page: pick an example sweep or optimisation file (GET /api/v1/analysis/examples) or paste
// one, or build a sweep from a scenario's numbers (sweep-builder.js), run it as a job (POST /api/v1/sweeps, /api/v1/sensitivity or /api/v1/optimisations) with progress and
// cancel, and read the result: a sweep's metric over a varied input, a tornado, Sobol indices with their
// bootstrap intervals, Morris mu*/sigma, or the chosen portfolio and the cost-vs-outcome frontier.
// Every chart has a table under it; body[data-analysis] says where the last job is (for tests).
import {api, ApiError, dataTable, download, el, number, postJson, problemList, runPage, select, status} from './common.js';
import {chartCard, PALETTE} from './charts.js';
import {sweepBuilder} from './sweep-builder.js';

const KINDS = [
  ['sweep', 'Sweep (every variant of the file\'s design)'],
  ['tornado', 'Sensitivity: tornado (one at a time)'],
  ['sobol', 'Sensitivity: Sobol indices'],
  ['morris', 'Sensitivity: Morris elementary effects'],
  ['optimise', 'Optimisation (portfolio within a budget)'],
];
const TERMINAL = new Set(['done', 'failed', 'cancelled']);
const ASSUMPTIONS = 'ranges, distributions and option costs are the file\'s, each an ASSUMPTION unless the file cites a source';

const state = {examples: [], scenarios: [], kind: 'tornado', job: null, written: null};

/** The unit of a metric for a cell's item (as qm sensitivity prints it). */
function unitOf(metric, cell) {
  const item = cell.slice(cell.indexOf('/') + 1);
  if (metric.startsWith('months_to_target')) {
    return 'months from the scenario\'s start';
  }
  if (metric.startsWith('reached_by_month') || metric === 'shortfall_probability') {
    return 'share of runs';
  }
  return metric === 'expected_unmet_demand' ? `${item} units over the horizon` : `${item} units`;
}

function field(id, label, input) {
  input.id = id;
  input.name = id;
  return el('div', {class: 'field'}, [el('label', {for: id}, label), input]);
}

function form(content) {
  const yaml = el('textarea', {id: 'analysis-yaml', 'aria-label': 'The sweep or optimisation file (YAML)', spellcheck: 'false'});
  yaml.style.width = '100%';
  yaml.style.minHeight = '18rem';
  yaml.style.fontFamily = 'ui-monospace, Menlo, Consolas, monospace';
  yaml.style.fontSize = '.82rem';
  const metric = el('input', {type: 'text', placeholder: 'the file\'s first metric'});
  const cell = el('input', {type: 'text', placeholder: 'the first cell, e.g. USA/shell-155'});
  const n = el('input', {type: 'number', min: '2', placeholder: 'sobol 256, morris 10'});
  const kind = select('analysis-kind', 'Analysis', KINDS, state.kind, (v) => {
    state.kind = v;
  });
  const builder = sweepBuilder(state.scenarios, {
    onWrite: (text) => {
      yaml.value = text;
      state.written = text;
    },
    onPick: () => {
      state.kind = 'sweep';
      kind.querySelector('select').value = 'sweep';
      examples.querySelector('select').value = '';
    },
  });
  const pick = (id) => {
    const example = state.examples.find((e) => e.id === id);
    if (example) {
      yaml.value = example.yaml;
      state.kind = example.kind === 'optimisation' ? 'optimise' : id.endsWith('sensitivity') ? 'tornado' : 'sweep';
      kind.querySelector('select').value = state.kind;
    }
  };
  const examples = select('analysis-example', 'Example file',
    [['', '(paste your own below)'], ...state.examples.map((e) => [e.id, `examples/${e.id}.yaml`])], '', pick);
  const progress = el('progress', {id: 'analysis-progress', max: '1', value: '0'});
  const progressText = el('span', {id: 'analysis-progress-text'}, '');
  const run = el('button', {type: 'button', id: 'analysis-run'}, 'Run');
  const cancel = el('button', {type: 'button', id: 'analysis-cancel', class: 'secondary', disabled: true}, 'Cancel');
  const results = el('div', {id: 'analysis-results'});
  const save = el('button', {type: 'button', id: 'analysis-download', class: 'secondary'}, 'Download the file (YAML)');
  save.addEventListener('click', () => download(state.kind === 'optimise' ? 'optimisation.yaml' : 'sweep.yaml',
    new Blob([yaml.value], {type: 'application/yaml'})));
  content.append(
    builder.panel,
    el('div', {class: 'panel'}, [
      el('div', {class: 'controls'}, [examples, kind, field('analysis-metric', 'Metric (sensitivity)', metric),
        field('analysis-cell', 'Cell (sensitivity)', cell), field('analysis-n', 'n: base points or trajectories', n)]),
      el('p', {class: 'assumption'}, 'A posted file reads no file of the server: name its base scenario with saved: ID'
        + ' (an example or a saved scenario, see the Scenarios page). The examples do.'),
      yaml,
      el('div', {class: 'controls'}, [run, cancel, save, el('div', {class: 'field'}, [progress, progressText])]),
    ]),
    results);
  pick('sweeps/155mm-sensitivity');
  examples.querySelector('select').value = 'sweeps/155mm-sensitivity';
  run.addEventListener('click', async () => {
    run.disabled = true;
    cancel.disabled = false;
    document.body.dataset.analysis = 'running';
    status('');
    builder.clearProblems();
    try {
      const result = await runJob(request(state.kind, yaml.value, metric.value, cell.value, n.value), (view) => {
        progress.max = Math.max(1, view.progress.total);
        progress.value = view.progress.done;
        progressText.textContent = `${view.status}: ${number(view.progress.done, 0)} of ${number(view.progress.total, 0)}`
          + ` ${state.kind === 'optimise' ? 'portfolios' : 'variants'}`;
      });
      show(results, state.kind, result);
      document.body.dataset.analysis = 'done';
    } catch (e) {
      console.warn(e);
      status(e instanceof ApiError ? problemList(e) : `The analysis failed: ${e.message}`, 'error');
      if (e instanceof ApiError && e.problems && e.problems.length && yaml.value === state.written) {
        builder.showProblems(e.problems);
      }
      document.body.dataset.analysis = 'error';
    } finally {
      run.disabled = false;
      cancel.disabled = true;
      state.job = null;
    }
  });
  cancel.addEventListener('click', () => {
    if (state.job) {
      api(state.job, {method: 'DELETE'}).catch((e) => status(problemList(e), 'error'));
    }
  });
}

/** The route and body for an analysis of the file's text. */
function request(kind, yaml, metric, cell, n) {
  if (kind === 'optimise') {
    return {path: '/api/v1/optimisations', body: {yaml}};
  }
  if (kind === 'sweep') {
    return {path: '/api/v1/sweeps', body: {yaml}};
  }
  const body = {yaml, method: kind};
  if (metric.trim()) {
    body.metric = metric.trim();
  }
  if (cell.trim()) {
    body.cell = cell.trim();
  }
  if (n !== '' && kind !== 'tornado') {
    body.n = Number(n);
  }
  return {path: '/api/v1/sensitivity', body};
}

/** Starts the job and polls it to its end; resolves with its result, rejects with its message. */
async function runJob({path, body}, onProgress) {
  const started = await postJson(path, body);
  state.job = `${path}/jobs/${started.id}`;
  let view;
  for (;;) {
    view = await api(state.job);
    onProgress(view);
    if (TERMINAL.has(view.status)) {
      break;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (view.status !== 'done') {
    throw new ApiError(409, `The analysis ${view.status}${view.message ? `: ${view.message}` : ''}`);
  }
  return api(`${state.job}/result`);
}

function show(box, kind, result) {
  box.replaceChildren();
  switch (kind) {
    case 'sweep': return showSweep(box, result);
    case 'tornado': return showTornado(box, result);
    case 'sobol': return showSobol(box, result);
    case 'morris': return showMorris(box, result);
    default: return showOptimisation(box, result);
  }
}

function sensitivitySource(r) {
  return `SM-1 analysis by this server: ${r.method} of ${r.metric} for ${r.cell}, base ${r.base}, ${number(r.variants, 0)}`
    + ` variants × ${number(r.runs, 0)} runs, seed ${r.seed}, common random numbers; ${ASSUMPTIONS}`;
}

function table(box, columns, rows, caption) {
  box.append(dataTable(columns, rows, caption));
}

/** A sweep: the chosen metric of the chosen cell over the chosen varied input, one point per variant. */
function showSweep(box, result) {
  const m = result.sweep;
  const col = (name) => result.columns.indexOf(name);
  const cells = [...new Set(result.rows.map((r) => `${r[col('holder')]}/${r[col('item')]}`))];
  const choice = {metric: m.metrics[0], parameter: m.parameters[0], cell: cells[0]};
  const controls = el('div', {class: 'controls'});
  const chartBox = el('div');
  const tableBox = el('div');
  box.append(controls, chartBox, tableBox);
  const card = chartCard(chartBox, {id: 'analysis-sweep', title: 'Sweep', units: '', height: 380});
  const draw = () => {
    const rows = result.rows.filter((r) => `${r[col('holder')]}/${r[col('item')]}` === choice.cell)
      .map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
    const unit = unitOf(choice.metric, choice.cell);
    const title = `${choice.metric} of ${choice.cell} against ${choice.parameter}`;
    card.setUnits(`${unit} (y) against the input's own unit (x)`);
    card.show({
      tooltip: {trigger: 'item'},
      xAxis: {type: 'value', name: choice.parameter, nameLocation: 'middle', nameGap: 28, scale: true},
      yAxis: {type: 'value', name: unit, scale: true},
      series: [{type: 'scatter', name: choice.metric, symbolSize: 9,
        data: rows.map((r) => [r[choice.parameter], r[choice.metric]]).filter((p) => p[1] !== null)}],
    }, {columns: ['variant', ...m.parameters, 'holder', 'item', ...m.metrics], rows},
    `SM-1 sweep by this server: ${m.design}, ${number(m.variants, 0)} variants × ${number(m.runs, 0)} runs, seed ${m.seed},`
      + ` base ${m.base}, common random numbers; ${ASSUMPTIONS}`, title);
    tableBox.replaceChildren(dataTable([{name: 'variant'}, ...m.parameters.map((p) => ({name: p})),
      ...m.metrics.map((x) => ({name: x, unit: unitOf(x, choice.cell)}))], rows, `${choice.cell}: every variant`));
  };
  controls.append(
    select('sweep-metric', 'Metric', m.metrics, choice.metric, (v) => { choice.metric = v; draw(); }),
    select('sweep-parameter', 'Varied input', m.parameters, choice.parameter, (v) => { choice.parameter = v; draw(); }),
    select('sweep-cell', 'Cell', cells, choice.cell, (v) => { choice.cell = v; draw(); }));
  draw();
}

function showTornado(box, r) {
  const unit = r.unit;
  const ranked = [...r.ranked].reverse(); // most influential on top
  const card = chartCard(box, {id: 'analysis-tornado', title: `Tornado: ${r.metric} for ${r.cell}`,
    units: `change from the base (${number(r.base_output)}) in ${unit}`, height: 120 + 44 * ranked.length,
    description: 'Each bar: the metric with one parameter at the low or high end of its range and the others as in the'
      + ' base scenario, minus the metric at the base. Longest bar first.'});
  card.show({
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {top: 0},
    grid: {left: 28, top: 36},
    xAxis: {type: 'value', name: unit, nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'category', data: ranked.map((b) => b.parameter), axisLabel: {width: 300, overflow: 'truncate'}},
    series: [
      {type: 'bar', name: 'parameter at low', barGap: '-100%', data: ranked.map((b) => b.metric_at_low - r.base_output)},
      {type: 'bar', name: 'parameter at high', data: ranked.map((b) => b.metric_at_high - r.base_output)},
    ],
  }, {columns: ['rank', 'parameter', 'low', 'high', 'metric_at_low', 'metric_at_high', 'swing'], rows: r.ranked},
  sensitivitySource(r));
  table(box, [{name: 'rank'}, {name: 'parameter'}, {name: 'low'}, {name: 'high'}, {name: 'metric_at_low', label: 'at low', unit},
    {name: 'metric_at_high', label: 'at high', unit}, {name: 'swing', unit}], r.ranked, `Tornado of ${r.metric} for ${r.cell}`);
}

/** Bars with 95% bootstrap intervals as error bars (a custom series drawn over each bar). */
function showSobol(box, r) {
  const names = r.ranked.map((x) => x.parameter);
  const offsets = [-0.18, 0.18];
  const errorBars = (low, high, i) => ({
    type: 'custom', name: `${i === 0 ? 'S1' : 'ST'} 95% interval`, silent: true, z: 10,
    data: r.ranked.map((x, k) => [k, x[low], x[high]]).filter((d) => d[1] !== null && d[2] !== null),
    renderItem: (params, a) => {
      const band = a.size([1, 0])[0];
      const lowPoint = a.coord([a.value(0), a.value(1)]);
      const highPoint = a.coord([a.value(0), a.value(2)]);
      const x = lowPoint[0] + offsets[i] * band;
      const half = band * 0.05;
      const style = {stroke: '#1d1d1f', lineWidth: 1.5};
      return {type: 'group', children: [
        {type: 'line', shape: {x1: x, y1: lowPoint[1], x2: x, y2: highPoint[1]}, style},
        {type: 'line', shape: {x1: x - half, y1: lowPoint[1], x2: x + half, y2: lowPoint[1]}, style},
        {type: 'line', shape: {x1: x - half, y1: highPoint[1], x2: x + half, y2: highPoint[1]}, style},
      ]};
    },
  });
  const card = chartCard(box, {id: 'analysis-sobol', title: `Sobol indices of ${r.metric} for ${r.cell}`,
    units: 'share of the metric\'s variance (no unit), with 95% bootstrap intervals', height: 420,
    description: `S1: the share due to the parameter alone; ST: with its interactions. n = ${r.n} base points,`
      + ` ${r.bootstrap} bootstrap resamples. Ranked by ST.`});
  card.show({
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {top: 0, data: ['S1 (first order)', 'ST (total)']},
    grid: {top: 40, bottom: 90},
    xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: 20, width: 220, overflow: 'truncate'}},
    yAxis: {type: 'value', name: 'share of variance'},
    series: [
      {type: 'bar', name: 'S1 (first order)', barWidth: '30%', barGap: '20%', data: r.ranked.map((x) => x.s1)},
      {type: 'bar', name: 'ST (total)', barWidth: '30%', data: r.ranked.map((x) => x.st)},
      errorBars('s1_low', 's1_high', 0),
      errorBars('st_low', 'st_high', 1),
    ],
  }, {columns: ['rank', 'parameter', 's1', 's1_low', 's1_high', 'st', 'st_low', 'st_high'], rows: r.ranked},
  sensitivitySource(r));
  const fixed = (v) => (v === null || v === undefined ? '' : v.toFixed(3));
  table(box, [{name: 'rank'}, {name: 'parameter'}, ...['s1', 's1_low', 's1_high', 'st', 'st_low', 'st_high']
    .map((c) => ({name: c, label: c.toUpperCase().replace('_', ' '), format: fixed}))], r.ranked,
  `Sobol indices of ${r.metric} for ${r.cell} (95% bootstrap intervals)`);
}

function showMorris(box, r) {
  const unit = r.unit;
  const card = chartCard(box, {id: 'analysis-morris', title: `Morris elementary effects of ${r.metric} for ${r.cell}`,
    units: `${unit}, across each parameter's whole range`, height: 420,
    description: `mu* (x) ranks influence; a large sigma (y) means non-linearity or interactions. r = ${r.trajectories}`
      + ` trajectories, p = ${r.levels} levels.`});
  card.show({
    tooltip: {trigger: 'item', formatter: (p) => `${p.data.name}<br>mu* ${number(p.data.value[0])}, sigma ${number(p.data.value[1])}`},
    xAxis: {type: 'value', name: `mu* (${unit})`, nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'value', name: `sigma (${unit})`},
    series: [{type: 'scatter', name: 'parameters', symbolSize: 12,
      label: {show: true, position: 'right', formatter: (p) => p.data.name, fontSize: 11},
      data: r.ranked.map((x, i) => ({name: x.parameter, value: [x.mu_star, x.sigma],
        itemStyle: {color: PALETTE[i % PALETTE.length]}}))}],
  }, {columns: ['rank', 'parameter', 'mu_star', 'mu', 'sigma'], rows: r.ranked}, sensitivitySource(r));
  table(box, [{name: 'rank'}, {name: 'parameter'}, {name: 'mu_star', label: 'mu*', unit}, {name: 'mu', unit},
    {name: 'sigma', unit}], r.ranked, `Morris elementary effects of ${r.metric} for ${r.cell}`);
}

function showOptimisation(box, r) {
  const ids = (p) => (p.optionIds.length ? p.optionIds.join(' + ') : '(none)');
  const money = (v) => `${r.currency} ${number(v, 0)}`;
  const source = `SM-1 optimisation by this server: ${r.method}, ${number(r.evaluations, 0)} portfolios simulated,`
    + ` ${number(r.runs, 0)} runs in ${r.batches} batches, seed ${r.seed}, base ${r.baseLabel}, common random numbers;`
    + ` ${ASSUMPTIONS}`;
  const choice = [{what: 'chosen', options: ids(r.chosen), cost: r.chosen.cost, value: r.chosen.value}];
  if (r.runnerUp) {
    choice.push({what: 'runner-up', options: ids(r.runnerUp), cost: r.runnerUp.cost, value: r.runnerUp.value});
  }
  const difference = r.difference
    ? `Chosen minus runner-up: ${number(r.difference.estimate)} ${r.objectiveUnit} (95% interval ${number(r.difference.low)}`
      + ` to ${number(r.difference.high)}, paired over ${r.difference.batches} batches).`
    : 'Only one portfolio is feasible.';
  box.append(el('div', {class: 'panel', id: 'analysis-chosen'}, [
    el('h2', {}, `Best portfolio within ${money(r.budget)}: ${ids(r.chosen)}`),
    el('p', {}, `${r.objective}: ${number(r.chosen.value)} ${r.objectiveUnit} at a cost of ${money(r.chosen.cost)}. ${difference}`),
  ]));
  table(box, [{name: 'what'}, {name: 'options'}, {name: 'cost', unit: r.currency}, {name: 'value', label: 'objective', unit: r.objectiveUnit}],
    choice, 'The chosen portfolio against the runner-up');
  const levels = r.frontier.map((f) => ({budget_level: f.budget, options: ids(f.best), cost: f.best.cost, objective: f.best.value}));
  const points = [...new Map(levels.map((l) => [l.options, l])).values()];
  const card = chartCard(box, {id: 'analysis-frontier', title: `Cost against outcome: the best portfolio per budget level`,
    units: `${r.objectiveUnit} (y) against cost in ${r.currency} (x)`, height: 400,
    description: `${r.objective}. Each point: the best portfolio whose cost is within a budget level; the chosen one is`
      + ' marked with a diamond.'});
  card.show({
    tooltip: {trigger: 'item', formatter: (p) => `${p.data.name}<br>${money(p.data.value[0])}: ${number(p.data.value[1])} ${r.objectiveUnit}`},
    grid: {right: 150}, // room for the last point's label
    xAxis: {type: 'value', name: `cost (${r.currency})`, nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'value', name: r.objectiveUnit, scale: true},
    series: [{type: 'line', step: 'end', name: 'frontier', symbolSize: 10,
      label: {show: true, position: 'top', formatter: (p) => p.data.name, fontSize: 11},
      data: points.map((l) => ({name: l.options, value: [l.cost, l.objective],
        symbol: l.options === ids(r.chosen) ? 'diamond' : 'circle', symbolSize: l.options === ids(r.chosen) ? 18 : 10}))}],
  }, {columns: ['budget_level', 'options', 'cost', 'objective'], rows: levels}, source);
  table(box, [{name: 'budget_level', label: 'budget level', unit: r.currency}, {name: 'options'}, {name: 'cost', unit: r.currency},
    {name: 'objective', unit: r.objectiveUnit}], levels, 'The efficient frontier: the best portfolio per budget level');
}

runPage(async () => {
  const [examples, scenarios] = await Promise.all([api('/api/v1/analysis/examples'),
    api('/api/v1/scenarios').catch(() => ({scenarios: []}))]);
  state.examples = examples.examples;
  state.scenarios = scenarios.scenarios;
  form(document.getElementById('content'));
});
