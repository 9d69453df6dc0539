package dev.scrying.console.ui;

import javafx.scene.input.KeyCombination;

/** One keyboard shortcut: its keys, what it does in words (for the F1 sheet), and the action. */
public record Shortcut(KeyCombination keys, String description, Runnable action) {
  public static Shortcut of(String keys, String description, Runnable action) {
    return new Shortcut(KeyCombination.valueOf(keys), description, action);
  }
}
