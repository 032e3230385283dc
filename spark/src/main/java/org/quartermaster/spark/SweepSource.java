package org.quartermaster.spark;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.quartermaster.engine.scenario.YamlTree;
import org.quartermaster.engine.sweep.GivenVariants;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepReader;

/**
 * A validated sweep as executors receive it: the sweep file with its base scenario's text inlined, so an
 * executor needs no file of the driver's machine. An executor rebuilds the {@link Sweep} with the same
 * {@link SweepReader} (the design's values are a function of the file and its seed), once per JVM.
 *
 * @param source     the sweep file's name as given, for messages and the manifest
 * @param sweepJson  the sweep file as JSON, its {@code base: FILE} replaced by {@code saved: }{@value #BASE_ID}
 * @param baseYaml   the base scenario file's text
 * @param variantsJson the variants given in place of the file's design ({@link GivenVariants#toJson}), or
 *                   null for the design's own
 */
record SweepSource(String source, String sweepJson, String baseYaml, String variantsJson) implements Serializable {
  private static final String BASE_ID = "base";
  /** Plain decimals: YAML 1.1 would read {@code 1.0E7} (no exponent sign) as text. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  /** The sweep last rebuilt in this JVM: every task of a job asks for the same one. */
  private static volatile Rebuilt last;

  private record Rebuilt(SweepSource source, Sweep sweep) {}

  /**
   * Reads and validates a sweep file exactly as {@code qm sweep} does; a saved base ({@code saved: ID})
   * is unknown here, since there is no store.
   *
   * @throws org.quartermaster.engine.scenario.InvalidScenarioException with every problem of the file
   */
  static Validated read(Path file) {
    Sweep sweep = SweepReader.read(file, SavedScenarioSource.NONE);
    try {
      ObjectNode tree = (ObjectNode) YamlTree.read(SweepReader.text(file, file.toString()));
      Path folder = file.toAbsolutePath().getParent();
      String baseYaml = SweepReader.text(folder.resolve(tree.get("base").asText()), file.toString());
      tree.remove("base");
      tree.put("saved", BASE_ID);
      SweepSource source = new SweepSource(file.toString(), JSON.writeValueAsString(exactDecimals(tree)), baseYaml,
          null);
      source.checkRebuildsAs(sweep);
      return new Validated(source, sweep);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " again after validating it", e);
    }
  }

  /** The sweep on the driver, and what executors rebuild it from. */
  record Validated(SweepSource source, Sweep sweep) {
    /**
     * This sweep with the given variants in place of its design's ({@link Sweep#withVariants}).
     *
     * @throws org.quartermaster.engine.scenario.InvalidScenarioException naming the sweep file when a
     *         variant's combination is invalid
     */
    Validated withVariants(GivenVariants variants) {
      SweepSource given = new SweepSource(source.source, source.sweepJson, source.baseYaml, variants.toJson());
      Sweep expected = variants.applyTo(sweep);
      given.checkRebuildsAs(expected);
      return new Validated(given, expected);
    }
  }

  /** The sweep, rebuilt from this source (once per JVM). */
  Sweep sweep() {
    Rebuilt cached = last;
    if (cached != null && cached.source.equals(this)) {
      return cached.sweep;
    }
    SavedScenarioSource base = id -> BASE_ID.equals(id) ? Optional.of(baseYaml) : Optional.empty();
    Sweep sweep = SweepReader.parse(sweepJson, source, Path.of("."), base);
    if (variantsJson != null) {
      sweep = GivenVariants.parse(variantsJson, sweep.parameterColumns().size()).applyTo(sweep);
    }
    last = new Rebuilt(this, sweep);
    return sweep;
  }

  /** Each floating-point number as the decimal of its shortest form, which reads back as the same double. */
  static JsonNode exactDecimals(JsonNode node) {
    if (node instanceof ObjectNode object) {
      java.util.List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, exactDecimals(object.get(name)));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, exactDecimals(array.get(i)));
      }
    } else if (node.isFloatingPointNumber()) {
      return DecimalNode.valueOf(new BigDecimal(Double.toString(node.doubleValue())));
    }
    return node;
  }

  /**
   * Checks that executors will see the driver's sweep: same variants, values and columns. A difference
   * would be a bug in this class, not in the file, and would make the results wrong.
   */
  private void checkRebuildsAs(Sweep expected) {
    Sweep rebuilt = sweep();
    boolean same = rebuilt.variantCount() == expected.variantCount() && rebuilt.runs() == expected.runs()
        && rebuilt.seed() == expected.seed() && rebuilt.parameterColumns().equals(expected.parameterColumns())
        && rebuilt.metricColumns().equals(expected.metricColumns())
        && rebuilt.cellLabels().equals(expected.cellLabels());
    for (int v = 0; same && v < expected.variantCount(); v++) {
      for (int p = 0; same && p < expected.parameterColumns().size(); p++) {
        same = Double.doubleToRawLongBits(rebuilt.value(v, p)) == Double.doubleToRawLongBits(expected.value(v, p));
      }
    }
    if (!same) {
      throw new IllegalStateException(source + ": the sweep sent to executors differs from the one read here");
    }
  }

  /**
   * SHA-256 (hex) of the sweep, its base and its given variants as executors see them: what a resumed
   * output must match.
   */
  String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(sweepJson.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(baseYaml.getBytes(StandardCharsets.UTF_8));
      if (variantsJson != null) {
        digest.update((byte) 0);
        digest.update(variantsJson.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
