// Production rows as rates on a time axis: yearly, monthly and daily figures converted to a monthly
// rate, dates (and a target's due date written as prose) read as time-axis values. Used by the
// Production and Munitions pages.
import {number} from './common.js';

/** Months per reporting period, to put yearly, monthly and daily rates on one monthly axis. */
export const MONTHS_PER_PERIOD = {month: 1, year: 12, day: 1 / 30.4375};
export const KINDS = ['actual', 'capacity', 'estimate', 'target'];
export const KIND_STYLE = {
  actual: {symbol: 'circle', color: '#0072B2'},
  capacity: {symbol: 'rect', color: '#009E73'},
  estimate: {symbol: 'diamond', color: '#CC79A7'},
  target: {symbol: 'triangle', color: '#D55E00'},
};

/** A date as a time-axis value: "2025", "2025-06", "2025-06-19"; null when it is prose ("~2025 (…)"). */
export function time(text) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text || '').trim());
  return m ? Date.UTC(+m[1], m[2] ? m[2] - 1 : 6, m[3] ? +m[3] : 1) : null;
}

/** A target date, also from prose such as "~2025 (over next three years)" or "end-2026". */
export function targetTime(text) {
  const exact = time(text);
  if (exact !== null) {
    return exact;
  }
  const year = /(\d{4})/.exec(String(text || ''));
  return year ? Date.UTC(+year[1], 6, 1) : null;
}

/** Whether a production row is a dated rate that can be charted (a rate per day, month or year of a known kind). */
export function isRate(row) {
  return Boolean(MONTHS_PER_PERIOD[row.period]) && KINDS.includes(row.kind);
}

/**
 * A production row with `when` (its date; a target's due date) and `per_month`/`per_month_high` (the
 * low and high ends converted to a month); for a row that is not a dated rate, `when` and the rates
 * are null and `charted` says why.
 */
export function withMonthlyRate(r) {
  if (!isRate(r)) {
    return {...r, when: null, per_month: null, per_month_high: null, charted: 'no: not a rate per day, month or year'};
  }
  const perMonth = 1 / MONTHS_PER_PERIOD[r.period];
  const when = r.kind === 'target' ? targetTime(r.target_date) ?? time(r.date) : time(r.date);
  return {...r, when, per_month: r.value_low * perMonth, per_month_high: r.value_high * perMonth,
    charted: when === null ? 'no: the date is not a year, month or day' : 'yes'};
}

/** The rows that can be charted, with their monthly rates (see withMonthlyRate). */
export function monthlyRates(rows) {
  return rows.map(withMonthlyRate).filter((r) => r.when !== null);
}

/** The y value of a rate point: the middle of a range, else the figure. */
export function rateValue(r) {
  return r.per_month_high > r.per_month ? (r.per_month + r.per_month_high) / 2 : r.per_month;
}

/** Vertical bars for figures given as a range ("12000-20000"). */
export function rangeSeries(rows) {
  const ranged = rows.filter((r) => r.per_month_high > r.per_month);
  return ranged.length ? [{
    type: 'custom', name: 'range', silent: true, z: 1,
    renderItem: (params, api) => {
      const low = api.coord([api.value(0), api.value(1)]);
      const high = api.coord([api.value(0), api.value(2)]);
      return {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: {stroke: '#555', lineWidth: 2}};
    },
    data: ranged.map((r) => [r.when, r.per_month, r.per_month_high]),
  }] : [];
}

/** A rate point's tooltip: producer, kind, the figure as reported and per month, when (a target: due and announced). */
export function rateTooltip(r) {
  const esc = (v) => echarts.format.encodeHTML(String(v ?? ''));
  const range = r.value_high > r.value_low ? `${number(r.value_low, 0)}–${number(r.value_high, 0)}` : number(r.value_low, 0);
  const due = r.kind === 'target' ? `<br>due ${esc(r.target_date || '?')} (announced ${esc(r.date)})` : `<br>as of ${esc(r.date)}`;
  return `${esc(r.producer)}<br><b>${esc(r.kind)}</b>: ${range} ${esc(r.unit)} per ${esc(r.period)}` +
    ` = ${number(r.per_month, 0)}${r.per_month_high > r.per_month ? `–${number(r.per_month_high, 0)}` : ''} per month${due}`;
}
