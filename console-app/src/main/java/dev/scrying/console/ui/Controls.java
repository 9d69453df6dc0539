package dev.scrying.console.ui;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.Value;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small factories for the console's recurring pieces, so every panel looks and behaves the same. FX thread. */
public final class Controls {
  private static final PseudoClass[] TONES = {
      PseudoClass.getPseudoClass("neutral"), PseudoClass.getPseudoClass("good"),
      PseudoClass.getPseudoClass("warning"), PseudoClass.getPseudoClass("danger")};

  private Controls() {}

  /** A flat icon-only button with a tooltip. */
  public static Button iconButton(String id, Ikon icon, String tooltip) {
    Button b = new Button(null, new FontIcon(icon));
    b.setId(id);
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    b.setTooltip(new Tooltip(tooltip));
    return b;
  }

  /** A button with an icon and a label. */
  public static Button button(String id, String text, Ikon icon, String... styles) {
    Button b = new Button(text, icon == null ? null : new FontIcon(icon));
    b.setId(id);
    b.getStyleClass().addAll(styles);
    return b;
  }

  /** A small upper-case caption above a value or a group. */
  public static Label caption(String text) {
    Label l = new Label(text.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("caption");
    return l;
  }

  public static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TEXT_MUTED);
    return l;
  }

  /** A label that always shows {@code value}. */
  public static Label bound(String id, Value<String> value, String... styles) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().addAll(styles);
    value.observe(l::setText);
    return l;
  }

  /** A titled group with a caption, like a card without a border. */
  public static VBox group(String caption, Node... content) {
    VBox box = new VBox(6);
    box.getChildren().add(caption(caption));
    box.getChildren().addAll(content);
    return box;
  }

  public static HBox row(double spacing, Node... nodes) {
    HBox box = new HBox(spacing, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** Sets the :neutral/:good/:warning/:danger pseudo class, which the stylesheet colours. */
  public static void tone(Node node, Tone tone) {
    // Only flip what changes: every flip costs a CSS state transition, which adds up in big tables.
    var states = node.getPseudoClassStates();
    for (int i = 0; i < TONES.length; i++) {
      boolean on = i == tone.ordinal();
      if (states.contains(TONES[i]) != on) {
        node.pseudoClassStateChanged(TONES[i], on);
      }
    }
  }

  public static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** Shows {@code node} and gives it room, or hides it and takes its room away. */
  public static void show(Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }
}
