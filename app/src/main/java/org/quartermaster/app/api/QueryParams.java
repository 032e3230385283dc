package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quartermaster.app.data.SourceGrade;

/**
 * The query parameters of one request, read with the names a handler allows; every problem (unknown
 * name, too long, repeated value, not a number) is collected, and {@link #check} throws them all at
 * once as 400. Lengths are checked first, before a value is looked at: a parameter longer than its
 * limit ({@value #MAX_CHARS} characters unless the handler allows more) reads as absent, and the
 * problem quotes only its first {@value #QUOTED_CHARS} characters.
 */
final class QueryParams {
  /** The longest value a parameter may have unless its handler allows more. */
  static final int MAX_CHARS = 200;
  /** The most entries of a comma-separated list parameter ({@link #list}). */
  static final int MAX_ENTRIES = 20;
  /** How much of a refused value or name a problem quotes. */
  static final int QUOTED_CHARS = 60;

  private final Map<String, List<String>> values;
  private final List<ApiProblem> problems = new ArrayList<>();

  /** The parameters of a read endpoint: {@code allowed} and {@code format} (json or csv). */
  QueryParams(Context ctx, Set<String> allowed) {
    this(ctx, allowed, true);
  }

  QueryParams(Context ctx, Set<String> allowed, boolean withFormat) {
    this(ctx, allowed, withFormat, Map.of());
  }

  /** @param maxCharsByName the parameters allowed longer than {@value #MAX_CHARS} characters, with their limit */
  QueryParams(Context ctx, Set<String> allowed, boolean withFormat, Map<String, Integer> maxCharsByName) {
    Set<String> allowedWithFormat = new TreeSet<>(allowed);
    if (withFormat) {
      allowedWithFormat.add("format");
    }
    Map<String, List<String>> kept = new TreeMap<>();
    for (Map.Entry<String, List<String>> given : new TreeMap<>(ctx.queryParamMap()).entrySet()) {
      String name = given.getKey();
      if (!allowedWithFormat.contains(name)) {
        problems.add(new ApiProblem(quoted(name), quoted(String.join(",", given.getValue())),
            "unknown query parameter; expected one of " + String.join(", ", allowedWithFormat)));
        continue;
      }
      int maxChars = maxCharsByName.getOrDefault(name, MAX_CHARS);
      String tooLong = given.getValue().stream().filter(v -> v.length() > maxChars).findFirst().orElse(null);
      if (tooLong != null) {
        problems.add(new ApiProblem(name, quoted(tooLong), "longer than " + maxChars + " characters ("
            + tooLong.length() + " given): give at most " + maxChars));
        continue;
      }
      kept.put(name, given.getValue());
    }
    this.values = kept;
  }

  String text(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      problems.add(new ApiProblem(name, quoted(String.join(",", given)), "given more than once"));
      return null;
    }
    String value = given.getFirst().trim();
    return value.isEmpty() ? null : value;
  }

  /**
   * A comma-separated list given as one value ({@code source=nato,sipri}), as given, or null; more than
   * {@value #MAX_ENTRIES} entries is a problem.
   */
  String list(String name) {
    String value = text(name);
    if (value != null && value.split(",", -1).length > MAX_ENTRIES) {
      problems.add(new ApiProblem(name, quoted(value), "more than " + MAX_ENTRIES + " entries ("
          + value.split(",", -1).length + " given): give at most " + MAX_ENTRIES));
      return null;
    }
    return value;
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

  /** {@code text} as a problem quotes it: its first {@value #QUOTED_CHARS} characters, then "…" if it goes on. */
  static String quoted(String text) {
    return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "…";
  }

  /** @throws ApiException 400 with every problem found so far */
  void check() {
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
  }
}
