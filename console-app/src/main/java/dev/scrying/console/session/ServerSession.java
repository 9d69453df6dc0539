package dev.scrying.console.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the console reads from and does to one Scrying server, embedded or remote, so view
 * models never know which. Every method may be called from any thread and never blocks: results
 * complete on a session thread and fail with {@link SessionException}. {@link #close} is called once;
 * for an embedded session it also stops the server.
 */
public interface ServerSession extends AutoCloseable {

  SessionKind kind();

  String baseUrl();

  /** The experience this console shows. */
  String experienceId();

  /** Where the server keeps its state (embedded), or where it is (remote), for the status line. */
  String location();

  CompletableFuture<ServerStatus> status();

  /** An admin copy of the whole world. */
  CompletableFuture<WorldSnapshot> world();

  /** The newest {@code limit} commits of the world's Git history, newest first. */
  CompletableFuture<List<HistoryEntry>> history(int limit);

  CompletableFuture<RecordedWorld> worldAt(String commit);

  /** Resets; without {@code confirm} the server only answers what the reset would do. */
  CompletableFuture<AdminReply> reset(ResetScope scope, String target, boolean confirm);

  /** Runs an admin text command such as {@code @edit item bottle_joy visible false}. */
  CompletableFuture<AdminReply> command(String text);

  /** Stops or starts the server's own nats-server; fails if the server does not manage one. */
  CompletableFuture<ServerStatus> controlNats(boolean start);

  /** Slows the narrator by {@code factor} (1 = normal pace). */
  CompletableFuture<ServerStatus> slowNarrator(double factor);

  /** Cuts every live connection of a player; completes with how many were cut. */
  CompletableFuture<Integer> cut(String userId);

  /** The hop timestamps of a recent action, if the server still remembers it. */
  CompletableFuture<Optional<Map<String, Long>>> trace(String traceId);

  /** The admin token the console uses, e.g. for simulated players' server handle. */
  CompletableFuture<String> adminToken();

  /** Starts telling {@code listener} what happens; run the result to stop. */
  Runnable listen(SessionListener listener);

  /** True when actions arrive as they commit, with traces; false when they are read from Git afterwards. */
  boolean liveActions();

  @Override
  void close();
}
