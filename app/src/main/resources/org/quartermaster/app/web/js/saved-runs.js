// Runs kept in the store (/api/v1/saved-runs): saving a finished run under a name, the list of saved runs,
// their labels (name, time, seed, so two runs never read alike), permalinks (scenarios.html?run=ID and
// ?run=A&compare=B) and the table of the inputs that differ between two runs.
import {api, dataTable, el, number, postJson} from './common.js';
import {inputDifferences, plainValue} from './scenario-yaml.js';

export const SAVED_RUNS = '/api/v1/saved-runs';

/** Saves the finished run `runId` of this server under `name`; resolves with the saved run's summary. */
export function saveRun(name, runId) {
  return postJson(SAVED_RUNS, {name, run_id: runId});
}

export async function savedRunList() {
  return (await api(SAVED_RUNS)).runs;
}

/** One saved run, with its scenario text (yaml) and result. */
export function savedRun(id) {
  return api(`${SAVED_RUNS}/${encodeURIComponent(id)}`);
}

export function deleteSavedRun(id) {
  return api(`${SAVED_RUNS}/${encodeURIComponent(id)}`, {method: 'DELETE'});
}

/** The page's address of a saved run, or of two compared. */
export function permalink(id, compareId) {
  const params = new URLSearchParams({run: String(id)});
  if (compareId !== undefined && compareId !== null) {
    params.set('compare', String(compareId));
  }
  return `/scenarios.html?${params}`;
}

/** "2026-01-02 15:04:05" in the reader's time zone. */
export function localTime(date) {
  const d = date instanceof Date ? date : new Date(date);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** What tells a run apart: its name, when it finished or was saved, its mode, runs and seed. */
export function runLabel(entry) {
  const how = entry.mode === 'deterministic' ? 'deterministic' : `${number(entry.runs, 0)} runs, seed ${entry.seed ?? '—'}`;
  return `${entry.name} · ${localTime(entry.time)} · ${how}`;
}

/** A page entry for a saved run as GET /api/v1/saved-runs/{id} gives it (yaml and result included). */
export function savedEntry(saved) {
  return {key: `s:${saved.id}`, savedId: saved.id, name: saved.name, time: saved.created_at, mode: saved.mode, runs: saved.runs,
    seed: saved.seed, yaml: saved.yaml, result: saved.result, model: plainValue(saved.yaml)};
}

/** The saved runs as a table: name (its permalink), scenario, options, when saved, and a Delete button each. */
export function savedRunTable(list, onDelete) {
  const remove = (id, row) => {
    const button = el('button', {type: 'button', class: 'secondary delete-run', 'data-id': String(id),
      'aria-label': `Delete the saved run ${row.name}`}, 'Delete');
    button.addEventListener('click', () => onDelete(row));
    return button;
  };
  const table = dataTable([
    {name: 'name', label: 'saved run', format: (v, r) => el('a', {href: permalink(r.id), class: 'run-link'}, v)},
    {name: 'scenario'},
    {name: 'mode', label: 'mode, runs, seed', format: (v, r) => (v === 'deterministic' ? 'deterministic'
      : `${number(r.runs, 0)} runs, seed ${r.seed}`)},
    {name: 'created_at', label: 'saved', format: (v) => localTime(v)},
    {name: 'scenario_sha256', label: 'scenario hash', format: (v) => el('code', {title: v}, v.slice(0, 12))},
    {name: 'id', label: 'delete', format: remove},
  ], list, `Saved runs (${list.length}): open one from its link, which is also its permalink`);
  table.id = 'saved-run-table';
  return table;
}

/**
 * The inputs that differ between two runs: every path of the scenario whose value differs, then the run
 * options (mode, runs, seed); `a` and `b` are page entries.
 */
export function inputDiffTable(a, b) {
  const rows = inputDifferences(a.model, b.model).map((d) => ({path: d.path, a: shown(d.a), b: shown(d.b)}));
  for (const option of ['mode', 'runs', 'seed']) {
    if ((a[option] ?? null) !== (b[option] ?? null)) {
      rows.push({path: `(run) ${option}`, a: shown(a[option]), b: shown(b[option])});
    }
  }
  const caption = rows.length ? `Inputs that differ (${rows.length}): A = ${runLabel(a)}; B = ${runLabel(b)}`
    : `The two runs have the same inputs: A = ${runLabel(a)}; B = ${runLabel(b)}`;
  const table = dataTable([{name: 'path', label: 'input'}, {name: 'a', label: `A: ${a.name}`},
    {name: 'b', label: `B: ${b.name}`}], rows, caption);
  table.id = 'input-diff';
  return table;
}

function shown(v) {
  return v === undefined ? '(absent)' : v === null ? '(none)' : v;
}
