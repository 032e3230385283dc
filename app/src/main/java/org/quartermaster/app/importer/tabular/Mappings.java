package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
  private static final List<String> SHIPPED = List.of("kiel-r28-bilateral", "kiel-r28-country-summary",
      "kiel-r28-country-summary-relative", "kiel-r28-financial-disbursements", "nato-equipment-share");
  /**
   * Shipped mappings used only when named with {@code --mapping}: a file's header cannot tell them from
   * another table's (NATO's equipment-share table has the header of its % of GDP table: Country, years).
   */
  private static final Set<String> ONLY_WHEN_NAMED = Set.of("nato-equipment-share");
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
   * The shipped mapping for a file whose header row has these cells: the one that reads or lists (in
   * {@code other_columns}) every column of the header and whose read columns the header all has, or
   * empty. A header with a column the mapping does not know (a year, a month …) is not its file: that
   * column may change what every figure means.
   */
  public static Optional<String> shippedMappingFor(List<String> headerCells) {
    Set<String> present = present(headerCells);
    for (Map.Entry<String, Mapping> shipped : Shipped.BY_NAME.entrySet()) {
      if (ONLY_WHEN_NAMED.contains(shipped.getKey())) {
        continue;
      }
      if (present.containsAll(ColumnPlan.headerNames(shipped.getValue()))
          && unknownColumns(shipped.getValue(), present).isEmpty()) {
        return Optional.of(shipped.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Why no shipped mapping takes a file although one of them reads columns the header all has: the
   * header's other columns, which that mapping does not know. Empty when no shipped mapping comes so close.
   */
  public static Optional<String> nearMiss(List<String> headerCells) {
    Set<String> present = present(headerCells);
    for (Map.Entry<String, Mapping> shipped : Shipped.BY_NAME.entrySet()) {
      if (ONLY_WHEN_NAMED.contains(shipped.getKey())) {
        continue;
      }
      Set<String> unknown = unknownColumns(shipped.getValue(), present);
      if (present.containsAll(ColumnPlan.headerNames(shipped.getValue())) && !unknown.isEmpty()) {
        return Optional.of("has every column the shipped mapping " + shipped.getKey() + " reads, and also "
            + String.join(", ", unknown) + ", which it does not know: a column such as a year or a month changes "
            + "what the figures mean, so the file is not taken for " + shipped.getKey() + "; import it with a "
            + "mapping that reads " + (unknown.size() == 1 ? "that column" : "those columns")
            + ", see docs/import-mappings.md");
      }
    }
    return Optional.empty();
  }

  private static Set<String> present(List<String> headerCells) {
    Set<String> present = new LinkedHashSet<>();
    headerCells.stream().filter(c -> c != null && !RowValues.trim(c).isEmpty()).forEach(c -> present.add(ColumnPlan.key(c)));
    return present;
  }

  /** The header's columns (as matched) that the mapping neither reads nor lists in other_columns. */
  private static Set<String> unknownColumns(Mapping mapping, Set<String> present) {
    Set<String> known = new HashSet<>(ColumnPlan.headerNames(mapping));
    mapping.otherColumns().forEach(ref -> known.add(ColumnPlan.key(ref.text())));
    Set<String> unknown = new LinkedHashSet<>(present);
    unknown.removeAll(known);
    return unknown;
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
