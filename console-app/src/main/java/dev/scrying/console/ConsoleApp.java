package dev.scrying.console;

import dev.scrying.console.model.EmbeddedSession;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.ui.FxDispatch;
import dev.scrying.console.ui.MainView;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window. Owns the main view model, and with it the embedded server: the server starts
 * in the background once the window shows and stops when the window closes or the JVM is told to quit.
 */
public final class ConsoleApp extends Application {
  private static final Duration POLL_EVERY = Duration.ofMillis(250);

  private MainViewModel model;

  @Override
  public void start(Stage stage) {
    model = new MainViewModel(EmbeddedSession::startDefault, FxDispatch.create(), POLL_EVERY);
    // Ctrl+C or SIGTERM skip stop(); close the server anyway so its last snapshot and commit land.
    Runtime.getRuntime().addShutdownHook(new Thread(model::close, "console-shutdown"));
    stage.setTitle("Scrying — Wylding Woods");
    stage.setScene(new Scene(new MainView(model), 1100, 720));
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    stage.show();
    model.start();
  }

  @Override
  public void stop() {
    if (model != null) {
      model.close();
    }
  }
}
