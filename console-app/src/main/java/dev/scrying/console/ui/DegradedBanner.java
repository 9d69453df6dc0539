package dev.scrying.console.ui;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.status.StatusBarViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** A warning strip above every panel while anything is degraded, saying what it means and what to do. */
public final class DegradedBanner extends Message {

  public DegradedBanner(StatusBarViewModel model) {
    super("Degraded", "", new FontIcon(Material2MZ.WARNING));
    setId("degradedBanner");
    getStyleClass().addAll(Styles.WARNING, "degraded-banner");
    model.warning().observe(w -> {
      setDescription(w);
      Controls.show(this, !w.isEmpty());
    });
  }
}
