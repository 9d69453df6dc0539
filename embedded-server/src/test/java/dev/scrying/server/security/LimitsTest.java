package dev.scrying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.testing.RawWebSocket;
import dev.scrying.server.testing.WsProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-connection message rate, per-player connection cap, frame size and field limits on a real server. */
class LimitsTest {
  @TempDir Path data;
  ScryingServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String token(String user) {
    return server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
  }

  WsProbe connected(String user) {
    WsProbe ws = WsProbe.open(server.baseUrl(), token(user), null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !ws.ofType("area_of_interest").isEmpty());
    return ws;
  }

  static boolean isRateLimited(JsonNode f) {
    return f.path("type").asText().equals("error") && f.path("code").asText().equals("rate_limited");
  }

  @Test
  void floodedMessagesAreDroppedWithAnErrorAndSustainedAbuseClosesTheSocket() throws Exception {
    // A raw socket: the test decides exactly when it writes and reads, and sees the close frame's code.
    try (RawWebSocket ws = new RawWebSocket(server.port(), token("flooder"))) {
      while (!ws.next().path("type").asText().equals("area_of_interest")) {
        // connected, then the snapshot
      }
      for (int i = 0; i < 100; i++) {
        ws.send("{\"type\":\"ping\",\"timestamp\":" + i + "}");
      }
      int pongs = 0;
      int limited = 0;
      while (pongs + limited < 100) {
        JsonNode f = ws.next();
        pongs += f.path("type").asText().equals("pong") ? 1 : 0;
        limited += isRateLimited(f) ? 1 : 0;
      }
      assertThat(limited).as("over the burst of 40").isGreaterThanOrEqualTo(50);
      assertThat(pongs).isGreaterThanOrEqualTo(40);
      assertThat(server.hub().count()).as("the connection is kept").isEqualTo(1);

      // Then it keeps pushing, far over 20/s, but reads each answer before the next message, as a
      // client with a reader does. Jetty drops the TCP connection right after a 1008 close frame; a
      // ping still unread at the server then makes TCP reset it and discard what was not yet sent, close
      // frame included. In lockstep nothing is unread when the server decides, so the frame must arrive.
      int more = 0;
      JsonNode answer;
      do {
        ws.send("{\"type\":\"ping\"}");
        more++;
        answer = ws.next();
        assertThat(answer == null || isRateLimited(answer) || answer.path("type").asText().equals("pong"))
            .as("answer %d: %s", more, answer).isTrue();
      } while (answer != null && more < 1_000);
      assertThat(answer).as("closed before 1,000 more messages").isNull();
      assertThat(ws.closeCode()).isEqualTo(1008);
      System.out.printf("RELIABILITY rate-limit burst_sent=100 pongs=%d rate_limited=%d more_sent_until_close=%d close_code=1008%n",
          pongs, limited, more);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.hub().count() == 0);
  }

  @Test
  void theNinthConnectionOfAPlayerIsRefusedOnWebSocketAndSse() throws Exception {
    List<WsProbe> eight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      eight.add(connected("carol"));
    }
    WsProbe ninth = WsProbe.open(server.baseUrl(), token("carol"), null);
    assertThat(ninth.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    assertThat(ninth.closeReason).isEqualTo("too many connections");

    HttpResponse<String> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/experience/wylding-woods/events"))
        .header("Authorization", "Bearer " + token("carol")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sse.statusCode()).isEqualTo(429);
    assertThat(sse.body()).contains("too_many_connections");
    assertThat(sse.headers().firstValue("Retry-After")).isPresent();

    try (WsProbe dave = connected("dave")) {
      assertThat(dave.isClosed()).as("other players are not affected").isFalse();
    }
    eight.remove(0).close();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.hub().playerConnections().count("carol") == 7);
    try (WsProbe again = connected("carol")) {
      assertThat(again.isClosed()).isFalse();
    }
    eight.forEach(WsProbe::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.hub().playerConnections().count("carol") == 0);
  }

  @Test
  void oversizedFramesCloseAndLongFieldsAreRefusedOnTheWebSocket() throws Exception {
    try (WsProbe ws = connected("erin")) {
      ws.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(2_001) + "\"}");
      ws.send("{\"type\":\"action\",\"action\":\"look\",\"" + "k".repeat(3_000) + "\":1}");
      ws.send("[".repeat(100) + "]".repeat(100));
      ws.send("{\"type\":\"ping\",\"type\":\"resync\"}");
      ws.sendBinary(new byte[] {1, 2, 3});
      await().atMost(Duration.ofSeconds(10)).until(() -> ws.ofType("error").size() == 5);
      assertThat(ws.ofType("error").stream().map(e -> e.path("code").asText()))
          .containsExactly("field_too_long", "field_too_long", "invalid_json", "invalid_json", "unsupported_frame");
    }
    try (WsProbe ws = connected("erin")) {
      ws.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(70_000) + "\"}");
      assertThat(ws.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }
  }
}
