package dev.scrying.console.model;

/** How a piece of status should feel: the view maps each tone to a theme colour. */
public enum Tone {
  NEUTRAL,
  GOOD,
  WARNING,
  DANGER
}
