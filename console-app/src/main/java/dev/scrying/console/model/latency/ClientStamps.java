package dev.scrying.console.model.latency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Transport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the console's own clients' frames for latency: when each action left the client, when its
 * delta came back, and the server hops the delta carries. An action has no id of its own on the
 * wire, so a player's sends are matched to answers in order (the server answers each socket in
 * order). Thread-safe; cheap enough to run on network threads.
 */
public final class ClientStamps {
  private static final int REMEMBER = 2_000;

  private final LatencyViewModel latency;
  private final Map<String, Deque<Long>> socketSends = new HashMap<>();
  private final Map<String, Long> chatSends = new HashMap<>();
  private final Map<String, Boolean> bound = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBER;
    }
  };

  public ClientStamps(LatencyViewModel latency) {
    this.latency = latency;
  }

  public synchronized void frame(Frame f) {
    if (f.direction() == Direction.OUT) {
      sent(f);
      return;
    }
    JsonNode meta = f.json().path("metadata");
    String trace = meta.path("trace_id").isTextual() ? meta.path("trace_id").asText()
        : f.json().path("trace_id").isTextual() ? f.json().path("trace_id").asText() : null;
    if (trace == null) {
      return;
    }
    switch (f.type()) {
      case "world_update" -> delta(f, trace, meta);
      case "action_response" -> answered(f, trace);
      case "metadata" -> {
        bind(trace, f.userId(), chatSends.get(f.userId()));
        // The timings frame ends the chat: the server has stamped first_narrative and done by now.
        latency.follow(trace);
      }
      default -> { }
    }
  }

  private void sent(Frame f) {
    if (f.transport() == Transport.WEBSOCKET && f.type().equals("action")) {
      socketSends.computeIfAbsent(f.userId(), k -> new ArrayDeque<>()).addLast(f.epochMicros());
    } else if (f.transport() == Transport.CHAT_SSE) {
      chatSends.put(f.userId(), f.epochMicros());
    }
  }

  private void delta(Frame f, String trace, JsonNode meta) {
    Map<String, Long> hops = new LinkedHashMap<>();
    meta.path("trace").fields().forEachRemaining(h -> hops.put(h.getKey(), h.getValue().asLong()));
    latency.serverHops(trace, f.userId(), hops);
    if (!f.userId().equals(meta.path("actor").asText()) || f.transport() == Transport.EVENTS_SSE) {
      return;
    }
    latency.clientHop(trace, f.userId(), Hop.CLIENT_RECEIVED, f.epochMicros());
    Long sent = f.transport() == Transport.CHAT_SSE ? chatSends.get(f.userId()) : peek(f.userId());
    bind(trace, f.userId(), sent);
  }

  private void answered(Frame f, String trace) {
    Deque<Long> sends = socketSends.get(f.userId());
    Long sent = sends == null ? null : sends.pollFirst();
    bind(trace, f.userId(), sent);
  }

  private void bind(String trace, String user, Long sentAt) {
    if (sentAt != null && bound.putIfAbsent(trace, true) == null) {
      latency.clientHop(trace, user, Hop.CLIENT_SEND, sentAt);
    }
  }

  private Long peek(String user) {
    Deque<Long> sends = socketSends.get(user);
    return sends == null ? null : sends.peekFirst();
  }
}
