package dev.scrying.console;

import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.layout.LayoutStore;
import dev.scrying.console.model.layout.WindowLayout;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.console.session.RemoteSession;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.ui.FxDispatch;
import dev.scrying.console.ui.MainView;
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

  private MainViewModel model;
  private MainView view;
  private Stage stage;
  private final LayoutStore layouts = LayoutStore.inHome();

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    model = new MainViewModel(starter(getParameters().getRaw()), FxDispatch.create(), POLL_EVERY);
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

  static Callable<? extends ServerSession> starter(List<String> args) {
    int at = args.indexOf("--connect");
    if (at < 0 || at + 1 >= args.size()) {
      return EmbeddedSession::startDefault;
    }
    String url = args.get(at + 1);
    int t = args.indexOf("--token");
    String token = t >= 0 && t + 1 < args.size() ? args.get(t + 1) : System.getenv("SCRYING_ADMIN_TOKEN");
    return () -> RemoteSession.connect(url, token);
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
