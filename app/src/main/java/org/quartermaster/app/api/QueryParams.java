package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.data.SourceGrade;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, read with the names a handler allows; every problem (unknown
 * name, repeated value, not a number) is collected, and {@link #check} throws them all at once as 400.
 */
final class QueryParams {
  private final Map<String, List<String>> values;
  private final List<ApiProblem> problems = new ArrayList<>();

  /** The parameters of a read endpoint: {@code allowed} and {@code format} (json or csv). */
  QueryParams(Context ctx, Set<String> allowed) {
    this(ctx, allowed, true);
  }

  QueryParams(Context ctx, Set<String> allowed, boolean withFormat) {
    this.values = ctx.queryParamMap();
    Set<String> allowedWithFormat = new TreeSet<>(allowed);
    if (withFormat) {
      allowedWithFormat.add("format");
    }
    for (String name : new TreeSet<>(values.keySet())) {
      if (!allowedWithFormat.contains(name)) {
        problems.add(new ApiProblem(name, String.join(",", values.get(name)),
            "unknown query parameter; expected one of " + String.join(", ", allowedWithFormat)));
      }
    }
  }

  String text(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      problems.add(new ApiProblem(name, String.join(",", given), "given more than once"));
      return null;
    }
    String value = given.getFirst().trim();
    return value.isEmpty() ? null : value;
  }

  Integer integer(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      problems.add(new ApiProblem(name, value, "not an integer"));
      return null;
    }
  }

  Double number(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        problems.add(new ApiProblem(name, value, "not a finite number"));
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(new ApiProblem(name, value, "not a number"));
      return null;
    }
  }

  /** {@code min_grade}: a citation grade, or null when not given. */
  SourceGrade grade(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    SourceGrade grade = SourceGrade.byName(value).orElse(null);
    if (grade == null) {
      problems.add(new ApiProblem(name, value, "expected one of " + SourceGrade.names()));
    }
    return grade;
  }

  /** A yes/no parameter: true or false (case ignored), absent or empty = false. */
  boolean flag(String name) {
    String value = text(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    problems.add(new ApiProblem(name, value, "expected true or false"));
    return false;
  }

  void problem(String name, String value, String message) {
    problems.add(new ApiProblem(name, value, message));
  }

  /** @throws ApiException 400 with every problem found so far */
  void check() {
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
  }
}
