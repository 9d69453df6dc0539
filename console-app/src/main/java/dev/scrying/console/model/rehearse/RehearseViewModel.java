package dev.scrying.console.model.rehearse;

import dev.scrying.console.model.Notice;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.session.NatsStatus;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.session.ServerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The Rehearse failure panel: stop and start NATS, slow the narrator, cut a player's connection, and
 * a timeline of what happened in answer (degraded, recovered, and how long it took). Every action
 * needs the panel to be armed first, so nothing disruptive is one stray click. UI thread only.
 */
public final class RehearseViewModel {
  static final int KEEP = 60;

  private final UiDispatch ui;
  private final Notices notices;
  private final LongSupplier clock;
  private final Value<Boolean> armed = new Value<>(false);
  private final Value<Boolean> natsManaged = new Value<>(false);
  private final Value<Boolean> natsConnected = new Value<>(false);
  private final Value<String> natsState = new Value<>("NATS status unknown");
  private final Value<Double> narratorSlowdown = new Value<>(1.0);
  private final Value<List<String>> players = new Value<>(List.of());
  private final Value<List<TimelineEntry>> timeline = new Value<>(List.of());
  private final Value<Boolean> busy = new Value<>(false);
  private ServerSession session;
  private ServerStatus last;
  private long natsActionAt = -1;
  private long degradedSince = -1;
  private int lastClients = -1;

  public RehearseViewModel(UiDispatch ui, Notices notices, LongSupplier clock) {
    this.ui = ui;
    this.notices = notices;
    this.clock = clock;
  }

  public void attach(ServerSession s) {
    session = s;
  }

  public void setArmed(boolean on) {
    armed.set(on);
    log(Tone.NEUTRAL, on ? "Rehearsal armed: the buttons below now act on the live server."
        : "Rehearsal disarmed.");
  }

  /** Players the operator can cut, e.g. the simulated players and everyone seen in the stream. */
  public void setPlayers(List<String> ids) {
    players.set(List.copyOf(ids));
  }

  /** Follows the server's status and notes every change that matters for a rehearsal. */
  public void statusSeen(ServerStatus s) {
    ServerStatus before = last;
    last = s;
    NatsStatus n = s.nats();
    natsManaged.set(n.managed());
    natsConnected.set(n.connected());
    natsState.set(n.summary());
    if (before != null && !before.nats().state().equals(n.state())) {
      natsChanged(n);
    }
    int clients = s.connections().total();
    if (lastClients >= 0 && clients != lastClients) {
      log(Tone.NEUTRAL, "Connected clients: " + lastClients + " → " + clients + ".");
    }
    lastClients = clients;
  }

  private void natsChanged(NatsStatus n) {
    long now = clock.getAsLong();
    if (!n.connected()) {
      degradedSince = now;
      log(Tone.DANGER, "NATS is " + n.state() + since(natsActionAt, now, "the stop")
          + ": world updates now travel in-process, guests keep getting them.");
    } else {
      String took = degradedSince < 0 ? "" : " after " + seconds(now - degradedSince) + " degraded";
      log(Tone.GOOD, "NATS connected again" + took + ": delivery back on NATS, clients re-converge.");
      degradedSince = -1;
    }
  }

  public CompletableFuture<Void> stopNats() {
    return natsAction(false);
  }

  public CompletableFuture<Void> startNats() {
    return natsAction(true);
  }

  private CompletableFuture<Void> natsAction(boolean start) {
    if (!ready()) {
      return CompletableFuture.completedFuture(null);
    }
    natsActionAt = clock.getAsLong();
    log(Tone.WARNING, start ? "Operator: start NATS." : "Operator: stop NATS.");
    return run(session.controlNats(start).thenAccept(s -> ui.post(() -> statusSeen(s))),
        start ? "Could not start NATS" : "Could not stop NATS");
  }

  /** Slows the narrator by {@code factor} (1 = normal). */
  public CompletableFuture<Void> slowNarrator(double factor) {
    if (!ready()) {
      return CompletableFuture.completedFuture(null);
    }
    log(Tone.WARNING, factor <= 1 ? "Operator: narrator back to normal pace."
        : String.format(Locale.ROOT, "Operator: narrator slowed ×%.0f; guests wait longer for the story, the bottle still vanishes at once.", factor));
    return run(session.slowNarrator(factor).thenAccept(s -> ui.post(() -> narratorSlowdown.set(factor))),
        "Could not change the narrator's pace");
  }

  /** Cuts every connection of {@code userId}; its client should reconnect and catch up. */
  public CompletableFuture<Void> cut(String userId) {
    if (!ready() || userId == null || userId.isBlank()) {
      return CompletableFuture.completedFuture(null);
    }
    log(Tone.WARNING, "Operator: cut " + userId + "'s connection.");
    return run(session.cut(userId).thenAccept(n -> ui.post(() -> log(n == 0 ? Tone.NEUTRAL : Tone.DANGER,
        n == 0 ? userId + " had no live connection." : "Cut " + n + (n == 1 ? " connection" : " connections") + " of "
            + userId + "; watch it reconnect in Players and the stream."))), "Could not cut " + userId);
  }

  private boolean ready() {
    if (!armed.get()) {
      notices.report(Notice.problem("Rehearsal is not armed.", "Switch on \"Armed\" first; then the buttons act."));
      return false;
    }
    if (session == null) {
      notices.report(Notice.problem("The server is not running yet.", "Wait for it to start."));
      return false;
    }
    return true;
  }

  private CompletableFuture<Void> run(CompletableFuture<Void> call, String failure) {
    busy.set(true);
    return call.whenComplete((v, error) -> ui.post(() -> {
      busy.set(false);
      if (error != null) {
        notices.failure(failure, error);
        log(Tone.DANGER, failure + ".");
      }
    }));
  }

  private void log(Tone tone, String text) {
    List<TimelineEntry> list = new ArrayList<>();
    list.add(new TimelineEntry(clock.getAsLong(), tone, text));
    list.addAll(timeline.get());
    timeline.set(List.copyOf(list.subList(0, Math.min(list.size(), KEEP))));
  }

  private static String since(long from, long now, String what) {
    return from < 0 ? "" : " (" + seconds(now - from) + " after " + what + ")";
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  public Value<Boolean> armed() {
    return armed;
  }

  /** True when the server owns its nats-server, so it can be stopped and started from here. */
  public Value<Boolean> natsManaged() {
    return natsManaged;
  }

  public Value<Boolean> natsConnected() {
    return natsConnected;
  }

  public Value<String> natsState() {
    return natsState;
  }

  public Value<Double> narratorSlowdown() {
    return narratorSlowdown;
  }

  public Value<List<String>> players() {
    return players;
  }

  /** What happened, newest first. */
  public Value<List<TimelineEntry>> timeline() {
    return timeline;
  }

  public Value<Boolean> busy() {
    return busy;
  }
}
