package dev.scrying.console.session;

/** One message the console saw on a NATS subject, with the time it arrived in epoch microseconds. */
public record BusMessage(String subject, String json, long atMicros) {

  /** The player a {@code world.updates.user.<id>} subject is for, or "" for other subjects. */
  public String userId() {
    String prefix = "world.updates.user.";
    return subject.startsWith(prefix) ? subject.substring(prefix.length()) : "";
  }
}
