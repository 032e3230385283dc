package org.quartermaster.app.importer.tabular;

import java.util.List;
import org.quartermaster.app.importer.ImportProblem;

/**
 * The mapping of a {@code csv} or {@code xlsx} import cannot be used: it is missing, not valid YAML,
 * or names unknown tables, fields or layouts. Thrown before the file is read; carries every problem,
 * each located in the mapping ({@code kiel.yaml:columns.amount: 'x' — …}).
 */
public final class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ImportProblem> problems;

  public MappingException(List<ImportProblem> problems) {
    super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the mapping: "
        + problems.getFirst());
    this.problems = List.copyOf(problems);
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
