package org.quartermaster.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario fixture catalogue under test resources {@code scenarios/}. */
public final class Fixtures {
  private Fixtures() {}

  public static Path folder(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/scenarios/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The .yaml files of a fixture folder, sorted by name. */
  public static List<Path> scenarios(String folder) {
    try (Stream<Path> files = Files.list(folder(folder))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The examples/ folder at the repository root (found by walking up from the working directory). */
  public static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("examples");
      }
    }
    throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
  }
}
