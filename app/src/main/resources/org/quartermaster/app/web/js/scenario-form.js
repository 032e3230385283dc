// The scenario form: every number of the scenario with a readable name, its unit, a one-line help (the
// meanings of docs/sm1-model.md, "Entities") and the label its YAML comments give it (SOURCED, with the
// source on hover and a link; DERIVED; ASSUMPTION; SETTING), grouped by section and entry.
import {el, monthLabel} from './common.js';
import {numbers, pathText} from './scenario-yaml.js';

/** Names, units and help per field of SM-1, by the field's key (and its parent's, for nested ones). */
const FIELDS = {
  horizon_months: {name: 'Horizon', unit: () => 'months', help: 'Months simulated, t = 0 … T−1 from the start month.'},
  runs: {name: 'Runs', unit: () => 'runs', help: 'Monte Carlo runs; the Run panel\'s "Runs" overrides it.'},
  seed: {name: 'Seed', unit: () => '', help: 'Random seed: the same scenario and seed give the same result.'},
  unit_cost_usd: {name: 'Unit cost', unit: () => 'USD per unit', help: 'Cost of one unit (not used by the simulation).'},
  base_per_month: {name: 'Base rate', unit: (u) => `${u} a month`, help: 'Output before the ramp starts (c0).'},
  surge_per_month: {name: 'Full rate', unit: (u) => `${u} a month`, help: 'Output once the ramp is complete (c1).'},
  ramp_start_month: {name: 'Ramp start', unit: () => 'month (t)', help: 'Month the ramp from base to full rate starts (m0), before any delay.'},
  ramp_months: {name: 'Ramp length', unit: () => 'months', help: 'Months from base to full rate, linear (R; 0 = a step).'},
  'ramp_delay_months.min': {name: 'Delay, shortest', unit: () => 'months', help: 'Delay added to the ramp start: triangular, least value (a).'},
  'ramp_delay_months.mode': {name: 'Delay, most likely', unit: () => 'months', help: 'Most likely delay (b); the expected delay is (a + b + c) / 3.'},
  'ramp_delay_months.max': {name: 'Delay, longest', unit: () => 'months', help: 'Longest delay (c).'},
  'disruption.probability': {name: 'Disruption chance', unit: () => 'share of months (0–1)', help: 'Chance that a month\'s output is cut (p).'},
  'disruption.cut': {name: 'Disruption cut', unit: () => 'share of output lost (0–1)', help: 'Share of the month\'s output lost when disrupted (f).'},
  shares: {name: 'Share', unit: () => 'weight', help: 'Weight of this holder in the line\'s output; weights are normalised to sum 1.'},
  initial: {name: 'Initial stock', unit: (u) => u, help: 'Stock at the start (S0).'},
  target: {name: 'Target', unit: (u) => u, help: 'Stock level to reach (G); months to target count until the closing stock reaches it.'},
  'demand.from': {name: 'From month', unit: () => 'month (t)', help: 'First month of this demand segment; it lasts until the next one starts.'},
  'demand.per_month': {name: 'Demand', unit: (u) => `${u} a month`, help: 'Expected consumption (Poisson mean) from that month on.'},
  month: {name: 'Month', unit: () => 'month (t)', help: 'Month the transfer is made.'},
  quantity: {name: 'Quantity', unit: (u) => u, help: 'Quantity to move; what the sender lacks that month is recorded as the transfer\'s shortfall.'},
};

const SECTIONS = {general: 'General', items: 'Items', holders: 'Holders', lines: 'Production lines', stocks: 'Stocks and demand',
  transfers: 'Scheduled transfers'};

/** What the scenario calls its items and holders: their names (ids when unnamed) and the items' units. */
export function scenarioNames(model, catalogue) {
  const byId = (list) => new Map((Array.isArray(list) ? list : []).filter((e) => e && e.id).map((e) => [String(e.id), e]));
  const items = byId(model && model.items);
  const holders = byId(model && model.holders);
  const munition = (id) => (catalogue ? catalogue.find((m) => m.id === id) : null);
  return {
    item: (id) => (items.get(id) && items.get(id).name) || (munition(id) && munition(id).name) || id,
    holder: (id) => (holders.get(id) && holders.get(id).name) || id,
    /** What one counts of an item: the catalogue's unit ("missiles"), else "units". */
    unit: (id) => (munition(id) && munition(id).unit) || 'units',
  };
}

/** The heading of an entry of a section: "line rtx-usa (FIM-92 Stinger)", "demand of USA / stinger". */
function entryTitle(model, names, path, start) {
  const [section, index] = path;
  const entry = model[section] && model[section][index];
  if (!entry || typeof entry !== 'object') {
    return `${section}[${index}]`;
  }
  switch (section) {
    case 'items': return `${names.item(entry.id)} (${entry.id})`;
    case 'holders': return `${names.holder(entry.id)} (${entry.id})`;
    case 'lines': return `Line ${entry.id}: ${names.item(entry.item)}`;
    case 'stocks': return `Stock of ${names.holder(entry.holder)} / ${names.item(entry.item)}`;
    case 'transfers': return `transfers[${index}]: ${names.holder(entry.from)} → ${names.holder(entry.to)}, ${names.item(entry.item)}`
      + (Number.isInteger(entry.month) ? ` in ${monthLabel(start, entry.month)}` : '');
    default: return `${section}[${index}]`;
  }
}

/** The item a path's number counts (for its unit), or null. */
function itemOf(model, path) {
  const entry = model[path[0]] && model[path[0]][path[1]];
  return entry && typeof entry === 'object' ? entry.item || (path[0] === 'items' ? entry.id : null) : null;
}

/** Name, unit and help of the number at `path`; the demand segment's name says which segment it is. */
export function describe(model, names, path) {
  const keys = path.filter((k) => typeof k === 'string');
  const key = keys[keys.length - 1];
  const parent = keys.length > 1 ? keys[keys.length - 2] : null;
  const meta = FIELDS[`${parent}.${key}`] || (parent === 'shares' ? FIELDS.shares : FIELDS[key])
    || {name: key, unit: () => '', help: ''};
  const item = itemOf(model, path);
  const unit = meta.unit(item ? names.unit(item) : 'units');
  let name = parent === 'shares' ? `Share of ${names.holder(key)}` : meta.name;
  if (parent === 'demand') {
    const segment = path[path.indexOf('demand') + 1];
    name = `${meta.name}, segment ${segment + 1}`;
  }
  return {name, unit, help: meta.help};
}

/**
 * The form for `doc` (a parsed YAML document) into `container`: one number input per number, each with
 * its name, unit, help and label. `onEdit(path, value)` is called with a finite number; a value that is
 * not one marks the input invalid and calls `onInvalid(path, text)`.
 */
export function renderForm(container, {doc, model, names, onEdit, onInvalid}) {
  const groups = new Map();
  for (const field of numbers(doc)) {
    const section = typeof field.path[0] === 'string' && field.path.length > 1 ? field.path[0] : 'general';
    const entry = section === 'general' ? '' : entryTitle(model, names, field.path, model.start);
    if (!groups.has(section)) {
      groups.set(section, new Map());
    }
    const entries = groups.get(section);
    if (!entries.has(entry)) {
      entries.set(entry, []);
    }
    entries.get(entry).push(field);
  }
  const fieldsets = [];
  for (const [section, entries] of groups) {
    const children = [el('legend', {}, SECTIONS[section] || section)];
    for (const [entry, fields] of entries) {
      if (entry) {
        children.push(el('h3', {class: 'form-entry'}, entry));
      }
      children.push(...fields.map((f) => row(model, names, f, onEdit, onInvalid)));
    }
    fieldsets.push(el('fieldset', {}, children));
  }
  container.replaceChildren(...fieldsets);
}

function row(model, names, field, onEdit, onInvalid) {
  const id = `f-${field.path.join('-')}`;
  const about = describe(model, names, field.path);
  const helpId = `${id}-help`;
  const input = el('input', {id, type: 'number', step: 'any', value: String(field.value), 'aria-describedby': helpId,
    'data-path': pathText(field.path)});
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(v)) {
      input.setAttribute('aria-invalid', 'true');
      onInvalid(field.path, input.value);
      return;
    }
    input.removeAttribute('aria-invalid');
    onEdit(field.path, v);
  });
  return el('div', {class: 'form-field'}, [
    el('label', {for: id, class: 'form-name'}, [about.name, el('span', {class: 'form-path'}, pathText(field.path))]),
    el('div', {class: 'form-value'}, [input, el('span', {class: 'form-unit'}, about.unit)]),
    badge(field.label),
    el('p', {class: 'form-help', id: helpId}, about.help),
  ]);
}

/** The label of a number: SOURCED (its comment on hover, its links), DERIVED, ASSUMPTION, SETTING, or "no label". */
export function badge(label) {
  const kind = label.kind || 'NO LABEL';
  const hover = label.from ? `${label.text} (comment at ${label.from})` : label.text;
  const urls = label.urls.slice(0, 2);
  const links = [...urls.map((url, i) => el('a', {href: url, target: '_blank', rel: 'noreferrer noopener',
    class: 'source-link', title: url}, urls.length > 1 ? `source ${i + 1}` : 'source')),
  ...label.rows.slice(0, 2).map((ref) => el('a', {href: `/api/v1/datasets/${/^d(\d+)/.exec(ref)[1]}`, class: 'row-ref',
    target: '_blank', rel: 'noreferrer noopener', title: `stored row ${ref}`}, ref))];
  return el('div', {class: 'form-label'}, [
    el('span', {class: `badge badge-${kind.toLowerCase().replace(/ /g, '-')}`, title: hover, tabindex: '0',
      'aria-label': `${kind}: ${hover}`}, kind),
    ...links,
  ]);
}
