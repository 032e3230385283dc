package org.quartermaster.app.munitions;

import java.util.List;

/** A catalogue whose files contradict themselves: every problem, each naming the file, the value and the fix. */
public final class CatalogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public CatalogueException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
