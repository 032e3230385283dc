package org.quartermaster.engine.optimise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.quartermaster.engine.simulation.ScenarioPatch;
import org.quartermaster.engine.simulation.VariantSimulator;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * Simulates portfolios with common random numbers and keeps their objective values. The scenario with
 * every option added is compiled once; a portfolio switches off the options it does not take and adds
 * the amounts of those it takes ({@link #patches}). Batch b of every portfolio runs with seed
 * {@code seed + b}, so run i of batch b uses the same stream in every portfolio, and the batch values
 * of two portfolios are paired. Each (portfolio, batch) is one task on the pool; results are stored
 * by task, so they do not depend on the number of threads. Not thread-safe: one caller at a time.
 */
final class PortfolioEvaluator implements PortfolioSearch.Scores, AutoCloseable {
  /** A portfolio's objective over all runs and per batch, in the objective's own sense (not negated). */
  record Evaluation(double value, double[] valueByBatch) {}

  private static final int[] NO_MONTHS = new int[0];
  private static final double[] NO_PROBABILITIES = new double[0];

  private final Optimisation optimisation;
  private final VariantSimulator simulator;
  private final ExecutorService pool;
  private final Map<Long, Evaluation> cache = new HashMap<>();

  private final LongConsumer simulatedSoFar;
  /** Where the portfolios are simulated instead of this machine's pool, or null. */
  private PortfolioEvaluations elsewhere;

  PortfolioEvaluator(Optimisation optimisation, int threads) {
    this(optimisation, threads, simulated -> {});
  }

  /** This evaluator with the portfolios simulated by {@code elsewhere} (a cluster) instead of its threads. */
  PortfolioEvaluator simulatingOn(PortfolioEvaluations elsewhere) {
    this.elsewhere = elsewhere;
    return this;
  }

  /** @param simulatedSoFar told the number of portfolios simulated after each one */
  PortfolioEvaluator(Optimisation optimisation, int threads, LongConsumer simulatedSoFar) {
    this.simulatedSoFar = simulatedSoFar;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.optimisation = optimisation;
    this.simulator = new VariantSimulator(optimisation.scenario());
    this.pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "optimise-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public double score(long portfolio) {
    prefetch(List.of(portfolio));
    double value = cache.get(portfolio).value();
    return optimisation.objective().minimise() ? value : -value;
  }

  Evaluation evaluation(long portfolio) {
    prefetch(List.of(portfolio));
    return cache.get(portfolio);
  }

  /** Portfolios simulated so far. */
  int evaluations() {
    return cache.size();
  }

  @Override
  public void prefetch(List<Long> portfolios) {
    if (elsewhere != null) {
      prefetchElsewhere(portfolios);
      return;
    }
    Map<Long, List<Future<VariantStatistics>>> running = new LinkedHashMap<>();
    for (long portfolio : portfolios) {
      if (cache.containsKey(portfolio) || running.containsKey(portfolio)) {
        continue;
      }
      List<ScenarioPatch> patches = patches(portfolio);
      List<Future<VariantStatistics>> batches = new ArrayList<>();
      for (int b = 0; b < optimisation.batches(); b++) {
        long seed = optimisation.seed() + b;
        batches.add(pool.submit(() -> optimisation.deterministic()
            ? simulator.runExpected(patches, NO_MONTHS, NO_PROBABILITIES)
            : simulator.run(patches, optimisation.runsPerBatch(), seed, NO_MONTHS, NO_PROBABILITIES)));
      }
      running.put(portfolio, batches);
    }
    for (Map.Entry<Long, List<Future<VariantStatistics>>> entry : running.entrySet()) {
      List<VariantStatistics> stats = new ArrayList<>();
      for (Future<VariantStatistics> batch : entry.getValue()) {
        stats.add(await(batch));
      }
      double[] byBatch = new double[stats.size()];
      for (int b = 0; b < byBatch.length; b++) {
        byBatch[b] = optimisation.objective().batchValue(stats.get(b));
      }
      cache.put(entry.getKey(), new Evaluation(optimisation.objective().pooled(stats, optimisation.runsPerBatch()),
          byBatch));
      simulatedSoFar.accept(cache.size());
    }
  }

  private void prefetchElsewhere(List<Long> portfolios) {
    List<Long> missing = portfolios.stream().filter(p -> !cache.containsKey(p)).distinct().toList();
    if (missing.isEmpty()) {
      return;
    }
    List<double[]> evaluations = elsewhere.evaluate(missing);
    if (evaluations.size() != missing.size()) {
      throw new IllegalStateException(evaluations.size() + " evaluations for " + missing.size() + " portfolios");
    }
    for (int i = 0; i < missing.size(); i++) {
      double[] values = evaluations.get(i);
      if (values.length != optimisation.batches() + 1) {
        throw new IllegalStateException("an evaluation of " + values.length + " values, expected 1 + "
            + optimisation.batches() + " batches");
      }
      cache.put(missing.get(i), new Evaluation(values[0], java.util.Arrays.copyOfRange(values, 1, values.length)));
    }
    simulatedSoFar.accept(cache.size());
  }

  /** The evaluations of {@code portfolios} as {@link PortfolioEvaluations} gives them: value, then by batch. */
  List<double[]> values(List<Long> portfolios) {
    prefetch(portfolios);
    List<double[]> out = new ArrayList<>();
    for (long portfolio : portfolios) {
      Evaluation evaluation = cache.get(portfolio);
      double[] values = new double[1 + evaluation.valueByBatch().length];
      values[0] = evaluation.value();
      System.arraycopy(evaluation.valueByBatch(), 0, values, 1, evaluation.valueByBatch().length);
      out.add(values);
    }
    return out;
  }

  /** The patches that turn the scenario with every option into the scenario of {@code portfolio}. */
  List<ScenarioPatch> patches(long portfolio) {
    List<ScenarioPatch> out = new ArrayList<>();
    Map<String, PathAdd> firstByPath = new LinkedHashMap<>();
    Map<String, Double> valueByPath = new HashMap<>();
    List<InvestmentOption> options = optimisation.options();
    for (int k = 0; k < options.size(); k++) {
      boolean chosen = (portfolio >>> k & 1) != 0;
      if (!chosen) {
        out.addAll(options.get(k).offPatches());
      }
      for (PathAdd add : options.get(k).adds()) {
        String path = add.target().path();
        firstByPath.putIfAbsent(path, add);
        valueByPath.merge(path, chosen ? add.amount() : 0.0, Double::sum);
      }
    }
    for (Map.Entry<String, PathAdd> entry : firstByPath.entrySet()) {
      PathAdd add = entry.getValue();
      double value = add.target().applied(add.baseValue() + valueByPath.get(entry.getKey()));
      out.add(add.target().patch().apply(value));
    }
    return out;
  }

  private static VariantStatistics await(Future<VariantStatistics> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("optimisation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
