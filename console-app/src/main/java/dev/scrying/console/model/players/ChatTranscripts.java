package dev.scrying.console.model.players;

import dev.scrying.console.model.stream.StreamEvents;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each player's latest chat as its SSE frames arrive: the message sent, then one line per frame in
 * wire order with its time since the message, and the narrative so far. Thread-safe: frames of one
 * chat arrive on its stream's reader thread, different players' on different threads.
 */
final class ChatTranscripts {
  private final Map<String, ChatTranscript> latest = new ConcurrentHashMap<>();

  /** Adds a chat frame (sent or received); returns the player's transcript now, or null if it has none. */
  ChatTranscript note(Frame f) {
    if (f.direction() == Direction.OUT) {
      ChatTranscript t = ChatTranscript.started(f.userId(), f.json().path("message").asText(), f.epochMicros());
      latest.put(f.userId(), t);
      return t;
    }
    return latest.computeIfPresent(f.userId(), (id, before) -> before.plus(
        new ChatLine(f.type(), text(f), (f.epochMicros() - before.sentAtMicros()) / 1000.0),
        f.type().equals("content") ? text(f) : "", f.type().equals("done")));
  }

  ChatTranscript get(String userId) {
    return latest.get(userId);
  }

  void forget(String userId) {
    latest.remove(userId);
  }

  private static String text(Frame f) {
    return switch (f.type()) {
      case "content" -> f.json().path("content").asText();
      case "world_update" -> StreamEvents.worldUpdateSummary(f.json());
      case "error" -> f.json().path("error").path("message").asText(f.json().path("message").asText());
      case "metadata" -> f.json().has("total_time_ms") ? "timings" : "conversation started";
      default -> "";
    };
  }
}
