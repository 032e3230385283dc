package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.SourceGrade;

/**
 * {@code --min-grade}: only figures whose citation is graded this or better. One SQL condition over a
 * parameter CTE {@code p} with a column {@code grades} (the grade names allowed, comma-separated, or null
 * for every figure), and the note that says the filter was applied.
 */
final class GradeFilter {
  /** SQL over a row with {@code source_grade} and the CTE {@code p}. */
  static final String CONDITION = "(p.grades IS NULL OR list_contains(string_split(p.grades, ','), source_grade))";

  private GradeFilter() {}

  /** The {@code grades} parameter for a minimum grade, or null for none. */
  static String parameter(SourceGrade minGrade) {
    return minGrade == null ? null
        : String.join(",", minGrade.andBetter().stream().map(SourceGrade::wireName).toList());
  }

  /** The note for a result read with this minimum grade, or none. */
  static List<String> notes(SourceGrade minGrade) {
    return minGrade == null ? List.of() : List.of("Only figures whose citation is graded " + minGrade.wireName()
        + " or better (--min-grade): " + String.join(", ", minGrade.andBetter().stream()
            .map(SourceGrade::wireName).toList()) + "; ungraded figures are left out too.");
  }
}
