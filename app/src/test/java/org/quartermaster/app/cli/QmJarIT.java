package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar (built by {@code package}; failsafe passes its path as {@code qm.jar}) as a real
 * process, the way {@code bin/qm} does, from the source tree's root.
 */
class QmJarIT {
  private static final long TIMEOUT_SECONDS = 60;

  private static Path jar;
  private static Path repoRoot;

  @TempDir Path dir;

  record Finished(int exitCode, String out, String err) {}

  @BeforeAll
  static void locateJar() {
    String property = System.getProperty("qm.jar");
    assertThat(property).as("system property qm.jar (set by failsafe in app/pom.xml)").isNotBlank();
    jar = Path.of(property);
    assertThat(jar).isRegularFile();
    repoRoot = CliRun.repoRoot();
  }

  @Test
  void version_printsTheVersionAndExitsZero() throws Exception {
    Finished run = java("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Quartermaster ", "model SM-1, result format v1", "Java ");
    assertThat(run.err()).as("no warnings (native access is enabled)").isEmpty();
  }

  @Test
  void simulate_illustrativeExample_writesTheResultFile() throws Exception {
    Path out = dir.resolve("result.json");

    Finished run = java("simulate", "examples/illustrative-manpads.yaml", "--runs", "300", "--out", out.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(out).isRegularFile();
    JsonNode result = new ObjectMapper().readTree(out.toFile());
    assertThat(result.get("model").asText()).isEqualTo("SM-1");
    assertThat(result.get("runs").asInt()).isEqualTo(300);
    assertThat(result.get("cells")).hasSize(3);
    assertThat(run.out()).contains("at the end of 2034-06", "Result (format v1) written to " + out);
    assertThat(run.err()).as("stderr is a file here: plain progress lines, no redrawn frames")
        .contains("qm: simulate: 300 of 300 runs (100%)").doesNotContain("\r");
  }

  @Test
  void simulate_invalidScenario_exitsTwoWithThePathAndNoStackTrace() throws Exception {
    Path scenario = Files.writeString(dir.resolve("bad.yaml"), """
        name: bad
        horizon_months: 6
        items: [{id: shell}]
        holders: [{id: USA}]
        stocks: [{holder: USA, item: shell, initial: 1, target: -2}]
        """);

    Finished run = java("simulate", scenario.toString(), "--runs", "10");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(scenario.toString(), "stocks[0].target").doesNotContain("at org.", "Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void binQm_version_runsTheBuiltJar() throws Exception {
    Path launcher = repoRoot.resolve("bin/qm");
    assumeTrue(Files.isRegularFile(launcher), "bin/qm not found under " + repoRoot);
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is not available");
    assumeTrue(Files.isRegularFile(repoRoot.resolve("app/target/quartermaster.jar")),
        "bin/qm runs app/target/quartermaster.jar, which is not built");

    Finished run = start(List.of("bash", launcher.toString(), "--version"));

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("Quartermaster ", "model SM-1");
  }

  private Finished java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return start(command);
  }

  private Finished start(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(repoRoot.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("QM_JAVA_OPTS");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
    }
    return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
