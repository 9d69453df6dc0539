package dev.scrying.console.ui;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * In-window dialogs over a dimmed console (an AtlantaFX {@link ModalPane}): confirmations for anything
 * destructive, where Cancel is the default and Escape cancels, and plain information sheets. FX thread.
 */
public final class Dialogs {
  private final ModalPane modal;

  public Dialogs(ModalPane modal) {
    this.modal = modal;
    modal.setAlignment(Pos.CENTER);
    modal.usePredefinedTransitionFactories(null);
  }

  /** Asks the operator; completes with true only if they press {@code confirmText}. */
  public CompletableFuture<Boolean> confirm(String title, String body, String confirmText, boolean danger) {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Button cancel = new Button("Cancel");
    cancel.setId("dialogCancel");
    cancel.setCancelButton(true);
    Button ok = new Button(confirmText);
    ok.setId("dialogConfirm");
    ok.getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
    cancel.setOnAction(e -> close(answer, false));
    ok.setOnAction(e -> close(answer, true));
    Label text = new Label(body);
    text.setWrapText(true);
    text.setId("dialogBody");
    VBox box = sheet(title, danger, text, buttons(cancel, ok));
    box.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        close(answer, false);
      }
    });
    modal.show(box);
    cancel.requestFocus();
    return answer;
  }

  /** Shows {@code content} with a title and a Close button. */
  public void inform(String title, Node content) {
    Button close = new Button("Close");
    close.setId("dialogClose");
    close.setDefaultButton(true);
    close.setOnAction(e -> modal.hide(true));
    VBox box = sheet(title, false, content, buttons(close));
    box.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        modal.hide(true);
      }
    });
    modal.show(box);
    close.requestFocus();
  }

  public boolean isShowing() {
    return modal.isDisplay();
  }

  private void close(CompletableFuture<Boolean> answer, boolean yes) {
    modal.hide(true);
    answer.complete(yes);
  }

  private static VBox sheet(String title, boolean danger, Node body, Node buttons) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_4);
    heading.setId("dialogTitle");
    if (danger) {
      FontIcon warn = new FontIcon(Material2MZ.WARNING);
      warn.getStyleClass().add("dialog-danger-icon");
      heading.setGraphic(warn);
    }
    VBox box = new VBox(16, heading, body, buttons);
    box.getStyleClass().add("dialog-sheet");
    box.setMaxSize(560, Region.USE_PREF_SIZE);
    return box;
  }

  private static HBox buttons(Button... buttons) {
    HBox row = new HBox(8, buttons);
    row.setAlignment(Pos.CENTER_RIGHT);
    return row;
  }
}
