package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartermaster.app.query.BundledSample;
import org.quartermaster.app.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** End-to-end tests of {@code qm export} on an in-memory store holding the bundled sample. */
class ExportCommandTest {
  @TempDir Path dir;

  private static CliRun qm(String... args) {
    return StoreCli.qm(BundledSample::store, args);
  }

  private static long readBack(String function, Path file) {
    try (Store reader = Store.inMemory()) {
      return reader.read(connection -> {
        String sql = switch (function) {
          case "read_csv" -> "SELECT count(*) FROM read_csv(?, header = true)";
          case "read_parquet" -> "SELECT count(*) FROM read_parquet(?)";
          default -> "SELECT count(*) FROM read_json(?)";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.setString(1, file.toString());
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        }
      });
    }
  }

  @ParameterizedTest
  @CsvSource({"csv, read_csv", "parquet, read_parquet", "json, read_json"})
  void export_spendingInEachFormat_isReadBackWithTheSameCount(String format, String reader) throws IOException {
    Path out = dir.resolve("spending." + format);

    CliRun run = qm("export", "spending", "--format", format, "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Exported " + BundledSample.SPENDING_ROWS + " rows of spending (" + format
        + ") to " + out + "\n");
    assertThat(readBack(reader, out)).isEqualTo(BundledSample.SPENDING_ROWS);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void export_withoutFormat_takesItFromTheExtension() {
    Path out = dir.resolve("datasets.parquet");

    CliRun run = qm("export", "datasets", "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("(parquet)");
    assertThat(readBack("read_parquet", out)).isEqualTo(BundledSample.DATASETS);
  }

  @Test
  void export_intoAMissingFolder_exitsTwoAndWritesNothing() {
    Path out = dir.resolve("missing").resolve("aid.csv");

    CliRun run = qm("export", "aid", "--format", "csv", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).startsWith("qm: cannot write " + out + ": the folder").contains("does not exist");
    assertThat(Files.exists(out.getParent())).isFalse();
  }

  @Test
  void export_ontoADirectory_exitsTwoAndLeavesItAlone() throws IOException {
    Path out = Files.createDirectory(dir.resolve("aid.csv"));

    CliRun run = qm("export", "aid", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("is a directory");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void export_unknownTable_exitsTwoListingTheTables() {
    CliRun run = qm("export", "stockpiles", "--out", dir.resolve("x.csv").toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).isEqualTo("qm: unknown table 'stockpiles'; tables: spending, aid, deliveries, production,"
        + " contracts, datasets, countries\n");
  }

  @Test
  void export_unknownFormatOrNoOut_exitsTwo() {
    assertThat(qm("export", "aid", "--format", "xlsx", "--out", dir.resolve("a.xlsx").toString()).err())
        .contains("--format xlsx: expected csv, parquet or json");
    assertThat(qm("export", "aid").exitCode()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void help_everyExportOptionSaysItsDefault() {
    for (OptionSpec option : new CommandLine(new ExportCommand()).getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        assertThat(String.join(" ", option.description())).as(option.longestName()).contains("(default: ");
      }
    }
  }
}
