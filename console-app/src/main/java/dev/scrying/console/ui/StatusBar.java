package dev.scrying.console.ui;

import atlantafx.base.controls.Spacer;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.status.Segment;
import dev.scrying.console.model.status.StatusBarViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bottom bar: server, NATS, JetStream, clients, world version and persistence, each coloured by its tone. */
public final class StatusBar extends HBox {

  public StatusBar(StatusBarViewModel model) {
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(
        segment("statusServer", Material2AL.DNS, model.server()), divider(),
        segment("statusNats", Material2AL.DEVICE_HUB, model.nats()), divider(),
        segment("statusJetStream", Material2MZ.STORAGE, model.jetStream()), divider(),
        segment("statusClients", Material2MZ.PEOPLE, model.clients()),
        new Spacer(),
        segment("statusVersion", Material2AL.LAYERS, model.version()), divider(),
        segment("statusPersistence", Material2AL.HISTORY, model.persistence()));
  }

  private static Label segment(String id, Ikon icon, Value<Segment> value) {
    Label l = new Label();
    l.setId(id);
    l.setGraphic(new FontIcon(icon));
    l.getStyleClass().add("status-segment");
    Tooltip tip = new Tooltip();
    l.setTooltip(tip);
    value.observe(s -> {
      l.setText(s.text());
      tip.setText(s.detail().isEmpty() ? s.text() : s.detail());
      Controls.tone(l, s.tone());
    });
    return l;
  }

  private static Separator divider() {
    Separator s = new Separator(Orientation.VERTICAL);
    s.getStyleClass().add("status-divider");
    return s;
  }
}
