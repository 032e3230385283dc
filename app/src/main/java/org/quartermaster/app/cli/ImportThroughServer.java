package org.quartermaster.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartermaster.app.importer.ImportReport;
import org.quartermaster.app.importer.Table;

/**
 * {@code qm import} through a server: the file sent to {@code POST /api/v1/imports} with the command's
 * options as parameters, the answer printed as {@link ImportCommand} prints its own. The API takes no
 * mapping file and keeps no rejects file, so {@code --mapping} and {@code --skip-bad-rows} are refused.
 */
final class ImportThroughServer {
  static final String PATH = "/api/v1/imports";

  private ImportThroughServer() {}

  static void run(ImportCommand command, Server server, PrintWriter out, PrintWriter err) {
    List<String> notThere = new ArrayList<>();
    if (command.mapping != null) {
      notThere.add("--mapping");
    }
    if (command.skipBadRows) {
      notThere.add("--skip-bad-rows");
    }
    if (!notThere.isEmpty()) {
      throw new BadInputException("qm import " + String.join(" and ", notThere) + " cannot go through "
          + server.describe() + ": the API takes no " + (command.mapping != null ? "mapping file" : "rejects file")
          + "; " + server.alternative());
    }
    if (Files.isDirectory(command.file)) {
      throw new BadInputException(command.file + ": a folder (the results of qm sweep --spark) cannot be sent to "
          + server.describe() + "; import it while no server holds the store");
    }
    if (!Files.isRegularFile(command.file)) {
      throw new BadInputException(command.file + ": no such file");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("filename", command.file.getFileName().toString());
    params.put("format", command.format);
    params.put("vintage", command.vintage);
    params.put("source_url", command.sourceUrl);
    params.put("publisher", blankToNull(command.publisher));
    params.put("source_title", blankToNull(command.sourceTitle));
    params.put("grade", command.grade);
    params.put("dry_run", command.dryRun ? "true" : null);
    params.put("replace", command.replace == null ? null : command.replace.toString());
    params.put("allow_duplicates", command.allowDuplicates ? "true" : null);
    JsonNode answer = server.client().post(PATH, params, command.file, "application/octet-stream");
    print(answer, command.file.toString(), server, out);
    if (answer.path("unsourced").asBoolean()) {
      err.println("qm: warning: " + command.file + ": no source URL (neither in the file nor --source-url): dataset "
          + answer.path("dataset_id").asInt() + " is listed as unsourced");
    }
  }

  /** As {@code ImportCommand} prints its report, from the server's answer. */
  private static void print(JsonNode answer, String file, Server server, PrintWriter out) {
    int datasetId = answer.path("dataset_id").asInt();
    boolean dryRun = answer.path("dry_run").asBoolean();
    if (answer.path("unchanged").asBoolean()) {
      out.printf(Locale.ROOT, "%s: already imported (dataset %d: %s): %s%n", file, datasetId, ImportCommand.SAME_IMPORT,
          dryRun ? "importing it again would do nothing" : "nothing to do");
      return;
    }
    String format = answer.path("format").asText();
    String table = Arrays.stream(Table.values()).filter(t -> t.sqlName().equals(answer.path("table").asText()))
        .map(Table::cliName).findFirst().orElse(answer.path("table").asText());
    long transfers = answer.path("rows_by_table").path("transfers").asLong();
    long written = answer.path("rows_written").asLong() - transfers;
    if (dryRun) {
      out.printf(Locale.ROOT, "%s (%s): dry run, nothing written: %,d of %,d rows would be added to %s%s%n", file,
          format, written, answer.path("rows_read").asLong(), table, ImportReport.andTransfers(transfers));
      return;
    }
    String message = answer.path("message").asText();
    int removed = message.indexOf(" removed; ");
    if (answer.hasNonNull("replaced_dataset_id") && removed > 0) {
      out.println(message.substring(0, removed + " removed".length()));
    }
    String store = server.file() != null ? "store " + server.file().store() : "server " + server.url();
    out.printf(Locale.ROOT, "%s (%s): %,d rows added to %s%s as dataset %d (%s)%n", file, format, written, table,
        ImportReport.andTransfers(transfers), datasetId, store);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
