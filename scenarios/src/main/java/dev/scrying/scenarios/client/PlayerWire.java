package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection of one player shares: the server, who the player is, its listeners and the
 * list its chain problems go to, and the bounded wait its blocking calls use. Immutable (the listeners
 * and problem list are thread-safe themselves).
 */
record PlayerWire(ServerHandle server, String experience, String userId, String token, Duration timeout,
    FrameListeners listeners, List<ChainProblem> problems) {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerWire.class);

  /** Waits at most the player's timeout; every failure becomes a {@link ServerException}. */
  <T> T await(CompletableFuture<T> f, String what) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ServerException(0, ServerException.TIMEOUT, userId + ": no " + what + " within " + timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ServerException se) {
        throw se;
      }
      throw new ServerException(0, ServerException.CONNECTION_LOST, userId + ": " + what + " failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException(0, ServerException.TIMEOUT, userId + ": interrupted waiting for " + what);
    }
  }

  void emit(Transport transport, Direction direction, String type, JsonNode json, long micros) {
    listeners.emit(new Frame(userId, transport, direction, type, json, micros));
  }

  void state(Transport transport, ConnectionState state, String detail) {
    listeners.state(userId, transport, state, detail);
  }

  /** A frame's JSON; a frame that is not JSON is kept as {@code {"type":"invalid_json","text":…}}. */
  static JsonNode parse(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("server sent a frame that is not JSON: {}", text.length() > 200 ? text.substring(0, 200) : text);
      return Json.object().put("type", "invalid_json").put("text", text);
    }
  }
}
