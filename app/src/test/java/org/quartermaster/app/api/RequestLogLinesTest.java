package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request threads never wait for the request log: a full queue drops lines, and a line says how many. */
class RequestLogLinesTest {
  @Test
  void write_queueFull_dropsTheLineAndTheNextBatchSaysHowManyWereDropped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("requests.log");
    RequestLogLines lines = RequestLogLines.toFile(file, 4);

    // not started yet: nothing takes lines from the queue, so the fifth and later find it full
    for (int i = 1; i <= 10; i++) {
      lines.write("line " + i);
    }
    lines.start();
    lines.stop();

    assertThat(Files.readAllLines(file)).containsExactly("line 1", "line 2", "line 3", "line 4",
        "request log: 6 lines dropped: requests came faster than the log could be written");
  }

  @Test
  void stop_writesEveryQueuedLineInOrderAfterWhatTheFileHeld(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("requests.log");
    Files.writeString(file, "earlier\n");
    RequestLogLines lines = RequestLogLines.toFile(file, RequestLogLines.DEFAULT_CAPACITY);
    lines.start();

    IntStream.range(0, 10_000).forEach(i -> lines.write("request " + i));
    lines.stop();

    List<String> written = Files.readAllLines(file);
    assertThat(written).hasSize(10_001).first().isEqualTo("earlier");
    assertThat(written.subList(1, written.size()))
        .isEqualTo(IntStream.range(0, 10_000).mapToObj(i -> "request " + i).toList());
  }

  @Test
  void toLogger_writesEachLineToTheLoggerAtInfo() throws Exception {
    try (CapturedLog log = new CapturedLog(RequestLogging.LOGGER)) {
      RequestLogLines lines = RequestLogLines.toLogger(RequestLogging.LOGGER, 2);
      lines.write("one");
      lines.write("two");
      lines.write("three");
      lines.start();
      lines.stop();

      assertThat(log.lines()).containsExactly("INFO one", "INFO two", "INFO " + RequestLogLines.droppedLine(1));
    }
  }
}
