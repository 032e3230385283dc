// "Build a scenario": POST /api/v1/scenarios/build for one munition, then open the Scenarios page with
// the built YAML in its editor and its assumptions listed (handed over in sessionStorage).
import {ApiError, citationText, dataTable, el, formatValue, postJson, problemList, status} from './common.js';

/** Where the Munitions page leaves a built scenario for the Scenarios page (scenarios.html#built). */
export const BUILT_KEY = 'qm-built-scenario';

/** The form, for one munition of the catalogue. */
export function buildScenarioForm(munition) {
  const holders = el('input', {id: 'build-holders', type: 'text', value: 'USA,UKR', required: true,
    'aria-describedby': 'build-help'});
  const start = el('input', {id: 'build-start', type: 'month', value: nextMonth(), required: true});
  const horizon = el('input', {id: 'build-horizon', type: 'number', min: '1', max: '600', step: '1', value: '60', required: true});
  const basis = el('select', {id: 'build-rate-basis'}, ['actual', 'capacity', 'target'].map((b) => el('option', {value: b}, b)));
  const submit = el('button', {type: 'submit', id: 'build-submit'}, 'Build and open in Scenarios');
  const form = el('form', {class: 'controls', id: 'build-form', novalidate: true}, [
    el('h2', {class: 'form-title', id: 'build-title'}, `Build a scenario for ${munition.name}`),
    field('build-holders', 'Holders (first: the producer and supplier)', holders),
    field('build-start', 'Start month', start),
    field('build-horizon', 'Horizon (months)', horizon),
    field('build-rate-basis', 'Production rate basis', basis),
    submit,
    el('p', {class: 'assumption', id: 'build-help'}, 'Lines, targets, transfers and contracts come from the store with their sources; '
      + 'stocks, demand and anything the store does not hold become labelled ASSUMPTIONS with a rationale, listed on the Scenarios page. '
      + 'No stockpile level is public. The scenario is not saved until you save it there.'),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = {item: munition.id, holders: holders.value.split(',').map((h) => h.trim()).filter(Boolean),
      start: start.value, horizon: Number(horizon.value), rate_basis: basis.value, assume: {}};
    submit.disabled = true;
    status(`Building a scenario for ${munition.name}…`, 'info');
    try {
      const built = await postJson('/api/v1/scenarios/build', request);
      sessionStorage.setItem(BUILT_KEY, JSON.stringify(built));
      location.assign('/scenarios.html#built');
    } catch (e) {
      const unavailable = e instanceof ApiError && (e.status === 404 || e.status === 405) && !(e.problems && e.problems.length);
      status(unavailable ? `This server cannot build scenarios (POST /api/v1/scenarios/build answered ${e.status}): `
        + 'update Quartermaster, or write the scenario by hand on the Scenarios page.' : e instanceof ApiError ? problemList(e) : e.message, 'error');
      submit.disabled = false;
    }
  });
  return el('section', {'aria-labelledby': 'build-title'}, form);
}

/** What the Scenarios page shows of a built scenario: a heading, a count, its ASSUMPTIONS and its sourced numbers. */
export function builtSummary(built) {
  const name = built.item ? built.item.name : 'the munition';
  const assumptions = built.assumptions || [];
  const sourced = built.sourced || [];
  const tables = [
    dataTable([{name: 'path'}, {name: 'value'}, {name: 'rationale', label: 'ASSUMPTION: rationale'},
      {name: 'set_by_user', label: 'set by', format: (v) => (v ? 'you' : 'default')}], assumptions,
    'Assumptions of the built scenario'),
    sourced.length ? dataTable([{name: 'path'}, {name: 'value'}, {name: 'source', format: sourceCell}], sourced,
      'Numbers of the built scenario taken from the store, with their sources') : null,
  ].filter(Boolean);
  tables.forEach((t) => t.querySelector('table').classList.add('built-assumptions'));
  return [
    el('h2', {id: 'built-title'}, `Built from the store: ${name}${built.item && built.item.unit ? ` (${built.item.unit})` : ''}`),
    el('p', {}, `${assumptions.length} ASSUMPTIONS (no public figure: change them in the form or the YAML, or rebuild with other values) `
      + `and ${sourced.length} sourced numbers. Not saved yet: "Save as new…" keeps it.`),
    ...tables,
  ];
}

/** A sourced number's source: its citation, a link to its URL, and its dataset row when given. */
function sourceCell(source) {
  if (!source || typeof source !== 'object') {
    return formatValue(source);
  }
  const dataset = source.dataset ?? source.dataset_id;
  const fileRow = source.row ?? source.file_row;
  const row = dataset !== undefined && fileRow !== undefined ? ` d${dataset}:r${fileRow}` : (source.rows ? ` ${source.rows}` : '');
  const text = `${citationText({publisher: source.publisher, title: source.title, date: source.date, grade: source.grade, url: null})
    .replace(/ \(unsourced\)$/, '')}${row}`;
  return source.url ? el('a', {href: source.url, target: '_blank', rel: 'noreferrer noopener'}, text) : text;
}

function field(id, label, input) {
  return el('div', {class: 'field'}, [el('label', {for: id}, label), input]);
}

/** The month after this one, "YYYY-MM". */
function nextMonth() {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}
