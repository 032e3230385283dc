package org.quartermaster.app.sweeps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.SweepReader;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;

/**
 * Small sweeps of the US 155 mm example for tests: 3 × 2 = 6 variants of 2 cells at 50 runs each (12
 * rows), written as {@code qm sweep} writes them.
 */
public final class SweepFixtures {
  /** A sweep file whose base is the example scenario's text, given as {@code base_yaml} to the API. */
  public static final String SWEEP_YAML = """
      design: grid
      runs: 50
      seed: 7
      parameters:
        - path: lines[us-155-total].surge_per_month
          values: [70000, 85000, 100000]
        - path: transfers[1].quantity
          values: [150000, 300000]
      metrics:
        - months_to_target_p50
        - shortfall_probability
        - {closing_stock: {month: 59, quantiles: [0.5]}}
      """;

  private SweepFixtures() {}

  /** The repository's examples folder (the nearest ancestor of the working directory holding it). */
  public static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples"))) {
        return dir.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
  }

  /** The example scenario the sweeps vary. */
  public static String baseYaml() {
    try {
      return Files.readString(examples().resolve("us-155mm-shells.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sweep file, written in {@code dir} beside a copy of its base. */
  public static Path sweepFile(Path dir) throws IOException {
    Files.writeString(dir.resolve("base.yaml"), baseYaml());
    return Files.writeString(dir.resolve("small-sweep.yaml"), "base: base.yaml\n" + SWEEP_YAML);
  }

  /** The sweep run and written to {@code dir/name} as Parquet (with its metadata), as qm sweep writes it. */
  public static Path resultFile(Path dir, String name) throws IOException {
    Sweep sweep = SweepReader.read(sweepFile(dir), id -> Optional.empty());
    List<SweepRow> rows = SweepRunner.run(sweep, 1, (done, total) -> {});
    Path out = dir.resolve(name);
    SweepFiles.write(SweepMetadata.of(sweep, "test"), rows, out, SweepFiles.Format.PARQUET);
    return out;
  }
}
