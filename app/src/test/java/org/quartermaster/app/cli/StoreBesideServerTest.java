package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on a store that {@code qm serve} holds: they go through the server and print what they
 * print without it; what cannot go through it, or a store another process holds, is one plain line.
 */
class StoreBesideServerTest {
  private static final String CONTRACTS = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n"
      + "France,,Mistral,10,5,EUR,2024,MBDA,https://example.org/mistral,\n";
  private static final String TOKEN = "0123456789abcdef0123";
  private static final List<List<String>> READS = List.of(
      List.of("query", "spending", "--year", "2024", "--threshold", "2"),
      List.of("query", "aid", "--by", "donor-group", "--category", "military", "--measure", "allocation", "--format",
          "csv"),
      List.of("query", "aid", "--by", "donor-group"),
      List.of("query", "spending", "--min-grade", "gold"),
      List.of("query", "contracts", "--item", "stinger", "--format", "json"),
      List.of("query", "production", "--min-grade", "research"),
      List.of("query", "production", "--item", "pac-3", "--format", "json"),
      List.of("query", "production", "--item", "shell-155"),
      List.of("query", "deliveries", "--supplier", "USA", "--format", "csv"),
      List.of("query", "items"),
      List.of("query", "datasets", "--format", "json"),
      List.of("datasets", "list"),
      List.of("datasets", "show", "2"),
      List.of("datasets", "show", "1", "--format", "csv"),
      List.of("datasets", "show", "3", "--format", "json"),
      List.of("datasets", "show", "99"),
      List.of("query", "transfers", "--item", "javelin"),
      List.of("items"),
      List.of("items", "--unresolved", "--format", "csv"),
      List.of("chain", "javelin", "--to", "2022"),
      List.of("chain", "155mm shells", "--rate-basis", "capacity", "--format", "json"),
      List.of("chain", "javelin", "--rate-basis", "sideways"),
      List.of("chain", "no such munition"),
      List.of("chain", "stinger", "--from", "2022", "--to", "2025", "--format", "csv"),
      List.of("chain", "shell-155", "--from", "2022", "--to", "2024", "--side-by-side", "RUS", "--with", "shell-152"),
      List.of("chain", "shell-155", "--side-by-side", "RUS", "--with", "charge-155"),
      List.of("chain", "shell-155", "--with", "shell-152"));

  @TempDir Path dir;

  private Path newStore(String name) {
    Path store = dir.resolve(name);
    CliRun created = CliRun.qm("--db", store.toString(), "--create", "query", "items");
    assertThat(created.exitCode()).as(created.err()).isZero();
    return store;
  }

  private static CliRun qm(Path store, List<String> args) {
    return CliRun.qm(concat(List.of("--db", store.toString()), args));
  }

  private static String[] concat(List<String> first, List<String> then) {
    return java.util.stream.Stream.concat(first.stream(), then.stream()).toArray(String[]::new);
  }

  @Test
  void commands_onAStoreAServerHolds_goThroughItAndPrintWhatTheyPrintWithoutIt() throws Exception {
    Path store = newStore("qm.duckdb");
    Path twin = Files.copy(store, dir.resolve("twin.duckdb"));
    Path file = Files.writeString(dir.resolve("contracts.csv"), CONTRACTS);
    List<CliRun> direct = READS.stream().map(args -> qm(store, args)).toList();
    CliRun importedDirectly = qm(twin, List.of("import", file.toString()));
    CliRun removedDirectly = qm(twin, List.of("datasets", "rm", "5"));

    List<CliRun> through;
    CliRun imported;
    CliRun again;
    CliRun removed;
    Path serverFile = ServerFile.beside(store);
    String permissions;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(serverFile));
      through = READS.stream().map(args -> qm(store, args)).toList();
      imported = qm(store, List.of("import", file.toString()));
      again = qm(store, List.of("import", file.toString()));
      removed = qm(store, List.of("datasets", "rm", "5"));
    }

    assertThat(permissions).isEqualTo("rw-------");
    for (int i = 0; i < READS.size(); i++) {
      assertThat(through.get(i)).as("%s", READS.get(i)).isEqualTo(direct.get(i));
    }
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo(importedDirectly.out().replace(twin.toString(), store.toString()));
    assertThat(again.out()).contains("already imported (dataset 5");
    // the API records an uploaded file by its name only (the server never sees the client's folders)
    assertThat(removed.out().replaceAll("[ -]", ""))
        .isEqualTo(removedDirectly.out().replace(dir + "/", "").replaceAll("[ -]", ""));
    assertThat(serverFile).doesNotExist();
  }

  @Test
  void import_throughAServerThatNeedsAToken_isRefusedWithoutItAndDoneWithQmToken() throws Exception {
    Path store = newStore("qm.duckdb");
    Path file = Files.writeString(dir.resolve("contracts.csv"), CONTRACTS);
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");

    CliRun without;
    CliRun withEnvironment;
    CliRun withFile;
    CliRun read;
    String serverFile;
    try (RunningServer server = RunningServer.start(store, Map.of(), "--host", "0.0.0.0", "--token-file",
        tokenFile.toString())) {
      serverFile = Files.readString(ServerFile.beside(store));
      read = CliRun.qm(Map.of(), "--db", store.toString(), "query", "items");
      without = CliRun.qm(Map.of(), "--db", store.toString(), "import", file.toString(), "--dry-run");
      withEnvironment = CliRun.qm(Map.of("QM_TOKEN", TOKEN), "--db", store.toString(), "import", file.toString());
      withFile = CliRun.qm(Map.of(), "--db", store.toString(), "--token-file", tokenFile.toString(), "datasets", "rm",
          "5");
    }

    assertThat(serverFile).contains("\"token_required\" : true").doesNotContain(TOKEN);
    assertThat(read.exitCode()).as(read.err()).isZero();
    assertThat(without.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(without.err()).contains("needs its token", "QM_TOKEN", "--token-file").hasLineCount(1);
    assertThat(withEnvironment.exitCode()).as(withEnvironment.err()).isZero();
    assertThat(withEnvironment.out()).contains("1 rows added to contracts as dataset 5");
    assertThat(withFile.exitCode()).as(withFile.err()).isZero();
    assertThat(withFile.out()).contains("Removed dataset 5");
  }

  @Test
  void scenarioBuildAndRebuild_throughAServer_printWriteAndSaveWhatTheyDoWithoutIt() throws Exception {
    Path store = newStore("qm.duckdb");
    Path twin = Files.copy(store, dir.resolve("twin.duckdb"));
    Path directDir = Files.createDirectory(dir.resolve("direct"));
    Path throughDir = Files.createDirectory(dir.resolve("through"));
    List<CliRun> direct = scenarioCommands(directDir).stream().map(args -> qm(twin, args)).toList();

    List<CliRun> through;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      through = scenarioCommands(throughDir).stream().map(args -> qm(store, args)).toList();
    }

    List<List<String>> commands = scenarioCommands(throughDir);
    for (int i = 0; i < commands.size(); i++) {
      CliRun expected = direct.get(i);
      assertThat(through.get(i)).as("%s", commands.get(i)).isEqualTo(new CliRun(expected.exitCode(),
          expected.out().replace(directDir.toString(), throughDir.toString()),
          expected.err().replace(directDir.toString(), throughDir.toString())));
    }
    assertThat(through.get(0).out()).startsWith("wrote " + throughDir.resolve("built.yaml") + ": FIM-92 Stinger")
        .contains("saved as scenario 'built-stinger'");
    assertThat(through.get(1).out()).startsWith("# FGM-148 Javelin (javelin)");
    assertThat(through.get(1).err()).startsWith("built: FGM-148 Javelin").contains("Assumptions (not in the store");
    assertThat(through.get(2).exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(through.get(2).err()).contains("cannot build the scenario: 2 problems:", "ITEM stingr: unknown item",
        "--horizon 0: the horizon in months");
    assertThat(through.get(3).err()).contains("a saved scenario 'built-stinger' exists already");
    assertThat(through.get(4).out()).startsWith("Rebuilt 'built-stinger' (FIM-92 Stinger").contains("no number changed",
        "wrote " + throughDir.resolve("rebuilt.yaml"));
    assertThat(through.get(5).out()).contains("saved: scenario 'built-stinger' replaced by the rebuilt one");
    assertThat(through.get(6).err()).contains("no saved scenario 'nothing-here'");
    assertThat(through.get(7).err()).contains("no saved scenario 'stinger-nspa'");
    for (String name : List.of("built.yaml", "rebuilt.yaml")) {
      assertThat(throughDir.resolve(name)).hasSameTextualContentAs(directDir.resolve(name));
    }
    assertThat(throughDir.resolve("never.yaml")).doesNotExist();
    try (java.util.stream.Stream<Path> left = Files.list(throughDir)) {
      assertThat(left).hasSize(2);
    }
  }

  /** Builds (to a file and saved; to stdout; refused twice), rebuilds (to a file; saved; unknown id; an example). */
  private static List<List<String>> scenarioCommands(Path folder) {
    return List.of(
        List.of("scenario", "build", "stinger", "--holders", "USA,UKR", "--start", "2025-01", "--horizon", "36",
            "--assume", "stocks[USA/stinger].initial=2000", "--save", "built-stinger", "--out",
            folder.resolve("built.yaml").toString()),
        List.of("scenario", "build", "javelin", "--holders", "USA,UKR", "--start", "2022-01", "--horizon", "24"),
        List.of("scenario", "build", "stingr", "--holders", "USA", "--start", "2025-01", "--horizon", "0", "--out",
            folder.resolve("never.yaml").toString()),
        List.of("scenario", "build", "stinger", "--holders", "USA", "--start", "2025-01", "--horizon", "12", "--save",
            "built-stinger"),
        List.of("scenario", "rebuild", "built-stinger", "--out", folder.resolve("rebuilt.yaml").toString()),
        List.of("scenario", "rebuild", "built-stinger", "--save"),
        List.of("scenario", "rebuild", "nothing-here"),
        List.of("scenario", "rebuild", "stinger-nspa"));
  }

  @Test
  void server_namedWithServerOption_isUsedWithoutAStoreFile() throws Exception {
    Path store = newStore("qm.duckdb");
    CliRun direct = qm(store, List.of("query", "spending", "--country", "POL", "--format", "csv"));

    CliRun through;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      through = CliRun.qm("--server", server.url(), "query", "spending", "--country", "POL", "--format", "csv");
    }

    assertThat(through.exitCode()).as(through.err()).isZero();
    assertThat(through.out()).isEqualTo(direct.out());
  }

  @Test
  void commandWithoutApiRoute_throughAServer_isOnePlainLine() throws Exception {
    Path store = newStore("qm.duckdb");

    CliRun sql;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      sql = qm(store, List.of("query", "sql", "SELECT 1"));
    }

    assertThat(sql.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(sql.err()).hasLineCount(1).contains("qm query sql cannot go through the qm serve (process "
        + ProcessHandle.current().pid() + ")", "stop that server");
  }

  /** The server renders every column; --columns is refused in one line rather than silently ignored. */
  @Test
  void queryWithColumns_throughAServer_isOnePlainLineSayingWhatToDo() throws Exception {
    Path store = newStore("qm.duckdb");

    CliRun columns;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      columns = qm(store, List.of("query", "contracts", "--columns", "contract_id,value"));
    }

    assertThat(columns.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(columns.out()).isEmpty();
    assertThat(columns.err()).hasLineCount(1).contains("--columns cannot go through the qm serve (process "
        + ProcessHandle.current().pid() + ")", "leave --columns out", "stop that server");
  }

  @Test
  void export_throughAServer_writesTheSameFileAndLineAsWithoutIt() throws Exception {
    Path store = newStore("qm.duckdb");
    List<List<String>> exports = List.of(List.of("spending", "--format", "csv"), List.of("aid", "--format", "parquet"),
        List.of("countries", "--format", "json"));
    Path directDir = Files.createDirectory(dir.resolve("direct"));
    Path throughDir = Files.createDirectory(dir.resolve("through"));
    List<CliRun> direct = exports.stream().map(args -> qm(store, export(args, directDir))).toList();
    Files.writeString(throughDir.resolve("spending.csv"), "an older export, replaced\n");

    List<CliRun> through;
    try (RunningServer server = RunningServer.start(store, Map.of())) {
      through = exports.stream().map(args -> qm(store, export(args, throughDir))).toList();
    }

    for (int i = 0; i < exports.size(); i++) {
      String name = exports.get(i).get(0) + "." + exports.get(i).get(2);
      assertThat(through.get(i).exitCode()).as(through.get(i).err()).isZero();
      assertThat(through.get(i).out()).isEqualTo(direct.get(i).out().replace(directDir.toString(), throughDir.toString()));
      assertThat(throughDir.resolve(name)).hasSameBinaryContentAs(directDir.resolve(name));
    }
    try (java.util.stream.Stream<Path> left = Files.list(throughDir)) {
      assertThat(left).hasSize(exports.size());
    }
  }

  /** {@code export TABLE --format FORMAT --out FOLDER/TABLE.FORMAT}. */
  private static List<String> export(List<String> args, Path folder) {
    return List.of(concat(List.of(concat(List.of("export"), args)), List.of("--out", folder.resolve(args.get(0) + "."
        + args.get(2)).toString())));
  }

  @Test
  void store_heldByAnotherProcessWithoutServerFile_isOnePlainLineNamingIt() throws Exception {
    Path store = newStore("qm.duckdb");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        HoldStore.class.getName(), store.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    CliRun query;
    CliRun sql;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).startsWith("holding ");
      query = qm(store, List.of("query", "items"));
      sql = qm(store, List.of("query", "sql", "SELECT 1"));
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }

    for (CliRun run : List.of(query, sql)) {
      assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
      assertThat(run.err()).isEqualTo("qm: the store " + store + " is in use by process " + holder.pid()
          + " (java): stop it, or, if it is a qm serve, use --server URL to go through it\n");
    }
  }

  @Test
  void staleServerFile_ofAProcessThatIsGone_isIgnored() throws Exception {
    Path store = newStore("qm.duckdb");
    Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    gone.waitFor();
    new ServerFile("http://127.0.0.1:9", gone.pid(), "2026-01-01T00:00:00Z", false, store.toString()).write(store);

    CliRun run = qm(store, List.of("query", "items"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("rows.");
  }

  @Test
  void serve_tokenShorterThan16Characters_isRefused() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("token"), "short\n");

    String store = dir.resolve("qm.duckdb").toString();
    CliRun fromFile = CliRun.qm("serve", "--port", "0", "--db", store, "--create", "--token-file", tokenFile.toString());
    CliRun fromEnvironment = CliRun.qm(Map.of("QM_TOKEN", "abc"), "serve", "--port", "0", "--db", store, "--create");
    CliRun onCommandLine = CliRun.qm("serve", "--port", "0", "--db", store, "--create", "--token", TOKEN);

    assertThat(fromFile.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(fromFile.err()).contains("the token in " + tokenFile + " is 5 characters long; a token needs at least"
        + " 16");
    assertThat(onCommandLine.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(onCommandLine.err()).contains("--token is no longer accepted", "visible", "ps", "--token-file")
        .doesNotContain(TOKEN);
    assertThat(fromEnvironment.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(fromEnvironment.err()).contains("the token in $QM_TOKEN is 3 characters long");
    assertThat(dir.resolve("qm.duckdb")).doesNotExist();
  }

  @Test
  void db_whereNoStoreIs_isRefusedUnlessCreateIsGiven() {
    Path typo = dir.resolve("qm.duckbd");

    CliRun refused = CliRun.qm("--db", typo.toString(), "query", "items");
    boolean createdByRefusal = Files.exists(typo);
    CliRun created = CliRun.qm("--db", typo.toString(), "--create", "query", "items");
    CliRun reused = CliRun.qm("query", "items", "--db", typo.toString());

    assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err()).isEqualTo("qm: no store at " + typo + "; to create one there, add --create (qm --db "
        + typo + " --create …), or leave out --db to use the default store (QM_HOME)\n");
    assertThat(createdByRefusal).isFalse();
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.err()).isEqualTo("qm: created a new store at " + typo + " with the bundled dataset\n");
    assertThat(reused.err()).isEmpty();
  }
}
