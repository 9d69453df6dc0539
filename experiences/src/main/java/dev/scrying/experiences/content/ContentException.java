package dev.scrying.experiences.content;

/** Content that cannot be loaded: names the file, the JSON path inside it and the reason. */
public final class ContentException extends RuntimeException {
  private final String file;
  private final String jsonPath;
  private final String reason;

  public ContentException(String file, String jsonPath, String reason) {
    super(file + (jsonPath == null || jsonPath.isEmpty() ? "" : " at " + jsonPath) + ": " + reason);
    this.file = file;
    this.jsonPath = jsonPath;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public String jsonPath() {
    return jsonPath;
  }

  public String reason() {
    return reason;
  }
}
