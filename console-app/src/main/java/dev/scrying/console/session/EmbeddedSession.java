package dev.scrying.console.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.bus.BusStatus;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.EngineListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link ServerSession} over an in-process {@link ScryingServer}, which this session owns and stops
 * on {@link #close}. Reads and admin actions go over the server's own HTTP API, exactly as for a
 * remote server; only what HTTP cannot give comes from the Java API: actions as they commit, with
 * their traces, and NATS state changes the moment they happen. Thread-safe.
 */
public final class EmbeddedSession implements ServerSession {
  /** The port Unity clients and docs expect; the console falls back to any free port when it is taken. */
  public static final int PREFERRED_PORT = 8765;

  private final ScryingServer server;
  private final String experienceId;
  private final RemoteSession http;
  private final EngineListener engineListener;
  private final Consumer<BusStatus> busListener;

  public EmbeddedSession(ScryingServer server) {
    this.server = server;
    this.experienceId = server.experienceIds().iterator().next();
    String token = server.tokens().issue("scrying-console", Identity.Role.ADMIN, Duration.ofDays(30));
    AdminToken admin = AdminToken.fixed(token);
    this.http = new RemoteSession(server.baseUrl(), experienceId, new AdminHttp(server.baseUrl(), AdminHttp.client(), admin),
        admin, false);
    Listeners listeners = http.listeners();
    this.engineListener = r -> listeners.tell(() -> actionOf(r), SessionListener::action);
    this.busListener = s -> listeners.tell(SessionListener::busChanged);
    // The managed nats-server lets each user read only its own subject; the console's tap reads every
    // player's updates as the observer, which may read them all and publish nothing but probes.
    http.natsLogin(() -> server.bus().process().flatMap(p -> p.permissions())
        .map(p -> new NatsLogin(p.observer().user(), p.observer().password())).orElse(null));
    server.runtime(experienceId).engine().addListener(engineListener);
    server.bus().addStatusListener(busListener);
  }

  /** Starts a server with the console's defaults: loopback, port 8765 or any free one, the default data folder. */
  public static EmbeddedSession startDefault() throws IOException {
    String host = "127.0.0.1";
    ServerConfig config = new ServerConfig(host, freeOrAny(host, PREFERRED_PORT), ServerConfig.defaultDataDir(),
        null, true, null);
    return new EmbeddedSession(ScryingServer.start(config));
  }

  /**
   * {@code preferred} if nothing listens there, else 0 (any free port). Probed up front rather than by
   * retrying, because a server whose bind fails keeps its state folders locked until the JVM exits.
   */
  static int freeOrAny(String host, int preferred) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), preferred));
      return preferred;
    } catch (IOException taken) {
      return 0;
    }
  }

  /** The action as the console shows it; runs on the session's feed thread, off the engine's writer. */
  static ServerAction actionOf(CommandResult r) {
    Map<String, Long> hops = r.trace().hops();
    ObjectNode json = Json.object().put("version", r.version()).put("user_id", r.userId()).put("action", r.action())
        .put("success", r.success()).put("state_changed", r.stateChanged()).put("message", r.message())
        .put("trace_id", r.trace().id());
    json.set("command", r.command());
    json.set("metadata", r.metadata());
    hops.forEach(json.putObject("hops_us")::put);
    r.events().stream().map(WorldUpdateEvent::userId).forEach(json.putArray("recipients")::add);
    long at = hops.getOrDefault("durable", Micros.now());
    return new ServerAction(r.version(), r.userId(), r.action(), r.success(), r.stateChanged(), r.message(),
        r.trace().id(), hops, r.events().size(), json.toString(), at, true);
  }

  public ScryingServer server() {
    return server;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.EMBEDDED;
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String experienceId() {
    return experienceId;
  }

  @Override
  public String location() {
    return server.config().dataDir().toString();
  }

  @Override
  public CompletableFuture<ServerStatus> status() {
    return http.status();
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    return http.world();
  }

  @Override
  public CompletableFuture<List<HistoryEntry>> history(int limit) {
    return http.history(limit);
  }

  @Override
  public CompletableFuture<RecordedWorld> worldAt(String commit) {
    return http.worldAt(commit);
  }

  @Override
  public CompletableFuture<AdminReply> reset(ResetScope scope, String target, boolean confirm) {
    return http.reset(scope, target, confirm);
  }

  @Override
  public CompletableFuture<AdminReply> command(String text) {
    return http.command(text);
  }

  @Override
  public CompletableFuture<ServerStatus> controlNats(boolean start) {
    return http.controlNats(start);
  }

  @Override
  public CompletableFuture<ServerStatus> slowNarrator(double factor) {
    return http.slowNarrator(factor);
  }

  @Override
  public CompletableFuture<Integer> cut(String userId) {
    return http.cut(userId);
  }

  @Override
  public CompletableFuture<Optional<Map<String, Long>>> trace(String traceId) {
    return http.trace(traceId);
  }

  @Override
  public CompletableFuture<String> adminToken() {
    return http.adminToken();
  }

  @Override
  public Runnable listen(SessionListener listener) {
    return http.listen(listener);
  }

  @Override
  public boolean liveActions() {
    return true;
  }

  @Override
  public void close() {
    server.runtime(experienceId).engine().removeListener(engineListener);
    server.bus().removeStatusListener(busListener);
    http.close();
    // Stop each snapshot thread while its engine still runs: ScryingServer.close() stops the engine
    // first, and a snapshot thread woken afterwards waits on a read that never completes (about 10 s
    // per experience). Closing a snapshotter twice is harmless. Remove once the server orders this.
    for (String id : server.experienceIds()) {
      server.runtime(id).snapshotter().close();
    }
    server.close();
  }
}
