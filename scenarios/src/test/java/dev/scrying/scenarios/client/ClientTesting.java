package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Small helpers for the client tests: bounded waits and a recording listener. */
final class ClientTesting {
  static final String EXP = "wylding-woods";

  private ClientTesting() {}

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(15, TimeUnit.SECONDS);
  }

  static JsonNode spotItems(ServerHandle server, String spot) {
    return server.get("/experience/" + EXP + "/world").path("world").path("locations").path("woander_store")
        .path("areas").path("main_room").path("spots").path(spot).path("items");
  }

  static MirrorComparison converged(SimulatedPlayer p) throws InterruptedException {
    return p.awaitConverged(Duration.ofSeconds(10));
  }

  /** Records every frame; thread-safe. */
  static final class Recording implements FrameListener {
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();

    @Override
    public void onFrame(Frame frame) {
      frames.add(frame);
    }

    @Override
    public void onConnectionState(String userId, Transport transport, ConnectionState state, String detail) {
      states.add(transport + " " + state);
    }

    List<String> types(Transport t, Direction d) {
      return frames.stream().filter(f -> f.transport() == t && f.direction() == d).map(Frame::type).toList();
    }

    void clear() {
      frames.clear();
    }
  }
}
