package dev.scrying.console.session;

/** Where the console's server runs: inside this process, or elsewhere and reached over HTTP. */
public enum SessionKind {
  EMBEDDED("embedded"),
  REMOTE("connected");

  private final String label;

  SessionKind(String label) {
    this.label = label;
  }

  /** A word for the header, e.g. "embedded". */
  public String label() {
    return label;
  }
}
