package org.quartermaster.app.data;

/**
 * A munition a user adds to the catalogue by import: a row of a file with the columns of the bundled
 * {@code munitions.csv}. Whether its id and names are new to the catalogue is checked against the
 * catalogue in the import's transaction ({@code UserCatalogue}).
 *
 * @param id              the munition's id: lower-case letters, digits and hyphens
 * @param family          the designation family, or null
 * @param status          one of {@code Munition.STATUSES}, or null when not given
 * @param statusAsOf      the date of the status (YYYY, YYYY-MM or YYYY-MM-DD), or null
 * @param statusSourceUrl the page that gives the status, or null
 */
public record MunitionRow(int fileRow, String id, String name, String family, String category, String unit,
    String status, String statusAsOf, String statusSourceUrl, Provenance provenance, String note) implements DataRow {

  @Override
  public String key() {
    return id;
  }

  @Override
  public MunitionRow withProvenance(Provenance p) {
    return new MunitionRow(fileRow, id, name, family, category, unit, status, statusAsOf, statusSourceUrl, p, note);
  }
}
