package dev.scrying.server.bus;

/** A NATS user name and password. Immutable; {@link #toString()} never shows the password. */
public record NatsCredentials(String user, String password) {
  @Override
  public String toString() {
    return "NatsCredentials[user=" + user + ", password=***]";
  }
}
