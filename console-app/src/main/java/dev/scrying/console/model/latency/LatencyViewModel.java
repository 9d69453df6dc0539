package dev.scrying.console.model.latency;

import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Latency panel: recent actions with their hops, the waterfall of the selected one, and live
 * p50/p90/p99/max per {@link Metric} with a histogram and budget. Stamps arrive from any thread
 * ({@link #actionSeen}, {@link #clientHop}); a private worker merges them, fetches the hops the
 * server stamps later (delivered, narrative) from its trace endpoint, records each metric once per
 * action into HdrHistograms, and hands the UI a fresh summary twice a second. Other methods: UI thread.
 */
public final class LatencyViewModel implements AutoCloseable {
  static final int KEEP = 300;
  private static final long REFRESH_MILLIS = 500;
  private static final long FOLLOW_MICROS = 15_000_000;
  private static final int FETCHES_PER_TICK = 16;

  private final UiDispatch ui;
  private final ScheduledExecutorService worker;
  private final MetricHistograms histograms = new MetricHistograms();
  private final Value<List<ActionTrace>> recent = new Value<>(List.of());
  private final Value<ActionTrace> selected = new Value<>(null);
  private final Value<Waterfall> waterfall = new Value<>(new Waterfall(List.of(), 0));
  private final Value<List<MetricStats>> stats = new Value<>(List.of());
  private final Value<Metric> histogramMetric = new Value<>(Metric.ACTION_TO_DELTA);
  private final Value<List<HistogramBar>> bars = new Value<>(List.of());

  // Confined to the worker.
  private final LinkedHashMap<String, ActionTrace> traces = new LinkedHashMap<>();
  private final Map<String, Set<Metric>> recorded = new HashMap<>();
  private ServerSession session;
  private Metric barsFor = Metric.ACTION_TO_DELTA;
  private String selectedId;
  private boolean autoFollow = true;
  private boolean changed;

  public LatencyViewModel(UiDispatch ui, ScheduledExecutorService worker) {
    this.ui = ui;
    this.worker = worker;
    worker.scheduleWithFixedDelay(this::tick, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  public void attach(ServerSession s) {
    worker.execute(() -> session = s);
  }

  /** A durable action and the server hops stamped so far. Any thread. */
  public void actionSeen(ServerAction a) {
    if (a.traceId() == null) {
      return;
    }
    worker.execute(() -> merge(a.traceId(), a.userId(), a.action(), a.atMicros(), hopsOf(a.hops())));
  }

  /** A stamp by one of the console's clients (sent, delta received, narrative). Any thread. */
  public void clientHop(String traceId, String userId, Hop hop, long micros) {
    if (traceId == null) {
      return;
    }
    worker.execute(() -> merge(traceId, userId, "", micros, Map.of(hop, micros)));
  }

  /** Server hops read from a frame or trace ({@code hops_us}), e.g. those a world_update carries. Any thread. */
  public void serverHops(String traceId, String userId, Map<String, Long> hops) {
    if (traceId == null || hops.isEmpty()) {
      return;
    }
    worker.execute(() -> merge(traceId, userId, "", hops.values().stream().min(Long::compare).orElse(0L), hopsOf(hops)));
  }

  /** Reads {@code traceId}'s hops from the server once more, e.g. when its narrative has ended. Any thread. */
  public void follow(String traceId) {
    worker.execute(() -> {
      if (session != null) {
        session.trace(traceId).thenAcceptAsync(h -> h.ifPresent(x -> merge(traceId, "", "", 0, hopsOf(x))), worker);
      }
    });
  }

  private void merge(String id, String user, String action, long at, Map<Hop, Long> hops) {
    ActionTrace t = traces.get(id);
    t = (t == null ? new ActionTrace(id, user, action, at, hops) : t.with(hops)).named(user, action);
    traces.put(id, t);
    while (traces.size() > KEEP) {
      String eldest = traces.keySet().iterator().next();
      traces.remove(eldest);
      recorded.remove(eldest);
    }
    recordMetrics(t);
    changed = true;
  }

  private void recordMetrics(ActionTrace t) {
    Set<Metric> done = recorded.computeIfAbsent(t.traceId(), k -> EnumSet.noneOf(Metric.class));
    for (Metric m : Metric.values()) {
      if (!done.contains(m)) {
        m.measure(t.hops()).ifPresent(v -> {
          histograms.record(m, v);
          done.add(m);
        });
      }
    }
  }

  private void tick() {
    try {
      followIncomplete();
      publish();
    } catch (RuntimeException e) {
      // A periodic task that throws is cancelled for good; log and carry on.
      org.slf4j.LoggerFactory.getLogger(LatencyViewModel.class).warn("latency refresh failed", e);
    }
  }

  /** Asks the server for hops it stamped after the action was reported (delivery, narrative). */
  private void followIncomplete() {
    if (session == null) {
      return;
    }
    long now = dev.scrying.console.session.Micros.now();
    int fetches = 0;
    List<ActionTrace> newestFirst = new ArrayList<>(traces.values());
    java.util.Collections.reverse(newestFirst);
    for (ActionTrace t : newestFirst) {
      if (fetches >= FETCHES_PER_TICK || now - t.atMicros() > FOLLOW_MICROS) {
        break;
      }
      if (!t.complete()) {
        fetches++;
        String id = t.traceId();
        session.trace(id).thenAcceptAsync(hops -> hops.ifPresent(h -> merge(id, "", "", 0, hopsOf(h))), worker);
      }
    }
  }

  private void publish() {
    List<MetricStats> s = histograms.stats();
    List<HistogramBar> b = histograms.bars(barsFor);
    if (!changed) {
      ui.latest("latency-stats", () -> {
        stats.set(s);
        bars.set(b);
      });
      return;
    }
    changed = false;
    List<ActionTrace> list = new ArrayList<>(traces.values());
    java.util.Collections.reverse(list);
    if (autoFollow && !list.isEmpty()) {
      // Until the operator picks an action, the waterfall follows the newest one.
      selectedId = list.get(0).traceId();
    }
    ActionTrace sel = selectedId == null ? null : traces.get(selectedId);
    ui.latest("latency-stats", () -> {
      stats.set(s);
      bars.set(b);
      recent.set(List.copyOf(list));
      if (sel != null) {
        selected.set(sel);
        waterfall.set(Waterfall.of(sel.hops()));
      }
    });
  }

  private static Map<Hop, Long> hopsOf(Map<String, Long> wire) {
    Map<Hop, Long> out = new EnumMap<>(Hop.class);
    wire.forEach((k, v) -> Hop.of(k).ifPresent(h -> out.put(h, v)));
    return out;
  }

  /** Shows {@code t}'s waterfall, refreshed as more of its hops arrive. */
  public void select(ActionTrace t) {
    selected.set(t);
    waterfall.set(t == null ? new Waterfall(List.of(), 0) : Waterfall.of(t.hops()));
    String id = t == null ? null : t.traceId();
    worker.execute(() -> {
      selectedId = id;
      autoFollow = false;
    });
  }

  /** Selects the action with this trace id, if it is among the recent ones. */
  public Optional<ActionTrace> selectTrace(String traceId) {
    Optional<ActionTrace> t = recent.get().stream().filter(a -> a.traceId().equals(traceId)).findFirst();
    t.ifPresent(this::select);
    return t;
  }

  public void showHistogram(Metric m) {
    histogramMetric.set(m);
    worker.execute(() -> {
      barsFor = m;
      List<HistogramBar> b = histograms.bars(m);
      ui.latest("latency-bars", () -> bars.set(b));
    });
  }

  /** Forgets every sample (for a fresh measurement); the list of actions stays. */
  public void resetStats() {
    worker.execute(() -> {
      histograms.clear();
      publish();
    });
  }

  public Value<List<ActionTrace>> recent() {
    return recent;
  }

  public Value<ActionTrace> selected() {
    return selected;
  }

  public Value<Waterfall> waterfall() {
    return waterfall;
  }

  public Value<List<MetricStats>> stats() {
    return stats;
  }

  public Value<Metric> histogramMetric() {
    return histogramMetric;
  }

  public Value<List<HistogramBar>> bars() {
    return bars;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
