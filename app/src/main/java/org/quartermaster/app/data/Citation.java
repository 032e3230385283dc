package org.quartermaster.app.data;

/**
 * Who produced a file's figures and how well they are cited, as an import is told it
 * ({@code --publisher}, {@code --source-title}, {@code --grade}) or as a known format implies it (NATO's
 * tables: NATO, official). Fills the {@link Provenance} of rows whose file does not say.
 *
 * @param publisher   the organisation that produced the figures, or null
 * @param sourceTitle the primary document, or null
 * @param grade       the citation's grade, or null
 */
public record Citation(String publisher, String sourceTitle, SourceGrade grade) {
  public static final Citation NONE = new Citation(null, null, null);

  public boolean isEmpty() {
    return publisher == null && sourceTitle == null && grade == null;
  }

  /** This citation, with {@code defaults} where it says nothing. */
  public Citation orElse(Citation defaults) {
    return new Citation(publisher != null ? publisher : defaults.publisher(),
        sourceTitle != null ? sourceTitle : defaults.sourceTitle(), grade != null ? grade : defaults.grade());
  }
}
