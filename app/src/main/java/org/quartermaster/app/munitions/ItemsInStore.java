package org.quartermaster.app.munitions;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * {@code qm items}: the catalogue's munitions with the names the store gives each and the rows naming
 * them; with {@code --unresolved}, the item names in the store that resolve to no munition, each with why
 * (listed as unresolved on purpose) or the closest known name (a suggestion, never applied).
 */
public final class ItemsInStore {
  private ItemsInStore() {}

  /** An item name as the store writes it, the tables it appears in and the rows naming it. */
  private record Named(String item, List<String> tables, long rows) {}

  public static QueryResult catalogue(Store store, Catalogue catalogue) {
    Map<String, List<Named>> byId = new LinkedHashMap<>();
    for (Named named : names(store)) {
      catalogue.munitionOf(named.item()).ifPresent(m -> byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(named));
    }
    List<Column> columns = new ArrayList<>(List.of(Column.text("id"), Column.text("name"), Column.text("family"),
        Column.text("category"), Column.text("unit"), Column.text("status"), Column.text("status_as_of"),
        Column.number("rows", null), Column.text("names_in_store"), Column.text("catalogue"), Column.detail("aliases"),
        Column.detail("imported_aliases"),
        Column.detail("components"), Column.detail("note"), Column.detail("status_source_url")));
    columns.addAll(QueryResult.citationColumns());
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>(List.of("aliases: every name the catalogue resolves to the munition;"
        + " components: what one complete round needs, each × how many.", "rows: the production, contract and"
        + " transfer rows naming the munition, under any of its names; qm items --unresolved lists the names that"
        + " resolve to none.", "status: whether it is made (in production, out of production, in development, or not"
        + " established: no source consulted says), as of status_as_of, from status_source_url; source_url: where the"
        + " description comes from (listed under the table).", "catalogue: bundled (shipped with Quartermaster) or the"
        + " dataset and file row a user imported the munition from; imported_aliases: the names users imported, each"
        + " with its dataset and row (qm datasets rm ID removes them)."));
    catalogue.leftOut().forEach(p -> notes.add("left out of the catalogue: " + p.origin().describe() + ", " + p.column()
        + " '" + p.value() + "': " + p.message()));
    for (Munition m : catalogue.munitions()) {
      List<Named> names = byId.getOrDefault(m.id(), List.of());
      Munition.Status status = m.status();
      Source source = m.source();
      rows.add(java.util.Arrays.asList(m.id(), m.name(), m.family(), m.category(), m.unit(),
          status == null ? null : status.value(), status == null ? null : status.asOf(),
          names.stream().mapToLong(Named::rows).sum(),
          String.join("; ", names.stream().map(Named::item).toList()),
          catalogue.origin(m.id()).map(UserCatalogue.Origin::describe).orElse("bundled"),
          String.join("; ", catalogue.names(m.id())), String.join("; ", catalogue.importedAliases(m.id())),
          String.join("; ", catalogue.components(m.id()).stream().map(ItemsInStore::needs).toList()), m.note(),
          status == null ? null : status.sourceUrl(), source == null ? null : source.url(),
          source == null ? null : source.publisher(), source == null ? null : source.title(), null,
          source == null || source.grade() == null ? null : source.grade().wireName(), null));
      if (status != null && source != null && !status.sourceUrl().equals(source.url())) {
        notes.add("status of " + m.id() + " (" + status.value() + ", " + status.asOf() + "): " + status.sourceUrl());
      }
    }
    return QueryResult.withRowProvenance("Munitions: the catalogue, with the names the store gives each", columns,
        rows, notes);
  }

  /** A component as the catalogue column shows it: {@code charge-155 ×1}. */
  private static String needs(Component c) {
    return c.componentId() + " ×" + (c.perRound() == Math.rint(c.perRound()) ? String.valueOf((long) c.perRound())
        : String.valueOf(c.perRound()));
  }

  public static QueryResult unresolved(Store store, Catalogue catalogue) {
    List<Column> columns = List.of(Column.text("item"), Column.text("appears_in"), Column.number("rows", null),
        Column.text("status"), Column.text("reason"), Column.text("suggestion"), Column.text("suggested_id"));
    List<List<Object>> rows = new ArrayList<>();
    for (Named named : names(store)) {
      switch (catalogue.resolve(named.item())) {
        case Resolution.Resolved resolved -> { }
        case Resolution.Unresolved(String reason) -> rows.add(java.util.Arrays.asList(named.item(),
            String.join(", ", named.tables()), named.rows(), "unresolved on purpose", reason, null, null));
        case Resolution.Unknown(Resolution.Suggestion s) -> rows.add(java.util.Arrays.asList(named.item(),
            String.join(", ", named.tables()), named.rows(), "unknown", null, s == null ? null : s.alias(),
            s == null ? null : s.id()));
      }
    }
    return new QueryResult("Item names that resolve to no munition", columns, rows, List.of(), List.of(),
        List.of("unresolved on purpose: listed in the catalogue's unresolved.csv with the reason;"
            + " unknown: import an aliases file (columns alias,id: qm import FILE) naming the munition it is, or"
            + " leave it unresolved; a suggestion is never applied."));
  }

  private static List<Named> names(Store store) {
    return store.read(c -> {
      Map<String, Named> byItem = new LinkedHashMap<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "SELECT item, appears_in, rows FROM items WHERE item IS NOT NULL ORDER BY lower(item), item, appears_in")) {
        while (r.next()) {
          String item = r.getString(1);
          Named earlier = byItem.get(item);
          List<String> tables = new ArrayList<>(earlier == null ? List.of() : earlier.tables());
          tables.add(r.getString(2));
          byItem.put(item, new Named(item, tables, (earlier == null ? 0 : earlier.rows()) + r.getLong(3)));
        }
      }
      return List.copyOf(byItem.values());
    });
  }
}
