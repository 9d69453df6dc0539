package dev.scrying.console.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.ServerPhase;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The top bar: app name, experience, how the console reaches the server and its URL, help and theme. */
final class Header extends HBox {

  Header(MainViewModel model, Runnable showShortcuts) {
    getStyleClass().add("header");
    FontIcon logo = new FontIcon(Material2MZ.NATURE);
    logo.getStyleClass().add("app-icon");
    Label title = new Label("Scrying");
    title.getStyleClass().addAll(Styles.TITLE_4, "app-title");
    Label experience = Controls.bound("experienceId", model.experienceId(), "chip");
    Label kind = Controls.bound("sessionKind", model.sessionKind(), "chip", "chip-accent");
    model.sessionKind().observe(k -> Controls.show(kind, !k.isEmpty()));
    Label url = Controls.bound("serverUrl", model.serverUrl(), "header-url");
    Button copy = Controls.iconButton("copyUrl", Material2AL.CONTENT_COPY, "Copy the server URL");
    copy.getStyleClass().add(Styles.SMALL);
    copy.setOnAction(e -> Controls.copy(model.serverUrl().get()));
    model.phase().observe(p -> copy.setDisable(p != ServerPhase.RUNNING));
    Button help = Controls.iconButton("shortcutsButton", Material2AL.KEYBOARD, "Keyboard shortcuts (F1)");
    help.setOnAction(e -> showShortcuts.run());
    getChildren().addAll(logo, title, experience, kind, new Spacer(), url, copy, help, themeButton(model));
  }

  private static Button themeButton(MainViewModel model) {
    Button button = Controls.iconButton("themeToggle", Material2MZ.NIGHTS_STAY, "");
    button.setOnAction(e -> model.toggleTheme());
    model.darkTheme().observe(dark -> {
      button.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
      button.setTooltip(new Tooltip((dark ? "Switch to the light theme" : "Switch to the dark theme") + " (Ctrl+T)"));
    });
    return button;
  }
}
