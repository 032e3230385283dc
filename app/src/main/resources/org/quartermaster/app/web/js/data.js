// Data page: the datasets in the store with their sources, vintages and row counts, a chart of rows
// per table, importing a file through the API (same rules as qm import) and removing a dataset
// (same rules as qm datasets rm: confirmed first; a bundled one says so and is removed with force=true).
import {api, ApiError, dataTable, el, formatValue, GRADES, number, problemList, query, runPage, status} from './common.js';
import {chartCard, heightFor} from './charts.js';

const content = document.getElementById('content');
const tableBox = el('div', {id: 'datasets'});
let card;

runPage(async () => {
  content.append(importForm(await formats()));
  card = chartCard(content, {id: 'datasets-rows', title: 'Rows in the store by table and dataset', units: 'rows', height: 320,
    description: 'Bundled datasets ship with Quartermaster; imported ones were added by users.'});
  content.append(tableBox);
  await refresh();
});

async function refresh() {
  const result = await api('/api/v1/datasets');
  const tables = [...new Set(result.rows.map((r) => r.table))].sort();
  card.setHeight(heightFor(tables.length, 30, 260));
  card.show({
    legend: {top: 0, data: ['bundled', 'imported']},
    grid: {top: 40, left: 16},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    yAxis: {type: 'category', data: tables, inverse: true, axisLabel: {interval: 0}},
    xAxis: {type: 'value', name: 'rows', nameLocation: 'middle', nameGap: 24},
    series: ['bundled', 'imported'].map((kind, i) => ({type: 'bar', stack: 'rows', name: kind, itemStyle: {color: i ? '#E69F00' : '#0072B2'},
      data: tables.map((t) => result.rows.filter((r) => r.table === t && r.bundled === (kind === 'bundled'))
        .reduce((s, r) => s + r.rows, 0))})),
  }, {columns: ['dataset_id', 'file', 'format', 'table', 'rows', 'imported_at', 'source_url', 'vintage', 'bundled', 'sha256'], rows: result.rows},
  'the store\'s datasets table (file, SHA-256, format, import time of every file)');
  tableBox.replaceChildren(dataTable([{name: 'dataset_id', label: 'id'}, {name: 'file'}, {name: 'format'}, {name: 'table'},
    {name: 'rows'}, {name: 'vintage'}, {name: 'source_url', label: 'source', format: (v, r) => (v ? formatValue(v) : r.sourcing || '')},
    {name: 'imported_at', label: 'imported at'},
    {name: 'bundled', format: (v) => (v ? 'yes' : 'no')}, {name: 'sha256', label: 'SHA-256', format: (v) => el('code', {title: v}, String(v).slice(0, 12))},
    {name: 'remove', label: 'remove', format: (v, r) => removeControl(r)}],
  result.rows, result.title));
}

/** [value, label] of every format the import takes, from the server's one list (GET /api/v1/import-formats). */
async function formats() {
  const result = await api('/api/v1/import-formats');
  return [['', 'Detect from the file'], ...result.formats.map((f) => [f.name, f.label])];
}

/** A Remove button that asks for confirmation in its own cell before DELETE /api/v1/datasets/{id}. */
function removeControl(row) {
  const cell = el('span', {class: 'remove'});
  const ask = el('button', {type: 'button', class: 'secondary', id: `remove-${row.dataset_id}`,
    'aria-label': `Remove dataset ${row.dataset_id} (${row.file})`}, 'Remove');
  ask.addEventListener('click', () => {
    const question = row.bundled
      ? `Dataset ${row.dataset_id} is bundled with Quartermaster. Remove it and its ${number(row.rows, 0)} rows anyway?`
      : `Remove dataset ${row.dataset_id} and its ${number(row.rows, 0)} rows?`;
    const yes = el('button', {type: 'button', id: `confirm-remove-${row.dataset_id}`}, 'Yes, remove');
    const no = el('button', {type: 'button', class: 'secondary', id: `cancel-remove-${row.dataset_id}`}, 'Cancel');
    no.addEventListener('click', () => cell.replaceChildren(ask));
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        const removed = await api(`/api/v1/datasets/${row.dataset_id}${query({force: row.bundled ? 'true' : ''})}`, {method: 'DELETE'});
        status(removed.message, 'ok');
        await refresh();
      } catch (err) {
        status(err instanceof ApiError ? problemList(err) : err.message, 'error');
        cell.replaceChildren(ask);
      }
    });
    cell.replaceChildren(el('span', {role: 'group', 'aria-label': question}, [question, ' ', yes, ' ', no]));
    yes.focus();
  });
  cell.append(ask);
  return cell;
}

function importForm(formatOptions) {
  const file = el('input', {id: 'import-file', type: 'file', accept: '.csv,.tsv,.txt,.xlsx', required: true});
  const format = el('select', {id: 'import-format'}, formatOptions.map(([v, t]) => el('option', {value: v}, t)));
  const vintage = el('input', {id: 'import-vintage', type: 'text', placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}', size: '8'});
  const source = el('input', {id: 'import-source', type: 'text', placeholder: 'https://…', size: '36'});
  const publisher = el('input', {id: 'import-publisher', type: 'text', placeholder: 'e.g. NATO', size: '24'});
  const grade = el('select', {id: 'import-grade'}, [['', 'not graded'], ...GRADES.map((g) => [g, g])]
    .map(([v, t]) => el('option', {value: v}, t)));
  const replace = el('input', {id: 'import-replace', type: 'number', min: '1', step: '1', size: '6', placeholder: 'id'});
  const duplicates = el('input', {id: 'import-allow-duplicates', type: 'checkbox'});
  const dryRun = el('input', {id: 'import-dry-run', type: 'checkbox'});
  const form = el('form', {class: 'controls', id: 'import-form', 'aria-labelledby': 'import-title'}, [
    el('h2', {id: 'import-title', class: 'form-title'}, 'Import a file'),
    el('div', {class: 'field'}, [el('label', {for: 'import-file'}, 'File (CSV, TSV, TXT or XLSX)'), file]),
    el('div', {class: 'field'}, [el('label', {for: 'import-format'}, 'Format'), format]),
    el('div', {class: 'field'}, [el('label', {for: 'import-vintage'}, 'Vintage (release month)'), vintage]),
    el('div', {class: 'field'}, [el('label', {for: 'import-source'}, 'Source URL'), source]),
    el('div', {class: 'field'}, [el('label', {for: 'import-publisher'}, 'Publisher (who produced the figures)'), publisher]),
    el('div', {class: 'field'}, [el('label', {for: 'import-grade'}, 'Source grade'), grade]),
    el('div', {class: 'field'}, [el('label', {for: 'import-replace'}, 'Replace dataset (in one step)'), replace]),
    el('div', {class: 'field check'}, [duplicates, el('label', {for: 'import-allow-duplicates'}, 'Keep figures already in the store (duplicates)')]),
    el('div', {class: 'field check'}, [dryRun, el('label', {for: 'import-dry-run'}, 'Dry run (check only, write nothing)')]),
    el('button', {type: 'submit', id: 'import-submit'}, 'Import'),
  ]);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      status('Choose a file first.', 'error');
      return;
    }
    status(`Importing ${chosen.name}…`, 'info');
    try {
      const path = `/api/v1/imports${query({filename: chosen.name, format: format.value, vintage: vintage.value.trim(),
        source_url: source.value.trim(), replace: replace.value.trim(), allow_duplicates: duplicates.checked ? 'true' : '',
        dry_run: dryRun.checked ? 'true' : '', publisher: publisher.value.trim(), grade: grade.value, words: 'form'})}`;
      const report = await api(path, {method: 'POST', headers: {'Content-Type': contentType(chosen.name)}, body: chosen});
      replace.value = ''; // a replacement is done once
      const said = report.message || `${chosen.name}: ${number(report.rows_written, 0)} rows written to ${report.table}.`;
      status(report.unsourced ? el('div', {}, [el('p', {}, said), el('p', {class: 'warning'}, `Warning: no source URL (neither in the file`
        + ` nor in the Source URL field): dataset ${report.dataset_id} is listed as unsourced.`)]) : said, 'ok');
      await refresh();
    } catch (err) {
      status(err instanceof ApiError ? problemList(err) : err.message, 'error');
    }
  });
  return form;
}

function contentType(name) {
  if (/\.xlsx$/i.test(name)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return /\.(csv|tsv|txt)$/i.test(name) ? 'text/csv' : 'application/octet-stream';
}
