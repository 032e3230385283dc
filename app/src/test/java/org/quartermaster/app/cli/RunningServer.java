package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** {@code qm serve} run in this process on a store, until closed (tests of the commands beside it). */
final class RunningServer implements AutoCloseable {
  final Path store;
  final ServerFile file;
  private final Thread thread;
  private final AtomicInteger code = new AtomicInteger(-1);

  private RunningServer(Path store, Map<String, String> environment, String... args) throws InterruptedException {
    this.store = store;
    ServeCommand command = new ServeCommand();
    command.environment = environment;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(new Failures());
    String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--port", "0", "--db", store.toString()),
        java.util.Arrays.stream(args)).toArray(String[]::new);
    thread = new Thread(() -> code.set(cli.execute(all)), "qm-serve-test");
    thread.start();
    // the server leaves its file once ready: after its warm-up (at most 10 s), on a busy machine
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    ServerFile found = null;
    while (found == null && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      found = ServerFile.ofRunning(store).orElse(null);
    }
    if (found == null) {
      close();
      throw new IllegalStateException("qm serve did not start: " + out + err);
    }
    file = found;
  }

  static RunningServer start(Path store, Map<String, String> environment, String... args) throws InterruptedException {
    return new RunningServer(store, environment, args);
  }

  String url() {
    return file.url();
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(30_000);
  }

  int exitCode() {
    return code.get();
  }
}
