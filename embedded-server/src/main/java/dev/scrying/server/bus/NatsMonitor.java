package dev.scrying.server.bus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a nats-server's HTTP monitoring endpoint (subscription and connection counts) for leak checks and
 * the console. Thread-safe; every call is one short HTTP request with a 2 s timeout and throws
 * IOException when the server is not there.
 */
public final class NatsMonitor {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** All client connections the server reports, and their subscriptions. */
  public record Connections(int count, List<Client> clients) {
    public Connections {
      clients = List.copyOf(clients);
    }
  }

  /** One client connection; {@code subjects} lists its subscriptions. */
  public record Client(long cid, String name, int subscriptionCount, List<String> subjects) {
    public Client {
      subjects = List.copyOf(subjects);
    }
  }

  public NatsMonitor(String monitorUrl) {
    this.baseUrl = monitorUrl.endsWith("/") ? monitorUrl.substring(0, monitorUrl.length() - 1) : monitorUrl;
  }

  /** {@code num_subscriptions} from /subsz: every subscription on the server, internal ones included. */
  public long subscriptionCount() throws IOException {
    return get("/subsz").path("num_subscriptions").asLong();
  }

  /** /connz?subs=1. */
  public Connections connections() throws IOException {
    JsonNode root = get("/connz?subs=1");
    List<Client> clients = new ArrayList<>();
    for (JsonNode c : root.path("connections")) {
      List<String> subjects = new ArrayList<>();
      c.path("subscriptions_list").forEach(s -> subjects.add(s.asText()));
      clients.add(new Client(c.path("cid").asLong(), c.path("name").asText(""),
          c.path("subscriptions").asInt(), subjects));
    }
    return new Connections(root.path("num_connections").asInt(), clients);
  }

  /** True if /healthz answers 200; never throws. */
  public boolean healthy() {
    try {
      return send("/healthz").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private JsonNode get(String path) throws IOException {
    HttpResponse<byte[]> r = send(path);
    if (r.statusCode() != 200) {
      throw new IOException("NATS monitoring " + path + " answered " + r.statusCode());
    }
    try {
      return Json.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new IOException("NATS monitoring " + path + " sent malformed JSON", e);
    }
  }

  private HttpResponse<byte[]> send(String path) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading NATS monitoring " + path, e);
    }
  }
}
