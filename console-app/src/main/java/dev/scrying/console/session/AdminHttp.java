package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * JSON over HTTP to a Scrying server with the console's admin token. Refusals become
 * {@link SessionException}s that quote the server's own message and say what to do; a 401 fetches a
 * fresh dev token once and retries. Thread-safe; results complete on the HTTP client's threads.
 */
final class AdminHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final HttpClient http;
  private final AdminToken token;

  AdminHttp(String baseUrl, HttpClient http, AdminToken token) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.token = token;
  }

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
  }

  CompletableFuture<JsonNode> get(String path) {
    return send(path, null, true);
  }

  CompletableFuture<JsonNode> post(String path, JsonNode body) {
    return send(path, body, true);
  }

  private CompletableFuture<JsonNode> send(String path, JsonNode body, boolean mayRenew) {
    return token.get().thenCompose(t -> http.sendAsync(request(path, body, t), HttpResponse.BodyHandlers.ofString()))
        .thenCompose(r -> {
          if (r.statusCode() == 401 && mayRenew && token.renew()) {
            return send(path, body, false);
          }
          return CompletableFuture.completedFuture(read(path, r));
        });
  }

  private HttpRequest request(String path, JsonNode body, String bearer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
    return body == null ? b.GET().build()
        : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
  }

  private static JsonNode read(String path, HttpResponse<String> r) {
    JsonNode body;
    try {
      body = Json.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new SessionException("The server sent something that is not JSON for " + path + " (HTTP " + r.statusCode() + ").",
          "Check that the address points at a Scrying server.");
    }
    if (r.statusCode() / 100 == 2) {
      return body;
    }
    throw refusal(path, r.statusCode(), body.path("error"));
  }

  static SessionException refusal(String path, int status, JsonNode error) {
    String code = error.path("code").asText("http_" + status);
    String said = error.path("message").asText("HTTP " + status);
    return switch (status) {
      case 401 -> new SessionException("The server refused the console's token: " + said + ".",
          "Start the console with a valid --token <admin token>.");
      case 403 -> new SessionException("The console's token is not an admin token.", "Use an admin token (--token).");
      case 404 -> code.equals("not_found")
          ? new SessionException("This server has no " + path.replaceAll("\\?.*", "") + " endpoint.",
              "It may be an older Scrying version; update it to use this panel.")
          : new SessionException(capitalise(said) + ".", "Refresh and pick another one.");
      case 409 -> new SessionException(capitalise(said) + ".", wayForward(code));
      case 503 -> new SessionException("The server is busy: " + said + ".", "Try again in a moment.");
      default -> new SessionException("The server refused: " + said + " (HTTP " + status + ").",
          "Check the request; nothing was changed.");
    };
  }

  private static String wayForward(String code) {
    return switch (code) {
      case "nats_not_managed" -> "This server uses an external NATS or none; stop or start that NATS server by hand.";
      case "narrator_not_offline" -> "Only the built-in offline narrator can be slowed.";
      default -> "Nothing was changed.";
    };
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
