package org.quartermaster.app.data;

/**
 * Where one row's figure comes from, as the row itself carries it (the file it was imported from is
 * recorded separately, per dataset).
 *
 * @param sourceUrl    the page or file the figure was read from, or {@code null} when the file gives none
 * @param asOf         the date of the figure or of its publication, ISO text (YYYY, YYYY-MM or YYYY-MM-DD), or null
 * @param vintage      the release the figure belongs to, in the source's words, or null
 * @param vintageMonth the release month, YYYY-MM (the key queries select vintages by), or null
 * @param publisher    who published it, or null
 */
public record Provenance(String sourceUrl, String asOf, String vintage, String vintageMonth, String publisher) {
  public static final Provenance NONE = new Provenance(null, null, null, null, null);
}
