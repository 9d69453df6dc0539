package dev.scrying.console.model.stream;

/** File formats for exporting the visible stream rows. */
public enum ExportFormat {
  JSONL("jsonl"),
  CSV("csv");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format a file name asks for; JSON Lines unless it ends in .csv. */
  public static ExportFormat forFileName(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }
}
