package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * Agreement with the independent NumPy implementation of SM-1 ({@code shared/bench/peer_numpy.py}) on the
 * bench scenarios {@code small} (1,000 runs) and {@code medium} (10,000 runs).
 *
 * <p>Deterministic mode is exact in both, so every number must agree to 1e-9 (relative; absolute below 1).
 *
 * <p>Stochastic mode: the two use different generators, so they are two independent samples of n runs.
 * Means are compared within 4 standard errors, SE = sqrt(std_a² / n + std_b² / n) from each side's own
 * sample standard deviation; probabilities within 4 · sqrt(p_a (1 − p_a) / n + p_b (1 − p_b) / n), the same
 * rule for a binomial share. Quantities that do not vary across runs have std 0 in exact arithmetic but
 * about 1e-13 in floating point (the summation orders differ), so every tolerance also carries the 1e-9
 * relative allowance of the deterministic comparison.
 *
 * <p>Medians (closing stock p50) are compared without assuming a density. SM-1's closing stocks are
 * mixtures: atoms at 0 (stock-outs), clusters by the number of disrupted months, a lattice from integer
 * demand. Where the median falls between two clusters, the normal-theory standard error of a median,
 * sqrt(π/2) · σ / sqrt(n), says nothing (bench small shows 27.9 units apart with that SE at 1.3, bench
 * medium 530 apart at 64, both exactly one disrupted month's output). What holds for any distribution:
 * a sample median of n runs lies between the population quantiles of ranks 0.5 ± 2 / sqrt(n) (4 standard
 * errors of a rank; ± 0.063 at n = 1,000), well inside [q(0.05), q(0.95)], which each side's p5 and p95
 * estimate to within 4 · sqrt(0.05 · 0.95 / n) ≤ 0.028 in rank. So each side's p50 must lie in the other's
 * [p5, p95]. That only catches gross errors; the means above are the sharp test. The normal-theory z of
 * the medians is printed for information.
 *
 * <p>Skipped (assumption) when no ancestor of the working directory holds {@code shared/bench/peer_numpy.py}
 * (in CI the repository is cloned beside {@code shared/}) or Python 3 lacks NumPy or PyYAML.
 */
class PeerAgreementTest {
  private static final String PEER = "shared/bench/peer_numpy.py";
  private static final long PEER_TIMEOUT_SECONDS = 60;
  private static final double EXACT = 1e-9;
  private static final double SIGMAS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path peer;
  private static Path scenarios;

  @TempDir Path dir;

  @BeforeAll
  static void findPeer() throws InterruptedException {
    for (Path d = Path.of("").toAbsolutePath(); d != null && peer == null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(PEER))) {
        peer = d.resolve(PEER);
      }
    }
    assumeTrue(peer != null, "no " + PEER + " in any ancestor of " + Path.of("").toAbsolutePath()
        + "; clone the repository beside shared/ to compare with the NumPy peer");
    scenarios = peer.resolveSibling("scenarios");
    boolean pythonReady;
    try {
      Process check = new ProcessBuilder("python3", "-c", "import numpy, yaml")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      pythonReady = check.waitFor(PEER_TIMEOUT_SECONDS, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      pythonReady = false;
    }
    assumeTrue(pythonReady, "python3 with numpy and yaml is not available: cannot run " + peer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"small", "medium"})
  void deterministic_benchScenario_agreesWithPeerExactly(String name) throws Exception {
    Path file = scenarios.resolve(name + ".yaml");
    PeerRun peerRun = startPeer(file, List.of("--deterministic"));
    JsonNode ours = engine(ScenarioReader.read(file), SimulationOptions.deterministic().withCheck(true));
    JsonNode theirs = peerRun.result();

    Comparison c = new Comparison(name + " deterministic");
    c.sameShape(ours, theirs, 1);
    for (int i = 0; i < ours.get("cells").size(); i++) {
      JsonNode a = ours.get("cells").get(i);
      JsonNode b = theirs.get("cells").get(i);
      String cell = "cells[" + i + "] " + a.get("holder").asText() + "/" + a.get("item").asText();
      for (String field : List.of("mean", "std", "p5", "p50", "p95")) {
        for (int t = 0; t < a.get("closing_stock").get(field).size(); t++) {
          c.exact(cell + ".closing_stock." + field + "[" + t + "]",
              a.get("closing_stock").get(field).get(t), b.get("closing_stock").get(field).get(t));
        }
      }
      if (c.sameNullness(cell + ".months_to_target", a.get("months_to_target"), b.get("months_to_target"))) {
        for (String field : List.of("reached_probability", "p50", "p90")) {
          c.exact(cell + ".months_to_target." + field, a.get("months_to_target").get(field),
              b.get("months_to_target").get(field));
        }
      }
      for (String field : List.of("expected_total", "std_total", "probability_any")) {
        c.exact(cell + ".shortfall." + field, a.get("shortfall").get(field), b.get("shortfall").get(field));
      }
    }
    for (int l = 0; l < ours.get("lines").size(); l++) {
      for (String field : List.of("expected_delivered_total", "std_delivered_total")) {
        c.exact("lines[" + l + "]." + field, ours.get("lines").get(l).get(field),
            theirs.get("lines").get(l).get(field));
      }
    }
    for (int j = 0; j < ours.get("transfers").size(); j++) {
      for (String field : List.of("expected_shortfall", "std_shortfall")) {
        c.exact("transfers[" + j + "]." + field, ours.get("transfers").get(j).get(field),
            theirs.get("transfers").get(j).get(field));
      }
    }

    c.report();
    assertThat(c.disagreements).as("%s: fields that disagree with the peer", c.label).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"small", "medium"})
  void stochastic_benchScenario_agreesWithPeerWithinSamplingError(String name) throws Exception {
    Path file = scenarios.resolve(name + ".yaml");
    Scenario scenario = ScenarioReader.read(file);
    SimulationOptions options = SimulationOptions.of(scenario);
    PeerRun peerRun = startPeer(file,
        List.of("--runs", String.valueOf(options.runs()), "--seed", String.valueOf(options.seed())));
    JsonNode ours = engine(scenario, options); // while the peer runs
    JsonNode theirs = peerRun.result();
    long n = options.runs();

    Comparison c = new Comparison(name + " stochastic, " + n + " runs");
    c.sameShape(ours, theirs, n);
    assertThat(ours.get("seed").asLong()).isEqualTo(theirs.get("seed").asLong());
    for (int i = 0; i < ours.get("cells").size(); i++) {
      JsonNode a = ours.get("cells").get(i);
      JsonNode b = theirs.get("cells").get(i);
      String cell = "cells[" + i + "] " + a.get("holder").asText() + "/" + a.get("item").asText();
      JsonNode sa = a.get("closing_stock");
      JsonNode sb = b.get("closing_stock");
      for (int t = 0; t < sa.get("mean").size(); t++) {
        String at = cell + ".closing_stock";
        c.mean(at + ".mean[" + t + "]", sa.get("mean").get(t), sa.get("std").get(t),
            sb.get("mean").get(t), sb.get("std").get(t), n);
        c.median(at + ".p50[" + t + "]", sa, sb, t, n);
      }
      c.mean(cell + ".shortfall.expected_total", a.get("shortfall").get("expected_total"),
          a.get("shortfall").get("std_total"), b.get("shortfall").get("expected_total"),
          b.get("shortfall").get("std_total"), n);
      c.probability(cell + ".shortfall.probability_any", a.get("shortfall").get("probability_any"),
          b.get("shortfall").get("probability_any"), n);
      if (c.sameNullness(cell + ".months_to_target", a.get("months_to_target"), b.get("months_to_target"))) {
        c.probability(cell + ".months_to_target.reached_probability",
            a.get("months_to_target").get("reached_probability"),
            b.get("months_to_target").get("reached_probability"), n);
      }
    }
    for (int l = 0; l < ours.get("lines").size(); l++) {
      JsonNode a = ours.get("lines").get(l);
      JsonNode b = theirs.get("lines").get(l);
      c.mean("lines[" + l + "] " + a.get("id").asText() + ".expected_delivered_total",
          a.get("expected_delivered_total"), a.get("std_delivered_total"),
          b.get("expected_delivered_total"), b.get("std_delivered_total"), n);
    }
    for (int j = 0; j < ours.get("transfers").size(); j++) {
      JsonNode a = ours.get("transfers").get(j);
      JsonNode b = theirs.get("transfers").get(j);
      c.mean("transfers[" + j + "].expected_shortfall", a.get("expected_shortfall"), a.get("std_shortfall"),
          b.get("expected_shortfall"), b.get("std_shortfall"), n);
    }

    c.report();
    assertThat(c.disagreements).as("%s: fields that disagree with the peer", c.label).isEmpty();
  }

  private static JsonNode engine(Scenario scenario, SimulationOptions options) throws IOException {
    return JSON.readTree(ResultJson.toJson(Sm1Simulator.run(scenario, options)));
  }

  private PeerRun startPeer(Path scenario, List<String> flags) throws IOException {
    Path out = dir.resolve("peer.json");
    Path log = dir.resolve("peer.log");
    List<String> command = new ArrayList<>(List.of("python3", peer.toString(), scenario.toString()));
    command.addAll(flags);
    command.addAll(List.of("--out", out.toString()));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new PeerRun(command, process, started, out, log);
  }

  /** The peer running as a separate process; {@link #result} waits at most the timeout from its start. */
  private record PeerRun(List<String> command, Process process, long startedNanos, Path out, Path log) {
    JsonNode result() throws IOException, InterruptedException {
      long left = TimeUnit.SECONDS.toNanos(PEER_TIMEOUT_SECONDS) - (System.nanoTime() - startedNanos);
      if (!process.waitFor(Math.max(1, left), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the peer took more than " + PEER_TIMEOUT_SECONDS + " s: " + command);
      }
      assertThat(process.exitValue()).as("peer exit code; its output:%n%s", Files.readString(log)).isZero();
      return JSON.readTree(out.toFile());
    }
  }

  /** Collects every comparison, the disagreements and the largest z-score (|difference| / SE). */
  private static final class Comparison {
    final String label;
    final List<String> disagreements = new ArrayList<>();
    long count;
    double maxZ;
    String maxZAt = "-";
    long medianCount;
    long medianOverNormalTheory;
    double maxMedianZ;
    String maxMedianZAt = "-";

    Comparison(String label) {
      this.label = label;
    }

    void sameShape(JsonNode ours, JsonNode theirs, long runs) {
      for (String field : List.of("model", "mode", "horizon_months")) {
        assertThat(ours.get(field)).as(field).isEqualTo(theirs.get(field));
      }
      assertThat(ours.get("runs").asLong()).isEqualTo(runs);
      assertThat(theirs.get("runs").asLong()).isEqualTo(runs);
      assertThat(ours.get("cells")).hasSameSizeAs(theirs.get("cells"));
      for (int i = 0; i < ours.get("cells").size(); i++) {
        assertThat(ours.get("cells").get(i).get("holder")).as("cells[%d].holder", i)
            .isEqualTo(theirs.get("cells").get(i).get("holder"));
        assertThat(ours.get("cells").get(i).get("item")).as("cells[%d].item", i)
            .isEqualTo(theirs.get("cells").get(i).get("item"));
      }
      assertThat(ours.get("lines").findValuesAsText("id")).isEqualTo(theirs.get("lines").findValuesAsText("id"));
      assertThat(ours.get("transfers")).hasSameSizeAs(theirs.get("transfers"));
    }

    boolean sameNullness(String at, JsonNode a, JsonNode b) {
      count++;
      if (a.isNull() != b.isNull()) {
        disagreements.add(at + ": engine " + a + ", peer " + b);
        return false;
      }
      return !a.isNull();
    }

    void exact(String at, JsonNode a, JsonNode b) {
      count++;
      if (a.isNull() || b.isNull()) {
        if (a.isNull() != b.isNull()) {
          disagreements.add(at + ": engine " + a + ", peer " + b);
        }
        return;
      }
      double x = a.asDouble();
      double y = b.asDouble();
      if (Math.abs(x - y) > floor(x, y)) {
        disagreements.add(String.format(Locale.ROOT, "%s: engine %.17g, peer %.17g (relative difference %.3g)",
            at, x, y, Math.abs(x - y) / Math.max(1, Math.max(Math.abs(x), Math.abs(y)))));
      }
    }

    void mean(String at, JsonNode meanA, JsonNode stdA, JsonNode meanB, JsonNode stdB, long n) {
      double sa = stdA.asDouble();
      double sb = stdB.asDouble();
      within(at, meanA.asDouble(), meanB.asDouble(), Math.sqrt(sa * sa / n + sb * sb / n));
    }

    void probability(String at, JsonNode a, JsonNode b, long n) {
      double p = a.asDouble();
      double q = b.asDouble();
      within(at, p, q, Math.sqrt(p * (1 - p) / n + q * (1 - q) / n));
    }

    private void within(String at, double x, double y, double se) {
      count++;
      double difference = Math.abs(x - y);
      double allowed = SIGMAS * se + floor(x, y);
      double z = difference <= floor(x, y) ? 0 : difference / se;
      if (z > maxZ) {
        maxZ = z;
        maxZAt = at;
      }
      if (!(difference <= allowed)) {
        disagreements.add(String.format(Locale.ROOT,
            "%s: engine %.10g, peer %.10g, difference %.4g = %.2f SE (SE %.4g)", at, x, y, difference, z, se));
      }
    }

    /** Distribution-free: each p50 inside the other side's [p5, p95] (see the class comment). */
    void median(String at, JsonNode a, JsonNode b, int t, long n) {
      count++;
      medianCount++;
      double ma = a.get("p50").get(t).asDouble();
      double mb = b.get("p50").get(t).asDouble();
      boolean inTheirs = inside(ma, b.get("p5").get(t).asDouble(), b.get("p95").get(t).asDouble());
      boolean inOurs = inside(mb, a.get("p5").get(t).asDouble(), a.get("p95").get(t).asDouble());
      if (!inTheirs || !inOurs) {
        disagreements.add(String.format(Locale.ROOT,
            "%s: engine %.10g in [%.10g, %.10g], peer %.10g in [%.10g, %.10g]", at, ma,
            a.get("p5").get(t).asDouble(), a.get("p95").get(t).asDouble(), mb,
            b.get("p5").get(t).asDouble(), b.get("p95").get(t).asDouble()));
      }
      double sa = a.get("std").get(t).asDouble();
      double sb = b.get("std").get(t).asDouble();
      double se = Math.sqrt(Math.PI / 2) * Math.sqrt(sa * sa / n + sb * sb / n);
      double difference = Math.abs(ma - mb);
      double z = difference <= floor(ma, mb) ? 0 : difference / se;
      if (z > SIGMAS) {
        medianOverNormalTheory++;
      }
      if (z > maxMedianZ) {
        maxMedianZ = z;
        maxMedianZAt = at;
      }
    }

    private static boolean inside(double x, double lo, double hi) {
      return x >= lo - floor(x, lo) && x <= hi + floor(x, hi);
    }

    private static double floor(double x, double y) {
      return EXACT * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    void report() {
      System.out.printf(Locale.ROOT,
          "peer agreement, %s: %d comparisons, %d disagreements; largest z %.2f at %s;"
              + " medians: %d in band, normal-theory z > 4 for %d (largest %.2f at %s)%n",
          label, count, disagreements.size(), maxZ, maxZAt, medianCount, medianOverNormalTheory, maxMedianZ,
          maxMedianZAt);
      disagreements.stream().limit(50).forEach(d -> System.out.println("  disagrees: " + d));
    }
  }
}
