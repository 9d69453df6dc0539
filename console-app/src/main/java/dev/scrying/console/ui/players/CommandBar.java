package dev.scrying.console.ui.players;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.players.CommandSpec;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.model.players.Target;
import dev.scrying.console.ui.Controls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The command bar: the experience's commands from {@code commands_schema}, and for each field a
 * picker of what the player can reach (items, NPCs, places); the pickers accept typed ids too.
 */
final class CommandBar extends VBox {
  private final PlayersViewModel model;
  private final ComboBox<CommandSpec> command = new ComboBox<>();
  private final javafx.scene.layout.HBox fields = new javafx.scene.layout.HBox(8);
  private final Label help = Controls.muted("");
  private final Map<String, ComboBox<Object>> pickers = new LinkedHashMap<>();

  CommandBar(PlayersViewModel model) {
    this.model = model;
    setSpacing(8);
    command.setId("commandPicker");
    command.setPromptText("Command");
    command.setPrefWidth(170);
    model.commands().observe(c -> command.getItems().setAll(c));
    command.valueProperty().addListener((obs, old, now) -> showFields(now));
    model.targets().observe(t -> showFields(command.getValue()));
    Button send = Controls.button("sendCommand", "Send", Material2MZ.SEND, Styles.ACCENT);
    send.setOnAction(e -> send());
    send.disableProperty().bind(command.valueProperty().isNull());
    help.setWrapText(true);
    Controls.show(help, false);
    getChildren().addAll(Controls.row(8, command, fields, send), help);
  }

  private void showFields(CommandSpec spec) {
    fields.getChildren().clear();
    pickers.clear();
    help.setText(spec == null ? "" : spec.description());
    Controls.show(help, spec != null && !spec.description().isEmpty());
    if (spec == null) {
      return;
    }
    Map<String, List<Target>> reach = model.targets().get();
    for (String f : spec.fields()) {
      ComboBox<Object> picker = new ComboBox<>();
      picker.setId("field-" + f);
      picker.setEditable(true);
      picker.setPromptText(f);
      picker.setPrefWidth(210);
      picker.getItems().setAll(reach.getOrDefault(f, List.of()));
      pickers.put(f, picker);
      fields.getChildren().add(picker);
    }
  }

  private void send() {
    CommandSpec spec = command.getValue();
    Map<String, String> values = new LinkedHashMap<>();
    pickers.forEach((field, picker) -> {
      Object v = picker.getValue();
      String id = v instanceof Target t ? t.id() : v == null ? picker.getEditor().getText() : v.toString();
      if (id != null && !id.isBlank()) {
        values.put(field, idOf(id, picker));
      }
    });
    model.act(spec.name(), values);
  }

  /** A typed label that matches a target's label resolves to its id. */
  private static String idOf(String typed, ComboBox<Object> picker) {
    for (Object o : picker.getItems()) {
      if (o instanceof Target t && (t.toString().equals(typed) || t.label().equals(typed))) {
        return t.id();
      }
    }
    return typed.strip();
  }
}
