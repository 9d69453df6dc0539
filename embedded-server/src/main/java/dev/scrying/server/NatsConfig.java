package dev.scrying.server;

import java.nio.file.Path;

/**
 * How the server reaches NATS: its own {@code nats-server} child process (the default, found in
 * {@code binary}, then PATH, then /usr/sbin), an external server or cluster at {@code url}, or none
 * at all (in-process delivery, reported as degraded).
 */
public record NatsConfig(Kind kind, String url, Path binary) {
  /** Where NATS comes from. */
  public enum Kind { MANAGED, EXTERNAL, OFF }

  public static NatsConfig managed() {
    return new NatsConfig(Kind.MANAGED, null, null);
  }

  public static NatsConfig external(String url) {
    return new NatsConfig(Kind.EXTERNAL, url, null);
  }

  public static NatsConfig off() {
    return new NatsConfig(Kind.OFF, null, null);
  }
}
