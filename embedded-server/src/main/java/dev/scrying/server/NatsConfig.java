package dev.scrying.server;

import java.nio.file.Path;

/**
 * How the server reaches NATS: its own {@code nats-server} child process (the default, found in
 * {@code binary}, then PATH, then /usr/sbin), an external server or cluster at {@code url}, or none
 * at all (in-process delivery, reported as degraded). With {@code mirror} (the default) the JetStream
 * stream {@code WORLD_UPDATES} keeps an hour of every player's updates for outside consumers; without
 * it nats-server stores nothing, which at a thousand players is a fifth of a core and a disk's worth of
 * writes that the game does not need (the journal is the record).
 */
public record NatsConfig(Kind kind, String url, Path binary, boolean mirror) {
  /** Where NATS comes from. */
  public enum Kind { MANAGED, EXTERNAL, OFF }

  public static NatsConfig managed() {
    return new NatsConfig(Kind.MANAGED, null, null, true);
  }

  public static NatsConfig managed(Path binary) {
    return new NatsConfig(Kind.MANAGED, null, binary, true);
  }

  public static NatsConfig external(String url) {
    return new NatsConfig(Kind.EXTERNAL, url, null, true);
  }

  public static NatsConfig off() {
    return new NatsConfig(Kind.OFF, null, null, false);
  }

  /** The same connection, without creating the {@code WORLD_UPDATES} stream (an existing one is left alone). */
  public NatsConfig withoutMirror() {
    return new NatsConfig(kind, url, binary, false);
  }
}
