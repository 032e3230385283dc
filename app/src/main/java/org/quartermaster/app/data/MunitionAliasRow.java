package org.quartermaster.app.data;

/**
 * A name the data give a munition, added to the catalogue by import: a row of a file with the columns
 * of the bundled {@code aliases.csv} ({@code alias}, {@code id}).
 *
 * @param alias the name as written
 * @param id    the munition's id, in the bundled catalogue or imported before
 */
public record MunitionAliasRow(int fileRow, String alias, String id, Provenance provenance, String note)
    implements DataRow {

  @Override
  public String key() {
    return alias.strip().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public MunitionAliasRow withProvenance(Provenance p) {
    return new MunitionAliasRow(fileRow, alias, id, p, note);
  }
}
