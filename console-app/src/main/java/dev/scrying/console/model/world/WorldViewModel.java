package dev.scrying.console.model.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.Signal;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.session.WorldSnapshot;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The World panel: the live world as a tree, the nodes the last change touched (to flash), search,
 * a JSON inspector, and the recent changes with a before/after diff of the selected one. Reads the
 * world on its own worker whenever the version moves, at most one read at a time, so a burst of
 * actions costs one read; diffs are computed there too. {@link #versionSeen} and
 * {@link #actionSeen} take any thread; everything else is UI thread only.
 */
public final class WorldViewModel {
  static final int MAX_CHANGES = 100;
  private static final int MAX_CAUSES = 500;

  private final UiDispatch ui;
  /** At most this often a world read follows the last one: a burst of actions costs a few reads, not one each. */
  static final long MIN_READ_GAP_MILLIS = 250;

  private final ScheduledExecutorService worker;
  private final Notices notices;
  private final Value<WorldNode> root = new Value<>(null);
  private final Value<Long> version = new Value<>(-1L);
  private final Value<WorldSnapshot> world = new Value<>(null);
  private final Signal<Set<String>> flash = new Signal<>();
  private final Value<List<WorldChange>> changes = new Value<>(List.of());
  private final Value<WorldChange> selectedChange = new Value<>(null);
  private final Value<String> search = new Value<>("");
  private final Value<Set<String>> matches = new Value<>(Set.of());
  private final Value<String> matchSummary = new Value<>("");
  private final Value<String> inspectedPointer = new Value<>("");
  private final Value<String> inspectedJson = new Value<>("");

  // Confined to the worker.
  private ServerSession session;
  private WorldSnapshot shown;
  private long wanted = -1;
  private boolean reading;
  private boolean failing;
  private long lastReadStarted;
  private final TreeMap<Long, String> causes = new TreeMap<>();

  public WorldViewModel(UiDispatch ui, ScheduledExecutorService worker, Notices notices) {
    this.ui = ui;
    this.worker = worker;
    this.notices = notices;
  }

  /** Starts showing {@code s}'s world. Any thread. */
  public void attach(ServerSession s) {
    worker.execute(() -> {
      session = s;
      read();
    });
  }

  /** The server's version is now {@code v}; reads the world if it is newer than the one shown. Any thread. */
  public void versionSeen(long v) {
    worker.execute(() -> {
      wanted = Math.max(wanted, v);
      if (shown == null || v > shown.version()) {
        read();
      }
    });
  }

  /** Remembers what caused version {@code a.version()}, to label the change. Any thread. */
  public void actionSeen(ServerAction a) {
    worker.execute(() -> {
      causes.put(a.version(), a.userId() + ": " + a.action());
      while (causes.size() > MAX_CAUSES) {
        causes.pollFirstEntry();
      }
    });
    versionSeen(a.version());
  }

  private void read() {
    if (session == null || reading) {
      return;
    }
    long wait = lastReadStarted + MIN_READ_GAP_MILLIS - System.currentTimeMillis();
    reading = true;
    if (wait > 0) {
      // Too soon after the last read: read once, a little later, whatever else arrives meanwhile.
      worker.schedule(this::readNow, wait, TimeUnit.MILLISECONDS);
    } else {
      readNow();
    }
  }

  private void readNow() {
    lastReadStarted = System.currentTimeMillis();
    session.world().whenCompleteAsync((snapshot, error) -> {
      reading = false;
      if (error != null) {
        if (!failing) {
          notices.failure("Could not read the world", error);
        }
        failing = true;
        return;
      }
      failing = false;
      show(snapshot);
      if (wanted > snapshot.version()) {
        read();
      }
    }, worker);
  }

  private void show(WorldSnapshot next) {
    WorldSnapshot before = shown;
    if (before != null && next.version() <= before.version()) {
      return;
    }
    shown = next;
    WorldNode tree = WorldTree.build(next.world());
    WorldChange change = before == null ? null : change(before, next);
    ui.post(() -> {
      version.set(next.version());
      world.set(next);
      root.set(tree);
      refreshSearch();
      refreshInspector();
      if (change != null) {
        record(change);
        flash.emit(JsonDiff.touchedPointers(change.changes()));
      }
    });
    // Reads are at least MIN_READ_GAP_MILLIS apart, so the UI rebuilds the tree a few times a second at most.
  }

  private WorldChange change(WorldSnapshot before, WorldSnapshot after) {
    List<PathChange> diff = JsonDiff.between(before.world(), after.world());
    var between = causes.subMap(before.version(), false, after.version(), true);
    String cause = between.size() == 1 ? between.firstEntry().getValue()
        : between.isEmpty() ? "changed on the server" : between.size() + " actions";
    return new WorldChange(before.version(), after.version(), System.currentTimeMillis(), cause, before.world(),
        after.world(), diff);
  }

  private void record(WorldChange change) {
    List<WorldChange> list = new ArrayList<>(changes.get().size() + 1);
    list.add(change);
    list.addAll(changes.get());
    changes.set(List.copyOf(list.subList(0, Math.min(list.size(), MAX_CHANGES))));
  }

  public Value<WorldNode> root() {
    return root;
  }

  /** The world shown, null before the first read. */
  public Value<WorldSnapshot> world() {
    return world;
  }

  /** The version of the world shown, -1 before the first read. */
  public Value<Long> version() {
    return version;
  }

  /** Pointers touched by the latest change, with their ancestors. */
  public Signal<Set<String>> flash() {
    return flash;
  }

  /** Recent changes, newest first. */
  public Value<List<WorldChange>> changes() {
    return changes;
  }

  public Value<WorldChange> selectedChange() {
    return selectedChange;
  }

  public void selectChange(WorldChange c) {
    selectedChange.set(c);
  }

  public Value<String> search() {
    return search;
  }

  /** Pointers of nodes matching the search, with their ancestors. */
  public Value<Set<String>> matches() {
    return matches;
  }

  /** "3 matches" or "no match", empty when not searching. */
  public Value<String> matchSummary() {
    return matchSummary;
  }

  public void setSearch(String text) {
    search.set(text);
    refreshSearch();
  }

  public Value<String> inspectedPointer() {
    return inspectedPointer;
  }

  /** The inspected node as indented JSON. */
  public Value<String> inspectedJson() {
    return inspectedJson;
  }

  public void inspect(String pointer) {
    inspectedPointer.set(pointer);
    refreshInspector();
  }

  private void refreshSearch() {
    WorldNode r = root.get();
    String text = search.get();
    if (r == null || text.isBlank()) {
      matches.set(Set.of());
      matchSummary.set("");
      return;
    }
    matches.set(WorldTree.search(r, text));
    int n = WorldTree.countMatches(r, text);
    matchSummary.set(n == 0 ? "no match" : n == 1 ? "1 match" : n + " matches");
  }

  private void refreshInspector() {
    WorldSnapshot w = world.get();
    if (w == null) {
      return;
    }
    JsonNode node = w.world().at(inspectedPointer.get());
    inspectedJson.set(node.isMissingNode() ? "(no longer in the world)" : Json.pretty(node));
  }
}
