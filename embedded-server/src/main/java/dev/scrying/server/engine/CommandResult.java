package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.List;

/**
 * The answer to one command, given only once the command is durable. {@code events} holds one
 * {@code world_update} per affected player, in the order they must be delivered. {@code errorCode} is
 * set when the command could not run at all (forbidden, unknown, storage failure).
 */
public record CommandResult(
    boolean success,
    String message,
    String experience,
    String userId,
    ObjectNode command,
    ObjectNode metadata,
    long version,
    boolean stateChanged,
    List<WorldUpdateEvent> events,
    Trace trace,
    String errorCode,
    boolean duplicate) {

  public CommandResult {
    events = List.copyOf(events);
  }

  public String action() {
    return command.path("action").asText();
  }

  /** The same result as a retry with the same request id receives it. */
  public CommandResult asDuplicate() {
    return new CommandResult(success, message, experience, userId, command, metadata, version, stateChanged, events,
        trace, errorCode, true);
  }

  public static CommandResult error(String experience, Command c, String code, String message, long version,
      Trace trace) {
    return new CommandResult(false, message, experience, c.userId(), c.structured(),
        Json.object().put("error_code", code), version, false, List.of(), trace, code, false);
  }

  /** The event for one recipient, if this command changed what they see. */
  public java.util.Optional<WorldUpdateEvent> eventFor(String recipient) {
    return events.stream().filter(e -> e.userId().equals(recipient)).findFirst();
  }
}
