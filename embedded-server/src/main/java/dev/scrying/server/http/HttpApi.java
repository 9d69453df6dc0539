package dev.scrying.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.CommandDoc;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.ExperienceRuntime;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.auth.AuthException;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.Commands;
import dev.scrying.server.realtime.ChatStream;
import dev.scrying.server.realtime.EventStream;
import dev.scrying.server.realtime.ExperienceSocket;
import dev.scrying.server.store.GitHistory;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: interact, state reads, admin, health and dev tokens. Every refusal is a 4xx with
 * {@code {success:false, error:{code, message}}} and changes nothing; an unexpected failure is a 500
 * that never takes the server down. Identity always comes from the bearer token.
 */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  public static final long MAX_BODY_BYTES = 64 * 1024;
  private static final long DRAINED_BODY_BYTES = 1024 * 1024;
  private static final int MAX_FIELD_LENGTH = 2_000;

  private final ScryingServer server;
  private final ExperienceSocket socket;
  private final ChatStream chat;
  private final EventStream events;

  /** Players are budgeted by id; admins (the console, the operator's scripts) are not limited. */
  private final RequestBudgets playerBudgets;
  /**
   * Dev tokens are minted before a client has an identity, so they are budgeted per address; loopback
   * is the operator's own machine (the console, the bench minting a thousand tokens) and is not limited.
   */
  private final RequestBudgets addressBudgets;

  private HttpApi(ScryingServer server) {
    this.server = server;
    this.socket = new ExperienceSocket(server, server.hub());
    this.chat = new ChatStream(server.hub());
    this.events = new EventStream(server.hub());
    var limits = server.hub().limits();
    this.playerBudgets = new RequestBudgets(limits.httpPerSecond(), limits.httpBurst(), System::nanoTime);
    this.addressBudgets = new RequestBudgets(limits.httpPerSecond(), limits.httpBurst(), System::nanoTime);
  }

  /**
   * Offers no permessage-deflate: a delta is about a kilobyte on a LAN, and deflating every frame for
   * every connection cost half the delivery CPU under load (bench/README.md), so frames go uncompressed.
   */
  private static void withoutCompression(org.eclipse.jetty.ee10.servlet.ServletContextHandler context) {
    var components = org.eclipse.jetty.websocket.core.server.WebSocketServerComponents.getWebSocketComponents(context);
    if (components != null) {
      components.getExtensionRegistry().getAvailableExtensions().remove("permessage-deflate");
    }
  }

  public static Javalin create(ScryingServer server) {
    HttpApi api = new HttpApi(server);
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      // Query strings carry tokens (WebSocket, EventSource): only redacted URLs are ever logged.
      cfg.requestLogger.http((ctx, ms) -> LOG.debug("{} {} -> {} ({} ms)", ctx.method(), LogSafe.redact(ctx.fullUrl()),
          ctx.status().getCode(), Math.round(ms)));
      cfg.routes.get("/health", api::health);
      cfg.routes.get("/experiences", api::experiences);
      cfg.routes.post("/experience/interact", api::interact);
      cfg.routes.get("/experience/{exp}/view", api::view);
      cfg.routes.get("/experience/{exp}/world", api::world);
      cfg.routes.get("/experience/{exp}/players/{id}", api::player);
      cfg.routes.get("/experience/{exp}/commands", api::commands);
      cfg.routes.post("/admin/experience/{exp}/command", api::adminCommand);
      cfg.routes.post("/admin/experience/{exp}/reset", api::adminReset);
      cfg.routes.get("/admin/experience/{exp}/history", api::history);
      cfg.routes.get("/admin/experience/{exp}/history/{commit}", api::historyAt);
      cfg.routes.post("/dev/token", api::devToken);
      cfg.routes.post("/nats/credentials", api::natsCredentials);
      cfg.routes.post("/api/v0.3/chat", api::chat);
      cfg.routes.post("/api/v1/chat", api::chat);
      cfg.routes.get("/experience/{exp}/events", api::events);
      cfg.routes.get("/trace/{id}", api::trace);
      cfg.routes.get("/admin/status", api::status);
      cfg.routes.post("/admin/faults/nats", api::faultNats);
      cfg.routes.post("/admin/faults/narrator", api::faultNarrator);
      cfg.routes.post("/admin/faults/cut", api::faultCut);
      cfg.routes.ws("/ws/experience", api.socket::configure);
      var context = new java.util.concurrent.atomic.AtomicReference<org.eclipse.jetty.ee10.servlet.ServletContextHandler>();
      cfg.jetty.modifyServletContextHandler(context::set);
      cfg.jetty.modifyWebSocketServletFactory(f -> {
        f.setMaxTextMessageSize(MAX_BODY_BYTES);
        f.setIdleTimeout(java.time.Duration.ofMinutes(2));
        withoutCompression(context.get());
      });
      cfg.routes.exception(ApiError.class, (e, ctx) -> {
        if (e.status() == 429 || e.status() == 503) {
          ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        Responses.error(ctx, e.status(), e.code(), e.getMessage());
      });
      cfg.routes.exception(AuthException.class, (e, ctx) -> Responses.error(ctx, 401, "unauthorized", e.getMessage()));
      cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
          Responses.error(ctx, e.getStatus(), e.getStatus() == 413 ? "body_too_large" : "http_" + e.getStatus(), e.getMessage()));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        if (e instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
          // Jetty refusing a malformed request (a WebSocket upgrade without a key) is the client's error.
          Responses.error(ctx, h.getCode(), "bad_request", String.valueOf(h.getReason()));
        } else if (e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException) {
          // The client went away mid-request (a body shorter than its Content-Length): nothing to answer.
          LOG.debug("client left during {} {}: {}", ctx.method(), LogSafe.redact(ctx.path()), e.toString());
          Responses.error(ctx, 400, "incomplete_request", "the request ended early; nothing was changed");
        } else {
          LOG.error("unexpected failure on {} {}", ctx.method(), LogSafe.redact(ctx.path()), e);
          Responses.error(ctx, 500, "server_error", "Unexpected server error; nothing was changed.");
        }
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          Responses.error(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path());
        }
      });
    });
  }

  private void health(Context ctx) {
    ObjectNode out = Json.object().put("status", "ok").put("uptime_ms", server.uptimeMillis());
    ObjectNode exps = out.putObject("experiences");
    for (String id : server.experienceIds()) {
      ExperienceRuntime r = server.runtime(id);
      exps.putObject(id).put("version", r.engine().version())
          .put("git_version", r.snapshotter().committedVersion())
          .put("git_lag", r.engine().version() - r.snapshotter().committedVersion());
    }
    Responses.json(ctx, 200, out);
  }

  private void experiences(Context ctx) {
    var list = Json.MAPPER.createArrayNode();
    for (String id : server.experienceIds()) {
      var e = server.runtime(id).experience();
      list.addObject().put("id", id).put("name", e.name()).put("version", server.runtime(id).engine().version());
    }
    Responses.json(ctx, 200, Json.object().set("experiences", list));
  }

  private void interact(Context ctx) {
    Identity who = identity(ctx);
    ObjectNode body = body(ctx);
    ExperienceRuntime rt = runtime(body.path("experience").asText(ExperiencesDefault.ID));
    Command command = RequestCommands.fromBody(body, who).withAdmin(who.isAdmin());
    CommandResult r = await(rt.engine().submit(command));
    Responses.json(ctx, statusOf(r), Responses.interact(r));
  }

  private void adminCommand(Context ctx) {
    Identity who = requireAdmin(ctx);
    ObjectNode body = body(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    String text = RequestCommands.text(body, "command");
    Command c = new Command(Commands.TEXT, Json.object().put("text", text), who.userId(), true,
        RequestCommands.requestId(body), null, text);
    CommandResult r = await(rt.engine().submit(c));
    Responses.json(ctx, statusOf(r), Responses.interact(r));
  }

  private void adminReset(Context ctx) {
    Identity who = requireAdmin(ctx);
    ObjectNode body = body(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    String scope = RequestCommands.text(body, "scope");
    var args = Json.MAPPER.createArrayNode().add(scope);
    if (body.hasNonNull("target")) {
      args.add(RequestCommands.text(body, "target"));
    }
    if (body.path("confirm").asBoolean(false)) {
      args.add("CONFIRM");
    }
    ObjectNode fields = Json.object();
    fields.set("args", args);
    Command c = new Command("@reset", fields, who.userId(), true, RequestCommands.requestId(body), null, null);
    CommandResult r = await(rt.engine().submit(c));
    Responses.json(ctx, statusOf(r), Responses.interact(r));
  }

  private void view(Context ctx) {
    Identity who = identity(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    ObjectNode aoi = await(rt.engine().read(s -> {
      ObjectNode p = PlayerProjection.project(rt.experience(), s.world(), s.zoneViews(who.userId()), who.userId());
      ObjectNode out = Json.object().put("type", "area_of_interest").put("timestamp", System.currentTimeMillis())
          .put("snapshot_version", s.version());
      out.setAll(p);
      return out;
    }));
    Responses.json(ctx, 200, aoi);
  }

  private void world(Context ctx) {
    requireAdmin(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    ObjectNode out = await(rt.engine().read(s -> {
      ObjectNode o = Json.object().put("experience", rt.experience().id()).put("version", s.version());
      o.set("world", s.world().deepCopy());
      return o;
    }));
    Responses.json(ctx, 200, out);
  }

  private void player(Context ctx) {
    Identity who = identity(ctx);
    String id = ctx.pathParam("id");
    if (!Ids.isUserId(id)) {
      throw new ApiError(400, "invalid_user_id", "invalid user id");
    }
    if (!who.isAdmin() && !who.userId().equals(id)) {
      throw new ApiError(403, "forbidden", "players may read only their own view");
    }
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    ObjectNode out = await(rt.engine().read(s -> {
      ObjectNode o = Json.object().put("experience", rt.experience().id()).put("version", s.version()).put("user_id", id);
      o.set("view", s.player(id) == null ? null : s.player(id).deepCopy());
      return o;
    }));
    if (out.path("view").isNull()) {
      throw new ApiError(404, "unknown_player", "no player '" + id + "' in this experience");
    }
    Responses.json(ctx, 200, out);
  }

  private void commands(Context ctx) {
    Identity who = identity(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    var list = Json.MAPPER.createArrayNode();
    for (CommandDoc d : rt.experience().commands()) {
      if (who.isAdmin() || !d.requiresAdmin()) {
        ObjectNode o = list.addObject().put("command", d.command()).put("summary", d.summary())
            .put("requires_admin", d.requiresAdmin()).put("help", d.help());
        d.aliases().forEach(o.putArray("aliases")::add);
        d.fields().forEach(o.putArray("fields")::add);
      }
    }
    Responses.json(ctx, 200, Json.object().set("commands", list));
  }

  private void history(Context ctx) {
    requireAdmin(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    int limit = parseLimit(ctx.queryParam("limit"));
    var list = Json.MAPPER.createArrayNode();
    for (GitHistory.Entry e : rt.folder().history().log(limit)) {
      list.addObject().put("commit", e.commit()).put("message", e.message()).put("time", e.timeMillis())
          .put("version", e.version());
    }
    Responses.json(ctx, 200, Json.object().set("history", list));
  }

  private void historyAt(Context ctx) {
    requireAdmin(ctx);
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    var rec = rt.folder().history().at(ctx.pathParam("commit"))
        .orElseThrow(() -> new ApiError(404, "unknown_commit", "no commit '" + ctx.pathParam("commit") + "'"));
    ObjectNode out = Json.object().put("commit", rec.commit());
    out.set("world", rec.world());
    ObjectNode players = out.putObject("players");
    rec.players().forEach(players::set);
    Responses.json(ctx, 200, out);
  }

  private void devToken(Context ctx) {
    if (!server.config().devMode()) {
      throw new ApiError(404, "not_found", "dev tokens are disabled on this server");
    }
    budgetAddress(ctx);
    ObjectNode body = body(ctx);
    String user = RequestCommands.text(body, "user_id");
    if (!Ids.isUserId(user)) {
      throw new ApiError(400, "invalid_user_id", "user_id must be 1-64 letters, digits, '_' or '-'");
    }
    String roleName = body.hasNonNull("role") ? RequestCommands.text(body, "role") : "player";
    if (!roleName.equals("player") && !roleName.equals("admin")) {
      throw new ApiError(400, "invalid_role", "role must be 'player' or 'admin'");
    }
    Identity.Role role = roleName.equals("admin") ? Identity.Role.ADMIN : Identity.Role.PLAYER;
    String token = server.tokens().issue(user, role, Duration.ofHours(12));
    Responses.json(ctx, 200, Json.object().put("token", token).put("user_id", user).put("role", role.name().toLowerCase()));
  }

  /** {@code {url, user, password, subject}}: the caller may subscribe to its own subject only, and publish nothing. */
  private void natsCredentials(Context ctx) throws java.io.IOException {
    Identity who = identity(ctx);
    java.util.Optional<ScryingServer.NatsAccess> granted;
    try {
      granted = server.natsAccess(who);
    } catch (dev.scrying.server.bus.NatsPermissions.TooManyUsers e) {
      throw new ApiError(429, "too_many_nats_users", e.getMessage());
    }
    var access = granted.orElseThrow(() -> new ApiError(409, "nats_not_managed",
        "this server runs no nats-server of its own with per-player permissions; use the WebSocket or SSE stream"));
    ctx.header("Cache-Control", "no-store");
    ObjectNode out = Json.object().put("url", access.url()).put("user", access.credentials().user())
        .put("password", access.credentials().password()).put("subject", access.subject());
    if (who.isAdmin()) {
      out.put("probe_subjects", dev.scrying.server.bus.NatsPermissions.PROBE_SUBJECTS);
    }
    Responses.json(ctx, 200, out);
  }

  private void chat(Context ctx) throws Exception {
    Identity who = identity(ctx);
    ObjectNode body = body(ctx);
    ExperienceRuntime rt = runtime(body.path("experience").asText(ExperiencesDefault.ID));
    chat.handle(ctx, who, rt, body);
  }

  private void events(Context ctx) throws Exception {
    Identity who = ctx.header("Authorization") != null ? identity(ctx) : budgeted(server.tokens().verify(ctx.queryParam("token")));
    ExperienceRuntime rt = runtime(ctx.pathParam("exp"));
    if (java.util.Collections.list(ctx.req().getHeaders("Last-Event-ID")).size() > 1) {
      throw new ApiError(400, "invalid_last_event_id", "send one Last-Event-ID");
    }
    String last = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("last_event_id");
    Long lastId = null;
    if (last != null) {
      // ASCII digits only: Long.parseLong would also take "+5" and other scripts' digits.
      if (!last.strip().matches("[0-9]{1,18}")) {
        throw new ApiError(400, "invalid_last_event_id", "Last-Event-ID must be a version number");
      }
      lastId = Long.parseLong(last.strip());
    }
    events.handle(ctx, who, rt, lastId);
  }

  private void status(Context ctx) {
    requireAdmin(ctx);
    if ("true".equals(ctx.queryParam("gc"))) {
      // Diagnostics for the benchmark's memory-per-connection figure: measure live data, not garbage.
      System.gc();
    }
    Responses.json(ctx, 200, server.status());
  }

  private void faultNats(Context ctx) {
    requireAdmin(ctx);
    String action = RequestCommands.text(body(ctx), "action");
    if (!action.equals("stop") && !action.equals("start")) {
      throw new ApiError(400, "invalid_action", "action must be 'stop' or 'start'");
    }
    if (!server.controlNats(action.equals("start"))) {
      throw new ApiError(409, "nats_not_managed", "this server does not own a nats-server process");
    }
    Responses.json(ctx, 200, server.status());
  }

  private void faultNarrator(Context ctx) {
    requireAdmin(ctx);
    JsonNode slowdown = body(ctx).path("slowdown");
    if (!slowdown.isNumber() || slowdown.asDouble() < 1 || slowdown.asDouble() > 100) {
      throw new ApiError(400, "invalid_slowdown", "slowdown must be a number from 1 (normal) to 100");
    }
    if (!server.slowNarrators(slowdown.asDouble())) {
      throw new ApiError(409, "narrator_not_offline", "only the offline narrator can be slowed");
    }
    Responses.json(ctx, 200, server.status());
  }

  private void faultCut(Context ctx) {
    requireAdmin(ctx);
    String user = RequestCommands.text(body(ctx), "user_id");
    if (!Ids.isUserId(user)) {
      throw new ApiError(400, "invalid_user_id", "invalid user id");
    }
    int n = server.hub().cut(user, "cut by the operator");
    Responses.json(ctx, 200, Json.object().put("user_id", user).put("connections_cut", n));
  }

  private void trace(Context ctx) {
    identity(ctx);
    var t = server.hub().traces().find(ctx.pathParam("id"))
        .orElseThrow(() -> new ApiError(404, "unknown_trace", "no recent action with that trace id"));
    Responses.json(ctx, 200, t.toJson());
  }

  private Identity identity(Context ctx) {
    String auth = ctx.header("Authorization");
    // The scheme is case-insensitive (RFC 7235); Jetty's header cache may also hand us "Bearer" for "bearer".
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
      throw new AuthException("send 'Authorization: Bearer <token>'");
    }
    return budgeted(server.tokens().verify(auth.substring("Bearer ".length()).trim()));
  }

  private Identity budgeted(Identity who) {
    if (!who.isAdmin()) {
      playerBudgets.admit(who.userId(), "requests from player " + who.userId());
    }
    return who;
  }

  private void budgetAddress(Context ctx) {
    String address = ctx.req().getRemoteAddr();
    if (!isLoopback(address)) {
      addressBudgets.admit(address, "token requests from " + address);
    }
  }

  private static boolean isLoopback(String address) {
    try {
      // An address literal: parsed, never looked up.
      return java.net.InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private Identity requireAdmin(Context ctx) {
    Identity who = identity(ctx);
    if (!who.isAdmin()) {
      throw new ApiError(403, "forbidden", "this endpoint needs an admin identity");
    }
    return who;
  }

  private ExperienceRuntime runtime(String id) {
    if (!Ids.isContentId(id)) {
      throw new ApiError(400, "invalid_experience", "invalid experience id");
    }
    ExperienceRuntime rt = server.runtime(id);
    if (rt == null) {
      throw new ApiError(404, "unknown_experience", "no experience '" + id + "'; try GET /experiences");
    }
    return rt;
  }

  /**
   * Reads and drops a refused body that is already on its way (up to 1 MiB, never after an
   * "Expect: 100-continue"): closing a connection with unread bytes makes TCP reset it, and the client
   * would then see a broken connection instead of the 413.
   */
  private static void discardSmallBody(Context ctx) {
    if (ctx.contentLength() > DRAINED_BODY_BYTES || "100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
      return;
    }
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      byte[] sink = new byte[16 * 1024];
      while (in.read(sink) >= 0) {
        // dropped
      }
    } catch (java.io.IOException e) {
      LOG.debug("client left while its refused body was drained: {}", e.toString());
    }
  }

  private static ObjectNode body(Context ctx) {
    // Refuse by the declared length before reading: no "100 Continue" invites a body we would drop.
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      discardSmallBody(ctx);
      throw new ApiError(413, "body_too_large", "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiError(413, "body_too_large", "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = Json.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "invalid_json", "request body is not valid JSON");
    }
    if (!(node instanceof ObjectNode o)) {
      throw new ApiError(400, "invalid_json", "request body must be a JSON object");
    }
    RequestCommands.checkStrings(o, MAX_FIELD_LENGTH);
    return o;
  }

  private static int parseLimit(String raw) {
    if (raw == null) {
      return 50;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v < 1 || v > 1000) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ApiError(400, "invalid_limit", "limit must be a number from 1 to 1000");
    }
  }

  private static int statusOf(CommandResult r) {
    if (r.errorCode() == null) {
      return 200;
    }
    return switch (r.errorCode()) {
      case "forbidden" -> 403;
      case "unknown_command" -> 400;
      case "storage_unavailable", "shutting_down" -> 503;
      default -> 500;
    };
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "interrupted", "the server is stopping");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new ApiError(503, "busy", "the experience did not answer in time; try again");
    }
  }

  /** The experience used when a request names none. */
  static final class ExperiencesDefault {
    static final String ID = "wylding-woods";

    private ExperiencesDefault() {}
  }
}
