package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.FrameListener;
import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.PlayerSpec;
import dev.scrying.scenarios.format.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated players of one run. Listen before act: each player's frame listener is attached
 * before its first connection opens, and {@link #connect} returns only once its streams are
 * subscribed. Remembers which players a fault took down on purpose, so that any other dropped
 * connection is reported. Thread-safe for reads; connect/close from the runner thread.
 */
final class ScenarioPlayers implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ServerHandle server;
  private final Scenario scenario;
  private final FrameListener tap;
  private final Map<String, SimulatedPlayer> players = new ConcurrentHashMap<>();
  private final Set<String> downOnPurpose = ConcurrentHashMap.newKeySet();

  ScenarioPlayers(ServerHandle server, Scenario scenario, FrameListener tap) {
    this.server = server;
    this.scenario = scenario;
    this.tap = tap;
  }

  /** Connects every player that joins at the start, in declaration order. */
  void connectStartingPlayers() {
    for (PlayerSpec p : scenario.players()) {
      if (!p.joinsLater()) {
        connect(p);
      }
    }
  }

  SimulatedPlayer connect(PlayerSpec spec) {
    SimulatedPlayer.Options options = new SimulatedPlayer.Options(spec.admin(), spec.hasWebSocket(),
        spec.hasEventStream(), TIMEOUT);
    SimulatedPlayer p = SimulatedPlayer.prepare(server, scenario.experience(), spec.id(), options);
    p.addListener(tap);
    players.put(spec.id(), p);
    if (spec.hasMirror()) {
      p.reconnect();
    }
    return p;
  }

  SimulatedPlayer get(String id) {
    SimulatedPlayer p = players.get(id);
    if (p == null) {
      throw new IllegalStateException("player " + id + " is not connected");
    }
    return p;
  }

  Optional<SimulatedPlayer> find(String id) {
    return Optional.ofNullable(players.get(id));
  }

  PlayerSpec spec(String id) {
    return scenario.player(id).orElseThrow();
  }

  /** Players in declaration order. */
  List<SimulatedPlayer> all() {
    List<SimulatedPlayer> out = new ArrayList<>();
    for (PlayerSpec s : scenario.players()) {
      find(s.id()).ifPresent(out::add);
    }
    return out;
  }

  void markDown(String id) {
    downOnPurpose.add(id);
  }

  void markUp(String id) {
    downOnPurpose.remove(id);
  }

  boolean isDownOnPurpose(String id) {
    return downOnPurpose.contains(id);
  }

  /** Players whose persistent connection is gone although no fault took it down: id → what is down. */
  Map<String, String> unexpectedlyDown() {
    Map<String, String> out = new LinkedHashMap<>();
    for (SimulatedPlayer p : all()) {
      if (downOnPurpose.contains(p.userId())) {
        continue;
      }
      if (p.options().webSocket() && !p.isConnected()) {
        out.put(p.userId(), "WebSocket");
      } else if (p.options().eventStream() && !p.isEventStreamOpen()) {
        out.put(p.userId(), "event stream");
      }
    }
    return out;
  }

  Latencies latencies() {
    Collection<Latencies> all = players.values().stream().map(SimulatedPlayer::latencies).toList();
    return Latencies.merged(all);
  }

  @Override
  public void close() {
    players.values().forEach(SimulatedPlayer::close);
  }
}
