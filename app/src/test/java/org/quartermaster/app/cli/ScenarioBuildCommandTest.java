package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.scenario.ScenarioReader;

/** End-to-end tests of {@code qm scenario build} and {@code qm scenario rebuild} through {@link Main#run}. */
class ScenarioBuildCommandTest {
  @TempDir static Path dir;
  private static String db;

  @BeforeAll
  static void seed() {
    db = CliRun.seededStore(dir.resolve("qm.duckdb")).toString();
  }

  @Test
  void build_toAFile_writesAScenarioThatValidateAndSimulateTakeAsItIs_andListsTheAssumptions() {
    Path out = dir.resolve("stinger.yaml");

    CliRun run = CliRun.qm("scenario", "build", "stinger", "--holders", "USA,UKR", "--start", "2025-01", "--horizon",
        "60", "--assume", "stocks[USA/stinger].initial=2000", "--out", out.toString(), "--db", db);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("wrote " + out + ": FIM-92 Stinger: USA, UKR from 2025-01, built from the store")
        .contains("Assumptions (not in the store; set them with --assume PATH=VALUE):",
            "  stocks[USA/stinger].initial = 2000  (ASSUMPTION: the user's value; in place of 0 (set by --assume))",
            "  stocks[UKR/stinger].demand[0].per_month = 0  (ASSUMPTION: no consumption rate is public");
    assertThat(CliRun.qm("validate", out.toString()).exitCode()).isZero();
    CliRun simulated = CliRun.qm("simulate", out.toString(), "--deterministic");
    assertThat(simulated.exitCode()).as(simulated.err()).isZero();
    assertThat(simulated.out()).contains("USA / stinger", "UKR / stinger");
  }

  @Test
  void build_withoutOut_printsTheYamlOnStdout_andTheAssumptionsOnStderr() {
    CliRun run = CliRun.qm("scenario", "build", "javelin", "--holders", "USA,UKR,EST", "--start", "2022-01",
        "--horizon", "24", "--db", db);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ScenarioReader.parse(run.out(), "stdout").transfers()).isNotEmpty();
    assertThat(run.out()).startsWith("# FGM-148 Javelin (javelin), counted in missiles")
        .contains("# build-command: qm scenario build javelin --holders USA,UKR,EST --start 2022-01 --horizon 24");
    assertThat(run.err()).startsWith("built: FGM-148 Javelin").contains("Assumptions (not in the store");
  }

  @Test
  void build_badInput_exitsTwoNamingOptionValueAndFix_andWritesNothing() {
    Path out = dir.resolve("never.yaml");
    CliRun run = CliRun.qm("scenario", "build", "stingr", "--holders", "USA,XQZ", "--start", "2025-1", "--horizon",
        "0", "--assume", "stocks[USA/stinger].initial=lots", "--out", out.toString(), "--db", db);

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("cannot build the scenario: 4 problems:",
        "ITEM stingr: unknown item 'stingr'; did you mean", "(stinger)",
        "--holders XQZ: not an ISO 3166 alpha-3 country code nor a pool",
        "--start 2025-1: not a month as YYYY-MM", "--horizon 0: the horizon in months: a whole number from 1 to 600")
        .doesNotContain("Exception", "\tat ");
    assertThat(out).doesNotExist();

    CliRun path = CliRun.qm("scenario", "build", "stinger", "--holders", "USA", "--start", "2025-01", "--horizon", "12",
        "--assume", "stocks[USA/stinger].stock=1", "--db", db);
    assertThat(path.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(path.err()).contains("--assume stocks[USA/stinger].stock=1: unknown path 'stocks[USA/stinger].stock';"
        + " the paths of this build are: runs, seed, lines[usa-stinger].base_per_month");
    CliRun noEquals = CliRun.qm("scenario", "build", "stinger", "--holders", "USA", "--start", "2025-01", "--horizon",
        "12", "--assume", "initial", "--db", db);
    assertThat(noEquals.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(noEquals.err()).contains("--assume initial: expected PATH=VALUE");
  }

  @Test
  void save_thenRebuild_printsTheDiff_andSavesOnlyWhenAsked() throws IOException {
    CliRun saved = CliRun.qm("scenario", "build", "stinger", "--holders", "USA,UKR", "--start", "2025-01", "--horizon",
        "36", "--assume", "stocks[UKR/stinger].demand[0].per_month=40", "--save", "stinger-built", "--out",
        dir.resolve("saved.yaml").toString(), "--db", db);
    assertThat(saved.exitCode()).as(saved.err()).isZero();
    assertThat(saved.out()).contains("saved as scenario 'stinger-built'");

    CliRun again = CliRun.qm("scenario", "build", "stinger", "--holders", "USA", "--start", "2025-01", "--horizon", "12",
        "--save", "stinger-built", "--db", db);
    assertThat(again.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(again.err()).contains("a saved scenario 'stinger-built' exists already");

    CliRun rebuilt = CliRun.qm("scenario", "rebuild", "stinger-built", "--out", dir.resolve("rebuilt.yaml").toString(),
        "--db", db);
    assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).startsWith("Rebuilt 'stinger-built' (FIM-92 Stinger: USA, UKR from 2025-01, built from"
        + " the store) from the store: no number changed");
    assertThat(Files.readString(dir.resolve("rebuilt.yaml"))).isEqualTo(Files.readString(dir.resolve("saved.yaml")));

    CliRun example = CliRun.qm("scenario", "build", "stinger", "--holders", "USA", "--start", "2025-01", "--horizon",
        "12", "--save", "stinger-nspa", "--db", db);
    assertThat(example.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(example.err()).contains("'stinger-nspa' is the id of a bundled example");

    CliRun unknown = CliRun.qm("scenario", "rebuild", "nothing-here", "--db", db);
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("no saved scenario 'nothing-here'");
  }

  @Test
  void help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("scenario", "build", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--holders", "--start", "--horizon", "--assume", "--rate-basis", "--out", "--save")
        .contains("(default: actual)");
    java.util.List<String> lines = run.out().lines().toList();
    for (String option : new String[] {"--holders", "--start", "--horizon", "--assume", "--rate-basis", "--out", "--save"}) {
      int at = 0;
      while (!lines.get(at).strip().startsWith(option + "=")) {
        at++;
      }
      StringBuilder entry = new StringBuilder(lines.get(at));
      for (int next = at + 1; next < lines.size() && lines.get(next).startsWith("          "); next++) {
        entry.append(' ').append(lines.get(next).strip());
      }
      assertThat(entry.toString()).as(option).contains("(default: ");
    }
  }
}
