package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One message in or out of a simulated player, exactly as it went over the wire. Immutable by
 * contract: {@code json} is the parsed frame and must not be modified by whoever receives it (copy it
 * first). {@code type} is the frame's JSON {@code type} field (for SSE frames without one, the SSE
 * event name). {@code epochMicros} is the local wall clock when the frame was sent or received, in the
 * same unit and clock as the server's trace hops, so the two can be subtracted on one machine.
 * Handshakes appear as outgoing frames too: {@code connect} (WebSocket, with {@code since_version} on a
 * resume), {@code events_request} (persistent SSE, with {@code last_event_id}), {@code chat} (the POSTed
 * body) and {@code interact} (HTTP, answered by an incoming {@code interact_response}).
 */
public record Frame(String userId, Transport transport, Direction direction, String type, JsonNode json,
    long epochMicros) {

  public Frame {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
  }

  /** A frame received now. */
  static Frame in(String userId, Transport transport, String type, JsonNode json) {
    return new Frame(userId, transport, Direction.IN, type, json, Micros.now());
  }

  /** A one-line summary for logs and reports: {@code alice IN WEBSOCKET world_update}. */
  public String summary() {
    return userId + " " + direction + " " + transport + " " + type;
  }
}
