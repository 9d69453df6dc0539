package dev.scrying.console.model.stream;

import dev.scrying.console.model.Intake;
import dev.scrying.console.model.Signal;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The live stream: every event the console sees, in a ring buffer of the newest {@code capacity},
 * filtered into the rows the table shows. Any thread may {@link #accept} events; they reach the UI
 * thread in one coalesced batch per UI turn, so a flood costs one drain per frame, and a UI that
 * falls far behind drops the oldest (counted) rather than growing without bound. Pausing freezes the
 * rows but keeps collecting; resuming shows everything collected. Other methods: UI thread only.
 */
public final class StreamViewModel {
  public static final int DEFAULT_CAPACITY = 20_000;
  /**
   * The table takes new rows at most this often. A person cannot read faster, and each table change
   * costs the FX thread a layout, so under a flood ten batches a second keep every frame on time.
   */
  public static final long MIN_DRAIN_GAP_MILLIS = 100;
  /** Under a flood (a batch bigger than {@link #FLOOD_BATCH}) the table slows to four batches a second. */
  public static final long FLOOD_DRAIN_GAP_MILLIS = 250;
  static final int FLOOD_BATCH = 500;
  private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

  private final UiDispatch ui;
  private final Executor exports;
  private final java.util.concurrent.ScheduledExecutorService pacer;
  private final java.util.concurrent.atomic.AtomicLong lastDrainNanos = new java.util.concurrent.atomic.AtomicLong();
  private volatile long drainGapMillis = MIN_DRAIN_GAP_MILLIS;
  private final Intake<StreamEvent> intake;
  private final EventRing ring;
  private final Signal<RowsChange> rows = new Signal<>();
  private final Value<StreamFilter> filter = new Value<>(StreamFilter.ALL);
  private final Value<Boolean> paused = new Value<>(false);
  private final Value<List<String>> players = new Value<>(List.of());
  private final Value<List<String>> types = new Value<>(List.of());
  private final Value<String> counts = new Value<>("No events yet");
  private final Value<StreamEvent> selected = new Value<>(null);
  private final Value<String> selectedJson = new Value<>("");
  private final ArrayDeque<StreamEvent> visible = new ArrayDeque<>();
  private final TreeSet<String> knownPlayers = new TreeSet<>();
  private final TreeSet<String> knownTypes = new TreeSet<>();
  private final Rate rate = new Rate();
  private long heldWhilePaused;
  private long total;

  public StreamViewModel(UiDispatch ui, Executor exports, int capacity) {
    this(ui, exports, capacity, null);
  }

  /** With a {@code pacer}, batches reach the table at most every {@link #MIN_DRAIN_GAP_MILLIS}. */
  public StreamViewModel(UiDispatch ui, Executor exports, int capacity, java.util.concurrent.ScheduledExecutorService pacer) {
    this.ui = ui;
    this.exports = exports;
    this.pacer = pacer;
    this.intake = new Intake<>(capacity);
    this.ring = new EventRing(capacity);
  }

  /** Takes an event from any thread; it shows on the next UI turn. */
  public void accept(StreamEvent event) {
    if (intake.offer(event)) {
      scheduleDrain();
    }
  }

  private void scheduleDrain() {
    long wait = pacer == null ? 0
        : drainGapMillis - (System.nanoTime() - lastDrainNanos.get()) / 1_000_000;
    if (wait <= 0) {
      ui.latest(this, this::drain);
    } else {
      try {
        pacer.schedule(() -> ui.latest(this, this::drain), wait, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // The console is closing; nobody will read these rows.
      }
    }
  }

  /** How many events were dropped because the UI fell behind by more than the capacity. Any thread. */
  public long dropped() {
    return intake.dropped();
  }

  /** Row changes for the table, in order. */
  public Signal<RowsChange> rows() {
    return rows;
  }

  public Value<StreamFilter> filter() {
    return filter;
  }

  public Value<Boolean> paused() {
    return paused;
  }

  /** Every player seen so far, sorted, for the player filter. */
  public Value<List<String>> players() {
    return players;
  }

  /** Every event type seen so far, sorted, for the type filter. */
  public Value<List<String>> types() {
    return types;
  }

  /** One line: rows shown, events held, rate, drops. */
  public Value<String> counts() {
    return counts;
  }

  public Value<StreamEvent> selected() {
    return selected;
  }

  /** The rows shown now, oldest first. */
  public List<StreamEvent> visibleRows() {
    return List.copyOf(visible);
  }

  /** The selected event's raw JSON, indented, or "" with nothing selected. */
  public Value<String> selectedJson() {
    return selectedJson;
  }

  public void select(StreamEvent e) {
    selected.set(e);
    selectedJson.set(e == null ? "" : pretty(e.json()));
  }

  private static String pretty(String json) {
    try {
      return dev.scrying.experiences.Json.pretty(dev.scrying.experiences.Json.parse(json));
    } catch (IllegalArgumentException notJson) {
      return json;
    }
  }

  public void setFilter(StreamFilter f) {
    if (!f.equals(filter.get())) {
      filter.set(f);
      showAll();
    }
  }

  public void togglePause() {
    setPaused(!paused.get());
  }

  public void setPaused(boolean pause) {
    if (pause == paused.get()) {
      return;
    }
    paused.set(pause);
    if (!pause) {
      // Resuming shows everything collected while paused (up to the ring's capacity).
      heldWhilePaused = 0;
      showAll();
    }
    updateCounts();
  }

  /** Forgets every event; the filters stay. */
  public void clear() {
    ring.clear();
    visible.clear();
    heldWhilePaused = 0;
    select(null);
    rows.emit(new RowsChange(0, List.of(), true));
    updateCounts();
  }

  /** Writes the rows shown now to {@code file}; completes off the UI thread with the number written. */
  public CompletableFuture<Integer> export(Path file, ExportFormat format) {
    List<StreamEvent> snapshot = List.copyOf(visible);
    return CompletableFuture.supplyAsync(() -> {
      try {
        StreamExport.write(snapshot, file, format);
        return snapshot.size();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, exports);
  }

  private void drain() {
    lastDrainNanos.set(System.nanoTime());
    List<StreamEvent> batch = intake.drain();
    drainGapMillis = batch.size() > FLOOD_BATCH ? FLOOD_DRAIN_GAP_MILLIS : MIN_DRAIN_GAP_MILLIS;
    int removed = 0;
    List<StreamEvent> appended = new ArrayList<>();
    StreamFilter f = filter.get();
    for (StreamEvent e : batch) {
      total++;
      learn(e);
      StreamEvent evicted = ring.add(e);
      if (paused.get()) {
        heldWhilePaused++;
        continue;
      }
      if (evicted != null && !visible.isEmpty() && visible.peekFirst() == evicted) {
        visible.pollFirst();
        if (!appended.isEmpty() && appended.get(0) == evicted) {
          appended.remove(0);
        } else {
          removed++;
        }
      }
      if (f.matches(e)) {
        visible.addLast(e);
        appended.add(e);
      }
    }
    rate.count(batch.size());
    if (removed > 0 || !appended.isEmpty()) {
      rows.emit(new RowsChange(removed, appended, false));
    }
    publishKnown();
    updateCounts();
  }

  private void showAll() {
    visible.clear();
    visible.addAll(ring.matching(filter.get()));
    rows.emit(new RowsChange(0, List.copyOf(visible), true));
    updateCounts();
  }

  private void learn(StreamEvent e) {
    if (e.player() != null && !e.player().isEmpty()) {
      knownPlayers.add(e.player());
    }
    knownTypes.add(e.type());
  }

  private void publishKnown() {
    if (knownPlayers.size() != players.get().size()) {
      players.set(List.copyOf(knownPlayers));
    }
    if (knownTypes.size() != types.get().size()) {
      types.set(List.copyOf(knownTypes));
    }
  }

  private void updateCounts() {
    if (total == 0) {
      counts.set("No events yet");
      return;
    }
    StringBuilder s = new StringBuilder();
    s.append(COUNT.format(visible.size())).append(" shown");
    if (!filter.get().isAll()) {
      s.append(" (filtered)");
    }
    s.append(" · ").append(COUNT.format(ring.size())).append(" kept of ").append(COUNT.format(total));
    s.append(" · ").append(COUNT.format(rate.perSecond())).append("/s");
    if (paused.get()) {
      s.append(" · paused, ").append(COUNT.format(heldWhilePaused)).append(" new");
    }
    long dropped = intake.dropped();
    if (dropped > 0) {
      s.append(" · ").append(COUNT.format(dropped)).append(" dropped");
    }
    counts.set(s.toString());
  }

  /** Events per second over the last full second. UI thread. */
  private static final class Rate {
    private long windowStart = System.nanoTime();
    private long inWindow;
    private long lastRate;

    void count(int n) {
      long now = System.nanoTime();
      if (now - windowStart >= 1_000_000_000L) {
        lastRate = inWindow;
        inWindow = 0;
        windowStart = now;
      }
      inWindow += n;
    }

    long perSecond() {
      return lastRate;
    }
  }
}
