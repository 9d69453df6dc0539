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
    warmUp();
    return new EarlyStart(starter(consoleArgs));
  }

  /**
   * Loads the simulated players' client classes (OkHttp, Kotlin, SSE) on a spare thread while the
   * server starts, so the two guests connect as soon as it is up instead of first loading a library.
   */
  private static void warmUp() {
    Thread t = new Thread(() -> {
      for (String name : WARM) {
        try {
          Class.forName(name, true, EarlyStart.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError ignored) {
          // Only a head start; whatever is missing loads when it is first used.
        }
      }
    }, "class-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static final List<String> WARM = List.of("okhttp3.OkHttpClient", "okhttp3.internal.ws.RealWebSocket",
      "okhttp3.sse.EventSources", "okhttp3.internal.sse.RealEventSource", "dev.scrying.scenarios.client.SimulatedPlayer",
      "dev.scrying.scenarios.client.ServerHandle", "dev.scrying.scenarios.run.ScenarioRunner", "org.HdrHistogram.Recorder");

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
