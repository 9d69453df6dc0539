package dev.scrying.console.model.players;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.Notice;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.Workers;
import dev.scrying.console.session.ServerSession;
import dev.scrying.experiences.Ids;
import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.FrameListener;
import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Players panel: simulated players (each a real WebSocket and chat-SSE client from the scenarios
 * library) with their mirror state, a command bar built from {@code commands_schema} and what is in
 * reach, a chat box showing the SSE frames as they arrive, and a GPS picker. Connecting, reading
 * mirrors and comparing them with the server happen on private workers; every frame is also handed
 * to {@code frames} (the console's feed) on the network thread it arrived on. UI thread only, except
 * where noted.
 */
public final class PlayersViewModel implements AutoCloseable {
  private static final long CHECK_EVERY_MILLIS = 2_000;
  private static final Duration SETTLE = Duration.ofMillis(500);

  private final UiDispatch ui;
  private final Notices notices;
  private final Consumer<Frame> frames;
  private final ScheduledExecutorService worker = Workers.single("players");
  private final ScheduledExecutorService checker = Workers.single("mirror-check");
  private final java.util.concurrent.ExecutorService connecting = Workers.pool("player-connect");
  private volatile boolean closed;
  private final Map<String, SimulatedPlayer> players = new ConcurrentHashMap<>();
  private final Map<String, PlayerCard> cards = new LinkedHashMap<>();
  private final Map<String, MirrorCheck> checks = new ConcurrentHashMap<>();
  private final Map<String, ChatTranscript> chats = new ConcurrentHashMap<>();
  private final Value<List<PlayerCard>> cardList = new Value<>(List.of());
  private final Value<String> selected = new Value<>("");
  private final Value<PlayerCard> selectedCard = new Value<>(null);
  private final Value<String> selectedMirror = new Value<>("");
  private final Value<List<CommandSpec>> commands = new Value<>(List.of());
  private final Value<Map<String, List<Target>>> targets = new Value<>(Map.of());
  private final Value<List<ZoneChoice>> zones = new Value<>(List.of());
  private final Value<ChatTranscript> chat = new Value<>(null);
  private final Value<String> lastAnswer = new Value<>("");
  private final Value<Boolean> ready = new Value<>(false);
  private volatile List<ZoneChoice> zoneList = List.of();
  private volatile ServerHandle handle;
  private volatile String experience;

  public PlayersViewModel(UiDispatch ui, Notices notices, Consumer<Frame> frames) {
    this.ui = ui;
    this.notices = notices;
    this.frames = frames;
    checker.scheduleWithFixedDelay(this::checkMirrors, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Connects the console's player client to {@code s} and adds {@code startWith}, off the UI thread. Any thread. */
  public void attach(ServerSession s, List<String> startWith) {
    ui.post(() -> {
      // Listed in the given order, the first one selected, whichever connects first.
      startWith.forEach(id -> cards.putIfAbsent(id, PlayerCard.connecting(id)));
      publishCards();
      if (selected.get().isEmpty() && !startWith.isEmpty()) {
        select(startWith.get(0));
      }
    });
    worker.execute(() -> {
      try {
        handle = ServerHandle.connect(s.baseUrl(), s.adminToken().get(10, TimeUnit.SECONDS));
        experience = s.experienceId();
      } catch (Exception e) {
        notices.failure("Simulated players are unavailable", e);
        ui.post(() -> {
          startWith.forEach(cards::remove);
          publishCards();
        });
        return;
      }
      ui.post(() -> ready.set(true));
      // In parallel: each connect waits on its own handshake and first snapshot.
      CompletableFuture.allOf(startWith.stream()
          .map(id -> CompletableFuture.runAsync(() -> connect(id), connecting)).toArray(CompletableFuture[]::new)).join();
      if (!startWith.isEmpty()) {
        org.slf4j.LoggerFactory.getLogger(PlayersViewModel.class).info("simulated players {} connected, {} ms after launch",
            startWith, Workers.sinceLaunchMillis());
      }
      readZones(s);
    });
  }

  /** The zones for the GPS picker; only the picker waits for them. */
  private void readZones(ServerSession s) {
    s.world().thenAccept(w -> {
      List<ZoneChoice> z = MirrorReading.zones(w.world());
      zoneList = z;
      ui.post(() -> zones.set(z));
    }).exceptionally(e -> {
      notices.failure("Could not read the zones for the location picker", e);
      return null;
    });
  }

  /** The shared client of the server, for the scenario runner; null until attached. Any thread. */
  public ServerHandle handle() {
    return handle;
  }

  /** A connected player by id. Any thread. */
  public Optional<SimulatedPlayer> player(String userId) {
    return Optional.ofNullable(players.get(userId));
  }

  public void addPlayer(String userId) {
    String id = userId == null ? "" : userId.strip();
    if (!Ids.isUserId(id)) {
      notices.report(Notice.problem("'" + id + "' is not a player id.", "Use 1-64 letters, digits, '_' or '-'."));
      return;
    }
    if (cards.containsKey(id)) {
      notices.report(Notice.problem(id + " is already playing.", "Pick another name."));
      return;
    }
    cards.put(id, PlayerCard.connecting(id));
    publishCards();
    worker.execute(() -> connect(id));
  }

  private void connect(String id) {
    ui.post(() -> {
      cards.putIfAbsent(id, PlayerCard.connecting(id));
      publishCards();
    });
    try {
      SimulatedPlayer p = SimulatedPlayer.prepare(handle, experience, id, SimulatedPlayer.Options.webSocketPlayer());
      p.addListener(new Listener());
      // Known before it connects, so the mirror can read it when its first snapshot arrives.
      players.put(id, p);
      p.reconnect();
      refresh(id);
      if (commands.get().isEmpty()) {
        p.commands().thenAccept(schema -> ui.post(() -> commands.set(MirrorReading.commands(schema))));
      }
      ui.post(() -> {
        if (selected.get().isEmpty()) {
          select(id);
        }
      });
    } catch (RuntimeException e) {
      SimulatedPlayer failed = players.remove(id);
      if (failed != null) {
        failed.close();
      }
      notices.failure("Could not connect player " + id, e);
      ui.post(() -> {
        cards.remove(id);
        publishCards();
      });
    }
  }

  public void removePlayer(String userId) {
    SimulatedPlayer p = players.remove(userId);
    cards.remove(userId);
    chats.remove(userId);
    publishCards();
    if (selected.get().equals(userId)) {
      select(cards.isEmpty() ? "" : cards.keySet().iterator().next());
    }
    if (p != null) {
      worker.execute(p::close);
    }
  }

  public void select(String userId) {
    selected.set(userId);
    showSelected();
  }

  /** Sends a command from the command bar as the selected player. */
  public CompletableFuture<Void> act(String command, Map<String, String> fields) {
    return withSelected(p -> p.act(command, fields).thenAccept(r -> answered(r.userId(),
        (r.success() ? "✓ " : "✗ ") + r.message())));
  }

  /** Chats as the selected player over the chat SSE; the frames appear in {@link #chat()} as they arrive. */
  public CompletableFuture<Void> chat(String message) {
    if (message == null || message.isBlank()) {
      return CompletableFuture.completedFuture(null);
    }
    return withSelected(p -> p.chat(message.strip()).thenAccept(r -> answered(r.userId(), r.text())));
  }

  /** Moves the selected player to {@code zone} by GPS ({@code update_location}). */
  public CompletableFuture<Void> walkTo(ZoneChoice zone) {
    return withSelected(p -> p.updateLocation(zone.lat(), zone.lng())
        .thenAccept(aoi -> answered(p.userId(), "Now in " + aoi.path("zone").path("name").asText(zone.name()))));
  }

  /** Drops the player's connections abruptly, as a guest leaving the Wi-Fi would. */
  public void disconnect(String userId) {
    player(userId).ifPresent(p -> worker.execute(p::disconnect));
  }

  /** Reconnects a dropped player; it resumes from its mirror's version. */
  public void reconnect(String userId) {
    player(userId).ifPresent(p -> worker.execute(() -> {
      try {
        p.reconnect();
        refresh(userId);
      } catch (RuntimeException e) {
        notices.failure("Could not reconnect " + userId, e);
      }
    }));
  }

  private CompletableFuture<Void> withSelected(java.util.function.Function<SimulatedPlayer, CompletableFuture<Void>> call) {
    SimulatedPlayer p = players.get(selected.get());
    if (p == null) {
      notices.report(Notice.problem("No player selected.", "Add a player or pick one in the list."));
      return CompletableFuture.completedFuture(null);
    }
    return call.apply(p).exceptionally(e -> {
      notices.failure(p.userId() + "'s request failed", e);
      return null;
    });
  }

  private void answered(String userId, String text) {
    ui.post(() -> {
      if (selected.get().equals(userId)) {
        lastAnswer.set(text);
      }
    });
  }

  /** Rebuilds a player's card from its mirror, on the worker; coalesced per player on the UI side. */
  private void refresh(String id) {
    SimulatedPlayer p = players.get(id);
    if (p == null) {
      return;
    }
    JsonNode mirror = p.mirror();
    PlayerCard card = MirrorReading.card(id, p.isConnected() ? ConnectionState.OPEN : ConnectionState.CLOSED, mirror,
        p.mirrorVersion(), p.chainProblems().size(), checks.getOrDefault(id, MirrorCheck.UNKNOWN));
    Map<String, List<Target>> reach = MirrorReading.targets(mirror, zonesNow());
    String pretty = dev.scrying.experiences.Json.pretty(mirror);
    ui.latest("player-" + id, () -> {
      if (!cards.containsKey(id)) {
        return;
      }
      cards.put(id, card);
      publishCards();
      if (selected.get().equals(id)) {
        selectedCard.set(card);
        selectedMirror.set(pretty);
        targets.set(reach);
      }
    });
  }

  private List<ZoneChoice> zonesNow() {
    return zoneList;
  }

  private void showSelected() {
    String id = selected.get();
    PlayerCard card = cards.get(id);
    selectedCard.set(card);
    chat.set(chats.get(id));
    lastAnswer.set("");
    if (card != null) {
      worker.execute(() -> refresh(id));
    } else {
      selectedMirror.set("");
      targets.set(Map.of());
    }
  }

  private void publishCards() {
    cardList.set(List.copyOf(cards.values()));
  }

  private void checkMirrors() {
    for (SimulatedPlayer p : players.values()) {
      if (!p.isConnected()) {
        continue;
      }
      try {
        MirrorComparison c = p.awaitConverged(SETTLE);
        MirrorCheck check = c.matches() ? new MirrorCheck(MirrorCheck.Status.MATCH, "at v" + c.mirrorVersion())
            : new MirrorCheck(MirrorCheck.Status.MISMATCH, String.join("; ", c.differences()));
        if (!check.equals(checks.put(p.userId(), check))) {
          later(() -> refresh(p.userId()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The status bar and the stream show a server that is down; the check tries again later.
      }
    }
  }

  /** Chat frames of each player make its transcript; every frame goes on to the console's feed. */
  private final class Listener implements FrameListener {
    @Override
    public void onFrame(Frame f) {
      if (f.transport() == Transport.CHAT_SSE) {
        noteChat(f);
      }
      frames.accept(f);
      if (f.direction() == Direction.IN && (f.type().equals("world_update") || f.type().equals("area_of_interest"))) {
        later(() -> refresh(f.userId()));
      }
    }

    @Override
    public void onConnectionState(String userId, Transport transport, ConnectionState state, String detail) {
      if (transport == Transport.WEBSOCKET) {
        later(() -> refresh(userId));
      }
    }
  }

  /** Runs {@code task} on the worker, unless the panel is closing (players report their own goodbyes). */
  private void later(Runnable task) {
    if (!closed) {
      try {
        worker.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // Closing: nothing to refresh any more.
      }
    }
  }

  private void noteChat(Frame f) {
    ChatTranscript t;
    if (f.direction() == Direction.OUT) {
      t = ChatTranscript.started(f.userId(), f.json().path("message").asText(), f.epochMicros());
    } else {
      ChatTranscript before = chats.get(f.userId());
      if (before == null) {
        return;
      }
      String text = switch (f.type()) {
        case "content" -> f.json().path("content").asText();
        case "world_update" -> dev.scrying.console.model.stream.StreamEvents.worldUpdateSummary(f.json());
        case "error" -> f.json().path("error").path("message").asText(f.json().path("message").asText());
        case "metadata" -> f.json().has("total_time_ms") ? "timings" : "conversation started";
        default -> "";
      };
      String narrative = f.type().equals("content") ? text : "";
      t = before.plus(new ChatLine(f.type(), text, (f.epochMicros() - before.sentAtMicros()) / 1000.0), narrative,
          f.type().equals("done"));
    }
    chats.put(f.userId(), t);
    ui.latest("chat-" + f.userId(), () -> {
      if (selected.get().equals(f.userId())) {
        chat.set(chats.get(f.userId()));
      }
    });
  }

  public Value<List<PlayerCard>> cards() {
    return cardList;
  }

  public Value<String> selected() {
    return selected;
  }

  public Value<PlayerCard> selectedCard() {
    return selectedCard;
  }

  /** The selected player's mirror as indented JSON. */
  public Value<String> selectedMirror() {
    return selectedMirror;
  }

  public Value<List<CommandSpec>> commands() {
    return commands;
  }

  /** Per command field, what the selected player can name. */
  public Value<Map<String, List<Target>>> targets() {
    return targets;
  }

  public Value<List<ZoneChoice>> zones() {
    return zones;
  }

  /** The selected player's latest chat, frame by frame. */
  public Value<ChatTranscript> chat() {
    return chat;
  }

  /** The selected player's last answer (action response or chat narrative). */
  public Value<String> lastAnswer() {
    return lastAnswer;
  }

  /** True once the console can create players on this server. */
  public Value<Boolean> ready() {
    return ready;
  }

  /** Ids of every player, for other panels (cut a connection, the mirror). UI thread. */
  public List<String> ids() {
    return new ArrayList<>(cards.keySet());
  }

  @Override
  public void close() {
    closed = true;
    players.values().forEach(SimulatedPlayer::close);
    players.clear();
    checker.shutdownNow();
    connecting.shutdownNow();
    worker.shutdownNow();
    ServerHandle h = handle;
    if (h != null) {
      h.close();
    }
  }
}
