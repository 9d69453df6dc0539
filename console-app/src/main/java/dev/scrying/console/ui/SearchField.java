package dev.scrying.console.ui;

import atlantafx.base.controls.CustomTextField;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A text field with a search icon, a clear button and Escape to clear; reports every edit. FX thread. */
public final class SearchField extends CustomTextField {

  public SearchField(String id, String prompt, Consumer<String> onChange) {
    setId(id);
    setPromptText(prompt);
    setLeft(new FontIcon(Material2MZ.SEARCH));
    FontIcon clear = new FontIcon(Material2AL.CLEAR);
    clear.setCursor(Cursor.HAND);
    clear.setOnMouseClicked(e -> clear());
    setRight(clear);
    clear.visibleProperty().bind(textProperty().isNotEmpty());
    textProperty().addListener((obs, old, now) -> onChange.accept(now));
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        clear();
      }
    });
    getStyleClass().add("search-field");
  }
}
