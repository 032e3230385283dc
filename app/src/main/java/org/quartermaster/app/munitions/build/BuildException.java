package org.quartermaster.app.munitions.build;

import java.util.List;

/** A build request the user can fix: every problem found, nothing built, nothing saved. */
public final class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<BuildProblem> problems;

  public BuildException(List<BuildProblem> problems) {
    super(problems.size() == 1 ? problems.getFirst().toString() : problems.size() + " problems with the build");
    this.problems = List.copyOf(problems);
  }

  public List<BuildProblem> problems() {
    return problems;
  }
}
