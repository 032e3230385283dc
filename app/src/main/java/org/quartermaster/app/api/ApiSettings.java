package org.quartermaster.app.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the API server is set up. Immutable.
 *
 * @param host         the address to bind (127.0.0.1 by default); anything but a loopback address exposes
 *                     the server, and then a token is required
 * @param port         the port, 0 for any free port
 * @param token        the bearer token mutating requests (POST, PUT, PATCH, DELETE) must carry when the
 *                     server is exposed; null or blank for none
 * @param exposed      treat the server as exposed even on a loopback address (tests of the token rules)
 * @param maxBodyBytes   the largest request body accepted, but for file uploads; larger ones get 413
 * @param maxImportBytes the largest file accepted by {@code POST /api/v1/imports}; larger ones get 413
 * @param limits         what a run may ask for
 * @param runResults     the folder for run results too large to keep in memory (beside the store; files
 *                       left there by an earlier server are removed at start), or null for a temporary
 *                       folder removed when the server stops
 * @param connections    how slow clients and many clients are kept from taking the server's threads
 * @param requestLog     where the request log goes (one line per request)
 */
public record ApiSettings(String host, int port, String token, boolean exposed, long maxBodyBytes,
    long maxImportBytes, RunLimits limits, Path runResults, Connections connections, RequestLogging requestLog) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
  public static final long DEFAULT_MAX_IMPORT_BYTES = 64L << 20;

  public ApiSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
    }
    if (maxImportBytes < 1) {
      throw new IllegalArgumentException("maxImportBytes must be at least 1, got " + maxImportBytes);
    }
    token = token == null || token.isBlank() ? null : token;
    if (requiresToken(host, exposed) && token == null) {
      throw new IllegalArgumentException("refusing to listen on " + host
          + " without a token: give --token-file or set QM_TOKEN (mutating requests then need 'Authorization: Bearer"
          + " <token>'), or bind " + LOOPBACK);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(requestLog, "requestLog");
  }

  /**
   * These settings with run results too large for memory in a temporary folder, the default
   * {@link Connections} and the request log on stderr.
   */
  public ApiSettings(String host, int port, String token, boolean exposed, long maxBodyBytes, long maxImportBytes,
      RunLimits limits) {
    this(host, port, token, exposed, maxBodyBytes, maxImportBytes, limits, null, Connections.DEFAULT,
        RequestLogging.TO_LOG);
  }

  /** These settings with uploads of at most {@link #DEFAULT_MAX_IMPORT_BYTES}. */
  public ApiSettings(String host, int port, String token, boolean exposed, long maxBodyBytes, RunLimits limits) {
    this(host, port, token, exposed, maxBodyBytes, DEFAULT_MAX_IMPORT_BYTES, limits);
  }

  /** Loopback, the given port, no token, 1 MiB bodies, 64 MiB uploads, the default run limits. */
  public static ApiSettings loopback(int port) {
    return new ApiSettings(LOOPBACK, port, null, false, DEFAULT_MAX_BODY_BYTES, RunLimits.DEFAULT);
  }

  public ApiSettings withToken(String newToken, boolean newExposed) {
    return new ApiSettings(host, port, newToken, newExposed, maxBodyBytes, maxImportBytes, limits, runResults,
        connections, requestLog);
  }

  public ApiSettings withLimits(RunLimits newLimits) {
    return new ApiSettings(host, port, token, exposed, maxBodyBytes, maxImportBytes, newLimits, runResults,
        connections, requestLog);
  }

  public ApiSettings withMaxImportBytes(long newMaxImportBytes) {
    return new ApiSettings(host, port, token, exposed, maxBodyBytes, newMaxImportBytes, limits, runResults,
        connections, requestLog);
  }

  public ApiSettings withRunResults(Path folder) {
    return new ApiSettings(host, port, token, exposed, maxBodyBytes, maxImportBytes, limits, folder, connections,
        requestLog);
  }

  public ApiSettings withConnections(Connections newConnections) {
    return new ApiSettings(host, port, token, exposed, maxBodyBytes, maxImportBytes, limits, runResults,
        newConnections, requestLog);
  }

  public ApiSettings withRequestLog(RequestLogging newRequestLog) {
    return new ApiSettings(host, port, token, exposed, maxBodyBytes, maxImportBytes, limits, runResults,
        connections, newRequestLog);
  }

  /** The run results folder for the store file {@code store}: {@code <store>.run-results} beside it. */
  public static Path runResultsBeside(Path store) {
    Path file = store.toAbsolutePath();
    return file.resolveSibling(file.getFileName() + ".run-results");
  }

  /** Whether mutating requests need the bearer token. */
  public boolean requiresToken() {
    return requiresToken(host, exposed);
  }

  private static boolean requiresToken(String host, boolean exposed) {
    return exposed || !isLoopback(host);
  }

  /** Whether {@code host} names only loopback addresses (127.0.0.0/8, ::1, localhost); unresolvable is not. */
  public static boolean isLoopback(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(h);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * What one run may ask for (over a limit the request gets 413) and what all runs may hold.
   *
   * @param maxRuns           most Monte Carlo runs
   * @param maxMonths         longest horizon in months
   * @param maxCellMonths     most runs × months × cells
   * @param concurrent        runs executing at once
   * @param queued            runs waiting; beyond that new runs get 503
   * @param memoryBytes       the heap that running and queued runs may hold together, by their estimates
   *                          ({@link org.quartermaster.engine.simulation.MemoryEstimate}); a run that does not
   *                          fit beside the others gets 503, one that could never fit 413
   * @param resultMemoryBytes the results of finished runs kept in memory together; beyond it the oldest
   *                          finished runs are forgotten
   * @param resultFileBytes   a result longer than this is kept in a file (see {@link ApiSettings#runResults})
   *                          and streamed from it; at most {@code resultMemoryBytes}
   * @param resultFolderBytes the result files of finished runs kept together; beyond it the oldest finished
   *                          runs are forgotten, and a run whose result alone could not fit is refused (507)
   */
  public record RunLimits(long maxRuns, int maxMonths, double maxCellMonths, int concurrent, int queued,
      long memoryBytes, long resultMemoryBytes, long resultFileBytes, long resultFolderBytes) {
    public static final RunLimits DEFAULT = new RunLimits(1_000_000, 600, 2e9, 2, 8);
    /** Results longer than 16 MiB go to a file by default. */
    public static final long DEFAULT_RESULT_FILE_BYTES = 16L << 20;
    /**
     * The run results folder holds at most 4 GiB by default. ASSUMPTION: a server's disk has a few GiB to spare
     * beside its store. A result's length grows with cells × months, not with runs: typical scenarios (tens of
     * cells, a few hundred months) give well under 1 MiB and never reach the folder; a result too long for the
     * folder is refused before its run starts.
     */
    public static final long DEFAULT_RESULT_FOLDER_BYTES = 4L << 30;

    public RunLimits {
      if (maxRuns < 1 || maxMonths < 1 || maxCellMonths < 1 || concurrent < 1 || queued < 0 || memoryBytes < 1
          || resultMemoryBytes < 1 || resultFileBytes < 1 || resultFolderBytes < 1) {
        throw new IllegalArgumentException("run limits must be positive");
      }
      if (resultFileBytes > resultMemoryBytes || resultFileBytes > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("resultFileBytes (" + resultFileBytes + ") must be at most resultMemoryBytes ("
            + resultMemoryBytes + ") and 2 GiB");
      }
    }

    /**
     * These limits with half of the JVM's maximum heap for runs, a tenth for the results kept in memory,
     * and results over {@link #DEFAULT_RESULT_FILE_BYTES} (or that tenth, if smaller) in files.
     */
    public RunLimits(long maxRuns, int maxMonths, double maxCellMonths, int concurrent, int queued) {
      this(maxRuns, maxMonths, maxCellMonths, concurrent, queued, Runtime.getRuntime().maxMemory() / 2,
          Runtime.getRuntime().maxMemory() / 10,
          Math.min(DEFAULT_RESULT_FILE_BYTES, Runtime.getRuntime().maxMemory() / 10), DEFAULT_RESULT_FOLDER_BYTES);
    }

    public RunLimits withMemory(long newMemoryBytes, long newResultMemoryBytes, long newResultFileBytes) {
      return new RunLimits(maxRuns, maxMonths, maxCellMonths, concurrent, queued, newMemoryBytes,
          newResultMemoryBytes, newResultFileBytes, resultFolderBytes);
    }

    public RunLimits withResultFolderBytes(long newResultFolderBytes) {
      return new RunLimits(maxRuns, maxMonths, maxCellMonths, concurrent, queued, memoryBytes, resultMemoryBytes,
          resultFileBytes, newResultFolderBytes);
    }
  }

  /**
   * How the server keeps slow clients and many clients from taking its threads. Reading a request body
   * holds a thread while the client sends it, so a client that sends slowly, or many that send at once,
   * could otherwise leave no thread to answer anyone.
   *
   * @param idleTimeout              a connection on which nothing arrives (or nothing can be sent) for this
   *                                 long is closed, including a request whose body stalls
   * @param minRequestBytesPerSecond a request body that arrives slower than this, on average from when the
   *                                 server starts reading it, is dropped with 408 (Jetty's
   *                                 MinimumDataRateHandler); 0 for no minimum
   * @param maxChangesAtOnce         mutating requests (POST, PUT, PATCH, DELETE) served at once; more wait
   *                                 without a thread, so reads always find one
   * @param maxWaitForTurn           how long a mutating request beyond {@code maxChangesAtOnce} waits before
   *                                 it is answered 503
   */
  public record Connections(
      Duration idleTimeout, long minRequestBytesPerSecond, int maxChangesAtOnce, Duration maxWaitForTurn) {
    /** 30 s idle, at least 1 KiB/s per body, 32 changes at once (of Jetty's 250 threads), 10 s wait for a turn. */
    public static final Connections DEFAULT = new Connections(Duration.ofSeconds(30), 1024, 32, Duration.ofSeconds(10));

    public Connections {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
      }
      if (minRequestBytesPerSecond < 0) {
        throw new IllegalArgumentException("minRequestBytesPerSecond must be 0 or more, got " + minRequestBytesPerSecond);
      }
      if (maxChangesAtOnce < 1) {
        throw new IllegalArgumentException("maxChangesAtOnce must be at least 1, got " + maxChangesAtOnce);
      }
      if (maxWaitForTurn.isNegative()) {
        throw new IllegalArgumentException("maxWaitForTurn must not be negative, got " + maxWaitForTurn);
      }
    }
  }
}
