package dev.scrying.console.session;

/** A NATS user and password for the console's tap; {@link #toString()} never shows the password. */
record NatsLogin(String user, String password) {
  @Override
  public String toString() {
    return "NatsLogin[user=" + user + ", password=***]";
  }
}
