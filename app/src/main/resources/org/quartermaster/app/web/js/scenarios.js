// Scenarios page: pick, upload or edit a scenario (a form over its numbers, or the YAML itself),
// validate, save, run it with a live progress bar, read per cell the fan chart, the months-to-target
// distribution and the shortfall risk, and compare two runs side by side. A scenario built on the
// Munitions page arrives as scenarios.html#built (the build's answer in sessionStorage) with its
// assumptions and sourced numbers listed.
import {ApiError, api, dataTable, el, number, percent, problemList, runPage, status} from './common.js';
import {chartCard} from './charts.js';
import {cellName, fanChartCsv, fanChartOption, monthsToTargetCsv, monthsToTargetOption, monthsToTargetText,
  runScenario, shortfallText, transferText} from './results.js';
import {BUILT_KEY, builtSummary} from './scenario-build.js';

const content = document.getElementById('content');
const runs = []; // finished runs of this page: {label, result, transfers}
let current = {id: null, kind: null};
let model = null; // the scenario as parsed from the YAML, edited by the form

const ui = {
  picker: el('select', {id: 'scenario-pick', name: 'scenario-pick'}),
  upload: el('input', {id: 'scenario-upload', type: 'file', accept: '.yaml,.yml,text/yaml'}),
  yaml: el('textarea', {id: 'scenario-yaml', spellcheck: 'false', 'aria-label': 'Scenario YAML'}),
  form: el('div', {id: 'scenario-form'}),
  runs: el('input', {id: 'run-runs', type: 'number', min: '1', step: '1', value: '2000'}),
  seed: el('input', {id: 'run-seed', type: 'number', step: '1', placeholder: 'the scenario\'s'}),
  deterministic: el('input', {id: 'run-deterministic', type: 'checkbox'}),
  progress: el('progress', {id: 'run-progress', max: '1', value: '0', 'aria-label': 'Run progress'}),
  progressText: el('p', {id: 'run-progress-text', 'aria-live': 'polite'}, 'Not run yet.'),
  results: el('div', {id: 'results'}),
  compareA: el('select', {id: 'compare-a', name: 'compare-a'}),
  compareB: el('select', {id: 'compare-b', name: 'compare-b'}),
  comparison: el('div', {id: 'comparison'}),
  built: el('section', {id: 'built', class: 'panel', hidden: true, 'aria-labelledby': 'built-title'}),
};

runPage(async () => {
  layout();
  await loadList();
  const built = location.hash === '#built' ? sessionStorage.getItem(BUILT_KEY) : null;
  if (built) {
    showBuilt(JSON.parse(built));
    return;
  }
  const wanted = new URLSearchParams(location.search).get('id');
  await pick(wanted || ui.picker.value);
});

/** A scenario built from the store: its YAML in the editor, its assumptions and sourced numbers listed above. */
function showBuilt(built) {
  const name = built.item ? built.item.name : 'the munition';
  current = {id: null, kind: 'built'};
  ui.picker.querySelector('option[value=""]')?.remove();
  ui.picker.prepend(el('option', {value: '', selected: true}, `Built from the store: ${name}`));
  ui.picker.value = '';
  setYaml(built.yaml);
  ui.built.hidden = false;
  ui.built.replaceChildren(...builtSummary(built, (rebuilt) => {
    sessionStorage.setItem(BUILT_KEY, JSON.stringify(rebuilt));
    showBuilt(rebuilt);
  }));
  status(`Built a scenario for ${name}: ${(built.assumptions || []).length} assumptions, ${(built.sourced || []).length} sourced numbers.`
    + ' Validate, run or save it.', 'ok');
}

function layout() {
  const formTab = el('button', {type: 'button', role: 'tab', id: 'tab-form', 'aria-selected': 'true', 'aria-controls': 'scenario-form'}, 'Form');
  const yamlTab = el('button', {type: 'button', role: 'tab', id: 'tab-yaml', 'aria-selected': 'false', 'aria-controls': 'scenario-yaml'}, 'YAML');
  const showTab = (form) => {
    formTab.setAttribute('aria-selected', String(form));
    yamlTab.setAttribute('aria-selected', String(!form));
    ui.form.hidden = !form;
    ui.yaml.hidden = form;
    if (form) {
      buildForm();
    }
  };
  formTab.addEventListener('click', () => showTab(true));
  yamlTab.addEventListener('click', () => showTab(false));
  ui.yaml.hidden = true;
  ui.picker.addEventListener('change', () => {
    const built = sessionStorage.getItem(BUILT_KEY);
    if (!ui.picker.value && built) {
      showBuilt(JSON.parse(built));
      return;
    }
    pick(ui.picker.value).catch(fail);
  });
  ui.upload.addEventListener('change', async () => {
    const file = ui.upload.files[0];
    if (file) {
      setYaml(await file.text());
      current = {id: null, kind: 'upload'};
      status(`Loaded ${file.name}: edit it, validate it, run it or save it.`, 'ok');
    }
  });
  ui.yaml.addEventListener('input', () => {
    model = parse(ui.yaml.value);
  });
  const button = (id, text, action, secondary) => el('button', {type: 'button', id, class: secondary ? 'secondary' : null,
    onclick: () => action().catch(fail)}, text);

  const editor = el('section', {class: 'panel', 'aria-labelledby': 'editor-title'}, [
    el('h2', {id: 'editor-title'}, 'Scenario'),
    el('div', {class: 'field'}, [el('label', {for: 'scenario-pick'}, 'Example or saved scenario'), ui.picker]),
    el('div', {class: 'field'}, [el('label', {for: 'scenario-upload'}, 'Or upload a YAML file'), ui.upload]),
    el('div', {class: 'tabs', role: 'tablist', 'aria-label': 'Edit as'}, [formTab, yamlTab]),
    ui.form, ui.yaml,
    el('div', {class: 'actions controls'}, [
      button('validate', 'Validate', validate, true),
      button('save-new', 'Save as new…', saveNew, true),
      button('save', 'Save', save, true),
      button('delete', 'Delete', remove, true),
    ]),
  ]);
  const runner = el('section', {class: 'panel', 'aria-labelledby': 'run-title'}, [
    el('h2', {id: 'run-title'}, 'Run'),
    el('div', {class: 'controls'}, [
      el('div', {class: 'field'}, [el('label', {for: 'run-runs'}, 'Runs'), ui.runs]),
      el('div', {class: 'field'}, [el('label', {for: 'run-seed'}, 'Seed'), ui.seed]),
      el('div', {class: 'field check'}, [ui.deterministic, el('label', {for: 'run-deterministic'}, 'Deterministic (one run at expected values)')]),
      button('run', 'Run', run),
    ]),
    ui.progress, ui.progressText,
  ]);
  const compare = el('section', {class: 'panel', 'aria-labelledby': 'compare-title'}, [
    el('h2', {id: 'compare-title'}, 'Compare two runs'),
    el('p', {class: 'assumption'}, 'Runs made on this page since it was opened. Same y axis per cell on both sides.'),
    el('div', {class: 'controls'}, [
      el('div', {class: 'field'}, [el('label', {for: 'compare-a'}, 'Left'), ui.compareA]),
      el('div', {class: 'field'}, [el('label', {for: 'compare-b'}, 'Right'), ui.compareB]),
      button('compare', 'Compare', async () => compareRuns()),
    ]),
    ui.comparison,
  ]);
  content.append(ui.built, el('div', {class: 'scenario-layout'}, [el('div', {}, [editor]), el('div', {}, [runner, ui.results])]), compare);
}

async function loadList(selected) {
  const list = await api('/api/v1/scenarios');
  ui.picker.replaceChildren();
  for (const [kind, label] of [['example', 'Examples'], ['saved', 'Saved']]) {
    const group = el('optgroup', {label});
    list.scenarios.filter((s) => (s.kind || 'example') === kind)
      .forEach((s) => group.append(el('option', {value: s.id, selected: s.id === selected}, s.name)));
    if (group.children.length) {
      ui.picker.append(group);
    }
  }
}

async function pick(id) {
  const scenario = await api(`/api/v1/scenarios/${encodeURIComponent(id)}`);
  current = {id: scenario.id, kind: scenario.kind || 'example'};
  ui.picker.value = scenario.id;
  setYaml(scenario.yaml);
  ui.runs.value = Math.min(scenario.runs || 2000, 20000);
  status(`${scenario.name}: ${scenario.cells} cells, ${scenario.horizon_months} months from ${scenario.start || 'month 0'}`
    + (current.kind === 'example' ? ' (an example: read-only, save a copy to keep changes).' : '.'), 'info');
}

function setYaml(text) {
  ui.yaml.value = text;
  model = parse(text);
  buildForm();
}

/** The YAML as an object, or null (the form then says the YAML must be fixed first). */
function parse(text) {
  try {
    const value = jsyaml.load(text);
    return value && typeof value === 'object' ? value : null;
  } catch (e) {
    return null;
  }
}

/** One labelled number input per numeric value of the scenario, grouped by section. */
function buildForm() {
  ui.form.replaceChildren();
  if (!model) {
    ui.form.append(el('p', {class: 'status error'}, 'The YAML does not parse; fix it in the YAML tab.'));
    return;
  }
  ui.form.append(el('p', {class: 'assumption'},
    'Every number of the scenario. Changing one rewrites the YAML without its comments (the YAML tab shows it).'));
  const sections = new Map();
  walk(model, [], (path, value) => {
    const section = typeof path[0] === 'string' && path.length > 1 ? path[0] : 'general';
    if (!sections.has(section)) {
      sections.set(section, []);
    }
    sections.get(section).push([path, value]);
  });
  for (const [section, fields] of sections) {
    const grid = el('div', {class: 'form-grid'});
    for (const [path, value] of fields) {
      const id = `f-${path.join('-')}`;
      const input = el('input', {id, type: 'number', step: 'any', value: String(value)});
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (input.value.trim() === '' || !Number.isFinite(v)) {
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        input.removeAttribute('aria-invalid');
        assign(model, path, v);
        ui.yaml.value = jsyaml.dump(model, {lineWidth: 120, flowLevel: 3, noRefs: true});
      });
      grid.append(el('label', {for: id}, label(path)), input);
    }
    ui.form.append(el('fieldset', {}, [el('legend', {}, section), grid]));
  }
}

function walk(value, path, visit) {
  if (typeof value === 'number') {
    visit(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], visit));
  } else if (value && typeof value === 'object') {
    Object.entries(value).forEach(([k, v]) => walk(v, [...path, k], visit));
  }
}

/** "stocks[0] USA/manpads · initial" style labels: the entry's id or holder/item, then the field. */
function label(path) {
  const parts = [];
  let node = model;
  for (const key of path) {
    if (typeof key === 'number') {
      const entry = node[key];
      const name = entry && (entry.id || (entry.holder && `${entry.holder}/${entry.item}`) || (entry.from && `${entry.from}→${entry.to} m${entry.month}`));
      parts.push(name ? `${name}` : `#${key + 1}`);
    } else if (parts.length || path.length === 1) {
      parts.push(key);
    }
    node = node[key];
  }
  return parts.join(' · ') || path.join('.');
}

function assign(target, path, value) {
  let node = target;
  path.slice(0, -1).forEach((k) => {
    node = node[k];
  });
  node[path[path.length - 1]] = value;
}

function body() {
  return {yaml: ui.yaml.value};
}

async function validate() {
  const summary = await api('/api/v1/scenarios/validate', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body())});
  status(`Valid: ${summary.name}, ${summary.cells} cells, ${summary.horizon_months} months.`, 'ok');
}

async function saveNew() {
  const id = prompt('Save as (lowercase letters, digits and dashes; empty: from the scenario name):', '');
  if (id === null) {
    return;
  }
  const saved = await api('/api/v1/scenarios', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(id.trim() ? {...body(), id: id.trim()} : body())});
  await loadList(saved.id);
  current = {id: saved.id, kind: 'saved'};
  status(`Saved as ${saved.id}.`, 'ok');
}

async function save() {
  if (current.kind === 'built') {
    await saveNew();
    return;
  }
  if (current.kind !== 'saved') {
    status('Only saved scenarios can be updated: use "Save as new…" for an example or an upload.', 'error');
    return;
  }
  await api(`/api/v1/scenarios/${encodeURIComponent(current.id)}`, {method: 'PUT', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body())});
  await loadList(current.id);
  status(`Saved ${current.id}.`, 'ok');
}

async function remove() {
  if (current.kind !== 'saved') {
    status('Examples cannot be deleted; only saved scenarios can.', 'error');
    return;
  }
  if (!confirm(`Delete the saved scenario ${current.id}?`)) {
    return;
  }
  await api(`/api/v1/scenarios/${encodeURIComponent(current.id)}`, {method: 'DELETE'});
  await loadList();
  await pick(ui.picker.value);
  status('Deleted.', 'ok');
}

async function run() {
  const request = {...body(), runs: Number(ui.runs.value) || undefined, deterministic: ui.deterministic.checked};
  const transfers = scheduledTransfers(parse(request.yaml));
  if (ui.seed.value.trim() !== '') {
    request.seed = Number(ui.seed.value);
  }
  if (request.deterministic) {
    delete request.runs;
  }
  document.body.dataset.run = 'running';
  ui.progress.value = 0;
  ui.progressText.textContent = 'Starting…';
  const result = await runScenario(request, (done, total, state) => {
    ui.progress.max = total || 1;
    ui.progress.value = done;
    ui.progressText.textContent = `${state}: ${number(done, 0)} of ${number(total, 0)} runs`;
  });
  ui.progressText.textContent = `Done: ${number(result.runs, 0)} runs, ${result.mode}, seed ${result.seed ?? '—'}.`;
  const label = `#${runs.length + 1} ${result.scenario} (${result.mode}, ${number(result.runs, 0)} runs, seed ${result.seed ?? '—'})`;
  runs.push({label, result, transfers});
  [ui.compareA, ui.compareB].forEach((s, side) => {
    s.append(el('option', {value: String(runs.length - 1)}, label));
    s.value = String(Math.max(0, runs.length - 1 - (side === 0 && runs.length > 1 ? 1 : 0)));
  });
  showResult(ui.results, result, transfers, 'r');
  await waitDrawn();
  document.body.dataset.run = 'done';
}

/** The scenario's scheduled transfers (from, to, item, month, quantity), as the run was given them. */
function scheduledTransfers(scenario) {
  return scenario && Array.isArray(scenario.transfers) ? scenario.transfers.filter((t) => t && typeof t === 'object') : [];
}

/** Per cell: the fan chart (scheduled transfers marked), the months-to-target distribution and the shortfall risk. */
function showResult(box, result, transfers, prefix, yMax = {}) {
  box.replaceChildren();
  result.cells.forEach((cell, i) => {
    const name = cellName(cell);
    const fan = chartCard(box, {id: `${prefix}-fan-${i}`, title: `${name}: closing stock`, units: `${cell.item} (stock at the end of each month)`,
      height: 340, description: `${monthsToTargetText(result, cell)}. ${shortfallText(cell)}.${transferText(transfers, cell)}`});
    fan.show(fanChartOption(result, cell, yMax[name], transfers), fanChartCsv(result, cell, transfers),
      `SM-1 run of "${result.scenario}" (${result.mode}, ${result.runs} runs, seed ${result.seed ?? '—'}); inputs as the scenario labels them`);
    if (cell.months_to_target && cell.months_to_target.reached_by_month) {
      const mtt = chartCard(box, {id: `${prefix}-mtt-${i}`, title: `${name}: months to target`, units: 'share of runs that reached the target',
        height: 220});
      mtt.show(monthsToTargetOption(result, cell), monthsToTargetCsv(result, cell), `SM-1 run of "${result.scenario}"`);
    }
  });
}

function compareRuns() {
  const a = runs[Number(ui.compareA.value)];
  const b = runs[Number(ui.compareB.value)];
  if (!a || !b) {
    status('Run a scenario twice (for instance with different numbers) to compare the runs.', 'error');
    return;
  }
  const yMax = {};
  for (const r of [a, b]) {
    r.result.cells.forEach((c) => {
      const name = cellName(c);
      yMax[name] = Math.max(yMax[name] || 0, ...c.closing_stock.p95, c.target || 0);
    });
  }
  const left = el('div');
  const right = el('div');
  ui.comparison.replaceChildren(differences(a, b), el('div', {class: 'grid'}, [
    el('div', {}, [el('h3', {}, a.label), left]), el('div', {}, [el('h3', {}, b.label), right])]));
  showResult(left, a.result, a.transfers, 'ca', niceMax(yMax));
  showResult(right, b.result, b.transfers, 'cb', niceMax(yMax));
}

/** Per cell present in both runs: stock at the horizon (P50), target reached, shortfall risk, left vs right. */
function differences(a, b) {
  const rows = a.result.cells.flatMap((ca) => {
    const cb = b.result.cells.find((c) => cellName(c) === cellName(ca));
    if (!cb) {
      return [];
    }
    const end = (c) => c.closing_stock.p50[c.closing_stock.p50.length - 1];
    const reached = (c) => (c.months_to_target ? c.months_to_target.reached_probability : null);
    return [{cell: cellName(ca), end_a: end(ca), end_b: end(cb), reached_a: reached(ca), reached_b: reached(cb),
      short_a: ca.shortfall.probability_any, short_b: cb.shortfall.probability_any}];
  });
  const n = (v) => number(v, 0);
  return dataTable([{name: 'cell', label: 'stock cell'}, {name: 'end_a', label: 'P50 at horizon, left', format: n},
    {name: 'end_b', label: 'P50 at horizon, right', format: n}, {name: 'reached_a', label: 'target reached, left', format: (v) => percent(v)},
    {name: 'reached_b', label: 'target reached, right', format: (v) => percent(v)}, {name: 'short_a', label: 'shortfall risk, left', format: (v) => percent(v)},
    {name: 'short_b', label: 'shortfall risk, right', format: (v) => percent(v)}], rows, 'The two runs side by side, per stock cell');
}

function niceMax(yMax) {
  const out = {};
  for (const [k, v] of Object.entries(yMax)) {
    const step = 10 ** Math.floor(Math.log10(v || 1));
    out[k] = Math.ceil((v || 1) / step) * step;
  }
  return out;
}

function waitDrawn() {
  return new Promise((resolve) => {
    const check = () => ([...document.querySelectorAll('#results figure.chart-card')].every((f) => f.dataset.drawn === 'yes')
      ? resolve() : setTimeout(check, 50));
    check();
  });
}

function fail(e) {
  document.body.dataset.run = 'error';
  status(e instanceof ApiError ? problemList(e) : e.message, 'error');
}
