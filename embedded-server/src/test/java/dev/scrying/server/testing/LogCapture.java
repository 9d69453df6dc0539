package dev.scrying.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Records every log event (rendered message, MDC-free, with its exception chain) while it is open, at
 * the levels given, and restores the previous levels on close. Not thread-confined: events from any
 * thread are kept.
 */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previous = new HashMap<>();
  private final Logger root;

  public LogCapture(Map<String, Level> levels) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    levels.forEach((name, level) -> {
      Logger l = context.getLogger(name);
      previous.put(l, l.getLevel());
      l.setLevel(level);
    });
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** Each event as "LEVEL logger: message" followed by its exception messages and stack frames. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      StringBuilder b = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        b.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
          b.append("\n    ").append(s.getSTEAsString());
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  public List<String> atLeast(Level level) {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      if (e.getLevel().isGreaterOrEqual(level)) {
        out.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage());
      }
    }
    return out;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    previous.forEach(Logger::setLevel);
  }
}
