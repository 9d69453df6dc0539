package dev.scrying.console.ui.world;

import dev.scrying.console.model.admin.AdminCommands;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.Dialogs;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2AL;

/** An admin command line; anything that may change the live world runs only after the operator confirms it. */
final class AdminBox extends HBox {

  AdminBox(AdminCommands admin, Dialogs dialogs) {
    setSpacing(6);
    TextField command = new TextField();
    command.setId("adminCommand");
    command.setPromptText("@examine item bottle_joy");
    command.setPrefWidth(280);
    Button run = Controls.button("runAdminCommand", "Run", Material2AL.KEYBOARD_RETURN);
    run.disableProperty().bind(command.textProperty().isEmpty());
    Runnable go = () -> {
      String text = command.getText();
      if (!AdminCommands.needsConfirmation(text)) {
        admin.run(text);
        return;
      }
      dialogs.confirm("Run this admin command on the live world?", text + "\n\nIt may change what every guest sees;"
          + " the change is recorded as a new version and can be undone from History.", "Run it", true)
          .thenAccept(yes -> {
            if (yes) {
              admin.run(text).thenAccept(r -> command.clear());
            }
          });
    };
    run.setOnAction(e -> go.run());
    command.setOnAction(e -> go.run());
    getChildren().addAll(command, run);
    setAlignment(javafx.geometry.Pos.CENTER_LEFT);
  }
}
