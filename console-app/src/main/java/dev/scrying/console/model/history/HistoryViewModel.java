package dev.scrying.console.model.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.world.JsonDiff;
import dev.scrying.console.model.world.PathChange;
import dev.scrying.console.model.world.WorldNode;
import dev.scrying.console.model.world.WorldTree;
import dev.scrying.console.session.AdminReply;
import dev.scrying.console.session.HistoryEntry;
import dev.scrying.console.session.RecordedWorld;
import dev.scrying.console.session.ResetScope;
import dev.scrying.console.session.ServerSession;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The History panel: the world's Git log, the world at a selected commit, the diff between two
 * commits, and "reset to here", which needs a preview and an explicit confirmation. Server calls run
 * in the background and land through {@link UiDispatch}; failures become notices. UI thread only,
 * except {@link #gitVersionSeen}.
 */
public final class HistoryViewModel {
  public static final int LIMIT = 200;

  private final UiDispatch ui;
  private final Notices notices;
  private final Value<List<HistoryEntry>> entries = new Value<>(List.of());
  private final Value<HistoryEntry> selected = new Value<>(null);
  private final Value<HistoryEntry> compared = new Value<>(null);
  private final Value<WorldNode> selectedWorld = new Value<>(null);
  private final Value<List<PathChange>> diff = new Value<>(List.of());
  private final Value<String> detail = new Value<>("Select a commit to see the world as it was.");
  private final Value<Boolean> busy = new Value<>(false);
  private ServerSession session;
  private long listedGitVersion = -1;
  private RecordedWorld selectedRecord;
  private RecordedWorld comparedRecord;

  public HistoryViewModel(UiDispatch ui, Notices notices) {
    this.ui = ui;
    this.notices = notices;
  }

  public void attach(ServerSession s) {
    session = s;
    refresh();
  }

  /** Git has reached {@code gitVersion}; lists the new commits. Any thread. */
  public void gitVersionSeen(long gitVersion) {
    ui.latest(this, () -> {
      if (gitVersion != listedGitVersion && session != null) {
        listedGitVersion = gitVersion;
        refresh();
      }
    });
  }

  public void refresh() {
    if (session == null) {
      return;
    }
    session.history(LIMIT).whenComplete((list, error) -> ui.post(() -> {
      if (error != null) {
        notices.failure("Could not read the history", error);
        return;
      }
      entries.set(List.copyOf(list));
    }));
  }

  /** Shows the world at {@code e}; with a comparison chosen, also the diff between the two. */
  public void select(HistoryEntry e) {
    if (Objects.equals(e, selected.get())) {
      return;
    }
    selected.set(e);
    selectedRecord = null;
    selectedWorld.set(null);
    if (e == null) {
      detail.set("Select a commit to see the world as it was.");
      return;
    }
    load(e, r -> {
      selectedRecord = r;
      selectedWorld.set(WorldTree.build(r.world()));
      updateDiff();
    });
  }

  /** Chooses a second commit to diff against the selected one, or null for none. */
  public void compareWith(HistoryEntry e) {
    compared.set(e);
    comparedRecord = null;
    if (e == null) {
      updateDiff();
      return;
    }
    load(e, r -> {
      comparedRecord = r;
      updateDiff();
    });
  }

  private void load(HistoryEntry e, java.util.function.Consumer<RecordedWorld> then) {
    busy.set(true);
    session.worldAt(e.commit()).whenComplete((r, error) -> ui.post(() -> {
      busy.set(false);
      if (error != null) {
        notices.failure("Could not read commit " + e.shortCommit(), error);
        return;
      }
      then.accept(r);
    }));
  }

  private void updateDiff() {
    HistoryEntry a = selected.get();
    HistoryEntry b = compared.get();
    if (a == null || selectedRecord == null) {
      diff.set(List.of());
      return;
    }
    if (b == null || comparedRecord == null) {
      diff.set(List.of());
      detail.set("The world at v" + a.version() + " (" + a.shortCommit() + "): " + a.command());
      return;
    }
    boolean selectedIsNewer = a.version() >= b.version();
    RecordedWorld older = selectedIsNewer ? comparedRecord : selectedRecord;
    RecordedWorld newer = selectedIsNewer ? selectedRecord : comparedRecord;
    List<PathChange> d = JsonDiff.between(both(older), both(newer));
    diff.set(d);
    HistoryEntry from = selectedIsNewer ? b : a;
    HistoryEntry to = selectedIsNewer ? a : b;
    detail.set("v" + from.version() + " → v" + to.version() + ": " + d.size() + (d.size() == 1 ? " difference" : " differences"));
  }

  /** World and players in one document, so the diff covers inventories too. */
  private static JsonNode both(RecordedWorld r) {
    var doc = dev.scrying.experiences.Json.object();
    doc.set("world", r.world());
    var players = doc.putObject("players");
    r.players().forEach(players::set);
    return doc;
  }

  /** Step one of "reset to here": the server's preview of restoring {@code e}'s commit. See {@link #plan}. */
  public CompletableFuture<ResetPlan> planReset(HistoryEntry e) {
    return plan(ResetScope.COMMIT, e.commit(), "Reset the world to v" + e.version() + "?", "Reset to v" + e.version(),
        "World reset to v" + e.version() + " (" + e.shortCommit() + ") as new version {version}; every client was told.");
  }

  /** Step one of the reset between guests: the whole experience back to its template. See {@link #plan}. */
  public CompletableFuture<ResetPlan> planFreshStart() {
    return plan(ResetScope.EXPERIENCE, null, "Reset the whole experience for the next guests?", "Reset everything",
        "The experience is back at its start as new version {version}; every client was told.");
  }

  /**
   * Asks the server what a reset would do, changing nothing. Completes on the UI thread; a failure is
   * reported as a notice and completes the future exceptionally.
   */
  private CompletableFuture<ResetPlan> plan(ResetScope scope, String target, String title, String confirm, String done) {
    CompletableFuture<ResetPlan> plan = new CompletableFuture<>();
    session.reset(scope, target, false).whenComplete((r, error) -> ui.post(() -> {
      if (error != null) {
        notices.failure("Could not prepare the reset", error);
        plan.completeExceptionally(error);
      } else {
        plan.complete(new ResetPlan(scope, target, title, confirm, r.message(), done));
      }
    }));
    return plan;
  }

  /** Step two, after the operator confirmed {@code plan}: resets; completes on the UI thread. */
  public CompletableFuture<AdminReply> confirmReset(ResetPlan plan) {
    CompletableFuture<AdminReply> done = new CompletableFuture<>();
    busy.set(true);
    session.reset(plan.scope(), plan.target(), true).whenComplete((r, error) -> ui.post(() -> {
      busy.set(false);
      if (error != null) {
        notices.failure("The reset did not happen", error);
        done.completeExceptionally(error);
        return;
      }
      if (r.success()) {
        notices.info(plan.doneAt(r.version()));
        refresh();
      } else {
        notices.report(dev.scrying.console.model.Notice.problem("The server did not reset: " + r.message(),
            "Nothing was changed."));
      }
      done.complete(r);
    }));
    return done;
  }

  public Value<List<HistoryEntry>> entries() {
    return entries;
  }

  public Value<HistoryEntry> selected() {
    return selected;
  }

  public Value<HistoryEntry> compared() {
    return compared;
  }

  /** The world at the selected commit, as a tree. */
  public Value<WorldNode> selectedWorld() {
    return selectedWorld;
  }

  /** Differences from the older to the newer of the two chosen commits. */
  public Value<List<PathChange>> diff() {
    return diff;
  }

  /** One line above the detail pane. */
  public Value<String> detail() {
    return detail;
  }

  public Value<Boolean> busy() {
    return busy;
  }
}
