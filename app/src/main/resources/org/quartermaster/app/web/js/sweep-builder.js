// The Analysis page's sweep builder: pick a scenario (an example or a saved one), tick the numbers to
// vary (the scenario form's names, units and SOURCED/ASSUMPTION labels), give each a range or a list of
// levels, and the design, runs, seed and metrics; it writes the sweep file (docs/analysis.md, "The sweep
// file") with the scenario as its base (saved: ID). The file also serves qm sensitivity, which reads the
// same parameters. Problems the server finds in the file are shown next to the parameter they name.
import {api, el, multiSelect, select} from './common.js';
import {badge, describe, scenarioNames} from './scenario-form.js';
import {numbers, parseScenario} from './scenario-yaml.js';

/** A line's numbers a sweep can vary (ParameterPaths in the engine), as written after lines[ID]. */
const LINE_FIELDS = new Set(['base_per_month', 'surge_per_month', 'ramp_start_month', 'ramp_months', 'ramp_delay_months.min',
  'ramp_delay_months.mode', 'ramp_delay_months.max', 'disruption.probability', 'disruption.cut']);
/** Numbers that are shares (0–1): a proposed high end stops at 1. */
const SHARES = new Set(['disruption.probability', 'disruption.cut']);
const DESIGNS = [['grid', 'Grid (every combination)'], ['latin-hypercube', 'Latin hypercube'], ['sobol', 'Sobol sequence']];
/** The sweep metrics the builder offers, in the order written (the first is sensitivity's default). */
const METRICS = [
  ['expected_unmet_demand', 'expected_unmet_demand: mean unserved demand over the horizon (units)'],
  ['shortfall_probability', 'shortfall_probability: share of runs with a shortfall'],
  ['months_to_target_p50', 'months_to_target_p50: median months to target'],
  ['months_to_target_p90', 'months_to_target_p90: 90th percentile months to target'],
];

/**
 * The sweep path of a number of the scenario ("lines[us-155-total].surge_per_month",
 * "stocks[USA/shell-155].demand[0].per_month", "transfers[1].quantity"), or null when a sweep cannot
 * vary it (shares, months of transfers and demand segments, run settings).
 */
export function sweepPath(model, path) {
  const [section, index, ...rest] = path;
  const entry = model && Array.isArray(model[section]) ? model[section][index] : null;
  if (!entry || typeof entry !== 'object' || typeof index !== 'number') {
    return null;
  }
  const field = rest.join('.');
  if (section === 'lines' && entry.id !== undefined && LINE_FIELDS.has(field)) {
    return `lines[${entry.id}].${field}`;
  }
  if (section === 'stocks' && entry.holder !== undefined && entry.item !== undefined) {
    const stock = `stocks[${entry.holder}/${entry.item}]`;
    if (field === 'initial' || field === 'target') {
      return `${stock}.${field}`;
    }
    if (rest.length === 3 && rest[0] === 'demand' && typeof rest[1] === 'number' && rest[2] === 'per_month') {
      return `${stock}.demand[${rest[1]}].per_month`;
    }
  }
  return section === 'transfers' && field === 'quantity' ? `transfers[${index}].quantity` : null;
}

/** A YAML scalar: plain when it is safe to leave plain, else double-quoted (JSON's quoting is YAML's). */
function scalar(text) {
  return /^[A-Za-z0-9_][A-Za-z0-9_.\[\]\/*-]*$/.test(text) ? text : JSON.stringify(text);
}

/** A number as typed, or the text quoted (the server then says which field is not a number). */
function numberText(text) {
  const t = String(text).trim();
  return t !== '' && Number.isFinite(Number(t)) ? String(Number(t)) : JSON.stringify(t);
}

/** The levels of a list ("70000, 85000 100000"): its items, blanks dropped. */
function levelsOf(text) {
  return String(text).split(/[\s,;]+/).filter(Boolean);
}

/**
 * The sweep file's text for a scenario and the chosen parameters: `{scenario: {id, name}, design, points,
 * runs, seed, metrics, parameters: [{path, low, high, steps, levels}]}`; a parameter with levels lists
 * them, else it takes its range (with steps on a grid).
 */
export function sweepYaml(spec) {
  const grid = spec.design === 'grid';
  const lines = [
    `# A sweep of ${spec.scenario.name.replace(/\s+/g, ' ')}, written by the Analysis page (docs/analysis.md).`,
    '# The ranges and levels are ASSUMPTIONS for the analysis unless a source is given here.',
    `saved: ${scalar(spec.scenario.id)}`,
    `design: ${grid ? 'grid' : `{type: ${spec.design}, points: ${numberText(spec.points)}}`}`,
    `runs: ${numberText(spec.runs)}`,
    `seed: ${numberText(spec.seed)}`,
  ];
  if (!spec.parameters.length) {
    lines.push('parameters: []');
  } else {
    lines.push('parameters:');
    for (const p of spec.parameters) {
      lines.push(`  - path: ${scalar(p.path)}`);
      const levels = levelsOf(p.levels);
      if (levels.length) {
        lines.push(`    values: [${levels.map(numberText).join(', ')}]`);
      } else {
        const steps = grid ? `, steps: ${numberText(p.steps)}` : '';
        lines.push(`    range: {low: ${numberText(p.low)}, high: ${numberText(p.high)}${steps}}`);
      }
    }
  }
  if (spec.metrics.length) { // none chosen: the sweep's default metrics
    lines.push('metrics:', ...spec.metrics.map((m) => `  - ${m}`));
  }
  return `${lines.join('\n')}\n`;
}

/** What is wrong with a ticked parameter's levels or range, naming it; '' when nothing is. */
function rangeProblem(path, ticked, listed, low, high) {
  if (!ticked) {
    return '';
  }
  if (listed.length) {
    return listed.every((v) => Number.isFinite(Number(v))) ? '' : `${path}: the levels must be numbers`;
  }
  if (low.trim() === '' || high.trim() === '') {
    return `${path}: give a low and a high end`;
  }
  return Number(low) > Number(high) ? `${path}: the high end (${high}) must be at least the low end (${low})` : '';
}

/** A proposed range around the scenario's value: ±20%, three significant digits, shares kept within 0–1. */
function proposedRange(value, field) {
  const nice = (x) => Number(x.toPrecision(3));
  const low = nice(value * 0.8);
  const high = nice(value * 1.2);
  return {low: Math.min(low, high), high: SHARES.has(field) ? Math.min(1, Math.max(low, high)) : Math.max(low, high)};
}

/** "sweep-lines-us-155-total-surge_per_month": an element id from a sweep path. */
function idOf(path) {
  return `sweep-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;
}

/**
 * The builder's panel. `onWrite(text)` is called with the sweep file whenever the choices change;
 * `onPick()` when a scenario is picked. Returns {panel, showProblems(problems), clearProblems()}.
 */
export function sweepBuilder(scenarios, {onWrite, onPick}) {
  const picker = el('select', {id: 'sweep-scenario', name: 'sweep-scenario'});
  picker.append(el('option', {value: ''}, '(choose a scenario)'));
  for (const [kind, label] of [['example', 'Examples'], ['saved', 'Saved']]) {
    const group = el('optgroup', {label});
    scenarios.filter((s) => (s.kind || 'example') === kind)
      .forEach((s) => group.append(el('option', {value: s.id}, `${s.name} (${s.id})`)));
    if (group.children.length) {
      picker.append(group);
    }
  }
  const settings = {design: 'grid', points: '16', runs: '200', seed: '42', metrics: METRICS.slice(0, 2).map((m) => m[0])};
  const rows = [];
  let scenario = null;
  const list = el('div', {id: 'sweep-parameters'});
  const problems = el('div', {id: 'sweep-problems', class: 'status', role: 'alert', hidden: true});
  const numeric = (id, label, key, attrs = {}) => {
    const input = el('input', {id, name: id, type: 'number', value: settings[key], ...attrs});
    input.addEventListener('input', () => {
      settings[key] = input.value;
      write();
    });
    return el('div', {class: 'field'}, [el('label', {for: id}, label), input]);
  };
  const points = numeric('sweep-points', 'Points (sampled designs)', 'points', {min: '2', disabled: true});
  const controls = el('div', {class: 'controls'}, [
    el('div', {class: 'field'}, [el('label', {for: 'sweep-scenario'}, 'Scenario'), picker]),
    select('sweep-design', 'Design', DESIGNS, settings.design, (v) => {
      settings.design = v;
      points.querySelector('input').disabled = v === 'grid';
      rows.forEach((r) => r.gridOnly.forEach((n) => { n.hidden = v !== 'grid'; }));
      write();
    }),
    points,
    numeric('sweep-runs', 'Runs per variant', 'runs', {min: '1', max: '10000'}),
    numeric('sweep-seed', 'Seed', 'seed', {min: '0'}),
    multiSelect('sweep-metrics', 'Metrics (the first is explained by a sensitivity analysis)', METRICS, settings.metrics,
      (values) => {
        settings.metrics = METRICS.map((m) => m[0]).filter((m) => values.includes(m));
        write();
      }, 4),
  ]);

  function spec() {
    return {scenario, design: settings.design, points: settings.points, runs: settings.runs, seed: settings.seed,
      metrics: settings.metrics, parameters: rows.filter((r) => r.tick.checked).map((r) => r.value())};
  }

  function write() {
    if (scenario) {
      rows.forEach((r) => r.check());
      onWrite(sweepYaml(spec()));
    }
  }

  function row(model, names, field, path) {
    const id = idOf(path);
    const about = describe(model, names, field.path);
    const proposed = proposedRange(field.value, field.path.slice(2).join('.'));
    const input = (suffix, label, value, attrs = {}) => {
      const box = el('input', {id: `${id}-${suffix}`, name: `${id}-${suffix}`, value, ...attrs});
      box.addEventListener('input', write);
      return {box, field: el('div', {class: 'field'}, [el('label', {for: `${id}-${suffix}`}, label), box])};
    };
    const low = input('low', `Low (${about.unit || 'value'})`, String(proposed.low), {type: 'number', step: 'any'});
    const high = input('high', `High (${about.unit || 'value'})`, String(proposed.high), {type: 'number', step: 'any'});
    const steps = input('steps', 'Steps (grid)', '3', {type: 'number', min: '1', step: '1'});
    const levels = input('levels', 'or levels (list)', '', {type: 'text', placeholder: 'e.g. 1, 2, 3', inputmode: 'decimal'});
    const message = el('p', {class: 'form-help sweep-problem', id: `${id}-problem`, role: 'alert'});
    const range = el('div', {class: 'controls sweep-range', hidden: true}, [low.field, high.field, steps.field, levels.field]);
    const tick = el('input', {type: 'checkbox', id, name: id, 'aria-describedby': `${id}-problem`});
    tick.addEventListener('change', () => {
      range.hidden = !tick.checked;
      write();
    });
    const node = el('div', {class: 'form-field sweep-parameter', 'data-path': path}, [
      el('label', {for: id, class: 'form-name'}, [tick, about.name, el('span', {class: 'form-path'}, path)]),
      el('span', {class: 'form-unit'}, `now ${field.value} ${about.unit}`.trim()),
      badge(field.label),
      range,
      message,
    ]);
    const r = {
      node, tick, path, gridOnly: [steps.field],
      value: () => ({path, low: low.box.value, high: high.box.value, steps: steps.box.value, levels: levels.box.value}),
      /** The form's own checks: numbers, low at most high; the message names the parameter. */
      check: () => {
        const listed = levelsOf(levels.box.value);
        const problem = rangeProblem(path, tick.checked, listed, low.box.value, high.box.value);
        const rangeWrong = problem !== '' && !listed.length;
        [low.box, high.box].forEach((b) => (rangeWrong ? b.setAttribute('aria-invalid', 'true') : b.removeAttribute('aria-invalid')));
        message.textContent = problem;
      },
      serverProblem: (text) => {
        message.textContent = message.textContent ? `${message.textContent}; ${text}` : text;
      },
    };
    steps.field.hidden = settings.design !== 'grid';
    return r;
  }

  async function pick(id) {
    if (!id) {
      return;
    }
    const [found, munitions] = await Promise.all([api(`/api/v1/scenarios/${encodeURIComponent(id)}`),
      api('/api/v1/munitions').catch(() => ({rows: []}))]);
    const parsed = parseScenario(found.yaml);
    if (!parsed.value) {
      throw new Error(`${id}: ${parsed.error}`);
    }
    const names = scenarioNames(parsed.value, munitions.rows || []);
    scenario = {id: found.id, name: found.name || found.id};
    if (Number.isInteger(parsed.value.seed)) {
      settings.seed = String(parsed.value.seed);
      controls.querySelector('#sweep-seed').value = settings.seed;
    }
    rows.length = 0;
    for (const field of numbers(parsed.doc)) {
      const path = sweepPath(parsed.value, field.path);
      if (path) {
        rows.push(row(parsed.value, names, field, path));
      }
    }
    list.replaceChildren(el('p', {class: 'assumption'}, `${rows.length} numbers of ${scenario.name} a sweep can vary; tick`
      + ' the ones to vary and give each a range, or a list of levels. Shares, months and run settings are not'
      + ' parameters (docs/analysis.md).'), ...rows.map((r) => r.node));
    clearProblems();
    onPick();
    write();
  }

  function clearProblems() {
    problems.hidden = true;
    problems.replaceChildren();
    rows.forEach((r) => r.check());
  }

  /** The server's problems with the written file: each one listed, and next to the parameter it names. */
  function showProblems(list) {
    clearProblems();
    const ticked = rows.filter((r) => r.tick.checked);
    const items = list.map((p) => {
      const at = /^parameters\[(\d+)\]/.exec(p.path || '');
      const text = `${p.path}${p.value === null || p.value === undefined ? '' : ` '${p.value}'`}: ${p.message}`;
      if (at && ticked[Number(at[1])]) {
        ticked[Number(at[1])].serverProblem(`${text} (${ticked[Number(at[1])].path})`);
      }
      return el('li', {}, text);
    });
    problems.className = 'status error';
    problems.replaceChildren(el('p', {}, 'The server found problems in the sweep file:'), el('ul', {class: 'problems'}, items));
    problems.hidden = false;
  }

  picker.addEventListener('change', () => pick(picker.value).catch((e) => {
    problems.className = 'status error';
    problems.replaceChildren(el('p', {}, `The scenario could not be read: ${e.message}`));
    problems.hidden = false;
  }));
  const panel = el('section', {class: 'panel', id: 'sweep-builder', 'aria-labelledby': 'sweep-builder-title'}, [
    el('h2', {id: 'sweep-builder-title'}, 'Build a sweep from a scenario'),
    el('p', {class: 'assumption'}, 'Pick a scenario, tick the numbers to vary and give each a range (or a list of levels):'
      + ' the sweep file below is written as you go (a change here replaces edits made in the text), and runs as a'
      + ' sweep or a sensitivity analysis. The ranges are ASSUMPTIONS of the analysis.'),
    controls, problems, list,
  ]);
  return {panel, showProblems, clearProblems};
}
