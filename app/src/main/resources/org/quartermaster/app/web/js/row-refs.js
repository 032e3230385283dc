// Links from a figure to the stored rows it came from: "d3:r77" (dataset 3, file row 77) opens the
// row's source and names it (publisher, title, date, grade, the row's item and value) in its tooltip.
import {api, citationText, citations, el} from './common.js';

/**
 * The stored production and contracts rows (from the table exports: the only answers that carry
 * dataset and row) and an index of those and the given transfers by "d<dataset>:r<row>".
 */
export async function storedRows(transfers) {
  const [production, contracts] = await Promise.all([
    api('/api/v1/exports/production?format=json'), api('/api/v1/exports/contracts?format=json')]);
  const index = new Map();
  const add = (table, rows) => rows.forEach((r) => index.set(`d${r.dataset_id}:r${r.file_row}`, {...r, table}));
  add('production', production);
  add('contracts', contracts);
  add('transfers', transfers);
  return {production, contracts, index};
}

/** The "d<dataset>:r<row>" reference of a stored row. */
export function rowRef(row) {
  return row.dataset_id !== undefined && row.file_row !== undefined ? `d${row.dataset_id}:r${row.file_row}` : '';
}

/**
 * The links of a "d3:r32 d3:r20" list: each opens the row's source URL (else the dataset's record,
 * GET /api/v1/datasets/{id}) in a new tab; its tooltip cites the source and the row.
 */
export function rowLinks(refs, index) {
  const tokens = String(refs || '').split(/\s+/).filter(Boolean);
  if (!tokens.length) {
    return '';
  }
  return tokens.flatMap((token, i) => {
    const m = /^d(\d+):r(\d+)$/.exec(token);
    if (!m) {
      return [i ? ' ' : '', token];
    }
    const row = index.get(token);
    const href = row && row.source_url ? row.source_url : `/api/v1/datasets/${m[1]}`;
    return [i ? ' ' : '', el('a', {href, class: 'row-ref', 'data-row': token, 'data-found': row ? 'yes' : 'no',
      target: '_blank', rel: 'noreferrer noopener', title: rowTitle(token, m, row)}, token)];
  });
}

function rowTitle(token, m, row) {
  const where = `dataset ${m[1]}, row ${m[2]}`;
  if (!row) {
    return `${where}: not among the production, contracts and transfers rows read by this page; opens the dataset's record`;
  }
  const value = row.table === 'contracts'
    ? `${row.quantity ?? 'no quantity'} ${row.item}, ${row.date}${row.contract_id ? ` (${row.contract_id})` : ''}`
    : row.table === 'transfers'
      ? `${row.quantity ?? row.quantity_low} ${row.unit || ''} ${row.item}, ${row.supplier_iso3 || row.supplier}→${row.recipient_iso3 || ''}, ${row.date} (${row.basis}, ${row.status})`
      : `${row.item}: ${row.value_text ?? row.value_low} ${row.unit || ''} per ${row.period}, ${row.kind}, ${row.date}`;
  return `${citationText(citations([row])[0])} — ${row.table}, ${where}: ${value}${row.note ? ` — ${row.note}` : ''}`;
}
