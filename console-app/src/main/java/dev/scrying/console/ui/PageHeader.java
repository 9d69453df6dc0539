package dev.scrying.console.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The top of every panel: its title and one line on what it is for, with the panel's actions on the right. */
public final class PageHeader extends HBox {

  public PageHeader(Page page, Node... actions) {
    Label title = new Label(page.title());
    title.getStyleClass().add(Styles.TITLE_3);
    Label subtitle = new Label(page.subtitle());
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);
    VBox text = new VBox(2, title, subtitle);
    getChildren().addAll(text, new Spacer());
    getChildren().addAll(actions);
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("page-header");
  }
}
