package dev.scrying.console.model;

import java.util.concurrent.CompletableFuture;

/**
 * What the console reads from a running server, so view models can be tested against a fake. Methods
 * may be called from any thread; {@link #close} stops the server and is called once.
 */
public interface ServerSession extends AutoCloseable {

  String baseUrl();

  /** The experience this console shows. */
  String experienceId();

  /** Where the server keeps its state, for the status line. */
  String dataDir();

  /** The latest durable world version; cheap enough to poll. */
  long version();

  /** A copy of the world; completes off the caller's thread. */
  CompletableFuture<WorldSnapshot> world();

  @Override
  void close();
}
