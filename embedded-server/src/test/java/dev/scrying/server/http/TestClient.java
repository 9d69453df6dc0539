package dev.scrying.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client of a running server, for tests: one identity, JSON in and out. */
public final class TestClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  public record Reply(int status, JsonNode body) {
    public String narrative() {
      return body.path("narrative").asText();
    }

    public boolean success() {
      return body.path("success").asBoolean();
    }

    public String errorCode() {
      return body.path("error").path("code").asText(body.path("metadata").path("error_code").asText(null));
    }
  }

  public TestClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public static TestClient login(String baseUrl, String user, boolean admin) {
    Reply r = raw(baseUrl, "POST", "/dev/token", Json.write(Json.object().put("user_id", user).put("role", admin ? "admin" : "player")), null);
    if (r.status() != 200) {
      throw new IllegalStateException("cannot get a token: " + r.body());
    }
    return new TestClient(baseUrl, r.body().path("token").asText());
  }

  public String token() {
    return token;
  }

  public Reply say(String message) {
    return post("/experience/interact", Json.object().put("experience", "wylding-woods").put("message", message));
  }

  public Reply act(String action, String... fields) {
    ObjectNode body = Json.object().put("experience", "wylding-woods").put("action", action);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.put(fields[i], fields[i + 1]);
    }
    return post("/experience/interact", body);
  }

  public Reply post(String path, JsonNode body) {
    return raw(baseUrl, "POST", path, Json.write(body), token);
  }

  public Reply postRaw(String path, String body) {
    return raw(baseUrl, "POST", path, body, token);
  }

  public Reply get(String path) {
    return raw(baseUrl, "GET", path, null, token);
  }

  public static Reply raw(String baseUrl, String method, String path, String body, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? Json.object() : Json.parse(r.body());
      return new Reply(r.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
