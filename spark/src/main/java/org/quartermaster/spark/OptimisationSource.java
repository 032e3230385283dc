package org.quartermaster.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.quartermaster.engine.optimise.Optimisation;
import org.quartermaster.engine.optimise.OptimisationReader;
import org.quartermaster.engine.scenario.YamlTree;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.SweepReader;

/**
 * A validated optimisation file as executors receive it, like {@link SweepSource}: the file as JSON with its
 * base scenario's text inlined; an executor rebuilds the {@link Optimisation} with the same reader, once per
 * JVM.
 *
 * @param source   the file's name as given, for messages
 * @param fileJson the optimisation file as JSON, its {@code base: FILE} replaced by {@code saved: base}
 * @param baseYaml the base scenario file's text
 */
record OptimisationSource(String source, String fileJson, String baseYaml) implements Serializable {
  private static final String BASE_ID = "base";
  private static volatile Rebuilt last;

  private record Rebuilt(OptimisationSource source, Optimisation optimisation) {}

  /**
   * Reads and validates an optimisation file as {@code qm optimise} does; a saved base is unknown here.
   *
   * @throws org.quartermaster.engine.scenario.InvalidScenarioException with every problem of the file
   */
  static OptimisationSource read(Path file) {
    OptimisationReader.read(file, SavedScenarioSource.NONE);
    try {
      ObjectNode tree = (ObjectNode) YamlTree.read(SweepReader.text(file, file.toString()));
      Path folder = file.toAbsolutePath().getParent();
      String baseYaml = SweepReader.text(folder.resolve(tree.get("base").asText()), file.toString());
      tree.remove("base");
      tree.put("saved", BASE_ID);
      return new OptimisationSource(file.toString(), SweepSource.JSON.writeValueAsString(
          SweepSource.exactDecimals(tree)), baseYaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " again after validating it", e);
    }
  }

  /** The optimisation, rebuilt from this source (once per JVM). */
  Optimisation optimisation() {
    Rebuilt cached = last;
    if (cached != null && cached.source.equals(this)) {
      return cached.optimisation;
    }
    SavedScenarioSource base = id -> BASE_ID.equals(id) ? Optional.of(baseYaml) : Optional.empty();
    Optimisation optimisation = OptimisationReader.parse(fileJson, source, Path.of("."), base);
    last = new Rebuilt(this, optimisation);
    return optimisation;
  }
}
