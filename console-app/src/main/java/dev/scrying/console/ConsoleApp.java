package dev.scrying.console;

import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.layout.LayoutStore;
import dev.scrying.console.model.layout.WindowLayout;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.ui.FxDispatch;
import dev.scrying.console.ui.MainView;
import dev.scrying.console.ui.UiThreadFailures;
import dev.scrying.console.ui.WindowPlacement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window. Owns the main view model and with it the session: an embedded server that
 * starts once the window shows and stops when it closes, or a connection to a remote server
 * ({@code --connect URL [--token T]}). The window's layout is saved on close and restored on start.
 */
public final class ConsoleApp extends Application {
  private static final Duration POLL_EVERY = Duration.ofMillis(500);
  static final List<String> STARTING_PLAYERS = List.of("alice", "bob");

  /** Set by {@link ScryingMain} before launch: the session it began starting in parallel with the toolkit. */
  static volatile EarlyStart early;

  private MainViewModel model;
  private MainView view;
  private Stage stage;
  private final LayoutStore layouts = LayoutStore.inHome();

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    UiThreadFailures.installOnThisThread();
    List<String> args = getParameters().getRaw();
    // The console's own server starts with two guests on stage; a remote server gets none unasked,
    // since its world may be the one real guests are playing in.
    List<String> guests = args.contains("--connect") ? List.of() : STARTING_PLAYERS;
    Callable<? extends ServerSession> starter = early != null ? early.await() : EarlyStart.starter(args);
    model = new MainViewModel(starter, FxDispatch.create(), POLL_EVERY, guests);
    // Ctrl+C or SIGTERM skip stop(); close the server anyway so its last snapshot and commit land.
    Runtime.getRuntime().addShutdownHook(new Thread(model::close, "console-shutdown"));
    WindowLayout layout = layouts.load();
    model.darkTheme().set(layout.dark());
    model.show(Page.named(layout.page()));
    view = new MainView(model);
    stage.setTitle("Scrying — Wylding Woods");
    stage.setScene(new Scene(view, layout.width(), layout.height()));
    stage.setMinWidth(1024);
    stage.setMinHeight(640);
    WindowPlacement.restore(stage, layout);
    stage.show();
    WindowPlacement.restoreDividers(view.splits(), layout);
    model.start();
  }

  @Override
  public void stop() {
    if (view != null) {
      layouts.save(WindowPlacement.capture(stage, model.darkTheme().get(), model.page().get().name(), view.splits()));
    }
    if (model != null) {
      model.close();
    }
  }
}
