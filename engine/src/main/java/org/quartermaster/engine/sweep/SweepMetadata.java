package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.quartermaster.engine.model.Scenario;

/**
 * What a sweep result file says about itself: written by {@code qm sweep} as the Parquet file's
 * key-value metadata under {@value #KEY} (JSON), and by the Spark job into each of its part files (the
 * whole sweep's metadata in every part), read back by {@code qm import} to recognise the file or folder
 * and to record the sweep. The file's columns are {@code variant}, one per parameter (in
 * {@code parameters} order), {@code holder}, {@code item}, one per metric column (in {@code metrics}
 * order).
 *
 * @param format     {@value #FORMAT}: the layout's name and version
 * @param sweepFile  the sweep file the results were run from, as {@code qm sweep} was given it
 * @param base       the base scenario: its file (relative to the sweep file) or {@code saved scenario ID}
 * @param baseSha256 SHA-256 of the validated base scenario's record form ({@link #sha256(Scenario)}):
 *                   the same for two files that differ only in comments and layout
 * @param variants   rows per cell: the design's number of variants
 * @param cells      cells kept per variant
 * @param runs       runs per variant
 * @param seed       the seed every variant shares (common random numbers)
 */
public record SweepMetadata(
    String format,
    @JsonProperty("sweep_file") String sweepFile,
    String base,
    @JsonProperty("base_sha256") String baseSha256,
    String design,
    int variants,
    int cells,
    int runs,
    long seed,
    List<String> parameters,
    List<String> metrics,
    @JsonProperty("qm_version") String qmVersion) {
  /** The Parquet key-value metadata key. */
  public static final String KEY = "quartermaster.sweep";
  public static final String FORMAT = "quartermaster-sweep/1";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public SweepMetadata {
    parameters = List.copyOf(parameters);
    metrics = List.copyOf(metrics);
  }

  /** The metadata of a sweep's results. */
  public static SweepMetadata of(Sweep sweep, String qmVersion) {
    return new SweepMetadata(FORMAT, sweep.source(), sweep.baseLabel(), sha256(sweep.base()), sweep.designLabel(),
        sweep.variantCount(), sweep.cellCount(), sweep.runs(), sweep.seed(), sweep.parameterColumns(),
        sweep.metricColumns(), qmVersion);
  }

  /**
   * SHA-256 (hex) of a validated scenario's record form: every field, in declaration order, with
   * doubles in their exact shortest form; comments, key order and layout of the YAML do not enter.
   */
  public static String sha256(Scenario scenario) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(scenario.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write sweep metadata as JSON", e);
    }
  }

  /**
   * The metadata a file carries, or null when the text is not this layout's metadata (not JSON, another
   * {@code format}, a field missing).
   */
  public static SweepMetadata parse(String json) {
    try {
      SweepMetadata metadata = JSON.readValue(json, SweepMetadata.class);
      boolean complete = FORMAT.equals(metadata.format()) && metadata.sweepFile() != null && metadata.base() != null
          && metadata.baseSha256() != null && metadata.design() != null && metadata.parameters().stream()
          .allMatch(Objects::nonNull) && metadata.metrics().stream().allMatch(Objects::nonNull);
      return complete ? metadata : null;
    } catch (JsonProcessingException e) { // also a missing list: the constructor's failure, wrapped
      return null;
    }
  }

  /** Every column of the file, in order. */
  public List<String> columns() {
    List<String> columns = new java.util.ArrayList<>();
    columns.add("variant");
    columns.addAll(parameters);
    columns.add("holder");
    columns.add("item");
    columns.addAll(metrics);
    return columns;
  }
}
