package dev.scrying.console.ui;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.ServerPhase;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Covers the panels while the server starts (a spinner) or after it failed to (the reason and what to do). */
final class StartCover extends VBox {

  StartCover(MainViewModel model) {
    getStyleClass().add("start-cover");
    setAlignment(Pos.CENTER);
    setSpacing(14);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(40, 40);
    FontIcon failed = new FontIcon(Material2AL.ERROR_OUTLINE);
    failed.getStyleClass().add("failed-icon");
    Label message = Controls.bound("statusLine", model.status(), Styles.TITLE_4);
    message.setWrapText(true);
    message.setMaxWidth(640);
    Label help = new Label();
    help.setId("startHelp");
    help.getStyleClass().add(Styles.TEXT_MUTED);
    help.setWrapText(true);
    help.setMaxWidth(640);
    getChildren().addAll(spinner, failed, message, help);
    model.phase().observe(p -> {
      Controls.show(spinner, p == ServerPhase.STARTING);
      Controls.show(failed, p == ServerPhase.FAILED);
      help.setText(p == ServerPhase.FAILED ? "Fix the cause above and start the console again; docs/OPERATOR.md"
          + " lists the usual ones. The terminal shows the full log." : "");
      setVisible(p != ServerPhase.RUNNING);
    });
  }
}
