package dev.scrying.server.narrative;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to narrate: one command's outcome as the engine reported it. Immutable.
 *
 * @param experience the experience id
 * @param userId the player
 * @param command the command name, e.g. {@code collect_item} or {@code talk}
 * @param success whether the engine accepted the command
 * @param message the engine's factual result text, e.g. "You collected Bottle of Joy."; null is
 *     treated as empty
 * @param npcId the NPC involved, if any
 * @param playerText what the player typed, if anything
 * @param version the world version after the command; makes line choice repeatable
 */
public record NarrationRequest(
    String experience,
    String userId,
    String command,
    boolean success,
    String message,
    @Nullable String npcId,
    @Nullable String playerText,
    long version) {

  public NarrationRequest {
    Objects.requireNonNull(experience, "experience");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(command, "command");
    message = message == null ? "" : message;
  }
}
