// The munition catalogue as the server resolves it (GET /api/v1/munitions): each munition's id, name
// and unit, and which munition an item name of the store belongs to. The page never resolves names
// itself: it reads the names the server lists per munition (names_in_store).
import {api} from './common.js';

/**
 * The catalogue: `munitions` (id, name, unit, rows…, in the catalogue's order) and `of(name)`, the
 * munition an item name as written in the store resolves to, or null when it resolves to none.
 */
export async function loadCatalogue() {
  const answer = await api('/api/v1/munitions');
  const joined = answer.rows.map((m) => [`; ${m.names_in_store || ''}; `, m]);
  const of = (name) => {
    const found = joined.find(([names]) => name && names.includes(`; ${name}; `));
    return found ? found[1] : null;
  };
  return {munitions: answer.rows, title: answer.title, of};
}
