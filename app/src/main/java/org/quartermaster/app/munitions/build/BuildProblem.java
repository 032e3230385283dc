package org.quartermaster.app.munitions.build;

/**
 * One thing wrong with a build request: the field ({@code --holders}, {@code start}, an assumption's path),
 * the value given (null when absent) and what to do. The CLI prints it, the API answers it as a problem.
 *
 * @param field  the option or JSON field ({@code holders}, {@code assume}) or the scenario path assumed
 */
public record BuildProblem(String field, String value, String message) {
  @Override
  public String toString() {
    return field + (value == null ? "" : " = " + value) + ": " + message;
  }
}
