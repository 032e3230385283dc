package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Files and requests for importer tests. */
public final class ImportFixtures {
  private ImportFixtures() {}

  /** A test resource as a file, e.g. {@code third_party/nato_2024/nato_defense_spending_clean.csv}. */
  public static Path resource(String name) {
    URL url = ImportFixtures.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} (UTF-8, as given: line ends included) to a file of the directory. */
  public static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An import of the file with this format, source URL and vintage; no mapping, no dry run. */
  public static ImportRequest request(Path file, ImportFormat format, String sourceUrl, String vintage) {
    return new ImportRequest(file, format, null, sourceUrl, vintage, false, false);
  }

  /**
   * Asserts the file gave exactly one problem, at this row (0: the whole file), column and value, whose
   * message contains the fragment; returns it.
   */
  public static ImportProblem onlyProblem(ParsedFile parsed, int row, String column, String value, String fragment) {
    assertThat(parsed.problems()).as("problems").hasSize(1);
    ImportProblem problem = parsed.problems().getFirst();
    assertThat(problem.row()).as("row of %s", problem).isEqualTo(row);
    assertThat(problem.column()).as("column of %s", problem).isEqualTo(column);
    assertThat(problem.value()).as("value of %s", problem).isEqualTo(value);
    assertThat(problem.message()).as("message of %s", problem).contains(fragment);
    assertThat(parsed.badRows()).isEqualTo(row == 0 ? Set.of() : Set.of(row));
    return problem;
  }
}
