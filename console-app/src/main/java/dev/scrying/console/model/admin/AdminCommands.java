package dev.scrying.console.model.admin;

import dev.scrying.console.model.Notice;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.session.AdminReply;
import dev.scrying.console.session.ServerSession;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Admin text commands typed by the operator ({@code @edit item bottle_joy visible false}). Commands
 * that only read ({@code @examine}, {@code @where}) run at once; anything else changes the live world
 * and the view must get an explicit yes first. The server's answer becomes a notice. UI thread only.
 */
public final class AdminCommands {
  private static final List<String> READ_ONLY = List.of("@examine", "@where");

  private final UiDispatch ui;
  private final Notices notices;
  private final Value<String> lastAnswer = new Value<>("");
  private ServerSession session;

  public AdminCommands(UiDispatch ui, Notices notices) {
    this.ui = ui;
    this.notices = notices;
  }

  public void attach(ServerSession s) {
    session = s;
  }

  /** True when {@code text} may change the world, so the operator must confirm it. */
  public static boolean needsConfirmation(String text) {
    String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return !READ_ONLY.contains(first);
  }

  /** Whether {@code text} looks like an admin command at all ("@" and a word). */
  public static boolean isCommand(String text) {
    return text != null && text.strip().matches("@[A-Za-z_]+.*");
  }

  /** Runs {@code text} (already confirmed if it needed it); completes on the UI thread. */
  public CompletableFuture<AdminReply> run(String text) {
    CompletableFuture<AdminReply> done = new CompletableFuture<>();
    if (session == null || !isCommand(text)) {
      notices.report(Notice.problem(session == null ? "The server is not running yet." : "'" + text + "' is not an admin command.",
          session == null ? "Wait for it to start." : "Admin commands start with @, e.g. @examine item bottle_joy."));
      done.complete(null);
      return done;
    }
    session.command(text.strip()).whenComplete((r, error) -> ui.post(() -> {
      if (error != null) {
        notices.failure("The admin command failed", error);
        done.completeExceptionally(error);
        return;
      }
      lastAnswer.set(r.message());
      notices.report(r.success() ? Notice.info(r.message()) : Notice.problem(r.message(), "Nothing was changed."));
      done.complete(r);
    }));
    return done;
  }

  /** The server's answer to the last command. */
  public Value<String> lastAnswer() {
    return lastAnswer;
  }
}
