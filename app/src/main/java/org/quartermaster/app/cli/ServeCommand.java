package org.quartermaster.app.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quartermaster.app.api.ApiServer;
import org.quartermaster.app.api.ApiSettings;
import org.quartermaster.app.api.RequestLogging;
import org.quartermaster.app.api.WarmUp;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qm serve}: the REST API, until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the REST API (/api/v1/…, OpenAPI document at /api/openapi.json) until stopped (Ctrl-C).",
      "Listens on 127.0.0.1 only, unless --host says otherwise; on any other address a token is",
      "required, and POST/PUT/DELETE requests must carry 'Authorization: Bearer <token>'.",
      "While it runs, qm commands on the same store (query, import, datasets) go through it: it leaves",
      "STORE.server.json beside the store (its URL and process id, never the token) and removes it when it stops.",
      "It prints its address and leaves that file once it is ready: the store open, and its own warm-up done",
      "(--warm-up; requests that come earlier are answered too, only more slowly)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "The address to listen on; anything but loopback needs a token (default: "
          + ApiSettings.LOOPBACK + ").")
  String host = ApiSettings.LOOPBACK;

  @Option(names = "--port", paramLabel = "PORT", description = "The port, 0 for any free one (default: "
      + ApiSettings.DEFAULT_PORT + ").")
  int port = ApiSettings.DEFAULT_PORT;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file whose first line is the bearer token mutating requests must carry when not on loopback;"
          + " at least " + BearerToken.MIN_LENGTH + " characters (default: $QM_TOKEN, else none).")
  Path tokenFile;

  /** Refused: a token on the command line is visible to every user of the machine in {@code ps}. */
  @Option(names = "--token", paramLabel = "TOKEN", hidden = true)
  String tokenOnCommandLine;

  @Option(names = "--max-import-mib", paramLabel = "MIB",
      description = "The largest file POST /api/v1/imports accepts, in MiB; other request bodies stay limited to 1 MiB"
          + " (default: " + (ApiSettings.DEFAULT_MAX_IMPORT_BYTES >> 20) + ").")
  long maxImportMib = ApiSettings.DEFAULT_MAX_IMPORT_BYTES >> 20;

  @Option(names = "--request-log", paramLabel = "FILE|-|off",
      description = "Where the request log goes, one line per request: '-' for stderr, 'off', or a file to append to"
          + " (default: -).")
  String requestLog = "-";

  @Option(names = "--warm-up", paramLabel = "REQUESTS",
      description = "Before it says it is ready, the server sends itself this many read requests (the dashboard's"
          + " first reads and typical API reads; for at most 10 s), so that its first clients find the answers"
          + " computed and the code compiled; 0 for none (default: " + WarmUp.DEFAULT_REQUESTS + ").")
  int warmUpRequests = WarmUp.DEFAULT_REQUESTS;

  /** The environment (tests replace it). */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    ApiSettings settings;
    if (maxImportMib < 1 || maxImportMib > 64L * 1024) {
      throw new BadInputException("--max-import-mib " + maxImportMib + " must be 1 to 65536");
    }
    if (warmUpRequests < 0 || warmUpRequests > 1_000_000) {
      throw new BadInputException("--warm-up " + warmUpRequests + " must be 0 to 1000000");
    }
    String token = token();
    try {
      settings = new ApiSettings(host, port, token, false,
          ApiSettings.DEFAULT_MAX_BODY_BYTES, maxImportMib << 20, ApiSettings.RunLimits.DEFAULT)
          .withRunResults(ApiSettings.runResultsBeside(storeOption.file()))
          .withRequestLog(RequestLogging.parse(requestLog));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    ServerFile.ofRunning(storeOption.file()).ifPresent(running -> {
      throw new BadInputException("the store " + storeOption.file() + " is already served by the qm serve (process "
          + running.pid() + ") at " + running.url() + ": use that one, or stop it first");
    });
    Store store = storeOption.open();
    Javalin app = ApiServer.create(store, settings);
    try {
      app.start();
    } catch (RuntimeException e) {
      store.close();
      throw new BadInputException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    String url = "http://" + reachable() + ":" + app.port();
    warmUp(url);
    ServerFile serverFile = announce(url, settings);
    Thread stopper = new Thread(() -> {
      app.stop();
      if (serverFile != null) {
        serverFile.remove(storeOption.file());
      }
    }, "qm-serve-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    String shown = host.contains(":") ? "[" + host + "]" : host;
    spec.commandLine().getOut().printf("qm: dashboard on http://%s:%d/ and the API on http://%s:%d/api/v1 (store %s)%s; Ctrl-C stops%n",
        shown, app.port(), shown, app.port(), store.location(), settings.requiresToken() ? ", token required for changes" : "");
    spec.commandLine().getOut().flush();
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      // stopped from within the process (tests): stop the server now rather than at exit
      app.stop();
      if (serverFile != null) {
        serverFile.remove(storeOption.file());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
    return Main.OK;
  }

  /** The token from --token-file or $QM_TOKEN, checked; null for none. */
  private String token() {
    if (tokenOnCommandLine != null) {
      throw new BadInputException("--token is no longer accepted: a token on the command line is visible to every"
          + " user of this machine in ps; put it in a file readable only by you and give --token-file FILE, or set"
          + " " + BearerToken.ENVIRONMENT);
    }
    ServerOption above = ServerOption.of(spec);
    if (above != null && above.server() != null) {
      throw new BadInputException("--server is for the commands that go through a server; qm serve is one");
    }
    String token = BearerToken.forServer(tokenFile != null ? tokenFile : above == null ? null : above.tokenFile(),
        environment);
    if (token == null && !ApiSettings.isLoopback(host)) {
      throw new BadInputException("refusing to listen on " + host + " without a token: give --token-file FILE or set "
          + BearerToken.ENVIRONMENT + " (at least " + BearerToken.MIN_LENGTH + " characters; mutating requests then"
          + " need 'Authorization: Bearer <token>'), or bind " + ApiSettings.LOOPBACK);
    }
    return token;
  }

  /**
   * Leaves {@link ServerFile} beside the store, so that {@code qm} commands on it go through this server;
   * null (and a warning) when it cannot be written, e.g. in a read-only folder.
   */
  private ServerFile announce(String url, ApiSettings settings) {
    ServerFile file = new ServerFile(url, ProcessHandle.current().pid(),
        OffsetDateTime.now(ZoneOffset.UTC).toString(), settings.requiresToken(), storeOption.file().toString());
    try {
      file.write(storeOption.file());
      return file;
    } catch (IOException | RuntimeException e) {
      spec.commandLine().getErr().println("qm: warning: cannot write " + ServerFile.beside(storeOption.file())
          + " (" + e.getMessage() + "): qm commands on this store will not find this server; give them --server URL");
      return null;
    }
  }

  /** The address this server is reached at from this machine. */
  private String reachable() {
    return wildcard(host) ? ApiSettings.LOOPBACK : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@link WarmUp}: a warning, and the server ready all the same, if it stops early. */
  private void warmUp(String url) {
    if (warmUpRequests == 0) {
      return;
    }
    WarmUp.Report report = WarmUp.run(URI.create(url), warmUpRequests);
    if (report.failure() != null) {
      spec.commandLine().getErr().println("qm: warning: the warm-up stopped after " + report.requests()
          + " requests (" + report.failure() + "); the first requests may be slow");
    } else {
      spec.commandLine().getErr().printf(Locale.ROOT, "qm: warmed up with %d requests in %.1f s%n", report.requests(),
          report.took().toMillis() / 1000.0);
    }
  }

  private static boolean wildcard(String host) {
    String h = host.replace("[", "").replace("]", "");
    return h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0");
  }
}
