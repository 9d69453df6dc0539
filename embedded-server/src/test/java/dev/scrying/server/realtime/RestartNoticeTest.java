package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gracefully stopping server tells its clients to come back: WebSockets close with 1012 and a reason,
 * persistent SSE streams end cleanly (a complete chunked response) after a random {@code retry:}.
 */
class RestartNoticeTest {
  @TempDir Path data;

  @Test
  void aStoppingServerClosesWebSocketsWith1012AndEndsStreamsCleanly() throws Exception {
    RealtimeFixture fx = new RealtimeFixture(data, Duration.ofMillis(10));
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    try (WsTestClient ws = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      ws.next("area_of_interest");
      HttpResponse<Stream<String>> sse = http.send(HttpRequest.newBuilder(URI.create(fx.url() + "/experience/wylding-woods/events"))
          .header("Authorization", "Bearer " + fx.token("bob")).build(), HttpResponse.BodyHandlers.ofLines());
      assertThat(sse.statusCode()).isEqualTo(200);
      Iterator<String> it = sse.body().iterator();
      Thread reader = new Thread(() -> {
        try {
          it.forEachRemaining(lines::add);
          lines.add("<clean end>");
        } catch (RuntimeException e) {
          lines.add("<broken: " + e + ">");
        }
      }, "sse-reader");
      reader.setDaemon(true);
      reader.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: area_of_interest"));

      fx.close();

      await().atMost(Duration.ofSeconds(10)).until(() -> ws.closeCode >= 0);
      assertThat(ws.closeCode).isEqualTo(1012);
      assertThat(ws.closeReason).contains("restarting");
      reader.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(lines).contains(": server restarting").endsWith("<clean end>");
      long retry = lines.stream().filter(l -> l.startsWith("retry: ")).mapToLong(l -> Long.parseLong(l.substring(7)))
          .findFirst().orElseThrow();
      assertThat(retry).isBetween(EventStream.RETRY_MIN_MILLIS, EventStream.RETRY_MAX_MILLIS);
    }
  }

  @Test
  void closingWaitsForConnectionsToLeaveAndTurnsNewOnesAway() throws Exception {
    RealtimeHub hub = new RealtimeHub(new LocalPlayerEvents(), new TraceRegistry());
    List<String> told = new CopyOnWriteArrayList<>();
    RealtimeHub.LiveConnection slow = new RealtimeHub.LiveConnection() {
      @Override
      public String userId() {
        return "alice";
      }

      @Override
      public String kind() {
        return "websocket";
      }

      @Override
      public void heartbeat() { }

      @Override
      public void cut(String reason) {
        told.add("cut " + reason);
      }

      @Override
      public void restarting() {
        told.add("restarting");
        // The client acknowledges a little later, on another thread, as a close handshake does.
        RealtimeHub.LiveConnection self = this;
        CompletableFuture.runAsync(() -> hub.unregister(self), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
      }
    };
    hub.register(slow);
    assertThat(hub.stopping()).isFalse();

    hub.close();

    assertThat(told).containsExactly("restarting");
    assertThat(hub.count()).as("close returned only once the connection left (200 ms after the notice)").isZero();
    assertThat(hub.stopping()).isTrue();
  }
}
