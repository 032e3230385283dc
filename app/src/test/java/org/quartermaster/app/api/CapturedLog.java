package org.quartermaster.app.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one logger writes while this is open (a Logback {@link ListAppender}): each event as its message and stack trace. */
final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLog(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  /**
   * Each event so far: level, formatted message and, if any, the stack trace. Read under the appender's
   * own lock, the one Logback appends under ({@code AppenderBase.doAppend} is synchronized on the
   * appender), so a line logged meanwhile by another thread cannot break the copy.
   */
  List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(CapturedLog::render).toList();
    }
  }

  private static String render(ILoggingEvent event) {
    String trace = event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLevel() + " " + event.getFormattedMessage() + trace;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
