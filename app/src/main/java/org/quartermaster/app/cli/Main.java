package org.quartermaster.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.query.ResultFormat;
import org.quartermaster.app.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code qm}: the command line; its commands are in {@link Commands}. Exit codes: 0 success, 2 bad
 * input (a message on stderr, no stack trace), 1 internal error.
 */
@Command(
    name = "qm",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Quartermaster: stockpiles, production and aid, and the SM-1 sustainment model.",
      "Can production sustain the outflow, and when do stocks recover?"
    },
    footer = {"", "Exit codes: 0 success, 2 bad input, 1 internal error.",
      "Docs: docs/ in the source tree.", "The scenario format and the model: docs/sm1-model.md."})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin StoreOption store;

  @CommandLine.Mixin ServerOption server;

  /**
   * The commands that open the store (those whose subcommands do included): for them, the store's driver
   * loads while the arguments are parsed.
   */
  static final Set<String> STORE_COMMANDS = Set.of("import", "query", "datasets", "export", "serve", "items", "chain",
      "scenario");

  public static void main(String[] args) throws InterruptedException {
    Thread warmUp = warmUp(Set.copyOf(Arrays.asList(args)));
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
        stderrIsTerminal());
    if (warmUp != null) {
      warmUp.join(Duration.ofSeconds(10)); // done long before, unless the command failed at once
    }
    System.exit(code);
  }

  /**
   * For a command that opens the store, a background thread that does, while picocli reads the
   * arguments on the main thread, the first-use work the command will wait for next: DuckDB's driver
   * ({@link Store#warmUp}), then the country names an import matches, or the result formats' JSON and
   * CSV writers for a query. Null for any other command. Each step only initialises what the command
   * would initialise itself a little later (the JVM runs a class's initialiser once; a thread that
   * needs it meanwhile waits for it), so a wrong guess costs nothing but the work.
   */
  private static Thread warmUp(Set<String> words) {
    if (words.stream().noneMatch(STORE_COMMANDS::contains)) {
      return null;
    }
    return Thread.ofPlatform().daemon(true).name("qm-warm-up").start(() -> {
      Store.warmUp();
      if (words.contains("import")) {
        Countries.standard();
      } else if (words.contains("query") || words.contains("datasets")) {
        ResultFormat.values();
      }
    });
  }

  /** Runs {@code qm} with the given arguments and streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with this environment ($QM_TOKEN) for the commands. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    return run(args, out, err, environment, false);
  }

  /**
   * Whether stderr is a terminal. On Linux, where stderr's file is known (/proc/self/fd/2), whether
   * it is a terminal device: so {@code qm simulate x.yaml > out.txt} still draws its bar, and
   * {@code 2> log} does not. Elsewhere, whether a console is attached and, on Java 22 and later
   * (where a console may stand for a redirected stream), is a terminal.
   */
  private static boolean stderrIsTerminal() {
    Path stderr = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(stderr)) {
      try {
        String device = Files.readSymbolicLink(stderr).toString();
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
      } catch (IOException e) {
        // not readable here: decide from the console below
      }
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: System.console() is null unless the process is interactive
    }
  }

  /** @param errIsTerminal whether stderr is a terminal, where progress may be redrawn in place */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
      boolean errIsTerminal) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K command = CommandLine.defaultFactory().create(type);
        if (command instanceof ServeCommand serve) {
          serve.environment = environment;
        }
        if (command instanceof SparkOptions spark) {
          spark.environment = environment;
        }
        if (command instanceof ReportsProgress progress) {
          progress.errIsTerminal(errIsTerminal);
        }
        return command;
      }
    };
    CommandLine cli = Commands.forArguments(factory, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? BAD_INPUT : INTERNAL_ERROR);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setExecutionStrategy(new StoreRouting(environment));
    cli.setParameterExceptionHandler(Failures::usage);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
