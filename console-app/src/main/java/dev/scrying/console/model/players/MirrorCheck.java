package dev.scrying.console.model.players;

/** Whether a player's client mirror equals the server's view of that player, and the first difference if not. */
public record MirrorCheck(Status status, String detail) {
  public static final MirrorCheck UNKNOWN = new MirrorCheck(Status.UNKNOWN, "not checked yet");

  /** The outcome of the last comparison. */
  public enum Status { UNKNOWN, MATCH, MISMATCH }
}
