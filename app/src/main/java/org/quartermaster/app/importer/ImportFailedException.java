package org.quartermaster.app.importer;

import java.util.List;
import java.util.Locale;

/**
 * An import that wrote nothing because of these problems (never an empty list): the first
 * {@link Problems#KEPT} in full, and how many more were found.
 */
public final class ImportFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ImportProblem> problems;
  private final int notKept;

  public ImportFailedException(List<ImportProblem> problems) {
    this(problems, 0);
  }

  public ImportFailedException(List<ImportProblem> problems, int notKept) {
    super(problems.size() + notKept + " problem" + (problems.size() + notKept == 1 ? "" : "s") + ", first: "
        + problems.get(0));
    this.problems = List.copyOf(problems);
    this.notKept = notKept;
  }

  /** The problems kept, in the order found. */
  public List<ImportProblem> problems() {
    return problems;
  }

  /** Every problem found, those not kept included. */
  public int total() {
    return problems.size() + notKept;
  }

  /** "… and 4,999,000 more problems", for a list that shows {@code shown} of them; empty when it shows all. */
  public String more(int shown) {
    int rest = total() - Math.min(shown, problems.size());
    return rest <= 0 ? "" : String.format(Locale.ROOT, "… and %,d more problem%s", rest, rest == 1 ? "" : "s");
  }
}
