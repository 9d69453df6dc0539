package dev.scrying.console.ui.players;

import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.model.players.ZoneChoice;
import dev.scrying.console.ui.Controls;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2MZ;

/** The GPS picker: choose a zone and the player sends {@code update_location} with that zone's coordinates. */
final class LocationPicker extends HBox {

  LocationPicker(PlayersViewModel model) {
    setSpacing(8);
    ComboBox<ZoneChoice> zone = new ComboBox<>();
    zone.setId("zonePicker");
    zone.setPromptText("Zone");
    zone.setPrefWidth(240);
    model.zones().observe(z -> zone.getItems().setAll(z));
    Button walk = Controls.button("walkThere", "Walk there", Material2MZ.MY_LOCATION);
    walk.disableProperty().bind(zone.valueProperty().isNull());
    walk.setOnAction(e -> model.walkTo(zone.getValue()));
    getChildren().addAll(zone, walk);
    setAlignment(javafx.geometry.Pos.CENTER_LEFT);
  }
}
