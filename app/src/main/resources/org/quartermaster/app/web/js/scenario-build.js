// "Build a scenario": POST /api/v1/scenarios/build for one munition, then open the Scenarios page with
// the built YAML in its editor, its assumptions and sourced numbers listed (the answer and its request
// handed over in sessionStorage), where any of those numbers can be set and the scenario rebuilt.
import {ApiError, dataTable, el, formatValue, postJson, problemList, status} from './common.js';

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
      sessionStorage.setItem(BUILT_KEY, JSON.stringify({...await postJson('/api/v1/scenarios/build', request), request}));
      location.assign('/scenarios.html#built');
    } catch (e) {
      status(e instanceof ApiError ? problemList(e) : e.message, 'error');
      submit.disabled = false;
    }
  });
  return el('section', {'aria-labelledby': 'build-title'}, form);
}

/**
 * What the Scenarios page shows of a built scenario: a heading, a count, a warning per production line
 * that produces nothing, its ASSUMPTIONS and its sourced numbers (each with a field for your value), the
 * build's notes, and "Rebuild with your values", which posts the same request with those values as
 * `assume` and hands the new answer to `onRebuilt`.
 */
export function builtSummary(built, onRebuilt) {
  const name = built.item ? built.item.name : 'the munition';
  const unit = built.item && built.item.unit ? built.item.unit : '';
  const request = built.request || {assume: {}};
  const assumptions = built.assumptions || [];
  const sourced = built.sourced || [];
  const yours = (v, r) => el('input', {type: 'text', inputmode: 'decimal', class: 'your-value', 'data-path': r.path,
    'aria-label': `Your value of ${r.path}`, value: request.assume && request.assume[r.path] !== undefined ? request.assume[r.path] : ''});
  const tables = [
    dataTable([{name: 'path'}, {name: 'value'}, {name: 'rationale', label: 'ASSUMPTION: rationale'},
      {name: 'set_by_user', label: 'set by', format: (v) => (v ? 'you' : 'default')}, {name: 'yours', label: 'your value', format: yours}],
    assumptions, 'Assumptions of the built scenario'),
    sourced.length ? dataTable([{name: 'path'}, {name: 'value'}, {name: 'how'}, {name: 'source', format: sourceCell},
      {name: 'yours', label: 'your value (then an ASSUMPTION)', format: yours}], sourced,
    'Numbers of the built scenario taken from the store, with their sources') : null,
  ].filter(Boolean);
  tables.forEach((t, i) => {
    t.querySelector('table').classList.add('built-assumptions');
    t.querySelector('table').id = ['built-assumed', 'built-sourced'][i];
  });
  const rebuild = el('button', {type: 'button', id: 'built-rebuild'}, 'Rebuild with your values');
  rebuild.addEventListener('click', async () => {
    const assume = {};
    rebuild.closest('section').querySelectorAll('input.your-value').forEach((input) => {
      if (input.value.trim()) {
        assume[input.dataset.path] = input.value.trim();
      }
    });
    const again = {...request, assume};
    rebuild.disabled = true;
    status(`Rebuilding the scenario for ${name} with ${Object.keys(assume).length} values of yours…`, 'info');
    try {
      onRebuilt({...await postJson('/api/v1/scenarios/build', again), request: again});
    } catch (e) {
      status(e instanceof ApiError ? problemList(e) : e.message, 'error');
      rebuild.disabled = false;
    }
  });
  return [
    el('h2', {id: 'built-title'}, `Built from the store: ${name}${unit ? ` (${unit})` : ''}`),
    el('p', {}, `${assumptions.length} ASSUMPTIONS (no public figure: change them in the form or the YAML, or give your values `
      + `below and rebuild) and ${sourced.length} sourced numbers. Not saved yet: "Save" or "Save as new…" keeps it.`),
    ...idleLines(built, unit).map((text) => el('p', {class: 'warning idle-line'}, text)),
    ...tables,
    el('div', {class: 'actions controls'}, [rebuild]),
    (built.notes || []).length ? el('ul', {class: 'notes built-notes'}, built.notes.map((n) => el('li', {}, n))) : null,
  ];
}

/**
 * A warning per production line of the build that produces nothing (base and surge both 0): the store
 * has no rate for it after its latest figure, which the user can set as an assumption.
 */
function idleLines(built, unit) {
  const numbers = [...(built.sourced || []).map((n) => ({...n, sourced: true})), ...(built.assumptions || [])];
  const lines = new Map();
  for (const n of numbers) {
    const m = /^lines\[([^\]]+)\]\.(base_per_month|surge_per_month)$/.exec(n.path);
    if (m) {
      lines.set(m[1], {...lines.get(m[1]), [m[2]]: n});
    }
  }
  return [...lines].filter(([, l]) => l.base_per_month && l.surge_per_month && Number(l.base_per_month.value) === 0
    && Number(l.surge_per_month.value) === 0).map(([id, l]) => {
    const base = l.base_per_month;
    const latest = base.sourced && base.source ? `its latest sourced rate is 0 ${unit} a month (${base.source.publisher || 'source not named'}, `
      + `${base.source.date || 'undated'}; ${(base.source.rows || []).join(' ')}) and there is no sourced rate after ${base.source.date || 'it'}`
      : 'the store has no sourced rate for it';
    return `Line ${id} produces nothing: ${latest}, nor a target above it. That is what the store says, not a forecast: `
      + `to explore production, set one as an assumption (your value of lines[${id}].surge_per_month, in ${unit} a month, and `
      + `ramp_start_month and ramp_months for a restart that takes time) and rebuild.`;
  });
}

/** A sourced number's source: publisher, title and date linked to its URL, then the rows cited, each opening its dataset's record. */
function sourceCell(source) {
  if (!source || typeof source !== 'object') {
    return formatValue(source);
  }
  const text = [source.publisher, source.title ? `"${source.title}"` : null, source.date].filter(Boolean).join(', ');
  const rows = (source.rows || []).flatMap((ref) => {
    const m = /^d(\d+):r(\d+)$/.exec(ref);
    return [' ', m ? el('a', {href: `/api/v1/datasets/${m[1]}`, class: 'row-ref', target: '_blank', rel: 'noreferrer noopener',
      title: `dataset ${m[1]}, row ${m[2]} (qm datasets show ${m[1]})`}, ref) : ref];
  });
  return el('span', {}, [source.url ? el('a', {href: source.url, target: '_blank', rel: 'noreferrer noopener'}, text) : text, ...rows]);
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
