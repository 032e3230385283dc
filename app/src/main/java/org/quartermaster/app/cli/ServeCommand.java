package org.quartermaster.app.cli;

import io.javalin.Javalin;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quartermaster.app.api.ApiServer;
import org.quartermaster.app.api.ApiSettings;
import org.quartermaster.app.api.RequestLogging;
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
      "required, and POST/PUT/DELETE requests must carry 'Authorization: Bearer <token>'."
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

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token for mutating requests when not on loopback (default: $QM_TOKEN, else none).")
  String token;

  @Option(names = "--max-import-mib", paramLabel = "MIB",
      description = "The largest file POST /api/v1/imports accepts, in MiB; other request bodies stay limited to 1 MiB"
          + " (default: " + (ApiSettings.DEFAULT_MAX_IMPORT_BYTES >> 20) + ").")
  long maxImportMib = ApiSettings.DEFAULT_MAX_IMPORT_BYTES >> 20;

  @Option(names = "--request-log", paramLabel = "FILE|-|off",
      description = "Where the request log goes, one line per request: '-' for stderr, 'off', or a file to append to"
          + " (default: -).")
  String requestLog = "-";

  /** The environment (tests replace it). */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    ApiSettings settings;
    if (maxImportMib < 1 || maxImportMib > 64L * 1024) {
      throw new BadInputException("--max-import-mib " + maxImportMib + " must be 1 to 65536");
    }
    try {
      settings = new ApiSettings(host, port, token != null ? token : environment.get("QM_TOKEN"), false,
          ApiSettings.DEFAULT_MAX_BODY_BYTES, maxImportMib << 20, ApiSettings.RunLimits.DEFAULT)
          .withRequestLog(RequestLogging.parse(requestLog));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    Store store = storeOption.open();
    Javalin app = ApiServer.create(() -> store, settings);
    try {
      app.start();
    } catch (RuntimeException e) {
      store.close();
      throw new BadInputException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    Thread stopper = new Thread(app::stop, "qm-serve-stop");
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
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
    return Main.OK;
  }
}
