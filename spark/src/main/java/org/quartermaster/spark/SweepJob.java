package org.quartermaster.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.sweep.GivenVariants;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;

/**
 * Runs a sweep file on Spark:
 * {@code spark-submit --class org.quartermaster.spark.SweepJob quartermaster-spark.jar SWEEP.yaml --out DIR}.
 *
 * <p>The driver reads and validates the sweep file with the engine's reader (the messages of
 * {@code qm sweep}; exit 2 when invalid), splits the variants into partitions ({@link PartitionLayout}) and
 * sends each missing partition to an executor as one task. A task rebuilds the sweep
 * ({@link SweepSource}), runs its variants through {@link SweepRunner} and publishes
 * {@code part-NNNNN.parquet} whole ({@link OutputFolder}). A variant's rows depend only on the sweep file
 * and the variant's index (run i of every variant uses the stream of (seed, i)), so the rows are the
 * rows of {@code qm sweep} to the last bit, for any number of partitions, executors, task retries or
 * resumptions. With {@code --variants FILE} ({@link GivenVariants}: a sensitivity method's design, written
 * by {@code qm sensitivity --spark}) the variants are those instead of the file's design. Every part file
 * carries the sweep's {@link SweepMetadata}, made here on the driver.
 */
public final class SweepJob {
  private static final String USAGE = "usage: SweepJob SWEEP.yaml --out DIR [--partitions N] [--variants FILE]";

  private SweepJob() {}

  /** What a job did. */
  record Report(int partitions, int partitionsRun, long rows, double seconds) {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, true);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the job with these arguments, in the active Spark session or a new one; returns the exit code:
   * 0 done, 2 bad input (printed as {@code SweepJob: LINE}), 1 failed.
   *
   * @param stopSession whether to stop the session afterwards (the command line does; a caller sharing
   *                    its session does not)
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean stopSession) {
    try {
      Arguments arguments = Arguments.parse(args);
      SweepSource.Validated sweep = read(Path.of(arguments.sweepFile()));
      if (arguments.variants() != null) {
        sweep = withVariants(sweep, arguments.variants());
      }
      long starting = System.nanoTime();
      SparkSession spark = SparkSession.builder().appName("qm sweep " + arguments.sweepFile()).getOrCreate();
      double startup = (System.nanoTime() - starting) / 1e9;
      try {
        Report report = run(spark, sweep, arguments.out(), arguments.partitions(), TaskFault.NONE);
        Sweep s = sweep.sweep();
        out.println(String.format(Locale.ROOT,
            "%s: %d variants (%s) x %d runs, %d cells: %d rows in %d partitions (%d run now) in %.1f s"
                + " (%.1f variants/s; Spark start-up %.1f s); parquet written to %s",
            s.source(), s.variantCount(), s.designLabel(), s.runs(), s.cellCount(), report.rows(),
            report.partitions(), report.partitionsRun(), report.seconds(),
            s.variantCount() / Math.max(report.seconds(), 1e-9), startup, arguments.out()));
        return 0;
      } finally {
        if (stopSession) {
          spark.stop();
        }
      }
    } catch (BadInputException e) {
      e.lines().forEach(line -> err.println("SweepJob: " + line));
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("SweepJob: failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  /** Reads and validates the sweep file; an invalid one is bad input with the lines {@code qm sweep} prints. */
  static SweepSource.Validated read(Path sweepFile) {
    try {
      return SweepSource.read(sweepFile);
    } catch (InvalidScenarioException e) {
      throw invalid(e);
    }
  }

  /**
   * The sweep with the variants of a {@code --variants} file ({@link GivenVariants}) in place of its design's;
   * an unreadable file, or an invalid variant, is bad input.
   */
  static SweepSource.Validated withVariants(SweepSource.Validated sweep, String variantsFile) {
    GivenVariants variants;
    try {
      variants = GivenVariants.parse(Files.readString(Path.of(variantsFile)), sweep.sweep().parameterColumns().size());
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException("--variants " + variantsFile + ": " + (e instanceof IOException
          ? "cannot read it: " + e : e.getMessage()));
    }
    try {
      return sweep.withVariants(variants);
    } catch (InvalidScenarioException e) {
      throw invalid(e);
    }
  }

  private static BadInputException invalid(InvalidScenarioException e) {
    int n = e.problems().size();
    List<String> lines = new ArrayList<>();
    lines.add(e.source() + ": invalid sweep, " + n + " problem" + (n == 1 ? "" : "s") + ":");
    for (Problem problem : e.problems()) {
      lines.add("  " + problem);
    }
    return new BadInputException(lines);
  }

  /**
   * Runs the partitions of {@code sweep} not yet in {@code out} and marks it complete.
   *
   * @param partitionsAsked partitions wanted, or null for {@link PartitionLayout#of}'s choice
   */
  static Report run(SparkSession spark, SweepSource.Validated sweep, String out, Integer partitionsAsked,
      TaskFault fault) throws IOException {
    long started = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = context.hadoopConfiguration();
    OutputFolder folder = new OutputFolder(out, hadoop);
    Sweep s = sweep.sweep();
    PartitionLayout proposed = PartitionLayout.of(s.variantCount(), partitionsAsked, context.defaultParallelism());
    PartitionLayout layout = folder.prepare(new OutputFolder.Manifest(OutputFolder.FORMAT, s.source(),
        sweep.source().sha256(), s.variantCount(), proposed.partitions(), s.cellCount(), s.runs(), s.seed(),
        PartitionFile.schema(s).getFields().stream().map(f -> f.getName()).toList()), partitionsAsked);
    List<Integer> missing = folder.missing(layout);
    if (!missing.isEmpty()) {
      SweepSource source = sweep.source();
      String uri = folder.uri();
      SerializableConfiguration conf = new SerializableConfiguration(hadoop);
      // made here, from the driver's sweep: its base as the file names it, as qm sweep records it
      String metadata = SweepMetadata.of(s, version()).toJson();
      context.parallelize(missing, missing.size())
          .map(partition -> runPartition(partition, source, metadata, layout, uri, conf, fault))
          .collect();
    }
    folder.finish();
    return new Report(layout.partitions(), missing.size(), (long) s.variantCount() * s.cellCount(),
        (System.nanoTime() - started) / 1e9);
  }

  /** On an executor: one partition's variants, published as its Parquet file; returns its rows. */
  private static int runPartition(int partition, SweepSource source, String metadata, PartitionLayout layout,
      String folder, SerializableConfiguration conf, TaskFault fault) throws IOException {
    Sweep sweep = source.sweep();
    List<SweepRow> rows = SweepRunner.run(sweep, layout.first(partition), layout.end(partition), 1,
        SweepProgress.NONE);
    TaskContext task = TaskContext.get();
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(folder, OutputFolder.partName(partition));
    org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(folder,
        "." + OutputFolder.partName(partition) + "." + task.taskAttemptId() + ".tmp");
    Configuration hadoop = conf.value();
    PartitionFile.write(sweep, rows, metadata, temporary, hadoop);
    fault.beforePublish(partition, task.attemptNumber());
    OutputFolder.publish(FileSystem.get(target.toUri(), hadoop), temporary, target);
    return rows.size();
  }

  /** The version of Quartermaster this job was built from, as results record it. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = SweepJob.class.getResourceAsStream("/org/quartermaster/spark/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** The command line: {@code SWEEP.yaml --out DIR [--partitions N] [--variants FILE]}. */
  record Arguments(String sweepFile, String out, Integer partitions, String variants) {
    static Arguments parse(String[] args) {
      String sweepFile = null;
      String out = null;
      Integer partitions = null;
      String variants = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--out") || arg.equals("--partitions") || arg.equals("--variants")) {
          if (i + 1 == args.length) {
            throw new BadInputException(List.of(arg + " needs a value", USAGE));
          }
          String value = args[++i];
          if (arg.equals("--out")) {
            out = value;
          } else if (arg.equals("--variants")) {
            variants = value;
          } else {
            partitions = partitions(value);
          }
        } else if (arg.startsWith("-") || sweepFile != null) {
          throw new BadInputException(List.of("unknown argument " + arg, USAGE));
        } else {
          sweepFile = arg;
        }
      }
      if (sweepFile == null || out == null) {
        throw new BadInputException(List.of(sweepFile == null ? "the sweep file is missing" : "--out DIR is missing",
            USAGE));
      }
      return new Arguments(sweepFile, out, partitions, variants);
    }

    static int partitions(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new BadInputException("--partitions must be a whole number of at least 1, got " + value);
    }
  }
}
