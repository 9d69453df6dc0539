package dev.scrying.scenarios.format;

import java.util.List;

/** Which players a check is about: every player ({@code all}) or the listed ids. Immutable. */
public record PlayerSelection(boolean all, List<String> ids) {
  public PlayerSelection {
    ids = List.copyOf(ids);
  }

  public static PlayerSelection everyone() {
    return new PlayerSelection(true, List.of());
  }

  public static PlayerSelection of(List<String> ids) {
    return new PlayerSelection(false, ids);
  }

  public String describe() {
    return all ? "all players" : String.join(", ", ids);
  }
}
