package org.quartermaster.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.quartermaster.engine.optimise.Optimiser;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;

/**
 * Simulates portfolios of an optimisation file on Spark, for {@code qm optimise --spark MASTER}:
 * {@code spark-submit --class org.quartermaster.spark.PortfolioJob quartermaster-spark.jar OPTIONS.yaml
 * --portfolios FILE --out FILE}. The portfolios file is a JSON array of portfolios (bit sets of the options'
 * indices); the driver splits them into partitions, executors evaluate theirs with the engine
 * ({@link Optimiser#evaluate}) and the driver writes {@code {"evaluations": [[value, batch values...], ...]}}
 * in the portfolios' order to the output file, on its own file system. An evaluation depends only on the
 * file and the portfolio, so the values are those of {@code qm optimise} here, to the last bit.
 */
public final class PortfolioJob {
  private static final String USAGE = "usage: PortfolioJob OPTIONS.yaml --portfolios FILE --out FILE [--partitions N]";

  private PortfolioJob() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, true);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job; returns the exit code: 0 done, 2 bad input (printed as {@code PortfolioJob: LINE}), 1 failed. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean stopSession) {
    try {
      String file = null;
      String portfoliosFile = null;
      String outFile = null;
      Integer partitions = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (List.of("--portfolios", "--out", "--partitions").contains(arg)) {
          if (i + 1 == args.length) {
            throw new BadInputException(List.of(arg + " needs a value", USAGE));
          }
          String value = args[++i];
          switch (arg) {
            case "--portfolios" -> portfoliosFile = value;
            case "--out" -> outFile = value;
            default -> partitions = SweepJob.Arguments.partitions(value);
          }
        } else if (arg.startsWith("-") || file != null) {
          throw new BadInputException(List.of("unknown argument " + arg, USAGE));
        } else {
          file = arg;
        }
      }
      if (file == null || portfoliosFile == null || outFile == null) {
        throw new BadInputException(List.of(file == null ? "the optimisation file is missing"
            : portfoliosFile == null ? "--portfolios FILE is missing" : "--out FILE is missing", USAGE));
      }
      OptimisationSource source = read(Path.of(file));
      List<Long> portfolios = portfolios(portfoliosFile);
      long started = System.nanoTime();
      SparkSession spark = SparkSession.builder().appName("qm optimise " + file).getOrCreate();
      try {
        List<double[]> evaluations = evaluate(spark, source, portfolios, partitions);
        write(evaluations, Path.of(outFile));
        out.println(String.format(Locale.ROOT, "%s: %d portfolios simulated in %.1f s; evaluations written to %s",
            file, portfolios.size(), (System.nanoTime() - started) / 1e9, outFile));
        return 0;
      } finally {
        if (stopSession) {
          spark.stop();
        }
      }
    } catch (BadInputException e) {
      e.lines().forEach(line -> err.println("PortfolioJob: " + line));
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("PortfolioJob: failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  private static OptimisationSource read(Path file) {
    try {
      return OptimisationSource.read(file);
    } catch (InvalidScenarioException e) {
      int n = e.problems().size();
      List<String> lines = new ArrayList<>();
      lines.add(e.source() + ": invalid optimisation, " + n + " problem" + (n == 1 ? "" : "s") + ":");
      for (Problem problem : e.problems()) {
        lines.add("  " + problem);
      }
      throw new BadInputException(lines);
    }
  }

  private static List<Long> portfolios(String file) {
    try {
      JsonNode root = SweepSource.JSON.readTree(Files.readString(Path.of(file)));
      List<Long> portfolios = new ArrayList<>();
      if (root != null && root.isArray()) {
        for (JsonNode portfolio : root) {
          if (!portfolio.canConvertToLong() || portfolio.asLong() < 0) {
            throw new BadInputException("--portfolios " + file + ": a portfolio is a whole number of at least 0, got "
                + portfolio);
          }
          portfolios.add(portfolio.asLong());
        }
      }
      if (portfolios.isEmpty()) {
        throw new BadInputException("--portfolios " + file + ": expected a JSON array of portfolios, e.g. [0, 1, 5]");
      }
      return portfolios;
    } catch (IOException e) {
      throw new BadInputException("--portfolios " + file + ": cannot read it: " + e.getMessage());
    }
  }

  /** The evaluations of the portfolios, in their order, computed in contiguous partitions. */
  static List<double[]> evaluate(SparkSession spark, OptimisationSource source, List<Long> portfolios,
      Integer partitionsAsked) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    PartitionLayout layout = PartitionLayout.of(portfolios.size(), partitionsAsked, context.defaultParallelism());
    List<List<Long>> chunks = new ArrayList<>();
    for (int k = 0; k < layout.partitions(); k++) {
      chunks.add(new ArrayList<>(portfolios.subList(layout.first(k), layout.end(k))));
    }
    List<List<double[]>> evaluated = context.parallelize(chunks, chunks.size())
        .map(chunk -> Optimiser.evaluate(source.optimisation(), chunk, 1)).collect();
    List<double[]> out = new ArrayList<>();
    evaluated.forEach(out::addAll);
    return out;
  }

  private static void write(List<double[]> evaluations, Path file) throws IOException {
    ObjectNode root = SweepSource.JSON.createObjectNode();
    ArrayNode all = root.putArray("evaluations");
    for (double[] values : evaluations) {
      ArrayNode row = all.addArray();
      for (double value : values) {
        row.add(value);
      }
    }
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(temporary, SweepSource.JSON.writeValueAsString(root));
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
