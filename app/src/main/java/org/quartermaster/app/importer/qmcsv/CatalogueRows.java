package org.quartermaster.app.importer.qmcsv;

import java.util.List;
import java.util.regex.Pattern;
import org.quartermaster.app.data.MunitionAliasRow;
import org.quartermaster.app.data.MunitionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.Munition;

/**
 * The rows of a user's catalogue files, checked cell by cell: a munitions file (the columns of the bundled
 * {@code munitions.csv}) and an aliases file ({@code alias}, {@code id}). Whether ids and names are new to
 * the catalogue, and whether an alias names a known munition, depends on the store and is checked in the
 * import's transaction ({@code UserCatalogue}).
 */
final class CatalogueRows {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  /** A calibre as the catalogue writes it: {@code 155 mm}, {@code 70 mm}. */
  private static final Pattern CALIBRE = Pattern.compile("\\d+(?:\\.\\d+)? mm");
  private static final Pattern LOOSE_CALIBRE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*-?\\s*mm");

  private CatalogueRows() {}

  static MunitionRow munition(RowCells cells, ImportRequest request) {
    String id = id(cells);
    String name = cells.text("name", true);
    String family = cells.text("family", false);
    String category = cells.text("category", true);
    String unit = cells.text("unit", true);
    List<String> categories = Catalogue.bundled().categories();
    if (category != null && !categories.contains(category)) {
      cells.problem("category", category, "is not a category of the catalogue; use one of " + categories
          + org.quartermaster.engine.scenario.Suggestions.closest(category, categories)
              .map(c -> " (the closest: '" + c + "')").orElse(""));
    }
    if (family != null && category != null && category.contains("ammunition") && !CALIBRE.matcher(family).matches()) {
      var loose = LOOSE_CALIBRE.matcher(family.strip());
      cells.problem("family", family, "is not a calibre as the catalogue writes it for " + category
          + (loose.matches() ? ": write '" + loose.group(1) + " mm'" : ": write the calibre in millimetres, e.g. '155 mm'"));
    }
    String status = cells.text("status", false);
    if (status != null && !Munition.STATUSES.contains(status)) {
      cells.problem("status", status, "must be one of " + Munition.STATUSES);
    }
    String statusUrl = cells.text("status_source_url", false);
    if (status != null && statusUrl == null) {
      cells.problem("status_source_url", null, "is required with a status: cite the page that says '" + status + "'");
    }
    Provenance provenance = QmCsvRows.provenance(cells, cells.text("as_of", false), request);
    if (!cells.ok()) {
      return null;
    }
    return new MunitionRow(cells.line(), id, name, family, category, unit, status, cells.text("status_as_of", false),
        statusUrl, provenance, cells.text("note", false));
  }

  static MunitionAliasRow alias(RowCells cells, ImportRequest request) {
    String alias = cells.text("alias", true);
    String id = id(cells);
    Provenance provenance = QmCsvRows.provenance(cells, cells.text("as_of", false), request);
    if (!cells.ok()) {
      return null;
    }
    return new MunitionAliasRow(cells.line(), alias.strip(), id, provenance, cells.text("note", false));
  }

  private static String id(RowCells cells) {
    String id = cells.text("id", true);
    if (id != null && !ID.matcher(id).matches()) {
      String fixed = id.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      cells.problem("id", id, "an id is lower-case letters, digits and hyphens" + (fixed.isEmpty() ? ""
          : ", e.g. '" + fixed + "'"));
    }
    return id;
  }

}
