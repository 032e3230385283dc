package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.quartermaster.app.store.Store;

/**
 * Quartermaster's REST API ({@code qm serve}). {@link #create} builds the configured, not started,
 * server; every route is registered in {@link #routes}, and every failure becomes the one error shape
 * ({@link ApiException.Body}) in {@link #errors}: never a stack trace.
 *
 * <p>Security: every request must name a host the server serves, and a mutating request (POST, PUT,
 * PATCH, DELETE) must come from the server's own origin with a body type no cross-site form sends
 * ({@link SameOrigin}); mutating requests need {@code Authorization: Bearer <token>} when the server is
 * exposed (bound to a non-loopback address), checked before any body is read; request bodies are limited in size;
 * every response carries a strict Content-Security-Policy, {@code X-Content-Type-Options: nosniff} and
 * {@code X-Frame-Options: DENY}. The store is only read through the query classes (bound parameters).
 *
 * <p>Operations: every request gets an id ({@link RequestIds}, answered in {@code X-Request-Id}) and a
 * request log line ({@link RequestLogging}); an internal error is logged with its stack trace under that
 * id ({@link InternalErrors}); slow clients are dropped and changes served a few at a time
 * ({@link Transport}); Jetty's own error answers use the one error shape ({@link JsonErrorHandler}).
 */
public final class ApiServer {
  /** The OpenAPI 3 document served at {@code /api/openapi.json}. */
  static final String OPENAPI_RESOURCE = "org/quartermaster/app/api/openapi.json";
  /** Swagger UI's page at {@code /api/docs} and the script that starts it (no inline script: see the CSP). */
  static final String DOCS_PAGE_RESOURCE = "org/quartermaster/app/swagger/index.html";
  static final String DOCS_SCRIPT_RESOURCE = "org/quartermaster/app/swagger/swagger-initializer.js";
  /** The dashboard's pages, scripts and styles, served at {@code /}. */
  static final String DASHBOARD_DIRECTORY = "/org/quartermaster/app/web";
  /**
   * Scripts only from this server, no inline script; inline styles are allowed because ECharts'
   * tooltips and Swagger UI set them, and images may be data: URLs (chart PNG downloads, icons).
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** On every response, also Jetty's own error answers ({@link JsonErrorHandler}). */
  static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer");
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private ApiServer() {}

  /**
   * The configured, not started, server. {@code stores} opens the store on first use; the server
   * closes it, and cancels the runs, when it stops.
   */
  public static Javalin create(Supplier<Store> stores, ApiSettings settings) {
    return create(new StoreAccess(stores), settings);
  }

  /**
   * The configured, not started, server on {@code store}, open from the start (so that uploads are received
   * beside it from the first request on, see {@link ImportEndpoints}); the server closes it, and cancels the
   * runs, when it stops.
   */
  public static Javalin create(Store store, ApiSettings settings) {
    return create(StoreAccess.of(store), settings);
  }

  private static Javalin create(StoreAccess store, ApiSettings settings) {
    ObjectMapper json = JsonMapper.builder().build();
    RunManager runManager = new RunManager(settings.limits(), settings.runResults());
    ScenarioCatalog catalog = new ScenarioCatalog(ExampleScenarios.fromClasspath(), store);
    QueryEndpoints queries = new QueryEndpoints(store);
    Endpoints endpoints = new Endpoints(queries, new MunitionEndpoints(queries, store),
        new CountryEndpoints(store),
        new ScenarioEndpoints(catalog, json), new SavedScenarioEndpoints(catalog, store, json),
        new ScenarioBuildEndpoints(store, catalog, json),
        new RunEndpoints(runManager, catalog, settings.limits(), json), new SavedRunEndpoints(runManager, store, json),
        new ImportEndpoints(store, settings.maxImportBytes()), new DatasetEndpoints(store, queries),
        new ExportEndpoints(store));
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jsonMapper(new JavalinJackson(json, false));
      Transport.configure(cfg, settings, json);
      cfg.http.maxRequestSize = settings.maxBodyBytes();
      cfg.staticFiles.add(DASHBOARD_DIRECTORY, Location.CLASSPATH);
      cfg.staticFiles.enableWebjars();
      AnalysisJobs analyses = new AnalysisJobs(settings.limits(), runManager.memory(), json);
      cfg.events.serverStopping(() -> {
        analyses.close();
        runManager.close();
        store.close();
      });
      cfg.routes.before(ctx -> guard(ctx, settings));
      routes(cfg, endpoints);
      SweepEndpoints.register(cfg, queries, catalog, analyses, settings, json);
      SensitivityEndpoints.register(cfg, catalog, analyses, settings, json);
      OptimisationEndpoints.register(cfg, catalog, analyses, settings, json);
      AnalysisExampleEndpoints.register(cfg);
      errors(cfg);
    });
  }

  /** The handlers, built once per server. */
  private record Endpoints(QueryEndpoints queries, MunitionEndpoints munitions, CountryEndpoints countries, ScenarioEndpoints scenarios,
      SavedScenarioEndpoints saved, ScenarioBuildEndpoints builds, RunEndpoints runs, SavedRunEndpoints savedRuns,
      ImportEndpoints imports, DatasetEndpoints datasets,
      ExportEndpoints exports) {}

  private static void routes(JavalinConfig cfg, Endpoints e) {
    String openApi = resource(OPENAPI_RESOURCE);
    String docsPage = resource(DOCS_PAGE_RESOURCE);
    String docsScript = resource(DOCS_SCRIPT_RESOURCE);
    QueryEndpoints queries = e.queries();
    ScenarioEndpoints scenarios = e.scenarios();
    RunEndpoints runs = e.runs();
    cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    cfg.routes.get("/api/docs", ctx -> ctx.html(docsPage));
    cfg.routes.get("/api/docs/swagger-initializer.js", ctx -> ctx.contentType("text/javascript").result(docsScript));
    cfg.routes.get("/api/v1/spending", queries::spending);
    cfg.routes.get("/api/v1/aid", queries::aid);
    cfg.routes.get("/api/v1/deliveries", queries::deliveries);
    cfg.routes.get("/api/v1/production", queries::production);
    cfg.routes.get("/api/v1/contracts", queries::contracts);
    cfg.routes.get("/api/v1/datasets", queries::datasets);
    cfg.routes.get("/api/v1/datasets/{id}", e.datasets()::show);
    cfg.routes.delete("/api/v1/datasets/{id}", e.datasets()::delete);
    cfg.routes.get(ExportEndpoints.PATH, e.exports()::export);
    cfg.routes.get("/api/v1/items", queries::items);
    cfg.routes.get("/api/v1/items/{id}/chain", e.munitions()::chain);
    cfg.routes.get("/api/v1/items/{id}/years-to-replace", e.munitions()::yearsToReplace);
    cfg.routes.get("/api/v1/munitions", e.munitions()::catalogue);
    cfg.routes.get("/api/v1/transfers", queries::transfers);
    cfg.routes.get("/api/v1/countries", e.countries()::list);
    cfg.routes.post(ImportEndpoints.PATH, e.imports()::create);
    cfg.routes.get(ImportFormatEndpoints.PATH, ImportFormatEndpoints::list);
    cfg.routes.get("/api/v1/scenarios", scenarios::list);
    cfg.routes.post("/api/v1/scenarios", e.saved()::create);
    cfg.routes.get("/api/v1/scenarios/{id}", scenarios::one);
    cfg.routes.put("/api/v1/scenarios/{id}", e.saved()::update);
    cfg.routes.delete("/api/v1/scenarios/{id}", e.saved()::delete);
    cfg.routes.post("/api/v1/scenarios/validate", scenarios::validate);
    cfg.routes.post(ScenarioBuildEndpoints.PATH, e.builds()::build);
    cfg.routes.post(ScenarioBuildEndpoints.REBUILD_PATH, e.builds()::rebuild);
    cfg.routes.post("/api/v1/runs", runs::start);
    cfg.routes.get("/api/v1/runs/{id}", runs::status);
    cfg.routes.get("/api/v1/runs/{id}/result", runs::result);
    cfg.routes.get("/api/v1/runs/{id}/events", runs::events);
    cfg.routes.delete("/api/v1/runs/{id}", runs::cancel);
    cfg.routes.post(SavedRunEndpoints.PATH, e.savedRuns()::create);
    cfg.routes.get(SavedRunEndpoints.PATH, e.savedRuns()::list);
    cfg.routes.get(SavedRunEndpoints.PATH + "/{id}", e.savedRuns()::one);
    cfg.routes.delete(SavedRunEndpoints.PATH + "/{id}", e.savedRuns()::delete);
  }

  private static void errors(JavalinConfig cfg) {
    cfg.routes.exception(ApiException.class, (e, ctx) -> fail(ctx, e.body()));
    // Javalin answers a body read that timed out (idle, or slower than the minimum rate) 408 itself, without a body
    cfg.routes.error(408, ctx -> fail(ctx, new ApiException.Body(408, JsonErrorHandler.message(408), List.of())));
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx,
        new ApiException.Body(e.getStatus(), javalinMessage(e, ctx), List.of())));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      Optional<HttpException> refusedByJetty = jettyRefusal(e);
      if (refusedByJetty.isPresent()) {
        int status = refusedByJetty.get().getCode();
        fail(ctx, new ApiException.Body(status, JsonErrorHandler.message(status), List.of()));
        return;
      }
      String id = RequestIds.of(ctx.req());
      InternalErrors.log(id, ctx.method() + " " + ctx.path(), e);
      fail(ctx, new ApiException.Body(500, InternalErrors.MESSAGE, List.of(), id));
    });
  }

  /**
   * Jetty's refusal of a request while its body was read (408 for a body slower than the minimum rate, 400
   * for a malformed one): the client's doing, not a bug.
   */
  private static Optional<HttpException> jettyRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException refusal && refusal.getCode() >= 400 && refusal.getCode() < 500) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }

  private static String javalinMessage(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
      case 405 -> "method not allowed: " + ctx.method() + " " + ctx.path();
      case 413 -> "request body too large";
      default -> e.getMessage() == null ? "request failed" : e.getMessage();
    };
  }

  private static void fail(Context ctx, ApiException.Body body) {
    securityHeaders(ctx);
    if (body.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    if (body.status() == 503) {
      ctx.header("Retry-After", "5");
    }
    ctx.status(body.status()).json(body);
  }

  /**
   * Headers on every response, the size limit (file imports have their own, and count the bytes as
   * they come; other bodies are read whole by Javalin, which enforces the limit again; a refused body is
   * read and dropped first, see {@link OversizedBody}) and the token rule.
   */
  private static void guard(Context ctx, ApiSettings settings) {
    securityHeaders(ctx);
    boolean mutating = MUTATING.contains(ctx.req().getMethod().toUpperCase(Locale.ROOT));
    SameOrigin.check(ctx, settings, mutating);
    // the token before the body: an unauthorised client is refused before a byte of it is read
    if (settings.requiresToken() && mutating && !authorized(ctx.header("Authorization"), settings.token())) {
      throw new ApiException(401, "this request needs 'Authorization: Bearer <token>'");
    }
    long limit = ImportEndpoints.PATH.equals(ctx.path()) ? settings.maxImportBytes() : settings.maxBodyBytes();
    if (ctx.req().getContentLengthLong() > limit) {
      try {
        OversizedBody.discard(ctx.req().getInputStream());
      } catch (IOException e) {
        // no body to drop
      }
      throw new ApiException(413, "request body too large: at most " + limit + " bytes");
    }
  }

  private static boolean authorized(String header, String token) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
  }

  private static void securityHeaders(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }

  private static String resource(String name) {
    try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
