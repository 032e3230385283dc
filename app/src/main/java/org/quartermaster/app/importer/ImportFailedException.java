package org.quartermaster.app.importer;

import java.util.List;

/** An import that wrote nothing because of these problems (never an empty list). */
public final class ImportFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ImportProblem> problems;

  public ImportFailedException(List<ImportProblem> problems) {
    super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ", first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
