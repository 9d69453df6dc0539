package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.protocol.ClientMirror;
import java.util.List;

/**
 * The {@link ClientMirror} one persistent stream feeds, plus the chain problems it saw. Thread-safe
 * (one lock): the stream's reader thread writes, anyone may read copies.
 */
final class StreamMirror {
  private final String userId;
  private final Transport transport;
  private final List<ChainProblem> problems;
  private final ClientMirror mirror = new ClientMirror();
  private boolean hasSnapshot;

  StreamMirror(String userId, Transport transport, List<ChainProblem> problems) {
    this.userId = userId;
    this.transport = transport;
    this.problems = problems;
  }

  synchronized void snapshot(JsonNode areaOfInterest) {
    mirror.applySnapshot(areaOfInterest);
    hasSnapshot = true;
  }

  /** Applies a {@code world_update}; a delta that does not continue the chain is recorded as a problem. */
  synchronized void apply(JsonNode worldUpdate, long receivedMicros) {
    long before = mirror.version();
    ClientMirror.Outcome outcome = mirror.apply(worldUpdate);
    if (outcome != ClientMirror.Outcome.APPLIED) {
      problems.add(new ChainProblem(userId, transport, ChainProblem.Kind.valueOf(outcome.name()), before,
          worldUpdate.path("base_version").asLong(), worldUpdate.path("snapshot_version").asLong(), receivedMicros));
    }
  }

  synchronized ObjectNode view() {
    return mirror.view();
  }

  synchronized long version() {
    return mirror.version();
  }

  synchronized boolean hasSnapshot() {
    return hasSnapshot;
  }
}
