package dev.scrying.console.model;

/** The console's panels, in sidebar order; {@code key} is the digit of its Ctrl shortcut. */
public enum Page {
  WORLD("World", "The world state as a tree: search it, inspect any node, diff each change", '1'),
  STREAM("Live stream", "Every event the console sees, from the server, NATS and each client", '2'),
  PLAYERS("Players", "Simulated players: their mirrors, commands, chat and location", '3'),
  MIRROR("Scrying mirror", "The zone as one player's client mirror sees it", '4'),
  LATENCY("Latency", "Per-hop waterfall of an action and live percentiles against budgets", '5'),
  HISTORY("History", "The world's Git history: look back, compare, reset to a commit", '6'),
  SCENARIOS("Scenarios", "Load a scenario, step through it or run it, see its checks", '7'),
  REHEARSE("Rehearse failure", "Stop NATS, slow the narrator, cut a player, and watch the recovery", '8');

  private final String title;
  private final String subtitle;
  private final char key;

  Page(String title, String subtitle, char key) {
    this.title = title;
    this.subtitle = subtitle;
    this.key = key;
  }

  public String title() {
    return title;
  }

  public String subtitle() {
    return subtitle;
  }

  public char key() {
    return key;
  }

  /** The page named {@code name}, or WORLD when it is unknown (a layout file from another version). */
  public static Page named(String name) {
    for (Page p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return WORLD;
  }
}
