package dev.scrying.server.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.server.engine.Mutation;
import java.util.List;

/**
 * One durable, applied command: its mutations (what replay applies), the result the caller was given
 * (what a retry with the same request id gets back) and each recipient's changes (what a reconnecting
 * client is replayed). Immutable.
 */
public record JournalEntry(
    @JsonProperty("version") long version,
    @JsonProperty("timestamp") long timestamp,
    @JsonProperty("actor") String actor,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("trace_id") String traceId,
    @JsonProperty("command") ObjectNode command,
    @JsonProperty("mutations") List<Mutation> mutations,
    @JsonProperty("result") ObjectNode result,
    @JsonProperty("recipients") List<Recipient> recipients,
    @JsonProperty("change_sets") List<ArrayNode> changeSets) {

  public JournalEntry {
    mutations = List.copyOf(mutations);
    recipients = List.copyOf(recipients);
    changeSets = changeSets == null ? List.of() : List.copyOf(changeSets);
  }

  /**
   * The changes one recipient was sent, and the version its chain continued from. The changes are
   * stored once per distinct list ({@code changes_ref} into {@code change_sets}), since a zone's
   * players mostly share them.
   */
  public record Recipient(
      @JsonProperty("user_id") String userId,
      @JsonProperty("base_version") long baseVersion,
      @JsonProperty("changes_ref") int changesRef) {}

  /** The changes {@code r} was sent. */
  public ArrayNode changesOf(Recipient r) {
    return changeSets.get(r.changesRef());
  }
}
