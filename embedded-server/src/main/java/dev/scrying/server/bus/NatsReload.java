package dev.scrying.server.bus;

import dev.scrying.experiences.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Makes a running nats-server reload its config file ({@code nats-server --signal reload=<pid>}, which
 * also works where Java cannot send SIGHUP) and waits until its monitoring endpoint reports the new load
 * time, so that users added to the config can connect when this returns. Stateless; throws IOException
 * if the server does not reload within the timeout.
 */
final class NatsReload {
  private final Path binary;
  private final String monitorUrl;
  private final Path log;
  private final HttpClient http;
  private final Duration timeout;

  NatsReload(Path binary, String monitorUrl, Path log, HttpClient http, Duration timeout) {
    this.binary = binary;
    this.monitorUrl = monitorUrl;
    this.log = log;
    this.http = http;
    this.timeout = timeout;
  }

  void reload(Process server) throws IOException {
    String before = configLoadTime();
    Process signal = new ProcessBuilder(binary.toString(), "--signal", "reload=" + server.pid())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!signal.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || signal.exitValue() != 0) {
        signal.destroyForcibly();
        throw new IOException("nats-server did not accept the reload signal (see " + log + ")");
      }
      Instant deadline = Instant.now().plus(timeout);
      while (before.equals(configLoadTime())) {
        if (Instant.now().isAfter(deadline)) {
          throw new IOException("nats-server did not reload its config within " + timeout.toSeconds() + " s");
        }
        // Poll interval that also returns at once if the server dies.
        server.waitFor(20, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while nats-server reloaded", e);
    }
  }

  private String configLoadTime() throws IOException {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(monitorUrl + "/varz")).timeout(Duration.ofSeconds(2)).GET().build();
      return Json.parse(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).path("config_load_time").asText("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading nats-server /varz", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("nats-server /varz sent malformed JSON", e);
    }
  }
}
