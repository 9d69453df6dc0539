package dev.scrying.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.local.EmbeddedServer;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bench's WebSocket client against a real server on port 0 (managed NATS, temp data folder). */
class LeanWebSocketTest {
  static final String EXP = "wylding-woods";
  static EmbeddedServer embedded;
  static ServerHandle server;
  static SocketLoop loop;
  static final AtomicInteger names = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    embedded = EmbeddedServer.start(EmbeddedServer.TEST_PACING);
    server = ServerHandle.connect(embedded.baseUrl(), null);
    loop = new SocketLoop("test-sockets");
  }

  @AfterAll
  static void stop() {
    loop.close();
    server.close();
    embedded.close();
  }

  /** Every message as parsed JSON, and the close once it comes. */
  static final class Heard implements LeanWebSocket.Listener {
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();

    @Override
    public void onText(String text) {
      messages.add(Json.parse(text));
    }

    @Override
    public void onBinary(int bytes) {
      messages.add(Json.object().put("type", "binary"));
    }

    @Override
    public void onClosed(int code, String reason) {
      closed.complete(code + " " + reason);
    }

    JsonNode first(String type) {
      await().atMost(Duration.ofSeconds(10)).until(() -> messages.stream().anyMatch(m -> type.equals(m.path("type").asText())));
      return messages.stream().filter(m -> type.equals(m.path("type").asText())).findFirst().orElseThrow();
    }
  }

  private static URI uri(String path, String token) {
    return URI.create(server.baseUrl().replace("http://", "ws://") + path + "?token=" + token + "&experience=" + EXP);
  }

  private static String player() {
    return "lean" + names.incrementAndGet();
  }

  @Test
  void playsTheGameOverTheWireAndClosesCleanly() throws Exception {
    Heard heard = new Heard();
    LeanWebSocket ws = LeanWebSocket.open(uri("/ws/experience", server.tokenFor(player())), loop, heard, Duration.ofSeconds(5));
    long version = heard.first("area_of_interest").path("snapshot_version").asLong();
    assertThat(heard.messages.get(0).path("type").asText()).as("the first frame, which came with the handshake").isEqualTo("connected");

    ws.send("{\"type\":\"action\",\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\",\"request_id\":\"lean-1\"}");
    JsonNode update = heard.first("world_update");
    assertThat(update.path("base_version").asLong()).isEqualTo(version);
    assertThat(update.path("metadata").path("request_id").asText()).isEqualTo("lean-1");
    assertThat(heard.first("action_response").path("success").asBoolean()).isTrue();

    ws.send("{\"type\":\"ping\",\"timestamp\":42}");
    assertThat(heard.first("pong").toString()).contains("42");

    ws.close(1000, "done");
    assertThat(ws.closed().get(5, TimeUnit.SECONDS)).as("the server answered the close").isEqualTo(1000);
    assertThat(heard.closed.get(1, TimeUnit.SECONDS)).startsWith("1000");
    ws.send("{\"type\":\"ping\"}"); // after the close: dropped, no exception
  }

  @Test
  void aCloseFromTheServerIsReportedWithItsCode() throws Exception {
    String user = player();
    Heard heard = new Heard();
    LeanWebSocket ws = LeanWebSocket.open(uri("/ws/experience", server.tokenFor(user)), loop, heard, Duration.ofSeconds(5));
    heard.first("area_of_interest");
    server.post("/admin/faults/cut", Json.object().put("user_id", user));
    assertThat(heard.closed.get(10, TimeUnit.SECONDS)).startsWith("4000 ").contains("cut by the operator");
    assertThat(ws.closed().get(1, TimeUnit.SECONDS)).isEqualTo(4000);

    Heard refused = new Heard();
    LeanWebSocket.open(uri("/ws/experience", "not-a-token"), loop, refused, Duration.ofSeconds(5));
    assertThat(refused.closed.get(10, TimeUnit.SECONDS)).startsWith("1008 ").contains("unauthorized");
  }

  /**
   * A scripted peer on a real socket: its 101, a text frame and a ping go out in one write, so the
   * frames arrive with the handshake; the client must hand the text on and answer the ping.
   */
  @Test
  void framesThatCameWithTheHandshakeAreReadAndAPingIsAnswered() throws Exception {
    try (java.net.ServerSocket peer = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> pong = CompletableFuture.supplyAsync(() -> {
        try (java.net.Socket s = peer.accept()) {
          s.setSoTimeout(5_000);
          var in = new java.io.DataInputStream(s.getInputStream());
          String request = new String(readHead(in), java.nio.charset.StandardCharsets.US_ASCII);
          String key = request.lines().filter(l -> l.startsWith("Sec-WebSocket-Key:")).findFirst().orElseThrow().substring(18).trim();
          byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Accept: " + LeanWebSocket.expectedAccept(key) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          byte[] hello = "{\"type\":\"connected\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          var out = new java.io.ByteArrayOutputStream();
          out.writeBytes(head);
          out.write(0x81);
          out.write(hello.length);
          out.writeBytes(hello);
          out.write(0x89);
          out.write(2);
          out.writeBytes(new byte[] {'h', 'b'});
          s.getOutputStream().write(out.toByteArray());
          // The client's answer: a masked pong carrying the ping's payload.
          int b0 = in.readUnsignedByte();
          int b1 = in.readUnsignedByte();
          byte[] mask = in.readNBytes(4);
          byte[] payload = in.readNBytes(b1 & 0x7F);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
          }
          return b0 == 0x8A && (b1 & 0x80) != 0 ? payload : new byte[0];
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Heard heard = new Heard();
      LeanWebSocket.open(URI.create("ws://127.0.0.1:" + peer.getLocalPort() + "/ws"), loop, heard, Duration.ofSeconds(5));
      assertThat(pong.get(10, TimeUnit.SECONDS)).isEqualTo(new byte[] {'h', 'b'});
      assertThat(heard.first("connected")).isNotNull();
    }
  }

  private static byte[] readHead(java.io.InputStream in) throws java.io.IOException {
    var head = new java.io.ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("request ended before its blank line");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  @Test
  void anUpgradeTheServerRefusesThrowsWithItsStatusLine() {
    assertThatThrownBy(() -> LeanWebSocket.open(uri("/ws/nowhere", server.tokenFor(player())), loop, new Heard(), Duration.ofSeconds(5)))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("refused").hasMessageContaining("404");
    assertThatThrownBy(() -> LeanWebSocket.open(URI.create("wss://127.0.0.1:1/x"), loop, new Heard(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
