package dev.scrying.console.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.ServerPhase;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.WorldSnapshot;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window's content, built in code: a header with the theme switch, server / experience /
 * version cards, the read-only world JSON and a status bar. It only renders {@link MainViewModel}
 * values and forwards clicks; create and use it on the FX thread.
 */
public final class MainView extends BorderPane {
  private static final String STYLESHEET = MainView.class.getResource("console.css").toExternalForm();

  private final MainViewModel model;

  public MainView(MainViewModel model) {
    this.model = model;
    getStyleClass().add("main-view");
    getStylesheets().add(STYLESHEET);
    setTop(header());
    setCenter(body());
    setBottom(statusBar());
    model.phase().observe(this::showPhase);
    model.darkTheme().observe(Themes::apply);
  }

  private Node header() {
    FontIcon logo = new FontIcon(Material2MZ.NATURE);
    logo.getStyleClass().add("app-icon");
    Label title = new Label("Scrying");
    title.getStyleClass().add(Styles.TITLE_3);
    Label subtitle = new Label("Wylding Woods operator console");
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);
    HBox header = new HBox(logo, title, subtitle, new Spacer(), themeButton());
    header.getStyleClass().add("header");
    return header;
  }

  private Button themeButton() {
    Button button = new Button();
    button.setId("themeToggle");
    button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    button.setOnAction(e -> model.toggleTheme());
    model.darkTheme().observe(dark -> {
      button.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
      button.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
    });
    return button;
  }

  private Node body() {
    Node url = card("Server", urlRow());
    HBox.setHgrow(url, Priority.ALWAYS);
    HBox cards = new HBox(12, url,
        card("Experience", valueLabel("experienceId", model.experienceId())),
        card("World version", valueLabel("worldVersion", model.version())));
    Node world = worldSection();
    VBox.setVgrow(world, Priority.ALWAYS);
    VBox body = new VBox(16, cards, world);
    body.getStyleClass().add("body");
    return body;
  }

  private Node urlRow() {
    Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
    copy.setId("copyUrl");
    copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    copy.setTooltip(new Tooltip("Copy the server URL"));
    copy.setOnAction(e -> copyToClipboard(model.serverUrl().get()));
    model.phase().observe(p -> copy.setDisable(p != ServerPhase.RUNNING));
    HBox row = new HBox(4, valueLabel("serverUrl", model.serverUrl()), copy);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private static Label valueLabel(String id, Value<String> value) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("card-value");
    value.observe(label::setText);
    return label;
  }

  private static VBox card(String caption, Node value) {
    Label captionLabel = new Label(caption.toUpperCase(Locale.ROOT));
    captionLabel.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED);
    VBox card = new VBox(4, captionLabel, value);
    card.getStyleClass().add("card");
    card.setMinWidth(180);
    return card;
  }

  private Node worldSection() {
    Label title = new Label("World");
    title.getStyleClass().add(Styles.TITLE_4);
    Label detail = new Label();
    detail.getStyleClass().add(Styles.TEXT_MUTED);
    HBox heading = new HBox(8, title, detail);
    heading.setAlignment(Pos.BASELINE_LEFT);

    TextArea json = new TextArea();
    json.setId("worldJson");
    json.setEditable(false);
    json.getStyleClass().add("world-json");
    model.world().observe(w -> showWorld(w, json, detail));

    StackPane stack = new StackPane(json, placeholder());
    VBox.setVgrow(stack, Priority.ALWAYS);
    return new VBox(8, heading, stack);
  }

  private static void showWorld(WorldSnapshot world, TextArea json, Label detail) {
    if (world == null) {
      detail.setText("");
      return;
    }
    // Keep the operator's place in a long document: setText scrolls back to the top on the next
    // layout pass, so lay out now and restore the position after it.
    double scroll = json.getScrollTop();
    json.setText(world.json());
    json.applyCss();
    json.layout();
    json.setScrollTop(scroll);
    detail.setText("read-only snapshot of version " + world.version());
  }

  /** Covers the JSON area until the first world arrives: a spinner while starting, the error on failure. */
  private Node placeholder() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(36, 36);
    FontIcon failed = new FontIcon(Material2AL.ERROR_OUTLINE);
    failed.getStyleClass().add("failed-icon");
    Label message = new Label();
    message.setId("placeholderMessage");
    message.setWrapText(true);
    VBox box = new VBox(12, spinner, failed, message);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("placeholder");
    model.phase().observe(p -> {
      spinner.setVisible(p == ServerPhase.STARTING);
      spinner.setManaged(p == ServerPhase.STARTING);
      failed.setVisible(p == ServerPhase.FAILED);
      failed.setManaged(p == ServerPhase.FAILED);
    });
    model.status().observe(message::setText);
    model.world().observe(w -> box.setVisible(w == null));
    return box;
  }

  private Node statusBar() {
    FontIcon dot = new FontIcon(Material2AL.FIBER_MANUAL_RECORD);
    dot.getStyleClass().add("status-dot");
    Label status = new Label();
    status.setId("statusLine");
    model.status().observe(status::setText);
    Label version = new Label();
    version.getStyleClass().add(Styles.TEXT_MUTED);
    model.version().observe(v -> version.setText("world v" + v));
    HBox bar = new HBox(8, dot, status, new Spacer(), version);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void showPhase(ServerPhase phase) {
    for (ServerPhase p : ServerPhase.values()) {
      pseudoClassStateChanged(PseudoClass.getPseudoClass(p.name().toLowerCase(Locale.ROOT)), p == phase);
    }
  }

  private static void copyToClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
