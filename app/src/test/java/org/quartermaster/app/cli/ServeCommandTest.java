package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  private static CommandLine cli(ServeCommand command, StringWriter out, StringWriter err) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? Main.BAD_INPUT : Main.INTERNAL_ERROR);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::usage);
    return cli;
  }

  @Test
  void call_nonLoopbackHostWithoutToken_refusesWithExitCode2() {
    ServeCommand command = new ServeCommand();
    command.environment = Map.of();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = cli(command, out, err).execute("--host", "0.0.0.0", "--port", "0");

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("refusing to listen on 0.0.0.0 without a token", "QM_TOKEN");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void call_negativeWarmUp_refusesWithExitCode2() {
    ServeCommand command = new ServeCommand();
    command.environment = Map.of();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = cli(command, out, err).execute("--port", "0", "--warm-up", "-1");

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("--warm-up -1 must be 0 to 1000000");
  }

  @Test
  void call_loopback_printsWhereItListensServesAndBlocksUntilInterrupted(@TempDir Path dir) throws Exception {
    ServeCommand command = new ServeCommand();
    command.environment = Map.of();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(cli(command, out, err)
        .execute("--port", "0", "--db", dir.resolve("qm.duckdb").toString(), "--create")));
    serve.start();
    Matcher listening = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/v1").matcher("");
    // creating and seeding the store, then the server's warm-up (at most 10 s), on a busy machine
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!listening.reset(out.toString()).find() && System.nanoTime() < deadline && serve.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(out.toString()).as(err.toString()).contains("qm: dashboard on http://127.0.0.1:");

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + listening.group(1) + "/api/v1/datasets")).build(),
        HttpResponse.BodyHandlers.ofString());
    boolean blocking = serve.isAlive();
    serve.interrupt();
    serve.join(10_000);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(blocking).isTrue();
    assertThat(serve.isAlive()).isFalse();
    assertThat(code.get()).isEqualTo(Main.OK);
  }
}
