package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The default narrator: writes a short, deterministic narration from one experience's
 * narrative.json and streams it word by word, paced like a model. It owns one daemon thread
 * ({@code narrator-offline-*}) for pacing and callbacks; it never fails a narration, it only gets
 * slower when told to (see {@link #setPacing}).
 */
public final class OfflineNarrator implements Narrator {
  private final NarrativeLines lines;
  private final ScheduledExecutorService scheduler =
      NarratorThreads.singleThreadScheduler("narrator-offline");
  private volatile NarratorPacing pacing;

  public OfflineNarrator(ObjectNode narrative) {
    this(narrative, NarratorPacing.DEFAULT);
  }

  public OfflineNarrator(ObjectNode narrative, NarratorPacing pacing) {
    this.lines = new NarrativeLines(Objects.requireNonNull(narrative, "narrative"));
    this.pacing = Objects.requireNonNull(pacing, "pacing");
  }

  public NarratorPacing pacing() {
    return pacing;
  }

  /**
   * Changes the pace at runtime (the console's "slow the narrator" failure). Narrations in flight
   * pick it up from their next chunk; one already waiting for its first token keeps its delay.
   */
  public void setPacing(NarratorPacing pacing) {
    this.pacing = Objects.requireNonNull(pacing, "pacing");
  }

  /** The whole text {@link #narrate} would stream for this request. */
  public String compose(NarrationRequest request) {
    return lines.compose(Objects.requireNonNull(request, "request"));
  }

  @Override
  public Narration narrate(NarrationRequest request, NarrationListener listener) {
    Objects.requireNonNull(listener, "listener");
    List<String> chunks = Chunks.words(compose(request));
    Delivery delivery = new Delivery(listener, scheduler);
    new Ticker(delivery, chunks).start(pacing.firstTokenDelay().toNanos());
    return delivery;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** Emits one chunk per tick, re-reading the pacing each time so a slowdown applies at once. */
  private final class Ticker {
    private final Delivery delivery;
    private final List<String> chunks;
    private int next;
    private volatile ScheduledFuture<?> pending;

    Ticker(Delivery delivery, List<String> chunks) {
      this.delivery = delivery;
      this.chunks = chunks;
    }

    void start(long delayNanos) {
      try {
        pending = scheduler.schedule(this::tick, delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        throw new IllegalStateException("narrator is closed", e);
      }
      delivery.onFinish(() -> pending.cancel(false));
    }

    private void tick() {
      if (delivery.isFinished()) {
        return;
      }
      delivery.text(chunks.get(next++));
      if (next == chunks.size()) {
        delivery.done();
        return;
      }
      try {
        pending = scheduler.schedule(this::tick, pacing.nanosPerToken(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        delivery.cancel(); // closed mid-narration: end silently, as close() promises
      }
    }
  }
}
