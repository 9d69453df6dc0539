package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The server under test: a child JVM started for the run (so its heap and CPU are its own) or one
 * already running at a URL. Owns the child process and stops it on close.
 */
final class Target implements AutoCloseable {
  private final Process process;
  final String baseUrl;
  final String adminToken;
  private final OkHttpClient http;

  private Target(Process process, String baseUrl, OkHttpClient http) throws IOException {
    this.process = process;
    this.baseUrl = baseUrl;
    this.http = http;
    this.adminToken = token("bench_operator", "admin");
  }

  static Target external(String url, OkHttpClient http) throws IOException {
    return new Target(null, url.replaceAll("/$", ""), http);
  }

  static Target spawn(Path data, Path content, OkHttpClient http) throws Exception {
    return spawn(data, content, http, List.of());
  }

  /** A server of its own in a child JVM, started with {@code serverArgs} added to {@code serve}'s options. */
  static Target spawn(Path data, Path content, OkHttpClient http, List<String> serverArgs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The warm-up sends each of five players 40 messages a second, twice a guest's socket budget.
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g",
        "-Dscrying.limits.wsMessagesPerSecond=200", "-Dscrying.limits.wsBurst=400"));
    String extra = System.getenv("SCRYING_BENCH_SERVER_OPTS");
    if (extra == null || !extra.matches(".*-XX:\\+Use\\w+GC.*")) {
      // G1 unless the options pick another collector (to compare them): a JVM given two refuses to start.
      cmd.add(1, "-XX:+UseG1GC");
    }
    if (extra != null && !extra.isBlank()) {
      // e.g. -XX:StartFlightRecording=filename=server.jfr,settings=profile to profile the server under load
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.scrying.server.ServerMain", "serve", "--port", "0",
        "--data", data.toString()));
    if (content != null) {
      cmd.addAll(List.of("--content", content.toString()));
    }
    cmd.addAll(serverArgs);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("READY ")) {
            port.complete(Integer.parseInt(line.substring(6).trim()));
          } else if (line.contains("ERROR") || line.contains("WARN") || line.contains("Exception")) {
            System.err.println("[server] " + line);
          }
        }
      } catch (IOException ignored) {
        // the server stopped
      }
      port.completeExceptionally(new IllegalStateException("the server exited before it was ready"));
    }, "bench-server-output");
    drain.setDaemon(true);
    drain.start();
    return new Target(p, "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS), http);
  }

  String token(String user, String role) throws IOException {
    JsonNode r = post("/dev/token", Json.write(Json.object().put("user_id", user).put("role", role)), null);
    return r.path("token").asText();
  }

  JsonNode post(String path, String body, String token) throws IOException {
    Request.Builder b = new Request.Builder().url(baseUrl + path)
        .post(RequestBody.create(body, MediaType.get("application/json")));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      if (!r.isSuccessful()) {
        throw new IOException(path + " answered " + r.code() + ": " + r.body().string());
      }
      return Json.parse(r.body().string());
    }
  }

  /** The admin's NATS observer credentials, if the server runs its own nats-server. */
  java.util.Optional<JsonNode> natsAccess() throws IOException {
    Request req = new Request.Builder().url(baseUrl + "/nats/credentials")
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .header("Authorization", "Bearer " + adminToken).build();
    try (Response r = http.newCall(req).execute()) {
      return r.isSuccessful() ? java.util.Optional.of(Json.parse(r.body().string())) : java.util.Optional.empty();
    }
  }

  JsonNode status(boolean gc) throws IOException {
    Request req = new Request.Builder().url(baseUrl + "/admin/status" + (gc ? "?gc=true" : ""))
        .header("Authorization", "Bearer " + adminToken).build();
    try (Response r = http.newCall(req).execute()) {
      return Json.parse(r.body().string());
    }
  }

  String wsUrl(String token, String experience) {
    return baseUrl.replace("http://", "ws://") + "/ws/experience?token=" + token + "&experience=" + experience;
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
