package org.quartermaster.app.sweeps;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.quartermaster.engine.sweep.GivenVariants;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.VariantEvaluator;

/**
 * Runs an analysis's variants on Spark ({@code qm sensitivity --spark MASTER}): checks them here
 * ({@link GivenVariants#applyTo}: an invalid variant fails before Spark starts), writes them to a file,
 * submits {@code SweepJob SWEEP.yaml --variants FILE --out DIR} and reads the part files back, in variant
 * order, then cell order. The job's output goes to {@code err}: standard output is the analysis's. The rows
 * equal {@link org.quartermaster.engine.sweep.SweepRunner}'s to the last bit (a variant's rows depend only on
 * the sweep file and the variant), so the analysis gives what it gives here.
 *
 * <p>The job writes into a temporary folder of this machine, which executors must reach: a local master,
 * or a cluster whose nodes share this machine's temporary folder (docs/spark.md).
 */
public final class SparkVariantEvaluator implements VariantEvaluator {
  private final SparkSubmission.Target target;
  private final Path sweepFile;
  private final PrintWriter err;

  public SparkVariantEvaluator(SparkSubmission.Target target, Path sweepFile, PrintWriter err) {
    this.target = target;
    this.sweepFile = sweepFile;
    this.err = err;
  }

  /** The Spark job did not finish: refused its input (exit code 2, its messages printed) or failed. */
  public static final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    JobFailedException(int exitCode) {
      super("the Spark job " + (exitCode == 2 ? "refused its input" : "failed") + " (spark-submit exited with "
          + exitCode + "); its messages are above");
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  @Override
  public List<SweepRow> rows(Sweep sweep, GivenVariants variants) {
    Sweep checked = variants.applyTo(sweep);
    Path work = null;
    try {
      work = Files.createTempDirectory("qm-spark-");
      Path variantsFile = Files.writeString(work.resolve("variants.json"), variants.toJson());
      Path out = work.resolve("out");
      int code = SparkSubmission.run(target.command(sweepFile, out, List.of("--variants", variantsFile.toString())),
          err, err);
      if (code != 0) {
        throw new JobFailedException(code);
      }
      return read(out, checked);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the Spark job: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        delete(work, err);
      }
    }
  }

  /** The rows of a Spark job's output folder, in variant order, then cell order. */
  static List<SweepRow> read(Path folder, Sweep sweep) {
    int parameters = sweep.parameterColumns().size();
    int metrics = sweep.metricColumns().size();
    List<SweepRow> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      try (ResultSet r = statement.executeQuery("SELECT * EXCLUDE (filename, file_row_number) FROM read_parquet("
          + SweepFiles.literal(folder.resolve("part-*.parquet").toString()) + ", filename = true,"
          + " file_row_number = true) ORDER BY filename, file_row_number")) {
        while (r.next()) {
          double[] values = new double[parameters];
          for (int p = 0; p < parameters; p++) {
            values[p] = number(r, 2 + p);
          }
          double[] metricValues = new double[metrics];
          for (int m = 0; m < metrics; m++) {
            metricValues[m] = number(r, 4 + parameters + m);
          }
          rows.add(new SweepRow(r.getInt(1), values, r.getString(2 + parameters), r.getString(3 + parameters),
              metricValues));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the Spark job's results in " + folder + ": " + e.getMessage(), e);
    }
    long expected = (long) sweep.variantCount() * sweep.cellCount();
    if (rows.size() != expected) {
      throw new IllegalStateException("the Spark job's results in " + folder + " have " + rows.size()
          + " rows, expected " + expected);
    }
    return rows;
  }

  /** A DOUBLE column's value; NULL (a metric that does not exist) is NaN, as the local runner gives it. */
  private static double number(ResultSet r, int column) throws SQLException {
    double value = r.getDouble(column);
    return r.wasNull() ? Double.NaN : value;
  }

  /** Removes the job's temporary folder; one left behind is only worth a warning. */
  static void delete(Path folder, PrintWriter err) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("qm: warning: cannot remove the Spark job's temporary folder " + folder + ": " + e.getMessage());
    }
  }
}
