package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.app.importer.ImportProblem;

/**
 * The mappings shipped in the jar (resources {@code org/quartermaster/app/mappings/<name>.yaml}) and
 * how {@code --mapping} is resolved: a YAML file's path, or a shipped mapping's name. Thread-safe.
 */
public final class Mappings {
  /** The shipped mappings' names; a new one is a YAML resource plus its name here. */
  private static final List<String> SHIPPED = List.of("kiel-r28-bilateral", "kiel-r28-country-summary");
  private static final String FOLDER = "/org/quartermaster/app/mappings/";

  private Mappings() {}

  /** The names {@code --mapping} accepts besides file paths. */
  public static List<String> shippedMappingNames() {
    return SHIPPED;
  }

  /** The YAML of a shipped mapping ({@code kiel-r28-bilateral}, ".yaml" optional); the caller closes it. */
  public static Optional<InputStream> shippedMapping(String name) {
    String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    if (!SHIPPED.contains(bare)) {
      return Optional.empty();
    }
    return Optional.of(Objects.requireNonNull(Mappings.class.getResourceAsStream(FOLDER + bare + ".yaml"),
        () -> "shipped mapping missing from the jar: " + bare));
  }

  /**
   * The shipped mapping for a file whose header row has these cells: the one whose named columns
   * the header all has (the most specific, when several do), or empty.
   */
  public static Optional<String> shippedMappingFor(List<String> headerCells) {
    Set<String> present = new HashSet<>();
    headerCells.stream().filter(c -> c != null).forEach(c -> present.add(ColumnPlan.key(c)));
    String best = null;
    int bestSize = 0;
    for (Map.Entry<String, Mapping> shipped : Shipped.BY_NAME.entrySet()) {
      Set<String> names = ColumnPlan.headerNames(shipped.getValue());
      if (present.containsAll(names) && names.size() > bestSize) {
        best = shipped.getKey();
        bestSize = names.size();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The parsed shipped mapping of that name. */
  static Optional<Mapping> shipped(String name) {
    return Optional.ofNullable(Shipped.BY_NAME.get(name));
  }

  /**
   * Reads {@code --mapping}: the YAML file at that path or, when there is none, the shipped mapping
   * of that name.
   */
  public static MappingReader.Result load(Path mappingOrName) throws IOException {
    if (Files.isRegularFile(mappingOrName)) {
      return MappingReader.read(Files.readString(mappingOrName, StandardCharsets.UTF_8), mappingOrName.toString());
    }
    Optional<MappingReader.Result> shipped = readShipped(mappingOrName.toString());
    return shipped.isPresent() ? shipped.get() : new MappingReader.Result(null, List.of(new ImportProblem(mappingOrName.toString(), 0, null, null,
        "no such mapping file, and no shipped mapping of that name; the shipped mappings are "
            + String.join(", ", SHIPPED))));
  }

  private static Optional<MappingReader.Result> readShipped(String name) throws IOException {
    Optional<InputStream> shipped = shippedMapping(name);
    if (shipped.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = shipped.get()) {
      return Optional.of(MappingReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name));
    }
  }

  /** The shipped mappings, read once; an invalid one is a bug of the build. */
  private static final class Shipped {
    static final Map<String, Mapping> BY_NAME = readAll();

    private static Map<String, Mapping> readAll() {
      Map<String, Mapping> byName = new LinkedHashMap<>();
      for (String name : SHIPPED) {
        try {
          MappingReader.Result result = readShipped(name).orElseThrow();
          if (result.mapping() == null) {
            throw new IllegalStateException("shipped mapping " + name + " is invalid: " + result.problems());
          }
          byName.put(name, result.mapping());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return byName;
    }
  }
}
