package dev.scrying.console.ui.world;

import dev.scrying.console.model.Value;
import dev.scrying.console.ui.Controls;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** A read-only JSON document with its JSON Pointer and buttons to copy either. FX thread. */
public final class JsonPane extends VBox {
  private final TextArea text = new TextArea();

  public JsonPane(String id, Value<String> pointer, Value<String> json) {
    this(id, pointer, json, "(whole world)");
  }

  /** {@code emptyCaption} stands where the pointer goes when there is none. */
  public JsonPane(String id, Value<String> pointer, Value<String> json, String emptyCaption) {
    text.setId(id);
    text.setEditable(false);
    text.setWrapText(false);
    text.getStyleClass().add("json-text");
    Label where = new Label();
    where.getStyleClass().add("json-pointer");
    pointer.observe(p -> where.setText(p.isEmpty() ? emptyCaption : p));
    var copyPointer = Controls.iconButton(id + "CopyPointer", Material2AL.LINK, "Copy the JSON Pointer");
    copyPointer.setOnAction(e -> Controls.copy(pointer.get()));
    var copyJson = Controls.iconButton(id + "CopyJson", Material2AL.CONTENT_COPY, "Copy the JSON");
    copyJson.setOnAction(e -> Controls.copy(text.getText()));
    var spacer = new atlantafx.base.controls.Spacer();
    getChildren().addAll(Controls.row(4, where, spacer, copyPointer, copyJson), text);
    VBox.setVgrow(text, Priority.ALWAYS);
    setSpacing(6);
    json.observe(this::setJson);
  }

  private void setJson(String json) {
    // setText scrolls back to the top on the next layout; keep the operator's place.
    double scroll = text.getScrollTop();
    text.setText(json);
    text.applyCss();
    text.layout();
    text.setScrollTop(scroll);
  }
}
