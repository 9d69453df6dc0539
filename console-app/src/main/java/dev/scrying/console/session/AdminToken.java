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
 * The admin token the console sends: one given by the operator, or one asked for from a dev-mode
 * server's {@code POST /dev/token}, fetched again after the server refuses it. Thread-safe.
 */
final class AdminToken {
  private final String baseUrl;
  private final HttpClient http;
  private final String given;
  private volatile CompletableFuture<String> current;

  private AdminToken(String baseUrl, HttpClient http, String given) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.given = given;
    this.current = given == null ? null : CompletableFuture.completedFuture(given);
  }

  static AdminToken fixed(String token) {
    return new AdminToken(null, null, token);
  }

  /** Uses {@code given} if there is one, else asks the dev-mode server for a token when first needed. */
  static AdminToken of(String baseUrl, HttpClient http, String given) {
    return new AdminToken(baseUrl, http, given == null || given.isBlank() ? null : given.strip());
  }

  CompletableFuture<String> get() {
    CompletableFuture<String> c = current;
    if (c == null || c.isCompletedExceptionally()) {
      synchronized (this) {
        if (current == null || current.isCompletedExceptionally()) {
          current = fetch();
        }
        c = current;
      }
    }
    return c;
  }

  /** After a 401: a given token stays (the operator must fix it); a dev token is fetched again. */
  boolean renew() {
    if (given != null || baseUrl == null) {
      return false;
    }
    synchronized (this) {
      current = null;
    }
    return true;
  }

  private CompletableFuture<String> fetch() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dev/token"))
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"scrying-console\",\"role\":\"admin\"}"))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      if (r.statusCode() == 404) {
        throw new SessionException("This server does not hand out dev tokens (it runs with --no-dev).",
            "Start the console with --token <admin token>; the server writes one to <data>/admin.token.");
      }
      JsonNode body = Json.parse(r.body());
      if (r.statusCode() != 200 || !body.path("token").isTextual()) {
        throw new SessionException("The server did not give the console a token (HTTP " + r.statusCode() + ").",
            "Start the console with --token <admin token>.");
      }
      return body.path("token").asText();
    });
  }
}
