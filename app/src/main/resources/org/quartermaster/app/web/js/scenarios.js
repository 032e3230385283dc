// Scenarios page: pick, upload or edit a scenario (a form over its numbers, each with its name, unit, help
// and the SOURCED/DERIVED/ASSUMPTION label of its comments, or the YAML itself; edits keep every comment),
// validate, save, run it with a live progress bar, read per cell the fan chart (transfers and production
// marked, percentiles in a table), the months-to-target distribution and the shortfall risk; keep a run in
// the store under a name, reopen it from its permalink (?run=ID) and compare two runs (?run=A&compare=B),
// inputs that differ listed. A scenario built on the Munitions page arrives as scenarios.html#built.
import {ApiError, api, dataTable, el, number, percent, problemList, runPage, status} from './common.js';
import {chartCard} from './charts.js';
import {cellName, cellProduction, fanChartCsv, fanChartOption, monthsToTargetCsv, monthsToTargetOption, monthsToTargetText,
  percentileTable, runScenario, shortfallText, transferText} from './results.js';
import {BUILT_KEY, builtSummary} from './scenario-build.js';
import {renderForm, scenarioNames} from './scenario-form.js';
import {parseScenario, pathText, setNumber} from './scenario-yaml.js';
import {deleteSavedRun, inputDiffTable, permalink, runLabel, saveRun, savedEntry, savedRun, savedRunList,
  savedRunTable} from './saved-runs.js';

const content = document.getElementById('content');
/** Runs of this page and saved runs opened: {key, name, time, mode, runs, seed, yaml, model, result, runId?, savedId?}. */
const entries = new Map();
let pageRuns = 0;
let shown = null; // the entry whose charts are in #results
let current = {id: null, kind: null};
let parsed = parseScenario('');
let catalogue = [];
let savedList = [];

const ui = {
  picker: el('select', {id: 'scenario-pick', name: 'scenario-pick'}),
  upload: el('input', {id: 'scenario-upload', type: 'file', accept: '.yaml,.yml,text/yaml'}),
  yaml: el('textarea', {id: 'scenario-yaml', spellcheck: 'false', 'aria-label': 'Scenario YAML'}),
  form: el('div', {id: 'scenario-form'}),
  readOnly: el('p', {id: 'read-only-note', class: 'assumption', hidden: true}),
  runs: el('input', {id: 'run-runs', type: 'number', min: '1', step: '1', value: '2000'}),
  seed: el('input', {id: 'run-seed', type: 'number', step: '1', placeholder: 'the scenario\'s'}),
  deterministic: el('input', {id: 'run-deterministic', type: 'checkbox'}),
  progress: el('progress', {id: 'run-progress', max: '1', value: '0', 'aria-label': 'Run progress'}),
  progressText: el('p', {id: 'run-progress-text', 'aria-live': 'polite'}, 'Not run yet.'),
  runName: el('input', {id: 'run-name', type: 'text', maxlength: '200', disabled: true}),
  outdated: el('p', {id: 'results-outdated', class: 'warning', hidden: true}),
  results: el('div', {id: 'results'}),
  saved: el('div', {id: 'saved-runs'}),
  compareA: el('select', {id: 'compare-a', name: 'compare-a'}),
  compareB: el('select', {id: 'compare-b', name: 'compare-b'}),
  comparison: el('div', {id: 'comparison'}),
  built: el('section', {id: 'built', class: 'panel', hidden: true, 'aria-labelledby': 'built-title'}),
};
const button = (id, text, action, secondary) => el('button', {type: 'button', id, class: secondary ? 'secondary' : null,
  onclick: () => action().catch(fail)}, text);
const actions = {
  save: button('save', 'Save', save, true),
  remove: button('delete', 'Delete', remove, true),
  run: button('run', 'Run', run),
  saveRun: button('save-run', 'Save this run', keepRun, true),
};

runPage(async () => {
  layout();
  const params = new URLSearchParams(location.search);
  const [, munitions] = await Promise.all([loadList(), api('/api/v1/munitions').catch(() => ({rows: []})), refreshSaved()]);
  catalogue = munitions.rows || [];
  const built = location.hash === '#built' ? sessionStorage.getItem(BUILT_KEY) : null;
  if (built) {
    showBuilt(JSON.parse(built));
  } else if (params.get('run')) {
    await openSaved(params.get('run'), params.get('compare'));
  } else {
    await pick(params.get('id') || ui.picker.value);
  }
});

/** A scenario built from the store: its YAML in the editor, its assumptions and sourced numbers listed above. */
function showBuilt(built) {
  const name = built.item ? built.item.name : 'the munition';
  choose('', `Built from the store: ${name}`, {id: null, kind: 'built'});
  setYaml(built.yaml);
  ui.built.hidden = false;
  ui.built.replaceChildren(...builtSummary(built, (rebuilt) => {
    sessionStorage.setItem(BUILT_KEY, JSON.stringify(rebuilt));
    showBuilt(rebuilt);
  }));
  status(`Built a scenario for ${name}: ${(built.assumptions || []).length} assumptions, ${(built.sourced || []).length} sourced numbers.`
    + ' Validate, run or save it.', 'ok');
}

/** Shows `label` as the picker's choice for a scenario that is not in its list (built, or a saved run's). */
function choose(value, label, kind) {
  current = kind;
  ui.picker.querySelector('option[value=""]')?.remove();
  ui.picker.prepend(el('option', {value, selected: true}, label));
  ui.picker.value = value;
  updateActions();
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
      current = {id: null, kind: 'upload'};
      setYaml(await file.text());
      updateActions();
      status(`Loaded ${file.name}: edit it, validate it, run it or save it.`, 'ok');
    }
  });
  ui.yaml.addEventListener('input', () => edited(ui.yaml.value));

  const editor = el('section', {class: 'panel', 'aria-labelledby': 'editor-title'}, [
    el('h2', {id: 'editor-title'}, 'Scenario'),
    el('div', {class: 'field'}, [el('label', {for: 'scenario-pick'}, 'Example or saved scenario'), ui.picker]),
    el('div', {class: 'field'}, [el('label', {for: 'scenario-upload'}, 'Or upload a YAML file'), ui.upload]),
    el('div', {class: 'tabs', role: 'tablist', 'aria-label': 'Edit as'}, [formTab, yamlTab]),
    ui.form, ui.yaml,
    el('div', {class: 'actions controls'}, [button('validate', 'Validate', validate, true), button('save-new', 'Save as new…', saveNew, true),
      actions.save, actions.remove]),
    ui.readOnly,
  ]);
  const runner = el('section', {class: 'panel', 'aria-labelledby': 'run-title'}, [
    el('h2', {id: 'run-title'}, 'Run'),
    el('div', {class: 'controls'}, [
      el('div', {class: 'field'}, [el('label', {for: 'run-runs'}, 'Runs'), ui.runs]),
      el('div', {class: 'field'}, [el('label', {for: 'run-seed'}, 'Seed'), ui.seed]),
      el('div', {class: 'field check'}, [ui.deterministic, el('label', {for: 'run-deterministic'}, 'Deterministic (one run at expected values)')]),
      actions.run,
    ]),
    ui.progress, ui.progressText,
    el('div', {class: 'controls'}, [el('div', {class: 'field'}, [el('label', {for: 'run-name'}, 'Keep the run shown as'), ui.runName]),
      actions.saveRun]),
  ]);
  actions.saveRun.disabled = true;
  const saved = el('section', {class: 'panel', 'aria-labelledby': 'saved-title'}, [
    el('h2', {id: 'saved-title'}, 'Saved runs'),
    el('p', {class: 'assumption'}, 'Runs kept in the store with their scenario text and result, as the server computed them.'),
    ui.saved,
  ]);
  const compare = el('section', {class: 'panel', 'aria-labelledby': 'compare-title'}, [
    el('h2', {id: 'compare-title'}, 'Compare two runs'),
    el('p', {class: 'assumption'}, 'Runs of this page and saved runs. Same y axis per cell on both sides; the inputs that differ are listed first.'),
    el('div', {class: 'controls'}, [
      el('div', {class: 'field'}, [el('label', {for: 'compare-a'}, 'A (left)'), ui.compareA]),
      el('div', {class: 'field'}, [el('label', {for: 'compare-b'}, 'B (right)'), ui.compareB]),
      button('compare', 'Compare', compareRuns),
    ]),
    ui.comparison,
  ]);
  content.append(ui.built, el('div', {class: 'scenario-layout'}, [el('div', {}, [editor]), el('div', {}, [runner, ui.outdated, ui.results])]),
    saved, compare);
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
  ui.picker.querySelector('option[value=""]')?.remove();
  current = {id: scenario.id, kind: scenario.kind || 'example'};
  ui.picker.value = scenario.id;
  setYaml(scenario.yaml);
  updateActions();
  ui.runs.value = Math.min(scenario.runs || 2000, 20000);
  status(`${scenario.name}: ${scenario.cells} cells, ${scenario.horizon_months} months from ${scenario.start || 'month 0'}`
    + (current.kind === 'example' ? ' (an example: read-only, save a copy to keep changes).' : '.'), 'info');
}

/** Save and Delete only where they can work, with the reason when they cannot. */
function updateActions() {
  const example = current.kind === 'example';
  const savable = current.kind === 'saved' || current.kind === 'built';
  actions.save.disabled = !savable;
  actions.remove.disabled = current.kind !== 'saved';
  const reason = example ? 'A bundled example is read-only: "Save as new…" keeps a copy you can change.'
    : current.kind === 'run' ? 'The text of a saved run is kept with it: "Save as new…" saves it as a scenario.'
      : current.kind === 'upload' ? 'An uploaded file is not saved yet: "Save as new…" saves it.' : '';
  ui.readOnly.textContent = reason;
  ui.readOnly.hidden = !reason;
  for (const b of [actions.save, actions.remove]) {
    b.title = b.disabled ? reason : '';
    b.setAttribute('aria-describedby', 'read-only-note');
  }
}

function setYaml(text) {
  ui.yaml.value = text;
  parsed = parseScenario(text);
  buildForm();
  blocked(null);
}

/** The scenario text changed (form or YAML tab): parse it again, say what is wrong, mark the charts outdated. */
function edited(text) {
  parsed = parseScenario(text);
  blocked(parsed.error ? `the YAML does not parse: ${parsed.error}. Fix it in the YAML tab.` : null);
  markOutdated();
}

/** `why` stops the Run button and says so in the progress line; null lets it run again. */
function blocked(why) {
  actions.run.disabled = Boolean(why);
  actions.run.title = why ? `Cannot run: ${why}` : '';
  if (why) {
    ui.progressText.textContent = `Cannot run: ${why}`;
  } else if (ui.progressText.textContent.startsWith('Cannot run')) {
    ui.progressText.textContent = shown ? 'Edited: run again to see the changed scenario.' : 'Not run yet.';
  }
}

function markOutdated() {
  if (!shown || ui.outdated.hidden === false) {
    return;
  }
  ui.outdated.hidden = false;
  ui.outdated.textContent = `Outdated: the scenario has changed since the run shown below (${runLabel(shown)}). Run again to see the changed scenario.`;
  ui.results.classList.add('outdated');
}

function buildForm() {
  if (!parsed.value) {
    ui.form.replaceChildren(el('p', {class: 'status error'}, `The YAML does not parse (${parsed.error}); fix it in the YAML tab.`));
    return;
  }
  renderForm(ui.form, {doc: parsed.doc, model: parsed.value, names: scenarioNames(parsed.value, catalogue),
    onEdit: (path, value) => {
      ui.yaml.value = setNumber(ui.yaml.value, path, value);
      edited(ui.yaml.value);
    },
    onInvalid: (path, text) => {
      blocked(`${pathText(path)} is "${text}", not a number: give a number`);
      markOutdated();
    }});
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
  updateActions();
  status(`Saved as ${saved.id}.`, 'ok');
}

async function save() {
  if (current.kind === 'built') {
    await saveNew();
    return;
  }
  await api(`/api/v1/scenarios/${encodeURIComponent(current.id)}`, {method: 'PUT', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body())});
  await loadList(current.id);
  status(`Saved ${current.id}.`, 'ok');
}

async function remove() {
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
  if (ui.seed.value.trim() !== '') {
    request.seed = Number(ui.seed.value);
  }
  if (request.deterministic) {
    delete request.runs;
  }
  document.body.dataset.run = 'running';
  ui.progress.value = 0;
  ui.progressText.textContent = 'Starting…';
  let runId = null;
  let result;
  try {
    result = await runScenario(request, (done, total, state) => {
      ui.progress.max = total || 1;
      ui.progress.value = done;
      ui.progressText.textContent = `${state}: ${number(done, 0)} of ${number(total, 0)} runs`;
    }, (id) => {
      runId = id;
    });
  } catch (e) {
    const problems = e instanceof ApiError && e.problems && e.problems.length ? `, ${e.problems.length} problems listed above` : '';
    ui.progressText.textContent = `Not run: ${e.message}${problems}.`;
    markOutdated();
    throw e;
  }
  ui.progressText.textContent = `Done: ${number(result.runs, 0)} runs, ${result.mode}, seed ${result.seed ?? '—'}.`;
  pageRuns += 1;
  const entry = {key: `p:${pageRuns}`, runId, name: `Run ${pageRuns} of ${result.scenario}`, time: new Date(), mode: result.mode,
    runs: result.runs, seed: result.mode === 'deterministic' ? null : result.seed, yaml: request.yaml,
    model: parseScenario(request.yaml).value, result};
  entries.set(entry.key, entry);
  refreshCompareChoices(entry.key);
  await show(entry);
  ui.runName.disabled = false;
  actions.saveRun.disabled = false;
  ui.runName.value = `${result.scenario}, ${result.mode === 'deterministic' ? 'deterministic' : `seed ${result.seed}`}`;
  document.body.dataset.run = 'done';
}

/** Draws an entry's charts in #results (no longer outdated). */
async function show(entry) {
  shown = entry;
  ui.outdated.hidden = true;
  ui.results.classList.remove('outdated');
  showResult(ui.results, entry, 'r');
  await waitDrawn('#results');
}

/** Keeps the run shown in the store under the name given, then offers its permalink. */
async function keepRun() {
  const entry = shown;
  if (!entry || !entry.runId) {
    status('Run the scenario first: only a run of this page can be saved.', 'error');
    return;
  }
  const saved = await saveRun(ui.runName.value.trim(), entry.runId);
  entries.delete(entry.key);
  const kept = {...entry, key: `s:${saved.id}`, savedId: saved.id, name: saved.name, time: saved.created_at, runId: null};
  entries.set(kept.key, kept);
  shown = kept;
  actions.saveRun.disabled = true;
  ui.runName.disabled = true;
  await refreshSaved();
  refreshCompareChoices(kept.key);
  history.replaceState(null, '', permalink(saved.id));
  status(el('span', {}, [`Saved the run as “${saved.name}” (#${saved.id}). Its permalink: `,
    el('a', {href: permalink(saved.id), id: 'run-permalink'}, `${location.origin}${permalink(saved.id)}`)]), 'ok');
}

async function refreshSaved() {
  savedList = await savedRunList();
  ui.saved.replaceChildren(savedList.length ? savedRunTable(savedList, deleteRun)
    : el('p', {class: 'assumption'}, 'No saved run yet: run a scenario, then "Save this run".'));
  refreshCompareChoices();
}

async function deleteRun(row) {
  if (!confirm(`Delete the saved run “${row.name}”?`)) {
    return;
  }
  await deleteSavedRun(row.id);
  entries.delete(`s:${row.id}`);
  await refreshSaved();
  status(`Deleted the saved run “${row.name}”.`, 'ok');
}

/** Opens a saved run (its scenario in the editor, its charts) and, when asked, compares it with another. */
async function openSaved(id, compareId) {
  const entry = await loadEntry(`s:${id}`);
  choose('', `Saved run: ${entry.name}`, {id: null, kind: 'run'});
  setYaml(entry.yaml);
  ui.progressText.textContent = `Saved run “${entry.name}”: ${entry.mode}, ${number(entry.runs, 0)} runs, seed ${entry.seed ?? '—'}.`;
  await show(entry);
  status(el('span', {}, [`Saved run “${entry.name}” of ${entry.result.scenario}, saved ${runLabel(entry).split(' · ')[1]}. Permalink: `,
    el('a', {href: permalink(entry.savedId), id: 'run-permalink'}, `${location.origin}${permalink(entry.savedId)}`)]), 'info');
  if (compareId) {
    await loadEntry(`s:${compareId}`);
    refreshCompareChoices();
    ui.compareA.value = `s:${id}`;
    ui.compareB.value = `s:${compareId}`;
    await compareRuns();
  }
}

/** A run by its key: a page run, or a saved run fetched once ("s:ID"). */
async function loadEntry(key) {
  if (!entries.has(key)) {
    if (!key.startsWith('s:')) {
      throw new Error(`no run ${key} on this page`);
    }
    entries.set(key, savedEntry(await savedRun(key.slice(2))));
  }
  return entries.get(key);
}

/** Both comparison lists: this page's runs, then the saved runs; `latest` becomes B and the one before it A. */
function refreshCompareChoices(latest) {
  const choices = [...entries.values()].filter((e) => !e.savedId).map((e) => [e.key, runLabel(e)]);
  for (const s of savedList) {
    choices.push([`s:${s.id}`, runLabel({name: s.name, time: s.created_at, mode: s.mode, runs: s.runs, seed: s.seed})]);
  }
  [ui.compareA, ui.compareB].forEach((select, side) => {
    const before = select.value;
    select.replaceChildren(...choices.map(([key, label]) => el('option', {value: key}, label)));
    if (latest) {
      const at = choices.findIndex(([key]) => key === latest);
      select.value = choices[side === 1 ? at : Math.max(0, at - 1)][0];
    } else if (choices.some(([key]) => key === before)) {
      select.value = before;
    }
  });
}

async function compareRuns() {
  if (!ui.compareA.value || !ui.compareB.value || ui.compareA.value === ui.compareB.value) {
    status('Choose two different runs to compare: run a scenario twice (for instance with different numbers) or save runs.', 'error');
    return;
  }
  const a = await loadEntry(ui.compareA.value);
  const b = await loadEntry(ui.compareB.value);
  const yMax = {};
  for (const r of [a, b]) {
    r.result.cells.forEach((c) => {
      const key = cellName(c);
      yMax[key] = Math.max(yMax[key] || 0, ...c.closing_stock.p95, c.target || 0);
    });
  }
  const left = el('div');
  const right = el('div');
  const link = a.savedId && b.savedId ? el('p', {}, ['Permalink of this comparison: ',
    el('a', {href: permalink(a.savedId, b.savedId), id: 'compare-permalink'}, `${location.origin}${permalink(a.savedId, b.savedId)}`)])
    : el('p', {class: 'assumption'}, 'Save both runs to get a permalink of this comparison.');
  ui.comparison.replaceChildren(link, inputDiffTable(a, b), differences(a, b), el('div', {class: 'grid'}, [
    el('div', {}, [el('h3', {}, `A: ${runLabel(a)}`), left]), el('div', {}, [el('h3', {}, `B: ${runLabel(b)}`), right])]));
  showResult(left, a, 'ca', niceMax(yMax));
  showResult(right, b, 'cb', niceMax(yMax));
  if (a.savedId && b.savedId) {
    history.replaceState(null, '', permalink(a.savedId, b.savedId));
  }
  await waitDrawn('#comparison');
}

/** Per cell: the fan chart (transfers and production marked, percentiles in a table), months to target, shortfall risk. */
function showResult(box, entry, prefix, yMax = {}) {
  const {result, model} = entry;
  const names = scenarioNames(model, catalogue);
  const transfers = model && Array.isArray(model.transfers) ? model.transfers.filter((t) => t && typeof t === 'object') : [];
  const source = `SM-1 run of "${result.scenario}" (${result.mode}, ${result.runs} runs, seed ${result.seed ?? '—'}); inputs as the scenario labels them`;
  box.replaceChildren();
  result.cells.forEach((cell, i) => {
    const name = cellName(cell, names);
    const unit = names.unit(cell.item);
    const production = cellProduction(model, cell, result.horizon_months);
    const fan = chartCard(box, {id: `${prefix}-fan-${i}`, title: `${name}: closing stock`,
      units: `${unit} of ${names.item(cell.item)}, stock at the end of each month${production ? `; expected production in ${unit} a month (right axis)` : ''}`,
      height: 340, description: `${monthsToTargetText(result, cell)}. ${shortfallText(cell)}.${transferText(transfers, cell)}`
        + (production ? ' Dotted green line: the production the scenario\'s lines deliver to this stock, at expected values.' : '')});
    const csv = fanChartCsv(result, cell, transfers, production);
    fan.show(fanChartOption(result, cell, yMax[cellName(cell)], transfers, production, `${unit} a month`), csv, source);
    box.append(percentileTable(`${prefix}-pct-${i}`, `${name}: closing stock`, unit, csv));
    if (cell.months_to_target && cell.months_to_target.reached_by_month) {
      const mtt = chartCard(box, {id: `${prefix}-mtt-${i}`, title: `${name}: months to target`, units: 'share of runs that reached the target',
        height: 220});
      mtt.show(monthsToTargetOption(result, cell), monthsToTargetCsv(result, cell), `SM-1 run of "${result.scenario}"`);
    }
  });
}

/** Per cell present in both runs: stock at the horizon (P50), target reached, shortfall risk, A vs B. */
function differences(a, b) {
  const names = scenarioNames(a.model, catalogue);
  const rows = a.result.cells.flatMap((ca) => {
    const cb = b.result.cells.find((c) => cellName(c) === cellName(ca));
    if (!cb) {
      return [];
    }
    const end = (c) => c.closing_stock.p50[c.closing_stock.p50.length - 1];
    const reached = (c) => (c.months_to_target ? c.months_to_target.reached_probability : null);
    return [{cell: cellName(ca, names), end_a: end(ca), end_b: end(cb), reached_a: reached(ca), reached_b: reached(cb),
      short_a: ca.shortfall.probability_any, short_b: cb.shortfall.probability_any}];
  });
  const n = (v) => number(v, 0);
  const table = dataTable([{name: 'cell', label: 'stock cell'}, {name: 'end_a', label: 'P50 at horizon, A', format: n},
    {name: 'end_b', label: 'P50 at horizon, B', format: n}, {name: 'reached_a', label: 'target reached, A', format: (v) => percent(v)},
    {name: 'reached_b', label: 'target reached, B', format: (v) => percent(v)}, {name: 'short_a', label: 'shortfall risk, A', format: (v) => percent(v)},
    {name: 'short_b', label: 'shortfall risk, B', format: (v) => percent(v)}], rows, 'The two runs side by side, per stock cell');
  table.id = 'cell-differences';
  return table;
}

function niceMax(yMax) {
  const out = {};
  for (const [k, v] of Object.entries(yMax)) {
    const step = 10 ** Math.floor(Math.log10(v || 1));
    out[k] = Math.ceil((v || 1) / step) * step;
  }
  return out;
}

function waitDrawn(selector) {
  return new Promise((resolve) => {
    const check = () => ([...document.querySelectorAll(`${selector} figure.chart-card`)].every((f) => f.dataset.drawn === 'yes')
      ? resolve() : setTimeout(check, 50));
    check();
  });
}

function fail(e) {
  document.body.dataset.run = 'error';
  status(e instanceof ApiError ? problemList(e) : e.message, 'error');
}
