package org.quartermaster.app.data;

/**
 * Where one row's figure comes from, as the row itself carries it (the file it was imported from is
 * recorded separately, per dataset).
 *
 * @param sourceUrl    the best URL seen for the primary document, or {@code null} when the file gives none
 * @param asOf         the date of the figure or of its publication, ISO text (YYYY, YYYY-MM or YYYY-MM-DD), or null
 * @param vintage      the release the figure belongs to, in the source's words ("Kiel UST Release 28"), or null
 * @param vintageMonth the release month, YYYY-MM (the key queries select vintages by), or null
 * @param publisher    the organisation that produced the figure (NATO, Kiel Institute …), not the outlet
 *                     that reported it, or null
 * @param sourceTitle  the primary document or statement behind the figure, or null
 * @param sourceGrade  the grade of {@code sourceUrl}'s citation ({@link SourceGrade}), or null when not graded
 * @param viaUrl       the copy actually read when {@code sourceUrl} points at the primary, or null
 */
public record Provenance(
    String sourceUrl, String asOf, String vintage, String vintageMonth, String publisher, String sourceTitle,
    SourceGrade sourceGrade, String viaUrl) {
  public static final Provenance NONE = new Provenance(null, null, null, null, null);

  /** A provenance without a citation yet (title, grade, copy read): see {@link #citedAs}. */
  public Provenance(String sourceUrl, String asOf, String vintage, String vintageMonth, String publisher) {
    this(sourceUrl, asOf, vintage, vintageMonth, publisher, null, null, null);
  }

  /**
   * This provenance with what {@code defaults} says where this one says nothing: how an import's
   * {@code --publisher}, {@code --source-title} and {@code --grade} (or its format's publisher) reach rows
   * whose file does not cite them.
   */
  public Provenance citedAs(Citation defaults) {
    if (defaults == null || defaults.isEmpty()) {
      return this;
    }
    return new Provenance(sourceUrl, asOf, vintage, vintageMonth, orElse(publisher, defaults.publisher()),
        orElse(sourceTitle, defaults.sourceTitle()), sourceGrade != null ? sourceGrade : gradeOfUrl(defaults), viaUrl);
  }

  /**
   * This provenance cited as {@code citation} says, where it says something: for rows whose format, not
   * their file, gave the citation (NATO's tables), so that the user's {@code --publisher} and
   * {@code --grade} win over the format's.
   */
  public Provenance citedBy(Citation citation) {
    if (citation == null || citation.isEmpty()) {
      return this;
    }
    return new Provenance(sourceUrl, asOf, vintage, vintageMonth, orElse(citation.publisher(), publisher),
        orElse(citation.sourceTitle(), sourceTitle), citation.grade() != null ? gradeOfUrl(citation) : sourceGrade,
        viaUrl);
  }

  /** A grade is the grade of the source URL: none without one. */
  private SourceGrade gradeOfUrl(Citation citation) {
    return sourceUrl == null ? null : citation.grade();
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
