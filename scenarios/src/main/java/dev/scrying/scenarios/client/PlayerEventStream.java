package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * A player's persistent SSE stream ({@code GET /experience/{exp}/events}): the current connection, the
 * mirror it feeds and the last event id, so that a reopened stream resumes with {@code Last-Event-ID}.
 * Thread-safe: opening and closing are serialised; events are handled on the stream's reader thread.
 * When the current stream ends while it is still wanted (not closed on purpose), {@code dropped} runs.
 */
final class PlayerEventStream {
  private final PlayerWire wire;
  private final StreamMirror mirror;
  private volatile @Nullable EventStreamConnection current;
  private volatile @Nullable String lastEventId;
  private volatile boolean wanted;
  private final Runnable dropped;

  PlayerEventStream(PlayerWire wire, Runnable dropped) {
    this.wire = wire;
    this.dropped = dropped;
    this.mirror = new StreamMirror(wire.userId(), Transport.EVENTS_SSE, wire.problems());
  }

  StreamMirror mirror() {
    return mirror;
  }

  @Nullable String lastEventId() {
    return lastEventId;
  }

  /** Whether the stream should be open (opened and not closed on purpose); a reconnect reopens it. */
  boolean isWanted() {
    return wanted;
  }

  /** From now on the stream should be open: the next reconnect opens it. */
  void markWanted() {
    wanted = true;
  }

  boolean isOpen() {
    EventStreamConnection c = current;
    return c != null && !c.isEnded() && c.opened().isDone() && !c.opened().isCompletedExceptionally();
  }

  boolean isDown() {
    EventStreamConnection c = current;
    return c == null || c.isEnded();
  }

  /** Opens the stream unless it is open: with a snapshot the first time, then with Last-Event-ID. */
  synchronized CompletableFuture<Void> open() {
    wanted = true;
    EventStreamConnection c = current;
    if (c != null && !c.isEnded()) {
      return c.opened();
    }
    String resumeFrom = lastEventId;
    Request.Builder r = new Request.Builder().url(wire.server().url("/experience/" + wire.experience() + "/events"))
        .header("Authorization", "Bearer " + wire.token()).get();
    ObjectNode out = Json.object();
    out.put("last_event_id", resumeFrom);
    if (resumeFrom != null) {
      r.header("Last-Event-ID", resumeFrom);
    }
    wire.emit(Transport.EVENTS_SSE, Direction.OUT, "events_request", out, Micros.now());
    wire.state(Transport.EVENTS_SSE, ConnectionState.CONNECTING, resumeFrom == null ? "" : "resume after " + resumeFrom);
    EventStreamConnection opened = EventStreamConnection.open(wire.server().streaming(), r.build(), handler());
    current = opened;
    return opened.opened().thenRun(() -> wire.state(Transport.EVENTS_SSE, ConnectionState.OPEN, ""));
  }

  /** Closes the stream on purpose; the next {@link #open()} resumes it. */
  synchronized void close() {
    wanted = false;
    cancel();
  }

  /** Drops the stream as a network failure would (it stays wanted, so a reconnect reopens it). */
  void cancel() {
    EventStreamConnection c = current;
    if (c != null) {
      c.cancel();
    }
  }

  CompletableFuture<String> ended() {
    EventStreamConnection c = current;
    return c == null ? CompletableFuture.completedFuture("never opened") : c.ended();
  }

  private EventStreamConnection.Handler handler() {
    return new EventStreamConnection.Handler() {
      @Override
      public void event(EventStreamConnection c, @Nullable String id, @Nullable String type, String data) {
        if (c == current) {
          frame(id, type, data);
        }
      }

      @Override
      public void ended(EventStreamConnection c, boolean failed, String detail) {
        wire.state(Transport.EVENTS_SSE, failed ? ConnectionState.FAILED : ConnectionState.CLOSED, detail);
        if (c == current && wanted) {
          dropped.run();
        }
      }
    };
  }

  private void frame(@Nullable String id, @Nullable String sseType, String data) {
    long now = Micros.now();
    JsonNode json = PlayerWire.parse(data);
    String type = json.path("type").asText(sseType == null ? "message" : sseType);
    switch (type) {
      case "area_of_interest" -> mirror.snapshot(json);
      case "world_update" -> mirror.apply(json, now);
      default -> { }
    }
    if (id != null) {
      lastEventId = id;
    }
    wire.emit(Transport.EVENTS_SSE, Direction.IN, type, json, now);
  }
}
