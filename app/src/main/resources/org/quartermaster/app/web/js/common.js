// Shared helpers for every dashboard page: the API client, page chrome (navigation, status line),
// tables, CSV and file downloads, and the "page drawn" signal that the browser tests wait for.

/** The pages, in navigation order: file, label. */
const PAGES = [
  ['/', 'Overview'],
  ['/spending.html', 'Spending'],
  ['/aid.html', 'Aid'],
  ['/production.html', 'Production & contracts'],
  ['/munitions.html', 'Munitions'],
  ['/country.html', 'Countries'],
  ['/map.html', 'Map'],
  ['/scenarios.html', 'Scenarios'],
  ['/analysis.html', 'Analysis'],
  ['/data.html', 'Data'],
];

/** An API error in the server's one shape: status, message, problems[{path, value, message}]. */
export class ApiError extends Error {
  constructor(status, message, problems) {
    super(message);
    this.status = status;
    this.problems = problems || [];
  }
}

/** Where the access token for changes is kept, for this browser tab only. */
const TOKEN_KEY = 'qm-token';

/**
 * GET/POST… a JSON endpoint; throws ApiError with the server's message and problems. A server on a
 * non-loopback address answers changes without a token with 401: then the user is asked for the
 * token once (kept for this tab only) and the request is sent again with it.
 */
export async function api(path, init = {}, retried = false) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = {...(init.headers || {}), ...(token ? {Authorization: `Bearer ${token}`} : {})};
  const response = await fetch(path, {...init, headers});
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new ApiError(response.status, `${path}: the server answered ${response.status} with a non-JSON body`);
    }
  }
  if (response.status === 401 && !retried) {
    const given = prompt('This server needs its access token for changes (qm serve --token). Token:');
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given.trim());
      return api(path, init, true);
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.message) || `${path}: HTTP ${response.status}`,
      body && body.problems);
  }
  return body;
}

/** POST a JSON body. */
export function postJson(path, value) {
  return api(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(value)});
}

/**
 * A page's state from its address: `defaults` gives each key and its default (a list for keys that
 * take several values, written comma-separated: `?c=POL,DEU`). With saveState, a link reproduces the view.
 */
export function readState(defaults) {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const given = params.get(key);
    if (Array.isArray(fallback)) {
      state[key] = given === null ? [...fallback] : given.split(',').map((v) => v.trim()).filter(Boolean);
    } else {
      state[key] = given === null ? fallback : given;
    }
  }
  return state;
}

/**
 * Writes a page's state into its address without reloading (lists comma-separated, empty values left
 * out); parameters the state does not name (a card's own choices) are kept.
 */
export function saveState(state) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(state)) {
    const value = Array.isArray(v) ? v.join(',') : v;
    if (value === undefined || value === null || value === '') {
      params.delete(k);
    } else {
      params.set(k, value);
    }
  }
  const s = params.toString();
  history.replaceState(null, '', s ? `?${s}` : location.pathname);
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, v);
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** document.createElement with attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === 'text') {
      node.textContent = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else {
      node.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Fills the page's navigation and marks the current page. */
function navigation() {
  const nav = document.getElementById('site-nav');
  if (!nav) {
    return;
  }
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  const list = el('ul');
  for (const [href, label] of PAGES) {
    list.append(el('li', {}, el('a', {href, 'aria-current': href === here ? 'page' : null}, label)));
  }
  list.append(el('li', {class: 'api-link'}, el('a', {href: '/api/docs'}, 'API')));
  nav.append(list);
}

/** Shows a message in the page's status line (role=status, or role=alert for errors). */
export function status(message, kind = 'info') {
  const box = document.getElementById('status');
  if (!box) {
    return;
  }
  box.replaceChildren();
  box.className = `status ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  if (message) {
    box.append(message instanceof Node ? message : document.createTextNode(message));
  }
}

/** An error with its problem list, as a node for status(). */
export function problemList(error) {
  const box = el('div', {}, el('p', {}, error.message));
  if (error.problems && error.problems.length) {
    const list = el('ul', {class: 'problems'});
    for (const p of error.problems) {
      const value = p.value === null || p.value === undefined ? '' : ` '${p.value}'`;
      list.append(el('li', {}, [el('code', {}, p.path || ''), `${value} — ${p.message}`]));
    }
    box.append(list);
  }
  return box;
}

/**
 * Runs a page: fills the navigation, awaits the page's work, then marks the page drawn once every
 * chart on it has finished rendering (body[data-rendered] = "yes", or "error" with the message shown).
 */
export async function runPage(work) {
  navigation();
  printing();
  try {
    await work();
    await chartsDrawn();
    document.body.dataset.rendered = 'yes';
  } catch (e) {
    console.warn(e);
    status(e instanceof ApiError ? problemList(e) : `Could not load this page: ${e.message}`, 'error');
    document.body.dataset.rendered = 'error';
  }
}

/** Printed pages show the tables folded under the charts (and fold them again afterwards). */
function printing() {
  let opened = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details.chart-table:not([open])')];
    opened.forEach((d) => {
      d.open = true;
    });
  });
  addEventListener('afterprint', () => opened.forEach((d) => {
    d.open = false;
  }));
}

/** Resolves when every chart card on the page has drawn at least once. */
export function chartsDrawn() {
  return new Promise((resolve) => {
    const check = () => {
      const cards = [...document.querySelectorAll('figure.chart-card')];
      if (cards.every((c) => c.dataset.drawn === 'yes')) {
        resolve();
      } else {
        setTimeout(check, 50);
      }
    };
    check();
  });
}

/** An accessible table: caption, column headers with their units, one row per record. */
export function dataTable(columns, rows, caption) {
  const head = el('tr', {}, columns.map((c) => el('th', {scope: 'col'}, c.unit ? `${c.label || c.name} (${c.unit})` : (c.label || c.name))));
  const body = rows.map((r) => el('tr', {}, columns.map((c) => el('td', {class: typeof r[c.name] === 'number' ? 'num' : null},
    c.format ? c.format(r[c.name], r) : formatValue(r[c.name])))));
  return el('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
    el('table', {}, [el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body)]));
}

/** Numbers with thousands separators (up to 2 decimals), links for URLs, empty for null. */
export function formatValue(v) {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'number') {
    return number(v);
  }
  if (typeof v === 'string' && /^https?:\/\//.test(v)) {
    return el('a', {href: v, rel: 'noreferrer noopener', target: '_blank'}, host(v));
  }
  return String(v);
}

export function number(v, digits = 2) {
  return v === null || v === undefined || Number.isNaN(v) ? '' : v.toLocaleString('en-GB', {maximumFractionDigits: digits});
}

export function percent(share, digits = 1) {
  return share === null || share === undefined ? '' : `${(share * 100).toFixed(digits)}%`;
}

/** The host of a URL, for short source lines. */
export function host(url) {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch (e) {
    return url;
  }
}

/**
 * RFC 4180 CSV from column names and row objects. Text that begins like a spreadsheet formula (=, +,
 * -, @, tab, carriage return) gets a leading apostrophe, as in the server's CSV (OWASP's CSV injection
 * rule); numbers are left alone.
 */
export function toCsv(columns, rows) {
  const cell = (v) => {
    if (v === null || v === undefined) {
      return '';
    }
    const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Saves a Blob or a data: URL as a file. */
export function download(fileName, content) {
  const url = content instanceof Blob ? URL.createObjectURL(content) : content;
  const a = el('a', {href: url, download: fileName, hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
  if (content instanceof Blob) {
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** A file name from a title. */
export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'chart';
}

/** A labelled <select>; options are [value, label] pairs or plain values. */
export function select(id, label, options, value, onchange) {
  const input = el('select', {id, name: id, onchange: () => onchange(input.value)});
  for (const o of options) {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    input.append(el('option', {value: v, selected: String(v) === String(value)}, text));
  }
  return el('div', {class: 'field'}, [el('label', {for: id}, label), input]);
}

/**
 * A labelled multiple choice (several countries on one chart): `options` [value, label] pairs,
 * `values` the chosen ones; `onchange(values)`. A <select multiple>, so keyboards and screen readers
 * use it as they know it.
 */
export function multiSelect(id, label, options, values, onchange, size = 6) {
  const input = el('select', {id, name: id, multiple: true, size: String(size),
    onchange: () => onchange([...input.selectedOptions].map((o) => o.value))});
  for (const [v, text] of options) {
    input.append(el('option', {value: v, selected: values.includes(String(v))}, text));
  }
  return el('div', {class: 'field'}, [el('label', {for: id}, label), input,
    el('span', {class: 'hint'}, 'Ctrl/Cmd-click or Shift-click to choose several')]);
}

/** Calendar month `offset` months after "YYYY-MM" (null start: "month N"). */
export function monthLabel(start, offset) {
  if (!start) {
    return `month ${offset}`;
  }
  const [y, m] = start.split('-').map(Number);
  const total = y * 12 + (m - 1) + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Citation grades, best first (the store's source_grade values). */
export const GRADES = ['official', 'research', 'wire', 'press', 'relay', 'state-media', 'forum'];

/**
 * The "sources graded at least" filter of a page: changing it reloads the page with `min_grade` in its
 * address, so the view can be shared. `fallback` is the page's default ('' for every figure).
 */
export function gradeSelect(state, fallback = '') {
  const graded = GRADES.slice(0, 5).map((g) => [g, `${g} or better`]);
  const options = fallback ? graded : [['', 'any grade (ungraded too)'], ...graded];
  return select('min_grade', 'Sources graded at least', options, state.min_grade, (v) => {
    location.search = query({...state, min_grade: v === fallback ? '' : v});
  });
}

/** The citations of query rows (their publisher, source_title, as_of, source_grade, source_url, via_url), each once. */
export function citations(rows) {
  const seen = new Map();
  for (const r of rows) {
    const c = {url: r.source_url || null, publisher: r.publisher || null, title: r.source_title || null,
      date: r.as_of || null, grade: r.source_grade || null, read_at: r.via_url || null};
    const key = JSON.stringify(c);
    if (!seen.has(key)) {
      seen.set(key, c);
    }
  }
  return [...seen.values()];
}

/** One citation as a reader sees it: publisher, title, date, grade; state media and forums marked. */
export function citationText(c) {
  if (typeof c === 'string') {
    return host(c);
  }
  const grade = !c.grade ? 'not graded' : ['state-media', 'forum'].includes(c.grade)
    ? `${c.grade.toUpperCase()} (not a support for the figure)` : c.grade;
  const parts = [c.publisher, c.title ? `"${c.title}"` : null, c.date, grade].filter(Boolean);
  return `${parts.join(', ')}${c.url ? ` (${host(c.url)})` : ' (unsourced)'}`;
}

/**
 * The source line of a chart or table: its citations (publisher, title, date, grade, host), at most
 * three spelled out, and its releases. `result.sources`: citation objects (from `citations(rows)` or an
 * API answer's `sources`).
 */
export function sourceLine(result, publisher) {
  const sources = result.sources || [];
  const releases = (result.vintages || []).map((v) => v.vintage_month || v.vintage).filter(Boolean);
  const parts = [];
  if (publisher && !sources.some((s) => s && s.publisher)) {
    parts.push(publisher);
  }
  if (sources.length) {
    const shown = sources.slice(0, 3).map(citationText);
    parts.push(sources.length > 3 ? `${shown.join('; ')}; and ${sources.length - 3} more` : shown.join('; '));
  }
  if (releases.length) {
    parts.push(`release${releases.length > 1 ? 's' : ''} ${[...new Set(releases)].join(', ')}`);
  }
  return parts.join('; ') || 'Quartermaster store';
}
