// Which year the spending charts show by default, shared by the overview and the spending page.

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
