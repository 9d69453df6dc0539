package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.List;

/** What a command handler decided: the player-facing result and the mutations to apply atomically. */
public record Outcome(boolean success, String message, ObjectNode metadata, List<Mutation> mutations) {
  public Outcome {
    metadata = metadata == null ? Json.object() : metadata;
    mutations = List.copyOf(mutations);
  }

  public static Outcome fail(String message) {
    return new Outcome(false, message, Json.object(), List.of());
  }

  public static Outcome fail(String message, ObjectNode metadata) {
    return new Outcome(false, message, metadata, List.of());
  }

  public static Outcome read(String message, ObjectNode metadata) {
    return new Outcome(true, message, metadata, List.of());
  }

  public static Outcome change(String message, ObjectNode metadata, List<Mutation> mutations) {
    return new Outcome(true, message, metadata, mutations);
  }
}
