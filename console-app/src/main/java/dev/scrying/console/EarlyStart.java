package dev.scrying.console;

import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.console.session.RemoteSession;
import dev.scrying.console.session.ServerSession;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts the console's session (the embedded server, or the connection to a remote one) on a
 * background thread before the window exists, so server start-up overlaps the JavaFX toolkit's and
 * the console opens sooner. The window's view model then simply waits for it. If no window opens,
 * {@link #abandon} stops what was started, so the headless fallback can take the port and data folder.
 */
final class EarlyStart {
  private final CompletableFuture<ServerSession> session = new CompletableFuture<>();

  private EarlyStart(Callable<? extends ServerSession> start) {
    Thread t = new Thread(() -> {
      try {
        session.complete(start.call());
      } catch (Exception | Error e) {
        session.completeExceptionally(e);
      }
    }, "early-start");
    t.setDaemon(true);
    t.start();
  }

  /** Begins starting what {@code consoleArgs} ask for: {@code --connect URL [--token T]}, or the embedded server. */
  static EarlyStart begin(List<String> consoleArgs) {
    return new EarlyStart(starter(consoleArgs));
  }

  static Callable<? extends ServerSession> starter(List<String> args) {
    int at = args.indexOf("--connect");
    if (at < 0 || at + 1 >= args.size()) {
      return EmbeddedSession::startDefault;
    }
    String url = args.get(at + 1);
    int t = args.indexOf("--token");
    String token = t >= 0 && t + 1 < args.size() ? args.get(t + 1) : System.getenv("SCRYING_ADMIN_TOKEN");
    return () -> RemoteSession.connect(url, token);
  }

  /** The view model's starter: waits for the session begun earlier and rethrows its failure. */
  Callable<ServerSession> await() {
    return () -> {
      try {
        return session.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
  }

  /** The window never opened: stops the session once it has started (or failed). */
  void abandon() {
    session.handle((s, e) -> {
      if (s != null) {
        s.close();
      }
      return null;
    }).join();
  }
}
