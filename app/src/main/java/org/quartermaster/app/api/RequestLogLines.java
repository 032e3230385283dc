package org.quartermaster.app.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log's lines on their way out. A request thread only offers its line to a bounded queue and
 * never waits: when the queue is full the line is dropped and counted. One thread of its own takes what
 * has queued up, writes it in one go (to a logger, or to a file with one flush per batch) and then, if
 * lines were dropped since the last batch, a line saying how many ({@link #droppedLine}). Started and
 * stopped with Jetty's request log, whose bean it is; stopping writes what is queued first.
 *
 * <p>Why: at thousands of requests a second, 200 request threads that each wait for the log (a lock, a
 * full queue that blocks) turn every pause of its one writer into a pause of every request.
 */
final class RequestLogLines extends AbstractLifeCycle implements RequestLog.Writer {
  /** Lines queued at most: a few seconds of heavy load. */
  static final int DEFAULT_CAPACITY = 1 << 16;
  private static final int BATCH = 4096;
  /** Put in the queue by {@link #doStop}: everything before it is written, then the thread ends. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String STOP = new String("stop");

  private final Logger logger;
  private final Path file;
  private final BlockingQueue<String> queue;
  private final AtomicLong dropped = new AtomicLong();
  private Writer out;
  private Thread thread;

  private RequestLogLines(Logger logger, Path file, int capacity) {
    this.logger = logger;
    this.file = file;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Lines to the logger {@code name} at INFO, {@code capacity} of them queued at most. */
  static RequestLogLines toLogger(String name, int capacity) {
    return new RequestLogLines(LoggerFactory.getLogger(name), null, capacity);
  }

  /** Lines appended to {@code file} (created if missing when started), {@code capacity} of them queued at most. */
  static RequestLogLines toFile(Path file, int capacity) {
    return new RequestLogLines(LoggerFactory.getLogger(RequestLogLines.class), file, capacity);
  }

  /** The line written after lines were dropped. */
  static String droppedLine(long lines) {
    return "request log: " + lines + (lines == 1 ? " line" : " lines")
        + " dropped: requests came faster than the log could be written";
  }

  /** Queues the line, or drops and counts it when the queue is full; never waits. */
  @Override
  public void write(String line) {
    if (!queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  @Override
  protected void doStart() throws IOException {
    if (file != null) {
      out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16);
    }
    thread = new Thread(this::writeUntilStopped, "qm-request-log");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  protected void doStop() throws InterruptedException, IOException {
    queue.put(STOP);
    thread.join();
    if (out != null) {
      out.close();
    }
  }

  private void writeUntilStopped() {
    List<String> batch = new ArrayList<>(BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      stopping = batch.removeIf(line -> line == STOP);
      long droppedNow = dropped.getAndSet(0);
      if (droppedNow > 0) {
        batch.add(droppedLine(droppedNow));
      }
      writeOut(batch);
      batch.clear();
    }
  }

  private void writeOut(List<String> lines) {
    if (file == null) {
      lines.forEach(logger::info);
      return;
    }
    try {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      logger.warn("cannot write the request log {} ({}): {} lines lost", file, e.getMessage(), lines.size());
    }
  }
}
