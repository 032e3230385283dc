// A scenario's YAML read with the yaml library (eemeli/yaml), which keeps comments: every number of the
// scenario as a form field (path, value, and the provenance label its comments give: SOURCED, DERIVED,
// ASSUMPTION or SETTING), and edits that replace only the number's own characters, so every comment,
// the key order and the layout stay as written.
import * as YAML from '/webjars/yaml/2.3.1/browser/index.js';

/** Labels a comment can give a number, as the scenario builder writes them ("# SOURCED: …"). */
export const KINDS = ['SOURCED', 'DERIVED', 'ASSUMPTION', 'SETTING'];
const KIND = /\b(SOURCED|DERIVED|ASSUMPTIONS?|SETTING)\b/;
const URL_PATTERN = /https?:\/\/[^\s)<>"']+/g;
const ROW_PATTERN = /\bd(\d+):r(\d+)\b/g;
/** Top-level numbers that are settings of the run when their comments do not say otherwise. */
const RUN_SETTINGS = new Set(['horizon_months', 'runs', 'seed']);

/**
 * The YAML parsed: `{value, doc, error}`; `value` is the plain object (null when the text is not a YAML
 * mapping), `error` the first syntax error's message with its line (null when none).
 */
export function parseScenario(text) {
  const doc = YAML.parseDocument(text, {prettyErrors: true});
  if (doc.errors.length) {
    return {value: null, doc, error: doc.errors[0].message.split('\n')[0]};
  }
  const value = doc.toJS();
  return value && typeof value === 'object' && !Array.isArray(value)
    ? {value, doc, error: null} : {value: null, doc, error: 'the text is not a YAML mapping (name: …, items: …)'};
}

/** The plain value of a YAML text, or null when it does not parse. */
export function plainValue(text) {
  return parseScenario(text).value;
}

/**
 * The text with the number at `path` (["stocks", 0, "initial"]) set to `value`. Only that number's
 * characters change; a number the text does not have yet is added by the library (comments kept).
 */
export function setNumber(text, path, value) {
  const doc = YAML.parseDocument(text);
  const node = doc.getIn(path, true);
  const written = String(value);
  if (YAML.isScalar(node) && node.range && typeof node.value === 'number') {
    return text.slice(0, node.range[0]) + written + text.slice(node.range[1]);
  }
  doc.setIn(path, value);
  return String(doc);
}

/**
 * Every number of the scenario, in the order written: `{path, value, label}` where `label` is
 * `{kind, text, urls, rows, from}` (kind one of KINDS or null; text the comment that gives it; from the path
 * of the entry whose comment it is, when not the number's own).
 */
export function numbers(doc) {
  const out = [];
  walk(doc.contents, [], [], out);
  return out;
}

function walk(node, path, context, out) {
  if (YAML.isScalar(node)) {
    if (typeof node.value === 'number') {
      const own = [node.commentBefore, node.comment].filter(Boolean).map((text) => ({text, from: null}));
      out.push({path, value: node.value, label: label([...own, ...context], path)});
    }
    return;
  }
  if (YAML.isMap(node)) {
    for (const pair of node.items) {
      const key = YAML.isScalar(pair.key) ? pair.key.value : String(pair.key);
      const here = [pair.key && pair.key.commentBefore, pair.value && YAML.isCollection(pair.value) ? pair.value.commentBefore : null,
        pair.value && YAML.isCollection(pair.value) ? pair.value.comment : null].filter(Boolean)
        .map((text) => ({text, from: path.length ? pathText([...path, key]) : null}));
      walk(pair.value, [...path, key], [...here, ...context], out);
    }
    return;
  }
  if (YAML.isSeq(node)) {
    // a comment above the first item belongs to the list (the library keeps it there); an item without a
    // label of its own takes the one of the nearest item above it that has one ("these transfers: ASSUMPTION …")
    let inherited = node.commentBefore ? [{text: node.commentBefore, from: pathText([...path, 0])}] : [];
    node.items.forEach((item, i) => {
      const own = [item.commentBefore, item.comment].filter(Boolean).map((text) => ({text, from: pathText([...path, i])}));
      const labelled = own.some((c) => hasKind(c.text));
      const mine = i === 0 ? [...own, ...inherited] : labelled ? own : [...own, ...inherited];
      if (labelled || i === 0) {
        inherited = mine.filter((c) => hasKind(c.text));
      }
      walk(item, [...path, i], [...mine, ...context], out);
    });
  }
}

function hasKind(text) {
  return KIND.test(text);
}

/**
 * The label of a number from the comments around it, nearest first: the first comment that has a label
 * decides. In a comment with several labels, the one that names the number's key ("SOURCED target: …",
 * "unit_cost_usd DERIVED …") decides; if none names it and one of them is an ASSUMPTION, ASSUMPTION (a
 * number is never shown as sourced on a guess).
 */
function label(comments, path) {
  const key = String(path[path.length - 1]);
  for (const c of comments) {
    const parts = segments(c.text);
    if (!parts.length) {
      continue;
    }
    const named = parts.find((p) => p.names(key));
    const kinds = new Set(parts.map((p) => p.kind));
    const chosen = named || (kinds.size === 1 ? parts[0] : parts.find((p) => p.kind === 'ASSUMPTION') || parts[0]);
    const text = c.text.replace(/\s*\n\s*/g, ' ').trim();
    return {kind: chosen.kind, text, urls: matches(chosen.text, URL_PATTERN).map((u) => u.replace(/[.,;:]+$/, '')),
      rows: matches(chosen.text, ROW_PATTERN), from: c.from};
  }
  if (path.length === 1 && RUN_SETTINGS.has(key)) {
    return {kind: 'SETTING', text: 'A setting of the run, not a figure.', urls: [], rows: [], from: null};
  }
  return {kind: null, text: 'The file says nothing about where this number comes from.', urls: [], rows: [], from: null};
}

/** A comment cut at each label: {kind, text, names(key)}; text runs from the label to the next one. */
function segments(text) {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const found = [...flat.matchAll(new RegExp(KIND.source, 'g'))];
  return found.map((m, i) => {
    const end = i + 1 < found.length ? found[i + 1].index : flat.length;
    const before = flat.slice(Math.max(0, m.index - 40), m.index);
    const body = flat.slice(m.index, end);
    const kind = m[1].startsWith('ASSUMPTION') ? 'ASSUMPTION' : m[1];
    const words = (s) => s.toLowerCase().split(/[^a-z0-9_]+/).filter(Boolean);
    return {kind, text: body,
      names: (key) => {
        const k = key.toLowerCase();
        return words(body).slice(1, 3).includes(k) || words(before).slice(-1).includes(k);
      }};
  });
}

function matches(text, pattern) {
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

/** "lines[0].ramp_delay_months.mode", as the validator and the CLI name a number. */
export function pathText(path) {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}

/**
 * Every input that differs between two scenarios: [{path, a, b}] with `a`/`b` the value in each (undefined
 * when absent), leaves compared as JSON, paths as pathText names them.
 */
export function inputDifferences(a, b) {
  const flat = (value, path, into) => {
    if (value && typeof value === 'object') {
      const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      if (!keys.length) {
        into.set(pathText(path), JSON.stringify(value));
      }
      keys.forEach((k) => flat(value[k], [...path, k], into));
    } else {
      into.set(pathText(path), value);
    }
    return into;
  };
  const left = flat(a || {}, [], new Map());
  const right = flat(b || {}, [], new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.filter((p) => left.get(p) !== right.get(p)).map((p) => ({path: p, a: left.get(p), b: right.get(p)}));
}
