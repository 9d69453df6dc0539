package dev.scrying.console.session;

import java.util.Locale;

/** What a reset restores: everything, the world only, one player, or the state recorded at a commit. */
public enum ResetScope {
  EXPERIENCE,
  WORLD,
  PLAYER,
  COMMIT;

  /** The word the server's reset endpoint expects. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the scope needs a target (a player id or a commit). */
  public boolean takesTarget() {
    return this == PLAYER || this == COMMIT;
  }
}
