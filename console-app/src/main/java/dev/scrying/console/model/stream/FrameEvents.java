package dev.scrying.console.model.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.ChangeSummary;
import dev.scrying.console.model.TraceBook;
import dev.scrying.console.session.Micros;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Transport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a simulated player's frames into stream rows. A frame that belongs to a traced action is
 * timed from the server receiving that action; a chat frame without a trace is timed from the chat
 * message it answers. Thread-safe: frames of many players arrive on many network threads.
 */
public final class FrameEvents {
  private static final int MAX_TEXT = 160;

  private final TraceBook traces;
  private final Map<String, Long> chatSentAt = new ConcurrentHashMap<>();

  public FrameEvents(TraceBook traces) {
    this.traces = traces;
  }

  public StreamEvent of(Frame f) {
    JsonNode j = f.json();
    boolean out = f.direction() == Direction.OUT;
    if (out && f.transport() == Transport.CHAT_SSE) {
      chatSentAt.put(f.userId(), f.epochMicros());
    }
    String summary = (out ? "sent · " : "") + summary(f.type(), j);
    return new StreamEvent(f.epochMicros(), source(f.transport()), f.userId(), f.type(), summary, latency(f, j),
        traceId(j), j.toString());
  }

  private double latency(Frame f, JsonNode j) {
    if (f.direction() == Direction.OUT) {
      return Double.NaN;
    }
    JsonNode trace = j.path("metadata").path("trace");
    if (trace.has("received")) {
      return Micros.millisBetween(trace.path("received").asLong(), f.epochMicros());
    }
    Long received = traces.receivedAt(traceId(j)).orElse(null);
    if (received != null) {
      return Micros.millisBetween(received, f.epochMicros());
    }
    Long chat = f.transport() == Transport.CHAT_SSE ? chatSentAt.get(f.userId()) : null;
    return chat == null ? Double.NaN : Micros.millisBetween(chat, f.epochMicros());
  }

  static String traceId(JsonNode j) {
    JsonNode id = j.path("metadata").path("trace_id");
    if (id.isTextual()) {
      return id.asText();
    }
    return j.path("trace_id").isTextual() ? j.path("trace_id").asText() : null;
  }

  static Source source(Transport t) {
    return switch (t) {
      case WEBSOCKET -> Source.WEBSOCKET;
      case CHAT_SSE -> Source.CHAT;
      case EVENTS_SSE -> Source.EVENTS;
      case HTTP -> Source.HTTP;
    };
  }

  static String summary(String type, JsonNode j) {
    return switch (type) {
      case "world_update" -> StreamEvents.worldUpdateSummary(j);
      case "area_of_interest" -> "snapshot v" + j.path("snapshot_version").asLong() + " · " + j.path("zone").path("name").asText("?")
          + " · " + ChangeSummary.countItems(j) + " items in view";
      case "action" -> j.path("action").asText() + fields(j);
      case "action_response" -> j.path("action").asText() + (j.path("success").asBoolean() ? " ✓ " : " ✗ ")
          + shorten(j.path("message").asText());
      case "chat" -> "“" + shorten(j.path("message").asText(j.path("text").asText())) + "”";
      case "content" -> shorten(j.path("content").asText());
      case "metadata" -> j.has("total_time_ms") ? String.format(java.util.Locale.ROOT, "timings · total %.0f ms",
          j.path("total_time_ms").asDouble()) : "conversation " + j.path("conversation_id").asText("");
      case "quest_update" -> j.path("quest_id").asText() + " · " + j.path("bottles_collected").asInt() + "/"
          + j.path("bottles_total").asInt() + " bottles, " + j.path("status").asText();
      case "error" -> j.path("code").asText(j.path("error").path("code").asText("error")) + ": "
          + shorten(j.path("message").asText(j.path("error").path("message").asText("")));
      case "heartbeat" -> "v" + j.path("version").asLong();
      case "connected" -> "connected · server v" + j.path("server_version").asLong();
      case "update_location" -> j.path("lat").asDouble() + ", " + j.path("lng").asDouble();
      default -> shorten(j.toString());
    };
  }

  private static String fields(JsonNode j) {
    StringBuilder s = new StringBuilder();
    j.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("type") && !f.getKey().equals("action") && f.getValue().isValueNode()) {
        s.append(' ').append(f.getValue().asText());
      }
    });
    return s.toString();
  }

  private static String shorten(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 1) + "…";
  }
}
