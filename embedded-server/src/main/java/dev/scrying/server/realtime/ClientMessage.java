package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.server.engine.Command;

/**
 * One WebSocket message from a client, decoded and checked by {@link ClientMessages}. Immutable.
 * {@link Invalid} is a message refused with a protocol error code; it changes nothing.
 */
sealed interface ClientMessage {
  /** A command to run; {@code clientAction} is echoed in the {@code action_response}. */
  record Action(Command command, String clientAction) implements ClientMessage {}

  /** Free text to parse and run as a command. */
  record Chat(String text) implements ClientMessage {}

  /** A GPS fix. */
  record Location(double lat, double lng) implements ClientMessage {}

  /** A ping; {@code clientTimestamp} (a number or string, or null) is echoed in the pong. */
  record Ping(JsonNode clientTimestamp) implements ClientMessage {}

  /** A request for the command schemas. */
  record GetCommands() implements ClientMessage {}

  /** A request for a fresh {@code area_of_interest}. */
  record Resync() implements ClientMessage {}

  /** Refused: answered with an {@code error} frame carrying {@code code}. */
  record Invalid(String code, String message) implements ClientMessage {}
}
