package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ServerSession} over HTTP only, for a Scrying server elsewhere (the one serving Unity clients
 * on the shop's network). It never stops that server. Actions are read from the Git history, since the
 * HTTP API has no stream of them; NATS is tapped directly when the server's NATS is reachable.
 * Thread-safe.
 */
public final class RemoteSession implements ServerSession {
  private final String baseUrl;
  private final String experienceId;
  private final AdminHttp http;
  private final AdminToken token;
  private final Listeners listeners = new Listeners();
  private final SessionWatch watch;

  RemoteSession(String baseUrl, String experienceId, AdminHttp http, AdminToken token, boolean actionsFromHistory) {
    this.baseUrl = baseUrl;
    this.experienceId = experienceId;
    this.http = http;
    this.token = token;
    this.watch = new SessionWatch(this, listeners, actionsFromHistory);
    watch.start();
  }

  /**
   * Connects to the server at {@code url} with an admin token ({@code token}, or a dev token when
   * null) and picks its first experience. Blocks for a few seconds at most; call it off the UI thread.
   *
   * @throws SessionException if the server cannot be reached or refuses the console
   */
  public static RemoteSession connect(String url, String token) {
    String base = normalise(url);
    HttpClient client = AdminHttp.client();
    AdminToken admin = AdminToken.of(base, client, token);
    AdminHttp http = new AdminHttp(base, client, admin);
    try {
      JsonNode experiences = http.get("/experiences").get(10, TimeUnit.SECONDS).path("experiences");
      if (!experiences.isArray() || experiences.isEmpty()) {
        throw new SessionException("The server at " + base + " has no experiences.", "Check its --content folder.");
      }
      http.get("/admin/status").get(10, TimeUnit.SECONDS);
      RemoteSession session = new RemoteSession(base, experiences.get(0).path("id").asText(), http, admin, true);
      session.natsLogin(() -> observerLogin(http));
      return session;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw SessionException.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionException("Connecting was interrupted.", "Try again.");
    }
  }

  /**
   * The observer's NATS login, which the server hands an admin: it reads every player's subject. Null when
   * the server manages no nats-server (409) or cannot be asked; the tap then tries without one.
   */
  static NatsLogin observerLogin(AdminHttp http) {
    try {
      JsonNode c = http.post("/nats/credentials", Json.object()).get(10, TimeUnit.SECONDS);
      return c.hasNonNull("user") ? new NatsLogin(c.path("user").asText(), c.path("password").asText()) : null;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** {@code host:port} or a full URL, without a trailing slash. */
  static String normalise(String url) {
    String u = url.strip();
    if (!u.contains("://")) {
      u = "http://" + u;
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    URI parsed = URI.create(u);
    if (parsed.getHost() == null) {
      throw new SessionException("'" + url + "' is not a server address.", "Use a form like http://192.168.1.20:8765.");
    }
    return u;
  }

  Listeners listeners() {
    return listeners;
  }

  /** The NATS user the console's tap logs in as, for servers whose NATS has per-user permissions. */
  void natsLogin(java.util.function.Supplier<NatsLogin> who) {
    watch.loginWith(who);
  }

  /** True once the background watch has read the server while someone listened (for tests). */
  boolean watchPrimed() {
    return watch.primed();
  }

  @Override
  public SessionKind kind() {
    return SessionKind.REMOTE;
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String experienceId() {
    return experienceId;
  }

  @Override
  public String location() {
    return "remote server " + baseUrl;
  }

  @Override
  public CompletableFuture<ServerStatus> status() {
    return http.get("/admin/status").thenApply(s -> ServerStatus.fromJson(s, experienceId));
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    return http.get("/experience/" + experienceId + "/world")
        .thenApply(w -> new WorldSnapshot(w.path("version").asLong(), w.path("world")));
  }

  @Override
  public CompletableFuture<List<HistoryEntry>> history(int limit) {
    return http.get(admin("/history?limit=" + limit)).thenApply(h -> {
      List<HistoryEntry> out = new ArrayList<>();
      for (JsonNode e : h.path("history")) {
        out.add(new HistoryEntry(e.path("commit").asText(), e.path("message").asText(), e.path("time").asLong(),
            e.path("version").asLong()));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<RecordedWorld> worldAt(String commit) {
    return http.get(admin("/history/" + encode(commit))).thenApply(r -> {
      Map<String, JsonNode> players = new LinkedHashMap<>();
      r.path("players").fields().forEachRemaining(f -> players.put(f.getKey(), f.getValue()));
      return new RecordedWorld(r.path("commit").asText(), r.path("world"), players);
    });
  }

  @Override
  public CompletableFuture<AdminReply> reset(ResetScope scope, String target, boolean confirm) {
    ObjectNode body = Json.object().put("scope", scope.wire()).put("confirm", confirm);
    if (target != null) {
      body.put("target", target);
    }
    return http.post(admin("/reset"), body).thenApply(RemoteSession::reply);
  }

  @Override
  public CompletableFuture<AdminReply> command(String text) {
    return http.post(admin("/command"), Json.object().put("command", text)).thenApply(RemoteSession::reply);
  }

  @Override
  public CompletableFuture<ServerStatus> controlNats(boolean start) {
    return http.post("/admin/faults/nats", Json.object().put("action", start ? "start" : "stop"))
        .thenApply(s -> ServerStatus.fromJson(s, experienceId));
  }

  @Override
  public CompletableFuture<ServerStatus> slowNarrator(double factor) {
    return http.post("/admin/faults/narrator", Json.object().put("slowdown", factor))
        .thenApply(s -> ServerStatus.fromJson(s, experienceId));
  }

  @Override
  public CompletableFuture<Integer> cut(String userId) {
    return http.post("/admin/faults/cut", Json.object().put("user_id", userId))
        .thenApply(r -> r.path("connections_cut").asInt());
  }

  @Override
  public CompletableFuture<Optional<Map<String, Long>>> trace(String traceId) {
    return http.get("/trace/" + encode(traceId)).handle((t, error) -> {
      if (error != null) {
        return Optional.empty();
      }
      Map<String, Long> hops = new LinkedHashMap<>();
      t.path("hops_us").fields().forEachRemaining(f -> hops.put(f.getKey(), f.getValue().asLong()));
      return Optional.of(hops);
    });
  }

  @Override
  public CompletableFuture<String> adminToken() {
    return token.get();
  }

  @Override
  public Runnable listen(SessionListener listener) {
    return listeners.add(listener);
  }

  @Override
  public boolean liveActions() {
    return false;
  }

  private String admin(String rest) {
    return "/admin/experience/" + experienceId + rest;
  }

  private static AdminReply reply(JsonNode r) {
    return new AdminReply(r.path("success").asBoolean(), r.path("narrative").asText(""),
        r.path("metadata").path("version").asLong(-1));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    watch.close();
    listeners.close();
  }
}
