package org.quartermaster.app.sweeps;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a sweep file to Spark ({@code qm sweep --spark MASTER}) through the installation's own
 * {@code $SPARK_HOME/bin/spark-submit}, which runs {@code org.quartermaster.spark.SweepJob} from
 * {@code quartermaster-spark.jar}; the job's output is copied to this command's streams and its exit
 * code returned (2 for bad input, as for {@code qm}).
 *
 * <p>The jar is found, in order: the path given ({@code --spark-jar}), {@code $QM_SPARK_JAR}, beside this
 * application's jar (a distribution), or where the build leaves it ({@code spark/target/} of the
 * repository holding {@code app/target/quartermaster.jar}).
 */
public final class SparkSubmission {
  /** The class spark-submit runs. */
  public static final String JOB_CLASS = "org.quartermaster.spark.SweepJob";
  /** The class spark-submit runs for {@code qm optimise --spark}. */
  public static final String PORTFOLIO_JOB_CLASS = "org.quartermaster.spark.PortfolioJob";
  public static final String JAR_NAME = "quartermaster-spark.jar";

  private SparkSubmission() {}

  /**
   * Where and how to submit: a checked Spark installation, the master, the job's jar, and the partitions
   * asked for (null: the job's choice).
   */
  public record Target(Path sparkHome, String master, Path jar, Integer partitions) {
    /** The spark-submit command line of the job on {@code sweepFile} into {@code out}, then {@code more} arguments. */
    public List<String> command(Path sweepFile, Path out, List<String> more) {
      List<String> command = SparkSubmission.command(sparkHome, master, jar, sweepFile, out, partitions,
          quietLogging(sparkHome, jar));
      command.addAll(more);
      return command;
    }

    /** The spark-submit command line of the portfolio job ({@value #PORTFOLIO_JOB_CLASS}) with these arguments. */
    public List<String> portfolioCommand(List<String> arguments) {
      return SparkSubmission.command(sparkHome, master, jar, PORTFOLIO_JOB_CLASS, arguments, partitions,
          quietLogging(sparkHome, jar));
    }
  }

  /**
   * The spark-submit command line.
   *
   * @param quiet a log4j 2 configuration for the driver (the jar's quiet one) when the installation has
   *              none of its own, else empty
   */
  public static List<String> command(Path sparkHome, String master, Path jar, Path sweepFile, Path out,
      Integer partitions, Optional<String> quiet) {
    return command(sparkHome, master, jar, JOB_CLASS, List.of(sweepFile.toString(), "--out", out.toString()),
        partitions, quiet);
  }

  /** The spark-submit command line of {@code jobClass} with its arguments, then {@code --partitions N} if given. */
  private static List<String> command(Path sparkHome, String master, Path jar, String jobClass, List<String> arguments,
      Integer partitions, Optional<String> quiet) {
    List<String> command = new ArrayList<>(List.of(sparkHome.resolve("bin").resolve("spark-submit").toString(),
        "--master", master, "--class", jobClass));
    quiet.ifPresent(configuration -> command.addAll(List.of("--driver-java-options",
        "-Dlog4j2.configurationFile=" + configuration)));
    command.add(jar.toString());
    command.addAll(arguments);
    if (partitions != null) {
      command.addAll(List.of("--partitions", partitions.toString()));
    }
    return command;
  }

  /** The jar's quiet log4j 2 configuration, unless the installation has a configuration of its own. */
  public static Optional<String> quietLogging(Path sparkHome, Path jar) {
    if (Files.exists(sparkHome.resolve("conf").resolve("log4j2.properties"))) {
      return Optional.empty();
    }
    return Optional.of("jar:" + jar.toAbsolutePath().toUri() + "!/log4j2.properties");
  }

  /**
   * Where quartermaster-spark.jar is, or empty when none of the places holds it.
   *
   * @param given the jar named on the command line, or null
   */
  public static Optional<Path> findJar(Path given, Map<String, String> environment) {
    if (given != null) {
      return Optional.of(given);
    }
    String fromEnvironment = environment.get("QM_SPARK_JAR");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(Path.of(fromEnvironment));
    }
    Optional<Path> appJar = appJar();
    if (appJar.isEmpty()) {
      return Optional.empty();
    }
    Path folder = appJar.get().getParent();
    for (Path candidate : List.of(folder.resolve(JAR_NAME), folder.resolve("../../spark/target").resolve(JAR_NAME))) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate.normalize());
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> appJar() {
    java.security.CodeSource source = SparkSubmission.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return Optional.empty(); // loaded without a code source: the jar must be named
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty(); // not a file (e.g. inside another archive): the jar must be named
    }
  }

  /** Runs the command; its stdout goes to {@code out}, its stderr to {@code err}. Returns its exit code. */
  public static int run(List<String> command, PrintWriter out, PrintWriter err) throws IOException {
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
    Thread errors = Thread.ofPlatform().daemon(true).name("spark-submit-stderr")
        .start(() -> copy(process.getErrorStream(), err));
    copy(process.getInputStream(), out);
    try {
      int code = process.waitFor();
      errors.join();
      return code;
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while spark-submit was running", e);
    }
  }

  private static void copy(InputStream from, PrintWriter to) {
    char[] buffer = new char[8192];
    try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        synchronized (to) {
          to.write(buffer, 0, n);
          to.flush();
        }
      }
    } catch (IOException e) {
      synchronized (to) {
        to.println("qm: lost spark-submit's output: " + e.getMessage());
      }
    }
  }
}
