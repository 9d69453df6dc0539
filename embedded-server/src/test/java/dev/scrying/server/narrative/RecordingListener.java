package dev.scrying.server.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records callbacks in a queue so tests can wait for them with timeouts instead of sleeping. */
final class RecordingListener implements NarrationListener {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  record Event(String type, String value, NarrationStats stats, String thread, boolean daemon, long nanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();

  @Override
  public void onFirstToken() {
    record("first", null, null);
  }

  @Override
  public void onText(String chunk) {
    record("text", chunk, null);
  }

  @Override
  public void onDone(NarrationStats stats) {
    record("done", null, stats);
  }

  @Override
  public void onError(String code, String message) {
    record("error", code + ": " + message, null);
  }

  private void record(String type, String value, NarrationStats stats) {
    Thread thread = Thread.currentThread();
    events.add(new Event(type, value, stats, thread.getName(), thread.isDaemon(), System.nanoTime()));
  }

  /** The next event, failing the test if none arrives in time. */
  Event next() {
    try {
      Event event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        fail("no narration callback within " + TIMEOUT + "; so far: " + seen);
      }
      seen.add(event);
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Consumes events up to and including the terminal one, and returns that one. */
  Event awaitTerminal() {
    while (true) {
      Event event = next();
      if (event.type().equals("done") || event.type().equals("error")) {
        return event;
      }
    }
  }

  /** Every event consumed so far. */
  List<Event> seen() {
    return List.copyOf(seen);
  }

  /** The text delivered so far, in order. */
  String text() {
    StringBuilder text = new StringBuilder();
    seen.stream().filter(e -> e.type().equals("text")).forEach(e -> text.append(e.value()));
    return text.toString();
  }

  List<String> chunks() {
    return seen.stream().filter(e -> e.type().equals("text")).map(Event::value).toList();
  }

  /** Asserts nothing further arrives within {@code quiet}. */
  void assertNoMoreEvents(Duration quiet) {
    try {
      Event extra = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(extra).as("callback after the narration ended; so far: %s", seen).isNull();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
