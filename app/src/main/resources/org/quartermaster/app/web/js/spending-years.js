// Which year the spending charts show by default, and which release a count used, shared by the
// overview and the spending page.

/** The latest year for which at least half as many countries have a figure as in the best-covered year. */
export function latestCoveredYear(rows) {
  const countries = new Map();
  for (const r of rows) {
    if (r.pct_gdp !== null) {
      countries.set(r.year, (countries.get(r.year) || new Set()).add(r.iso3));
    }
  }
  const counts = new Map([...countries.entries()].map(([y, set]) => [y, set.size]));
  const most = Math.max(...counts.values());
  return Math.max(...[...counts.entries()].filter(([, n]) => n >= most / 2).map(([y]) => y));
}

/**
 * The one release a count of `year` used (the API's count takes one release per year and names it in
 * its vintages): {month, name, label}, label like "2025-04 (NATO SG Annual Report 2024 …)".
 */
export function countedRelease(result, year) {
  const months = [...new Set(result.rows.filter((r) => r.year === Number(year)).map((r) => r.vintage_month))];
  const month = months.length === 1 ? months[0] : null;
  const vintage = (result.vintages || []).find((v) => v.vintage_month === month);
  const name = vintage && vintage.vintage ? vintage.vintage : '';
  return {month, name, label: `${month || 'no release month'}${name ? ` (${name})` : ''}`};
}

/**
 * A guideline count that states its denominator: of `rows` (the allies of one year, with or without a
 * figure), how many have a figure at or above `threshold` % of GDP, out of all of them, and which have
 * no figure: {at, of, missing, text, note}, text like "30 of 32 allies", note like "no figure for
 * Hungary, Iceland" (empty when every ally has one).
 */
export function allyCount(rows, threshold) {
  const at = rows.filter((r) => r.pct_gdp !== null && r.pct_gdp >= threshold).length;
  const missing = rows.filter((r) => r.pct_gdp === null).map((r) => r.country);
  const note = missing.length ? `no figure for ${missing.join(', ')}` : '';
  return {at, of: rows.length, missing, text: `${at} of ${rows.length} allies`, note};
}
