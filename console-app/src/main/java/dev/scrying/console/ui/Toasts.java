package dev.scrying.console.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Notice;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.Tone;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Notices as toasts in the bottom-right corner. Good news fades after a few seconds; problems stay
 * until closed, so a way forward is never missed. At most a few at once, oldest dropped first.
 */
public final class Toasts extends VBox {
  private static final int MAX_SHOWN = 4;
  private static final Duration INFO_STAYS = Duration.seconds(5);

  public Toasts(Notices notices) {
    setId("toasts");
    getStyleClass().add("toasts");
    setAlignment(Pos.BOTTOM_RIGHT);
    setPickOnBounds(false);
    setMaxSize(440, USE_PREF_SIZE);
    notices.shown().subscribe(this::show);
  }

  private void show(Notice n) {
    boolean problem = n.tone() == Tone.DANGER || n.tone() == Tone.WARNING;
    String text = n.wayForward().isEmpty() ? n.title() : n.title() + "\n" + n.wayForward();
    Notification toast = new Notification(text, new FontIcon(problem ? Material2AL.ERROR_OUTLINE : Material2AL.CHECK_CIRCLE));
    toast.getStyleClass().addAll(Styles.ELEVATED_1, problem ? Styles.DANGER : Styles.SUCCESS, "toast");
    toast.setOnClose(e -> getChildren().remove(toast));
    toast.setPrefWidth(420);
    getChildren().add(toast);
    while (getChildren().size() > MAX_SHOWN) {
      getChildren().remove(0);
    }
    if (!problem) {
      PauseTransition stay = new PauseTransition(INFO_STAYS);
      stay.setOnFinished(e -> getChildren().remove(toast));
      stay.play();
    }
  }
}
