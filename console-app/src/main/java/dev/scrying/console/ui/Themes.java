package dev.scrying.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Applies the AtlantaFX Primer theme, light or dark, to the whole application. FX thread only. */
public final class Themes {
  private Themes() {}

  public static void apply(boolean dark) {
    Application.setUserAgentStylesheet(dark
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }
}
