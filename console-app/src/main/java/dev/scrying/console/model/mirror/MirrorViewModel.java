package dev.scrying.console.model.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.Signal;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.Workers;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.client.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The Scrying mirror: the zone drawn from one simulated player's client mirror, the items that vanish
 * the moment a delta arrives, and the narrative beside it as it streams in. Frames arrive on network
 * threads ({@link #frame}); scenes are built on a private worker from the player's mirror, so the
 * picture never contains anything the client did not receive. Other methods: UI thread only.
 */
public final class MirrorViewModel implements AutoCloseable {
  static final int RECENT_DELTAS = 4;
  private final UiDispatch ui;
  private final Function<String, Optional<SimulatedPlayer>> players;
  private final ExecutorService worker = Workers.single("mirror");
  private final Value<String> watched = new Value<>("");
  private final Value<List<String>> choices = new Value<>(List.of());
  private final Value<MirrorScene> scene = new Value<>(MirrorScene.EMPTY);
  private final Signal<VanishedItem> vanished = new Signal<>();
  private final Value<String> lastDelta = new Value<>("");
  private final Value<List<String>> deltas = new Value<>(List.of());
  private final Value<String> narrative = new Value<>("");
  private final Value<String> narrativeStatus = new Value<>("No story yet: chat as this player in Players.");
  private volatile String watching = "";
  private MirrorScene shown = MirrorScene.EMPTY; // worker only
  private long chatSentAt; // worker only
  private StringBuilder story = new StringBuilder(); // worker only

  public MirrorViewModel(UiDispatch ui, Function<String, Optional<SimulatedPlayer>> players) {
    this.ui = ui;
    this.players = players;
  }

  /** The players one can watch; keeps watching the current one while it exists, else the first. */
  public void setChoices(List<String> ids) {
    choices.set(List.copyOf(ids));
    if (!ids.contains(watched.get())) {
      watch(ids.isEmpty() ? "" : ids.get(0));
    }
  }

  public void watch(String userId) {
    watched.set(userId);
    watching = userId;
    narrative.set("");
    narrativeStatus.set("No story yet: chat as " + (userId.isEmpty() ? "a player" : userId) + " in Players.");
    lastDelta.set("");
    deltas.set(List.of());
    worker.execute(() -> {
      shown = MirrorScene.EMPTY;
      story = new StringBuilder();
      rebuild(null);
    });
  }

  /** A frame of any player, from any thread; only the watched player's matter. */
  public void frame(Frame f) {
    if (!f.userId().equals(watching) || worker.isShutdown()) {
      return;
    }
    try {
      worker.execute(() -> handle(f));
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // The panel is closing; nothing left to draw.
    }
  }

  private void handle(Frame f) {
    if (f.transport() == Transport.CHAT_SSE) {
      story(f);
    }
    boolean view = f.type().equals("world_update") || f.type().equals("area_of_interest");
    if (f.direction() == Direction.IN && view && f.transport() != Transport.CHAT_SSE) {
      rebuild(f);
    }
  }

  private void rebuild(Frame cause) {
    String id = watching;
    SimulatedPlayer p = id.isEmpty() ? null : players.apply(id).orElse(null);
    MirrorScene next = p == null ? MirrorScene.EMPTY : MirrorScene.of(id, p.mirror(), p.mirrorVersion());
    List<VanishedItem> gone = next.vanishedSince(shown);
    shown = next;
    String delta = cause == null || !cause.type().equals("world_update") ? null : describe(cause, gone);
    ui.post(() -> {
      if (!id.equals(watched.get())) {
        return;
      }
      scene.set(next);
      gone.forEach(vanished::emit);
      if (delta != null) {
        lastDelta.set(delta);
        List<String> recent = new java.util.ArrayList<>();
        recent.add(delta);
        recent.addAll(deltas.get());
        deltas.set(List.copyOf(recent.subList(0, Math.min(RECENT_DELTAS, recent.size()))));
      }
    });
  }

  private static String describe(Frame f, List<VanishedItem> gone) {
    JsonNode j = f.json();
    String what = gone.isEmpty() ? "v" + j.path("base_version").asLong() + " → v" + j.path("snapshot_version").asLong()
        + " · " + dev.scrying.console.model.ChangeSummary.of(j.path("changes")) : gone.get(0).item().name() + " vanished";
    JsonNode received = j.path("metadata").path("trace").path("received");
    if (!received.isNumber()) {
      return what + ".";
    }
    String actor = j.path("metadata").path("actor").asText("someone");
    return String.format(Locale.ROOT, "%s · %.1f ms after %s's action reached the server.", what,
        (f.epochMicros() - received.asLong()) / 1000.0, actor);
  }

  private void story(Frame f) {
    if (f.direction() == Direction.OUT) {
      chatSentAt = f.epochMicros();
      story = new StringBuilder();
      publishStory("The story is on its way…");
      return;
    }
    switch (f.type()) {
      case "content" -> {
        if (story.isEmpty()) {
          publishStory(String.format(Locale.ROOT, "Narrative began %.1f s after the message.", secondsSince(f)));
        }
        story.append(f.json().path("content").asText());
        String text = story.toString();
        ui.latest("mirror-story", () -> narrative.set(text));
      }
      case "done" -> publishStory(String.format(Locale.ROOT, "Narrative finished after %.1f s.", secondsSince(f)));
      case "error" -> publishStory("The narrator failed: " + f.json().path("error").path("message").asText("unknown error"));
      default -> { }
    }
  }

  private double secondsSince(Frame f) {
    return chatSentAt == 0 ? 0 : (f.epochMicros() - chatSentAt) / 1_000_000.0;
  }

  private void publishStory(String status) {
    String text = story.toString();
    ui.post(() -> {
      narrative.set(text);
      narrativeStatus.set(status);
    });
  }

  public Value<String> watched() {
    return watched;
  }

  public Value<List<String>> choices() {
    return choices;
  }

  public Value<MirrorScene> scene() {
    return scene;
  }

  /** Items that just left the mirror, for the vanish animation. */
  public Signal<VanishedItem> vanished() {
    return vanished;
  }

  /** The last few deltas in words, newest first. */
  public Value<List<String>> deltas() {
    return deltas;
  }

  /** The latest delta in words, with how soon after the action it arrived. */
  public Value<String> lastDelta() {
    return lastDelta;
  }

  public Value<String> narrative() {
    return narrative;
  }

  public Value<String> narrativeStatus() {
    return narrativeStatus;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
