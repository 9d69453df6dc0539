package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * A simulated guest: a real protocol client of one experience, talking to the server only over the
 * wire, exactly as the Unity client does. It keeps a {@code ClientMirror} built only from the frames
 * it receives ({@code area_of_interest} + {@code world_update}), checks every delta's version chain,
 * measures latencies, and reports every frame to its {@link FrameListener}s.
 *
 * <p>Thread-safe: any thread may call any method. Frames are processed on OkHttp's network threads;
 * returned futures complete on this player's own callback thread (never on a network thread), after
 * the mirror and the listeners have seen the reply. Failures: requests fail with a
 * {@link ServerException} (status 0 when the connection is gone); blocking methods wait at most
 * {@link Options#timeout()} and then throw one with code {@code timeout}.
 *
 * <p>The mirror is fed by the WebSocket when the player has one, otherwise by the persistent event
 * stream. A chat-only player has no mirror.
 *
 * <p>With a {@link ReconnectPolicy} in its options, a stream the server drops (a restart's close 1012, a
 * broken connection, an SSE stream's end) reopens on its own, resuming exactly like {@link #reconnect()};
 * the default, {@link ReconnectPolicy#NONE}, leaves it down.
 */
public final class SimulatedPlayer implements AutoCloseable {
  /**
   * How a player connects.
   *
   * @param admin use an admin-role token (may send {@code @} commands)
   * @param webSocket open {@code /ws/experience} on connect
   * @param eventStream open the persistent SSE stream on connect
   * @param timeout the longest any blocking call of this player waits
   * @param reconnect whether and when dropped streams reopen on their own ({@link ReconnectPolicy#NONE}:
   *     never; the player stays cut until {@link #reconnect()} is called)
   */
  public record Options(boolean admin, boolean webSocket, boolean eventStream, Duration timeout,
      ReconnectPolicy reconnect) {
    public Options {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(reconnect, "reconnect");
    }

    /** Options that never reconnect on their own. */
    public Options(boolean admin, boolean webSocket, boolean eventStream, Duration timeout) {
      this(admin, webSocket, eventStream, timeout, ReconnectPolicy.NONE);
    }

    /** A player on a WebSocket, like the Unity client; 10 s timeout. */
    public static Options webSocketPlayer() {
      return new Options(false, true, false, Duration.ofSeconds(10));
    }

    public Options withAdmin(boolean on) {
      return new Options(on, webSocket, eventStream, timeout, reconnect);
    }

    public Options withWebSocket(boolean on) {
      return new Options(admin, on, eventStream, timeout, reconnect);
    }

    public Options withEventStream(boolean on) {
      return new Options(admin, webSocket, on, timeout, reconnect);
    }

    public Options withTimeout(Duration t) {
      return new Options(admin, webSocket, eventStream, t, reconnect);
    }

    public Options withReconnect(ReconnectPolicy policy) {
      return new Options(admin, webSocket, eventStream, timeout, policy);
    }
  }

  private final PlayerWire wire;
  private final Options options;
  private final FrameListeners listeners = new FrameListeners();
  private final List<ChainProblem> problems = new CopyOnWriteArrayList<>();
  private final PlayerSocket socket;
  private final PlayerEventStream events;
  private final Latencies latencies = new Latencies();
  private final Set<EventSource> chats = ConcurrentHashMap.newKeySet();
  private final ExecutorService callbacks;
  private final @Nullable ScheduledExecutorService reconnects;
  private final AutoReconnect autoReconnect;
  private volatile boolean closed;

  private SimulatedPlayer(ServerHandle server, String experience, String userId, Options options) {
    Objects.requireNonNull(server, "server");
    this.options = Objects.requireNonNull(options, "options");
    String token = options.admin() ? server.adminTokenFor(userId) : server.tokenFor(userId);
    this.wire = new PlayerWire(server, Objects.requireNonNull(experience, "experience"),
        Objects.requireNonNull(userId, "userId"), token, options.timeout(), listeners, problems);
    this.socket = new PlayerSocket(wire, close -> {
      if (ReconnectPolicy.reconnectable(close)) {
        autoReconnect().dropped();
      }
    });
    this.events = new PlayerEventStream(wire, () -> autoReconnect().dropped());
    this.callbacks = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "player-" + userId);
      t.setDaemon(true);
      return t;
    });
    // Its own thread: an attempt blocks until the server answers, which must hold up neither the
    // player's callbacks nor any other player's attempts.
    this.reconnects = options.reconnect().enabled() ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reconnect-" + userId);
      t.setDaemon(true);
      return t;
    }) : null;
    // SplittableRandom is not thread-safe, but AutoReconnect draws from it only within one cycle at a time.
    this.autoReconnect = new AutoReconnect(options.reconnect(), new SplittableRandom(), this::scheduleReconnect,
        new AutoReconnect.Connector() {
          @Override
          public AutoReconnect.Outcome attempt() {
            return attemptReconnect();
          }

          @Override
          public boolean needed() {
            return !closed && ((options.webSocket() && !socket.isOpen()) || (events.isWanted() && events.isDown()));
          }
        });
  }

  /** For the stream callbacks above: a lambda in the constructor may not name the field it precedes. */
  private AutoReconnect autoReconnect() {
    return autoReconnect;
  }

  /** A WebSocket player; returns once its first {@code area_of_interest} arrived (at most 10 s). */
  public static SimulatedPlayer connect(ServerHandle server, String experience, String userId) {
    return connect(server, experience, userId, Options.webSocketPlayer());
  }

  /**
   * A player connected as {@code options} say; returns once each of its persistent streams is
   * subscribed and has delivered its first snapshot.
   *
   * @throws ServerException if a connection is refused or the snapshot does not arrive in time
   */
  public static SimulatedPlayer connect(ServerHandle server, String experience, String userId, Options options) {
    SimulatedPlayer p = prepare(server, experience, userId, options);
    try {
      p.reconnect();
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  /**
   * A player that is not connected yet: add listeners first, then call {@link #reconnect()} to open
   * its streams, so that no frame (not even the first snapshot) goes unobserved.
   */
  public static SimulatedPlayer prepare(ServerHandle server, String experience, String userId, Options options) {
    SimulatedPlayer p = new SimulatedPlayer(server, experience, userId, options);
    if (options.eventStream()) {
      p.events.markWanted();
    }
    return p;
  }

  public String userId() {
    return wire.userId();
  }

  public String experience() {
    return wire.experience();
  }

  public ServerHandle server() {
    return wire.server();
  }

  public Options options() {
    return options;
  }

  /** The bearer token this player uses (player or admin role, see {@link Options#admin()}). */
  public String token() {
    return wire.token();
  }

  // ---- actions ---------------------------------------------------------------------------------

  /**
   * Sends {@code {"type":"action","action":…, …fields}} on the WebSocket. Completes with the matching
   * {@code action_response} (or the {@code error} frame that answered instead), together with the
   * player's own {@code world_update} that preceded it. Concurrent actions each get their own answer.
   */
  public CompletableFuture<ActionResult> act(String action, Map<String, ?> fields) {
    ObjectNode msg = Json.object().put("type", "action").put("action", action);
    fields.forEach((k, v) -> msg.set(k, Json.MAPPER.valueToTree(v)));
    ObjectNode echoed = msg.deepCopy();
    echoed.remove(List.of("type", "action"));
    long sent = Micros.now();
    return socket.request(msg, "action_response", action, echoed).thenApplyAsync(r -> {
      String trace = r.frame().path("metadata").path("trace_id").asText(null);
      ActionResult result = ActionResult.fromWebSocket(userId(), action, sent, r, socket.traces().find(trace).orElse(null));
      recordAction(result);
      return result;
    }, callbacks);
  }

  /** Free text as an action ({@code "take the joy bottle"}), which the server parses. */
  public CompletableFuture<ActionResult> say(String text) {
    return act(text, Map.of());
  }

  /**
   * {@code POST /experience/interact} with a structured action, for players without a WebSocket.
   * The result has no world update (HTTP carries none); deltas arrive on the event stream if open.
   */
  public CompletableFuture<ActionResult> interact(String action, Map<String, ?> fields) {
    ObjectNode body = Json.object().put("experience", experience()).put("action", action);
    fields.forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
    return interactWith(action, body);
  }

  /** {@code POST /experience/interact} with free text ({@code message}). */
  public CompletableFuture<ActionResult> interactText(String text) {
    return interactWith(text, Json.object().put("experience", experience()).put("message", text));
  }

  private CompletableFuture<ActionResult> interactWith(String action, ObjectNode body) {
    return CompletableFuture.supplyAsync(() -> {
      long sent = Micros.now();
      wire.emit(Transport.HTTP, Direction.OUT, "interact", body, sent);
      JsonNode reply;
      try {
        reply = wire.server().postAs(token(), "/experience/interact", body);
      } catch (ServerException e) {
        if (e.status() == 0) {
          throw e;
        }
        // A refusal (403 forbidden, 400 unknown command) is an answer, not a transport failure.
        ObjectNode refusal = Json.object().put("success", false);
        refusal.putObject("error").put("code", e.code()).put("message", e.getMessage());
        reply = refusal;
      }
      long at = Micros.now();
      wire.emit(Transport.HTTP, Direction.IN, "interact_response", reply, at);
      latencies.record(LatencyMetric.ACTION_TO_RESPONSE, at - sent);
      return ActionResult.fromHttp(userId(), action, sent, reply, at);
    }, callbacks);
  }

  /**
   * Posts {@code message} to {@code POST /api/v0.3/chat} with {@code stream:true} and collects the
   * whole SSE stream. Completes when the server ends it; fails with a {@link ServerException} if the
   * request is refused or the stream breaks before {@code done}.
   */
  public CompletableFuture<ChatResult> chat(String message) {
    ObjectNode body = Json.object().put("message", message).put("stream", true).put("experience", experience());
    long sent = Micros.now();
    wire.emit(Transport.CHAT_SSE, Direction.OUT, "chat", body, sent);
    ChatExchange exchange = new ChatExchange(userId(), message, sent, listeners, latencies, problems);
    Request request = new Request.Builder().url(wire.server().url("/api/v0.3/chat"))
        .header("Authorization", "Bearer " + token())
        .post(RequestBody.create(Json.write(body), ServerHandle.JSON)).build();
    EventSource source = EventSources.createFactory(wire.server().streaming()).newEventSource(request, exchange);
    chats.add(source);
    return exchange.result().whenComplete((r, e) -> chats.remove(source)).thenApplyAsync(r -> r, callbacks);
  }

  /** Sends {@code update_location}; completes with the {@code area_of_interest} that answers it. */
  public CompletableFuture<JsonNode> updateLocation(double lat, double lng) {
    return request(Json.object().put("type", "update_location").put("lat", lat).put("lng", lng), "area_of_interest");
  }

  /** Asks for a fresh snapshot ({@code resync}); completes with the {@code area_of_interest}. */
  public CompletableFuture<JsonNode> requestResync() {
    return request(Json.object().put("type", "resync"), "area_of_interest");
  }

  /** {@code get_commands}; completes with the {@code commands_schema} frame. */
  public CompletableFuture<JsonNode> commands() {
    return request(Json.object().put("type", "get_commands"), "commands_schema");
  }

  /** {@code ping}; completes with the {@code pong} frame. */
  public CompletableFuture<JsonNode> ping() {
    return request(Json.object().put("type", "ping").put("timestamp", System.currentTimeMillis()), "pong");
  }

  /** Sends any message on the WebSocket (e.g. malformed input); answers show up only in the listeners. */
  public boolean send(ObjectNode message) {
    return socket.send(message);
  }

  /** A request whose answer is a frame of {@code replyType}; an {@code error} frame fails it (status 400). */
  private CompletableFuture<JsonNode> request(ObjectNode message, String replyType) {
    return socket.request(message, replyType, null, null).thenApplyAsync(r -> {
      if (r.frame().path("type").asText().equals("error")) {
        throw new ServerException(400, r.frame().path("code").asText("error"), r.frame().path("message").asText(""));
      }
      return r.frame();
    }, callbacks);
  }

  // ---- connections -----------------------------------------------------------------------------

  /**
   * Opens the persistent SSE stream. The first time it starts with a snapshot; after that it sends
   * {@code Last-Event-ID} (the last id it received) so the server replays exactly what was missed.
   * Completes once the server accepted the stream, which means the player is subscribed.
   */
  public CompletableFuture<Void> openEventStream() {
    return events.open().thenRunAsync(() -> { }, callbacks);
  }

  /** Closes the persistent SSE stream on purpose (the next {@link #openEventStream()} resumes it). */
  public void closeEventStream() {
    events.close();
  }

  public boolean isEventStreamOpen() {
    return events.isOpen();
  }

  /** Completes when the current persistent SSE stream ends (closed by either side), with why. */
  public CompletableFuture<String> eventStreamEnded() {
    return events.ended().thenApplyAsync(r -> r, callbacks);
  }

  /** The last SSE id received on the persistent stream (a version), or null. */
  public @Nullable String lastEventId() {
    return events.lastEventId();
  }

  /** Drops the WebSocket and the event stream abruptly, as a guest walking out of Wi-Fi range would. */
  public void disconnect() {
    socket.cancel();
    events.cancel();
  }

  /**
   * Opens whatever is down: the WebSocket (fresh, or with {@code since_version} = the mirror's
   * version, so the server replays what was missed and the mirror simply continues) and the event
   * stream if it should be open (with {@code Last-Event-ID} after its first run). Returns once each is
   * subscribed; an events-only player also waits for its first snapshot.
   *
   * @throws ServerException if a connection is refused or does not open in time
   * @throws IllegalStateException if the player was closed
   */
  public synchronized void reconnect() {
    if (closed) {
      throw new IllegalStateException("player " + userId() + " is closed");
    }
    if (options.webSocket()) {
      socket.open();
    }
    if (events.isWanted() && events.isDown()) {
      boolean fresh = events.lastEventId() == null;
      wire.await(events.open(), "event stream");
      if (fresh && !options.webSocket()) {
        awaitEventSnapshot();
      }
    }
  }

  public boolean isConnected() {
    return socket.isOpen();
  }

  /** Whether an automatic reconnection (see {@link Options#reconnect()}) is waiting or trying right now. */
  public boolean isReconnecting() {
    return autoReconnect.isCycling();
  }

  /** Completes when the current WebSocket ends, with its close code (e.g. 4000 when cut by the operator). */
  public CompletableFuture<WebSocketClose> closed() {
    return socket.ended().thenApplyAsync(c -> c, callbacks);
  }

  /** Blocks until the event stream delivered its first snapshot (an events-only player's mirror source). */
  private void awaitEventSnapshot() {
    ChangeSignal signal = listeners.signal();
    long deadline = System.nanoTime() + options.timeout().toNanos();
    try {
      while (true) {
        long mark = signal.mark();
        if (events.mirror().hasSnapshot()) {
          return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !signal.awaitAfter(mark, left)) {
          throw new ServerException(0, ServerException.TIMEOUT,
              userId() + ": no area_of_interest on the event stream within " + options.timeout());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException(0, ServerException.TIMEOUT, userId() + ": interrupted waiting for a snapshot");
    }
  }

  // ---- state -----------------------------------------------------------------------------------

  /** A copy of the mirror's view (zone, areas, players, player, global_state). */
  public ObjectNode mirror() {
    return mirrorSource().view();
  }

  /** The version of the last snapshot or delta the mirror applied; -1 before the first snapshot. */
  public long mirrorVersion() {
    return mirrorSource().version();
  }

  /** Every version-chain problem seen on any stream of this player; must stay empty. */
  public List<ChainProblem> chainProblems() {
    return List.copyOf(problems);
  }

  /** This player's latency histograms (live; thread-safe). */
  public Latencies latencies() {
    return latencies;
  }

  /** The last frames in and out (at most 2,000), oldest first. */
  public List<Frame> recentFrames() {
    return listeners.recent();
  }

  public void addListener(FrameListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(FrameListener listener) {
    listeners.remove(listener);
  }

  /** {@code GET /experience/{exp}/view} with this player's token: the server's view of this player. */
  public JsonNode serverView() {
    return wire.server().getAs(token(), "/experience/" + experience() + "/view");
  }

  /** The mirror next to the server's view, right now. */
  public MirrorComparison compareWithServer() {
    long version = mirrorVersion();
    ObjectNode mirror = mirror();
    ObjectNode view = (ObjectNode) serverView().deepCopy();
    view.remove(List.of("type", "timestamp", "snapshot_version"));
    List<String> diff = JsonDifferences.between(mirror, view, "mirror", "server", 10);
    return new MirrorComparison(diff.isEmpty(), diff, mirror, view, version);
  }

  /**
   * Waits until the mirror equals the server's view (deltas may still be in flight), re-checking
   * whenever a frame arrives and at least every 100 ms. Returns the last comparison, matching or not.
   */
  public MirrorComparison awaitConverged(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ChangeSignal signal = listeners.signal();
    while (true) {
      long mark = signal.mark();
      MirrorComparison c = compareWithServer();
      long left = deadline - System.nanoTime();
      if (c.matches() || left <= 0) {
        return c;
      }
      signal.awaitAfter(mark, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
    }
  }

  /** Closes every connection politely (WebSocket close 1000) and stops this player's threads. */
  @Override
  public void close() {
    closed = true;
    autoReconnect.stop();
    if (reconnects != null) {
      reconnects.shutdownNow();
    }
    socket.close();
    events.close();
    chats.forEach(EventSource::cancel);
    callbacks.shutdown();
  }

  // ---- internals -------------------------------------------------------------------------------

  private void scheduleReconnect(Runnable attempt, Duration delay) {
    try {
      Objects.requireNonNull(reconnects, "reconnects").schedule(attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The player closed meanwhile: nothing to reconnect.
    }
  }

  /** One automatic attempt: {@link #reconnect()}, with its failure sorted into try-again or give-up. */
  private AutoReconnect.Outcome attemptReconnect() {
    try {
      reconnect();
      return AutoReconnect.Outcome.CONNECTED;
    } catch (IllegalStateException e) {
      return AutoReconnect.Outcome.GIVE_UP;
    } catch (ServerException e) {
      if (closed || !ReconnectPolicy.reconnectable(e.status())) {
        return AutoReconnect.Outcome.GIVE_UP;
      }
      // A WebSocket the server accepted and then closed says why in its close code (1008: bad token).
      CompletableFuture<WebSocketClose> end = socket.ended();
      if (options.webSocket() && end.isDone() && !ReconnectPolicy.reconnectable(end.join())) {
        return AutoReconnect.Outcome.GIVE_UP;
      }
      return AutoReconnect.Outcome.RETRY;
    }
  }

  private StreamMirror mirrorSource() {
    return options.webSocket() ? socket.mirror() : events.mirror();
  }

  private void recordAction(ActionResult r) {
    if (r.response().path("type").asText().equals("error")) {
      return;
    }
    latencies.record(LatencyMetric.ACTION_TO_RESPONSE, r.respondedAtMicros() - r.sentAtMicros());
    if (r.worldUpdate() == null) {
      return;
    }
    latencies.record(LatencyMetric.ACTION_TO_WORLD_UPDATE, r.worldUpdateAtMicros() - r.sentAtMicros());
    r.worldUpdate().path("metadata").path("trace").fields().forEachRemaining(hop ->
        LatencyMetric.forHop(hop.getKey()).ifPresent(m -> latencies.record(m, hop.getValue().asLong() - r.sentAtMicros())));
  }
}
