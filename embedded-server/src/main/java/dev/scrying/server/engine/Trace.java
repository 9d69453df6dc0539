package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hop timestamps of one action, in epoch microseconds so that a client on the same machine can
 * subtract its own clock. Hops are stamped by the thread that performs them; the map is copied
 * whenever it is published, so a published trace never changes.
 */
public final class Trace {
  public static final String RECEIVED = "received";
  public static final String APPLIED = "applied";
  public static final String DURABLE = "durable";
  public static final String PUBLISHED = "published";

  private final String id;
  private final Map<String, Long> hops = new LinkedHashMap<>();

  public Trace(String id) {
    this.id = id;
  }

  public static long nowMicros(Clock clock) {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }

  public String id() {
    return id;
  }

  public synchronized Trace stamp(String hop, long micros) {
    hops.putIfAbsent(hop, micros);
    return this;
  }

  public synchronized Long hop(String hop) {
    return hops.get(hop);
  }

  /** A copy of the hops, in the order they were stamped. */
  public synchronized Map<String, Long> hops() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hops));
  }

  public synchronized ObjectNode toJson() {
    ObjectNode out = Json.object().put("trace_id", id);
    ObjectNode h = out.putObject("hops_us");
    hops.forEach(h::put);
    return out;
  }
}
