package dev.scrying.experiences.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The v0.4 {@code world_update} delta for one recipient: every change one command made to what that
 * recipient can see. Immutable by contract; {@code changes} and {@code metadata} must not be mutated
 * after construction because one instance is serialised to many connections.
 */
@JsonPropertyOrder({"type", "version", "experience", "user_id", "base_version", "snapshot_version",
    "changes", "timestamp", "metadata"})
public record WorldUpdateEvent(
    @JsonProperty("experience") String experience,
    @JsonProperty("user_id") String userId,
    @JsonProperty("base_version") long baseVersion,
    @JsonProperty("snapshot_version") long snapshotVersion,
    @JsonProperty("changes") ArrayNode changes,
    @JsonProperty("timestamp") long timestamp,
    @JsonProperty("metadata") ObjectNode metadata) {

  public static final String TYPE = "world_update";
  public static final String PROTOCOL_VERSION = "0.4";

  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  @JsonProperty("version")
  public String version() {
    return PROTOCOL_VERSION;
  }

  /**
   * This event as a client holding {@code clientVersion} must receive it: empty if its snapshot
   * already includes it; re-based onto the client's version if nothing the client sees changed in
   * between (the recipient's chain proves that: no event for it lies between base and snapshot);
   * unchanged otherwise, so the client sees the gap and asks for a resync.
   */
  public java.util.Optional<WorldUpdateEvent> forClientAt(long clientVersion) {
    if (snapshotVersion <= clientVersion) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(baseVersion <= clientVersion ? rebasedOnto(clientVersion) : this);
  }

  /** The same event re-based onto a client that already holds {@code clientVersion}. */
  public WorldUpdateEvent rebasedOnto(long clientVersion) {
    if (clientVersion == baseVersion) {
      return this; // the same instance, so an encoding made for it can be reused
    }
    return new WorldUpdateEvent(experience, userId, clientVersion, snapshotVersion, changes, timestamp, metadata);
  }
}
