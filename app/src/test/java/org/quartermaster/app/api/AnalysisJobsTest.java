package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link AnalysisJobs}: the bounds on jobs at once, on results kept, and memory released whichever way a job ends. */
class AnalysisJobsTest {
  private static final ApiSettings.RunLimits ONE_AT_A_TIME = new ApiSettings.RunLimits(1_000, 600, 1e9, 1, 1)
      .withMemory(1 << 20, 300, 300);

  private static Run await(Run run) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!run.status().terminal() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return run;
  }

  @Test
  void result_largerThanTheResultMemory_failsSayingSo_andReleasesItsMemory() throws Exception {
    RunMemory memory = new RunMemory(1 << 20);
    try (AnalysisJobs jobs = new AnalysisJobs(ONE_AT_A_TIME, memory, JsonMapper.builder().build())) {
      Run run = jobs.submit(AnalysisJobs.Kind.SENSITIVITY, 1, 1000, progress -> "x".repeat(400),
          (id, text) -> Map.of("text", text));

      assertThat(await(run).status()).isEqualTo(Run.Status.FAILED);
      assertThat(run.view().message()).startsWith("the sensitivity analysis's result is 0.0 MiB, more than the 0.0 MiB"
          + " this server keeps for results");
      assertThat(memory.reserved()).isZero();
    }
  }

  @Test
  void keptResults_beyondTheResultMemory_forgetTheOldestFinished() throws Exception {
    try (AnalysisJobs jobs = new AnalysisJobs(ONE_AT_A_TIME, new RunMemory(1 << 20), JsonMapper.builder().build())) {
      Run first = await(jobs.submit(AnalysisJobs.Kind.OPTIMISATION, 1, 1, progress -> "a".repeat(200),
          (id, text) -> Map.of("text", text)));
      Run second = await(jobs.submit(AnalysisJobs.Kind.OPTIMISATION, 1, 1, progress -> "b".repeat(200),
          (id, text) -> Map.of("text", text)));

      assertThat(second.status()).isEqualTo(Run.Status.DONE);
      assertThat(jobs.find(AnalysisJobs.Kind.OPTIMISATION, first.id())).isEmpty();
      assertThat(jobs.result(second.id(), String.class)).hasValue("b".repeat(200));
    }
  }

  @Test
  void submit_beyondOneRunningAndOneQueued_is503_andTheCancelledQueuedJobNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (AnalysisJobs jobs = new AnalysisJobs(ONE_AT_A_TIME, new RunMemory(1 << 20), JsonMapper.builder().build())) {
      Run running = jobs.submit(AnalysisJobs.Kind.SWEEP, 1, 1, progress -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "done";
      }, (id, text) -> Map.of());
      Run queued = jobs.submit(AnalysisJobs.Kind.SENSITIVITY, 1, 1, progress -> "never", (id, text) -> Map.of());

      assertThatThrownBy(() -> jobs.submit(AnalysisJobs.Kind.OPTIMISATION, 1, 1, progress -> "", (id, t) -> Map.of()))
          .isInstanceOf(ApiException.class).hasMessageStartingWith("too many analyses: 1 running and 1 queued");
      queued.cancel();
      release.countDown();
      assertThat(await(running).status()).isEqualTo(Run.Status.DONE);
      assertThat(queued.status()).isEqualTo(Run.Status.CANCELLED);
    }
  }
}
