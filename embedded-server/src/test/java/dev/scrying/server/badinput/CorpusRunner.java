package dev.scrying.server.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.auth.TokenService;
import dev.scrying.server.testing.RawWebSocket;
import dev.scrying.server.testing.WsProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one corpus case to a running server over its channel (HTTP, raw socket, SSE, WebSocket) and
 * judges the answer. Placeholders in a case ({@code <<player>>}, {@code <<admin>>}, {@code <<expired>>},
 * {@code <<forged>>}, {@code <<foreign>>}, {@code <<signed:HEADER.CLAIMS>>}, {@code <<fill>>}) become real
 * tokens and payloads here, so the files stay small and secret-free. Used from one test thread.
 */
final class CorpusRunner {
  static final int PLAYERS = 16;
  private static final Set<Integer> PROTOCOL_CLOSES = Set.of(1003, 1007, 1008, 1009);
  private static final Pattern SIGNED = Pattern.compile("<<signed:([A-Za-z0-9_-]*)\\.([A-Za-z0-9_-]*)>>");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final ScryingServer server;
  private final byte[] secret;
  private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "corpus-reader");
    t.setDaemon(true);
    return t;
  });
  private int turn;

  /** How one case was answered; {@code ok} when that is a clean refusal. */
  record Verdict(boolean ok, String outcome, String detail) {
    static Verdict pass(String outcome) {
      return new Verdict(true, outcome, "");
    }

    static Verdict fail(String outcome, String detail) {
      return new Verdict(false, outcome, detail);
    }
  }

  CorpusRunner(ScryingServer server, Path data) throws IOException {
    this.server = server;
    this.secret = Files.readAllBytes(data.resolve("token.secret"));
  }

  /** Creates the players the cases act as, so that their first connection changes nothing later. */
  void prepare() throws Exception {
    for (int i = 0; i < PLAYERS; i++) {
      try (WsProbe ws = WsProbe.open(server.baseUrl(), token("c" + i), null)) {
        ws.awaitFrame("area_of_interest");
      }
    }
  }

  Verdict run(ObjectNode c) {
    String user = "c" + (turn++ % PLAYERS);
    try {
      return switch (c.path("channel").asText()) {
        case "http" -> http(c, user);
        case "raw" -> raw(c, user);
        case "sse" -> sse(c, user);
        case "ws" -> c.has("text_bytes_base64") ? wsBytes(c, user) : ws(c, user);
        default -> Verdict.fail("unknown channel", c.path("channel").asText());
      };
    } catch (Exception e) {
      return Verdict.fail("exception", e.toString());
    }
  }

  private Verdict http(ObjectNode c, String user) throws Exception {
    HttpResponse<InputStream> r = send(c, user);
    // A body that never ends (a stream opened by mistake) must not hang the run: read what comes in 5 s.
    CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(r.body().readNBytes(4_096), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(" + e + ")";
      }
    }, readers);
    try {
      // A refused upload's answer may never see its end of stream (the client still holds the unsent body).
      return judgeStatus(c, r.statusCode(), body.get(r.statusCode() == 413 ? 200 : 5_000, TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      return judgeStatus(c, r.statusCode(), "(a body that does not end)");
    } finally {
      r.body().close();
    }
  }

  private HttpResponse<InputStream> send(ObjectNode c, String user) throws Exception {
    try {
      return HTTP.send(request(c, user).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
        throw e;
      }
      // The keep-alive race: the pooled connection was closed by the server after the previous case's
      // 400 just as this request went out on it. The JDK client retries only GETs; a browser retries this
      // too, because nothing reached the server. A second failure is the server's.
      return HTTP.send(request(c, user).build(), HttpResponse.BodyHandlers.ofInputStream());
    }
  }

  private Verdict sse(ObjectNode c, String user) throws Exception {
    HttpResponse<InputStream> r = HTTP.send(request(c, user).build(), HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      r.body().close();
      return judgeStatus(c, r.statusCode(), "");
    }
    boolean chat = c.path("method").asText().equals("POST");
    CompletableFuture<Verdict> read = CompletableFuture.supplyAsync(() -> readStream(r.body(), chat), readers);
    try {
      return read.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return Verdict.fail("sse 200 without an error frame", "timed out");
    } finally {
      r.body().close();
    }
  }

  /** A stream that opened must say why it refuses: an error event, or an error frame before done. */
  private static Verdict readStream(InputStream body, boolean chat) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event: ")) {
          return line.equals("event: error") ? Verdict.pass("sse error event")
              : Verdict.fail("sse stream without error", line);
        }
        if (chat && line.startsWith("data: ")) {
          JsonNode frame = Json.parse(line.substring(6));
          if (frame.path("type").asText().equals("error")) {
            return Verdict.pass("sse error frame " + frame.path("error").path("code").asText());
          }
          if (frame.path("type").asText().equals("done")) {
            return Verdict.fail("sse chat without error", "done");
          }
        }
      }
      return Verdict.fail("sse ended without error", "");
    } catch (IOException e) {
      return Verdict.fail("sse read failed", e.toString());
    }
  }

  private Verdict raw(ObjectNode c, String user) throws Exception {
    byte[] request = fill(c, substitute(c.path("request").asText(), user)).getBytes(StandardCharsets.ISO_8859_1);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      if (c.path("half_close").asBoolean()) {
        s.shutdownOutput();
      }
      InputStream in = s.getInputStream();
      StringBuilder status = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        status.append((char) b);
      }
      Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(status);
      if (!m.find()) {
        return Verdict.fail("raw without a status", "'" + status + "'");
      }
      return judgeStatus(c, Integer.parseInt(m.group(1)), "");
    }
  }

  private Verdict ws(ObjectNode c, String user) throws Exception {
    WsProbe ws;
    try {
      ws = WsProbe.openRaw(server.baseUrl(), substitute(c.path("query").asText(), user));
    } catch (IllegalStateException e) {
      if (e.getCause() != null && e.getCause().getCause() instanceof WebSocketHandshakeException h) {
        return judgeStatus(c, h.getResponse().statusCode(), "");
      }
      throw e;
    }
    try {
      if (c.has("messages")) {
        ws.awaitFrame("area_of_interest");
        for (JsonNode m : c.path("messages")) {
          if (!sent(ws, fill(c, m.asText()))) {
            break;
          }
        }
      } else if (c.has("binary_base64")) {
        ws.awaitFrame("area_of_interest");
        ws.sendBinary(Base64.getDecoder().decode(c.path("binary_base64").asText()));
      }
      int expected = c.has("messages") ? c.path("messages").size() : 1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (answers(ws) < expected && !ws.isClosed() && !rateLimited(c, ws) && System.nanoTime() < deadline) {
        synchronized (ws.frames) {
          ws.frames.wait(100);
        }
      }
      return judgeWs(c, ws, expected);
    } finally {
      ws.close();
    }
  }

  /** Sends one frame; false if the server had already closed the socket (an oversized frame ends it). */
  private static boolean sent(WsProbe ws, String text) {
    try {
      ws.send(text);
      return true;
    } catch (java.util.concurrent.CompletionException e) {
      ws.closeCode.completeOnTimeout(-1, 5, TimeUnit.SECONDS).join();
      return false;
    }
  }

  private Verdict wsBytes(ObjectNode c, String user) throws Exception {
    try (RawWebSocket ws = new RawWebSocket(server.port(), token(user))) {
      JsonNode f;
      do {
        f = ws.next();
      } while (f != null && !f.path("type").asText().equals("area_of_interest"));
      ws.sendText(Base64.getDecoder().decode(c.path("text_bytes_base64").asText()));
      while ((f = ws.next()) != null) {
        if (f.path("type").asText().equals("error")) {
          return Verdict.pass("ws error " + f.path("code").asText());
        }
      }
      return PROTOCOL_CLOSES.contains(ws.closeCode()) ? Verdict.pass("ws close " + ws.closeCode())
          : Verdict.fail("ws close " + ws.closeCode(), "");
    }
  }

  private static boolean rateLimited(ObjectNode c, WsProbe ws) {
    return c.path("answer").asText().equals("rate_limited")
        && ws.count(f -> f.path("code").asText().equals("rate_limited")) > 0;
  }

  /** Frames that refuse something: an error, or an action_response with an error code. */
  private static long answers(WsProbe ws) {
    return ws.count(f -> f.path("type").asText().equals("error") || (f.path("type").asText().equals("action_response")
        && (f.hasNonNull("error_code") || f.path("metadata").hasNonNull("error_code"))));
  }

  private static Verdict judgeWs(ObjectNode c, WsProbe ws, int expected) {
    if (ws.count(f -> f.path("type").asText().equals("action_response") && f.path("success").asBoolean()) > 0) {
      return Verdict.fail("ws action succeeded", ws.frames.toString());
    }
    if (c.path("answer").asText().equals("rate_limited")) {
      return rateLimited(c, ws) ? Verdict.pass("ws rate_limited") : Verdict.fail("ws not rate limited", "");
    }
    if (answers(ws) >= expected) {
      return Verdict.pass("ws error");
    }
    if (ws.isClosed()) {
      int code = ws.closeCode.join();
      if (code == -1 && c.path("reset_allowed").asBoolean(false)) {
        // The server refused the frame by its header and closed while the client was still pushing a
        // megabyte: TCP may reset the connection before the client reads the 1009. Refused either way.
        return Verdict.pass("ws reset while sending an oversized frame");
      }
      if (c.has("expect_close") && code != c.path("expect_close").asInt()) {
        return Verdict.fail("ws close " + code, "expected " + c.path("expect_close").asInt());
      }
      return PROTOCOL_CLOSES.contains(code) ? Verdict.pass("ws close " + code)
          : Verdict.fail("ws close " + code, ws.closeReason);
    }
    return Verdict.fail("ws unanswered", ws.frames.toString());
  }

  private static Verdict judgeStatus(ObjectNode c, int status, String body) {
    if (c.has("expect_status") && status != c.path("expect_status").asInt()) {
      return Verdict.fail(String.valueOf(status), "expected " + c.path("expect_status").asInt() + " " + abbreviate(body));
    }
    return status >= 400 && status < 500 ? Verdict.pass(String.valueOf(status))
        : Verdict.fail(String.valueOf(status), abbreviate(body));
  }

  private HttpRequest.Builder request(ObjectNode c, String user) {
    String path = fill(c, substitute(c.path("path").asText(), user));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    switch (c.path("auth").asText()) {
      case "player" -> b.header("Authorization", "Bearer " + token(user));
      case "admin" -> b.header("Authorization", "Bearer " + server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofHours(1)));
      case "raw" -> b.header("Authorization", substitute(c.path("authorization").asText(), user));
      default -> { }
    }
    if (c.has("header_name")) {
      b.header(c.path("header_name").asText(), fill(c, c.path("header_value").asText()));
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (c.has("body")) {
      String text = fill(c, c.path("body").asText());
      body = HttpRequest.BodyPublishers.ofString(text);
      b.header("Content-Type", "application/json");
      // Like a careful client: ask first, so a refusal (413) arrives before megabytes are pushed at a closed socket.
      b.expectContinue(text.length() > 65_536);
    } else if (c.has("body_base64")) {
      body = HttpRequest.BodyPublishers.ofByteArray(Base64.getDecoder().decode(c.path("body_base64").asText()));
      b.header("Content-Type", "application/json");
    }
    return b.method(c.path("method").asText(), body);
  }

  private String token(String user) {
    return server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
  }

  private String substitute(String s, String user) {
    String out = s.replace("<<player>>", token(user))
        .replace("<<expired>>", server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofSeconds(-60)))
        .replace("<<foreign>>", new TokenService(TokenService.randomSecret(), java.time.Clock.systemUTC())
            .issue(user, Identity.Role.PLAYER, Duration.ofHours(1)));
    if (out.contains("<<forged>>")) {
      String t = token(user);
      out = out.replace("<<forged>>", t.substring(0, t.length() - 4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA"));
    }
    Matcher m = SIGNED.matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String unsigned = m.group(1) + "." + m.group(2);
      m.appendReplacement(b, Matcher.quoteReplacement(unsigned + "." + sign(unsigned)));
    }
    return m.appendTail(b).toString();
  }

  private String sign(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fill(ObjectNode c, String s) {
    if (!c.has("fill") || !s.contains("<<fill>>")) {
      return s;
    }
    return s.replace("<<fill>>", c.path("fill").path("text").asText().repeat(c.path("fill").path("times").asInt()));
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
