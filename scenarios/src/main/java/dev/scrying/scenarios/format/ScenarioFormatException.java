package dev.scrying.scenarios.format;

/**
 * A scenario file that cannot run, with the file, the 1-based line and column, and the reason, so that
 * the message reads like a compiler error: {@code scenarios/demo.yaml:12:7: unknown player 'bobb'}.
 * Thrown by {@link ScenarioLoader} before anything runs.
 */
public final class ScenarioFormatException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public ScenarioFormatException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** 1-based line of the offending key or value. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
