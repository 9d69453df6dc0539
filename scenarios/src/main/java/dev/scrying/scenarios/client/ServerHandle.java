package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * A connection to one Scrying server over HTTP: admin requests, dev tokens, and the OkHttp client every
 * {@link SimulatedPlayer} of this server shares. Thread-safe. Every request fails with a
 * {@link ServerException} (status 0 when the server cannot be reached). Close it after its players:
 * closing releases the shared connection pool and dispatcher threads.
 */
public final class ServerHandle implements AutoCloseable {
  static final MediaType JSON = MediaType.get("application/json");
  private static final String OPERATOR = "operator";

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final OkHttpClient streaming;
  private final String adminToken;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private ServerHandle(HttpUrl baseUrl, OkHttpClient http, @Nullable String adminToken) {
    this.baseUrl = baseUrl;
    this.http = http;
    // Streams are long-lived and quiet between keep-alives, so they get no read timeout.
    this.streaming = http.newBuilder().readTimeout(Duration.ZERO).build();
    this.adminToken = adminToken != null ? adminToken : devToken(OPERATOR, "admin");
  }

  /**
   * Connects to {@code baseUrl} (e.g. {@code http://127.0.0.1:8765}). With a null token, asks the
   * server's dev mode for an admin token as user {@code operator}.
   *
   * @throws ServerException if no admin token can be obtained (dev mode off, server down)
   */
  public static ServerHandle connect(String baseUrl, @Nullable String adminTokenOrNull) {
    HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", ""));
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    Dispatcher dispatcher = new Dispatcher();
    // Every open SSE stream holds one async call; OkHttp's default of 5 per host would stall players.
    dispatcher.setMaxRequests(1024);
    dispatcher.setMaxRequestsPerHost(1024);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(40)).writeTimeout(Duration.ofSeconds(10))
        .build();
    try {
      return new ServerHandle(url, http, adminTokenOrNull);
    } catch (RuntimeException e) {
      shutdown(http);
      throw e;
    }
  }

  /** The server's base URL, without a trailing slash. */
  public String baseUrl() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The admin token this handle uses for {@link #get} and {@link #post}. */
  public String adminToken() {
    return adminToken;
  }

  /** A player-role dev token for {@code userId}, fetched once and cached. */
  public String tokenFor(String userId) {
    return tokens.computeIfAbsent("player|" + userId, k -> devToken(userId, "player"));
  }

  /** An admin-role dev token for {@code userId} (a player who may also send {@code @} commands), cached. */
  public String adminTokenFor(String userId) {
    return tokens.computeIfAbsent("admin|" + userId, k -> devToken(userId, "admin"));
  }

  /** GET {@code path} as admin; the parsed JSON body. */
  public JsonNode get(String path) {
    return send(new Request.Builder().url(url(path)).get(), adminToken);
  }

  /** POST {@code body} as JSON to {@code path} as admin; the parsed JSON body. */
  public JsonNode post(String path, JsonNode body) {
    return send(new Request.Builder().url(url(path)).post(RequestBody.create(Json.write(body), JSON)), adminToken);
  }

  /** GET {@code path} with another identity's token (e.g. a player reading its own view). */
  public JsonNode getAs(String token, String path) {
    return send(new Request.Builder().url(url(path)).get(), token);
  }

  /** POST {@code body} to {@code path} with another identity's token. */
  public JsonNode postAs(String token, String path, JsonNode body) {
    return send(new Request.Builder().url(url(path)).post(RequestBody.create(Json.write(body), JSON)), token);
  }

  /** {@code GET /admin/status}: server, NATS, connection counts, versions. */
  public JsonNode status() {
    return get("/admin/status");
  }

  @Override
  public void close() {
    shutdown(http);
  }

  OkHttpClient http() {
    return http;
  }

  OkHttpClient streaming() {
    return streaming;
  }

  HttpUrl url(String path) {
    HttpUrl u = HttpUrl.parse(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    if (u == null) {
      throw new IllegalArgumentException("bad path: " + path);
    }
    return u;
  }

  String webSocketUrl(String pathAndQuery) {
    return baseUrl().replaceFirst("^http", "ws") + pathAndQuery;
  }

  private String devToken(String userId, String role) {
    ObjectNode body = Json.object().put("user_id", userId).put("role", role);
    JsonNode reply = send(new Request.Builder().url(url("/dev/token")).post(RequestBody.create(Json.write(body), JSON)), null);
    if (!reply.path("token").isTextual()) {
      throw new ServerException(500, "no_token", "POST /dev/token answered without a token");
    }
    return reply.path("token").asText();
  }

  private JsonNode send(Request.Builder request, @Nullable String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    Request r = request.build();
    try (Response response = http.newCall(r).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw errorOf(response.code(), text, r.method() + " " + r.url().encodedPath());
      }
      return text.isBlank() ? Json.object() : Json.parse(text);
    } catch (IOException e) {
      throw new ServerException(0, ServerException.UNREACHABLE, r.method() + " " + r.url() + " failed: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ServerException(0, "invalid_response", r.method() + " " + r.url() + " answered with malformed JSON", e);
    }
  }

  /** The ServerException for an error body {@code {success:false, error:{code, message}}} (or any other body). */
  static ServerException errorOf(int status, String body, String what) {
    try {
      JsonNode error = Json.parse(body).path("error");
      if (error.isObject()) {
        return new ServerException(status, error.path("code").asText("http_" + status),
            error.path("message").asText(what + " failed with " + status));
      }
    } catch (IllegalArgumentException notJson) {
      // fall through: the body is not the API's JSON error shape
    }
    return new ServerException(status, "http_" + status, what + " failed with " + status + ": " + truncate(body));
  }

  private static String truncate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
