package dev.scrying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.scrying.experiences.Json;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.http.LogSafe;
import dev.scrying.server.http.TestClient;
import dev.scrying.server.testing.LogCapture;
import dev.scrying.server.testing.WsProbe;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens travel in headers and, for WebSocket and EventSource, in query strings. Whatever a client
 * sends, no log line (ours at DEBUG, Jetty's and Javalin's at INFO) may contain a token or NATS password.
 */
class TokensNeverLoggedTest {
  @TempDir Path data;

  @Test
  void noTokenOrPasswordReachesAnyLogLine() throws Exception {
    Map<String, Level> levels = Map.of("ROOT", Level.INFO, "dev.scrying", Level.DEBUG, "org.eclipse.jetty", Level.INFO,
        "io.javalin", Level.INFO, "io.nats", Level.DEBUG);
    List<String> secrets;
    List<String> lines;
    try (LogCapture logs = new LogCapture(levels);
         ScryingServer server = ScryingServer.start(ServerConfig.local(data))) {
      String url = server.baseUrl();
      String player = server.tokens().issue("alice", Identity.Role.PLAYER, Duration.ofHours(1));
      String admin = server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofHours(1));
      String expired = server.tokens().issue("bob", Identity.Role.PLAYER, Duration.ofSeconds(-10));
      String forged = player.substring(0, player.length() - 4) + "AAAA";
      TestClient devToken = TestClient.login(url, "carol", false);
      secrets = List.of(player, admin, expired, forged, devToken.token());

      try (WsProbe ok = WsProbe.open(url, player, null)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !ok.ofType("area_of_interest").isEmpty());
        ok.send("{\"type\":\"action\",\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ok.ofType("action_response").isEmpty());
      }
      for (String t : List.of(expired, forged)) {
        try (WsProbe bad = WsProbe.open(url, t, null)) {
          bad.closeCode.get();
        }
      }
      HttpClient http = HttpClient.newHttpClient();
      for (String t : secrets) {
        for (String path : List.of("/experience/wylding-woods/events?token=", "/nope?token=", "/health?token=",
            "/experience/%2e%2e/view?token=", "/admin/status?access_token=")) {
          // A stream with a good token never ends: read the head, then hang up.
          http.send(HttpRequest.newBuilder(URI.create(url + path + t)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofInputStream()).body().close();
        }
        TestClient.raw(url, "POST", "/experience/interact", "{\"message\":\"look\"}", t);
        TestClient.raw(url, "POST", "/experience/interact", "{broken", t);
        TestClient.raw(url, "GET", "/admin/status", null, t);
      }
      var nats = TestClient.raw(url, "POST", "/nats/credentials", "{}", player).body();
      secrets = new java.util.ArrayList<>(secrets);
      secrets.add(nats.path("password").asText());
      secrets.add(server.bus().process().orElseThrow().permissions().orElseThrow().server().password());
      rawRequest(server.port(), "GET /health?token=" + player + "%ZZ HTTP/1.1\r\nHost: x\r\n\r\n");
      rawRequest(server.port(), "GET /ws/experience?token=" + player + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n");
      rawRequest(server.port(), "GET /x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + player + "\r\n"
          + "X-Big: " + "y".repeat(20_000) + "\r\n\r\n");
      lines = logs.lines();
    }
    assertThat(lines).as("the request log ran").anyMatch(l -> l.contains("token=***"));
    List<String> logged = lines;
    System.out.printf("RELIABILITY tokens-in-logs log_lines=%d secrets_checked=%d leaks=%d%n", lines.size(), secrets.size(),
        secrets.stream().filter(s -> logged.stream().anyMatch(l -> l.contains(s))).count());
    for (String secret : secrets) {
      assertThat(lines).noneMatch(l -> l.contains(secret));
    }
    assertThat(lines).noneMatch(l -> l.contains("eyJhbGciOi"));
  }

  @Test
  void redactionCoversQueryParametersBearerHeadersAndBareTokens() {
    assertThat(LogSafe.redact("/ws/experience?token=abc.def.ghi&experience=x")).isEqualTo("/ws/experience?token=***&experience=x");
    assertThat(LogSafe.redact("/a?x=1&TOKEN=zzz")).isEqualTo("/a?x=1&TOKEN=***");
    assertThat(LogSafe.redact("Authorization: Bearer abc")).isEqualTo("Authorization: Bearer ***");
    assertThat(LogSafe.redact("saw eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.sig here")).isEqualTo("saw *** here");
    assertThat(LogSafe.redact("/health")).isEqualTo("/health");
  }

  private static void rawRequest(int port, String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(1_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      try {
        while (in.read(buf) > 0 && in.available() > 0) {
          // read whatever the server answers
        }
      } catch (java.net.SocketTimeoutException ignored) {
        // the answer was read
      }
    }
  }
}
