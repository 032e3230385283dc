package org.quartermaster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the portfolio job refuses on the driver, before Spark starts: exit 2 and a message. Its results are
 * compared with {@code qm optimise} in {@link SweepOnSparkIT}.
 */
class PortfolioJobTest {
  @TempDir Path dir;

  private record Result(int code, String err) {}

  private static Result command(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PortfolioJob.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Result(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void missingArguments_areExplained_withExit2() {
    Result result = command(SweepJobTest.sweepFile("optimise.yaml").toString(), "--out", "x.json");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("PortfolioJob: --portfolios FILE is missing", "usage: PortfolioJob OPTIONS.yaml");
  }

  @Test
  void aPortfoliosFileThatIsNotOne_isBadInput() throws Exception {
    Path portfolios = Files.writeString(dir.resolve("portfolios.json"), "[0, -1]");

    Result result = command(SweepJobTest.sweepFile("optimise.yaml").toString(), "--portfolios", portfolios.toString(),
        "--out", dir.resolve("out.json").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("a portfolio is a whole number of at least 0, got -1");
    assertThat(dir.resolve("out.json")).doesNotExist();
  }

  @Test
  void anInvalidOptimisationFile_failsOnTheDriver_withExit2() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "base: nowhere.yaml\nbudget: {amount: -1, currency: USD}\n");
    Path portfolios = Files.writeString(dir.resolve("portfolios.json"), "[0]");

    Result result = command(file.toString(), "--portfolios", portfolios.toString(), "--out",
        dir.resolve("out.json").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("PortfolioJob: " + file + ": invalid optimisation");
  }
}
