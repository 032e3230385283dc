package org.quartermaster.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.Datasets;
import org.quartermaster.app.munitions.ChainReport;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.ExportFormat;
import org.quartermaster.app.query.ExportTable;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.ResultFormat;
import org.quartermaster.app.query.TableExport;
import picocli.CommandLine;

/**
 * The store commands run through a server's REST API, printing what they print without one: a query
 * asks its endpoint for the same rendering ({@code format=table|csv|json}: the server renders with the
 * same code), {@code qm datasets show} too, an unknown id refused as without a server; {@code qm datasets
 * rm} renders the server's answer as it renders its own removal; {@code qm export} downloads the server's
 * export of the table into its file, written whole or not at all; an import is {@link ImportThroughServer},
 * {@code qm scenario build} and {@code rebuild} are {@link ScenarioThroughServer}.
 * A command the API has no route for is refused in one line.
 */
final class ThroughServer {
  /** The header of {@code GET /api/v1/exports/{table}} with the number of rows written. */
  private static final String EXPORTED_ROWS = "X-Row-Count";
  private static final Pattern BUNDLED_FILE = Pattern.compile("^dataset \\d+ \\((.*)\\) is bundled");

  private ThroughServer() {}

  static int run(Object command, Server server, CommandLine cli) {
    PrintWriter out = cli.getOut();
    switch (command) {
      case ImportCommand c -> ImportThroughServer.run(c, server, out, cli.getErr());
      case DatasetsRmCommand c -> remove(c, server, out);
      case ExportCommand c -> export(c, server, out);
      case DatasetsShowCommand c -> show(c, server, out, cli);
      case ChainCommand c -> chain(c, server, out, cli);
      case QuerySubcommand c -> query(c, server, out, cli);
      case ScenarioBuildCommand c -> ScenarioThroughServer.build(c, server, out, cli.getErr());
      case ScenarioRebuildCommand c -> ScenarioThroughServer.rebuild(c, server, out);
      default -> throw unavailable(cli, server);
    }
    return Main.OK;
  }

  private static void query(QuerySubcommand command, Server server, PrintWriter out, CommandLine cli) {
    ResultFormat format = command.output();
    ApiQuery query = command.apiQuery();
    if (query == null) {
      throw unavailable(cli, server);
    }
    if (command.columns() != null) {
      throw new BadInputException("--columns cannot go through " + server.describe() + ": the server writes every"
          + " column; leave --columns out (--format csv or json carries every column), or "
          + server.alternative());
    }
    Map<String, String> params = new LinkedHashMap<>(query.params());
    params.put("format", format.cliName());
    out.write(server.client().get(query.path(), params));
    out.flush();
  }

  /**
   * An item the server's catalogue does not know (its store may hold imported munitions, so the server
   * resolves the name) is refused as without a server: the same refusal, pointing at qm items.
   */
  private static void chain(ChainCommand command, Server server, PrintWriter out, CommandLine cli) {
    try {
      query(command, server, out, cli);
    } catch (ApiClient.ServerRefusal e) {
      String refusal = e.status() == 404 && e.problems().size() == 1 ? e.problems().getFirst().message() : null;
      if (refusal == null || !refusal.endsWith(ChainReport.API_LIST_HINT)) {
        throw e;
      }
      throw new BadInputException(refusal.substring(0, refusal.length() - ChainReport.API_LIST_HINT.length())
          + ChainReport.CLI_LIST_HINT);
    }
  }

  /** A dataset the server's store does not hold is refused as without a server. */
  private static void show(DatasetsShowCommand command, Server server, PrintWriter out, CommandLine cli) {
    try {
      query(command, server, out, cli);
    } catch (ApiClient.ServerRefusal e) {
      throw e.status() == 404 ? DatasetsCommand.unknown(command.datasetId) : e;
    }
  }

  /** Downloads the table into the --out file, written whole or not at all as without a server. */
  private static void export(ExportCommand command, Server server, PrintWriter out) {
    ExportTable table = command.table();
    command.target();
    ExportFormat format = command.format();
    long rows;
    try {
      rows = TableExport.writeWhole(command.target(), temporary -> {
        HttpHeaders headers = server.client().download("/api/v1/exports/" + table.cliName(),
            Map.of("format", format.cliName()), temporary);
        return headers.firstValueAsLong(EXPORTED_ROWS).orElse(-1);
      });
    } catch (QueryException e) {
      throw new BadInputException(e.lines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print(command.done(rows));
    out.flush();
  }

  private static void remove(DatasetsRmCommand command, Server server, PrintWriter out) {
    ResultFormat format = command.output();
    JsonNode removed;
    try {
      removed = server.client().delete("/api/v1/datasets/" + command.datasetId,
          command.force ? Map.of("force", "true") : Map.of());
    } catch (ApiClient.ServerRefusal e) {
      if (e.status() == 404) {
        throw DatasetsCommand.unknown(command.datasetId);
      }
      Matcher bundled = BUNDLED_FILE.matcher(e.serverMessage());
      if (e.status() == 409 && bundled.find()) {
        throw new BadInputException("dataset " + command.datasetId + " (" + bundled.group(1) + ") is bundled with qm:"
            + " nothing removed; give --force to remove it anyway");
      }
      throw e;
    }
    Datasets.Removed what = new Datasets.Removed(removed.path("dataset_id").asInt(), removed.path("file").asText(),
        removed.path("table").asText(), removed.path("rows_removed").asLong(), removed.path("bundled").asBoolean());
    try {
      format.writeAll(List.of(DatasetsQuery.removal(what)), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one line for a command the server's API cannot run. */
  private static BadInputException unavailable(CommandLine cli, Server server) {
    return new BadInputException(cli.getCommandSpec().qualifiedName(" ") + " cannot go through " + server.describe()
        + ": the API has no route for it; " + server.alternative());
  }
}
