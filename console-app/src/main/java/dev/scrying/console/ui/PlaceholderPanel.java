package dev.scrying.console.ui;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A panel that cannot work yet, saying why and what makes it work. FX thread. */
public final class PlaceholderPanel extends BorderPane implements PanelView {

  public PlaceholderPanel(Page page, String why) {
    getStyleClass().add("panel");
    setTop(new PageHeader(page));
    FontIcon icon = new FontIcon(Icons.of(page));
    icon.getStyleClass().add("placeholder-icon");
    Label text = new Label(why);
    text.setWrapText(true);
    text.setMaxWidth(520);
    text.getStyleClass().add(Styles.TEXT_MUTED);
    VBox box = new VBox(12, icon, text);
    box.setAlignment(Pos.CENTER);
    setCenter(box);
  }

  @Override
  public Node root() {
    return this;
  }
}
