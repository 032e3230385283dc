package org.quartermaster.engine.scenario;

import java.util.List;

/** A scenario that cannot run, with every problem found (never an empty list). */
public final class InvalidScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;
  private final String source;

  public InvalidScenarioException(String source, List<Problem> problems) {
    super(source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ": " + problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid scenario needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file name or other label of the scenario's text. */
  public String source() {
    return source;
  }

  public List<Problem> problems() {
    return problems;
  }
}
