package dev.scrying.scenarios.format;

import org.jspecify.annotations.Nullable;

/**
 * One thing that must hold after a step, as the file wrote it under {@code expect:}. Each record keeps
 * the line it came from, for reports. Immutable.
 */
public sealed interface Expectation {
  int line();

  /** A one-line description for reports: {@code success is true}, {@code message contains "…"}. */
  String describe();

  /** The step's command succeeded (or was refused, for {@code false}). */
  record Success(boolean expected, int line) implements Expectation {
    public String describe() {
      return "success is " + expected;
    }
  }

  /** The server could not run the command and said why with this error code. */
  record ErrorCode(String code, int line) implements Expectation {
    public String describe() {
      return "error_code is " + code;
    }
  }

  /** The player-facing text (action message, chat narrative, reset narrative) matches. */
  record Message(TextMatch match, int line) implements Expectation {
    public String describe() {
      return "message " + match.describe();
    }
  }

  /** A path in the step's response (action_response, interact body, chat timings frame) satisfies a check. */
  record Response(String path, ValueCheck check, int line) implements Expectation {
    public String describe() {
      return "response " + path + " " + check.describe();
    }
  }

  /**
   * A path in the world ({@code GET /experience/{exp}/world} as admin, relative to {@code world}) or in a
   * player's state satisfies a check. A player's state comes from the server
   * ({@code GET /experience/{exp}/players/{id}}, relative to {@code view}) or from their mirror.
   */
  record State(@Nullable String player, String path, StateSource from, ValueCheck check, int line)
      implements Expectation {
    public String describe() {
      return (player == null ? "world" : player + (from == StateSource.MIRROR ? " mirror" : " server view")) + " "
          + path + " " + check.describe();
    }
  }

  /** A player received these event types during the step (see {@link EventSpec}). */
  record Events(String player, EventSpec spec, int line) implements Expectation {
    public String describe() {
      return player + " received " + spec.describe();
    }
  }

  /** Exactly this many racers of a {@code race} step succeeded (e.g. one winner for one bottle). */
  record Winners(int count, int line) implements Expectation {
    public String describe() {
      return "exactly " + count + " winner(s)";
    }
  }

  /** Each selected player's mirror equals the server's view of that player (waits for deltas in flight). */
  record MirrorMatchesServer(PlayerSelection players, int line) implements Expectation {
    public String describe() {
      return "mirror matches server for " + players.describe();
    }
  }
}
