package dev.scrying.server.http;

/** A request that is refused with an HTTP status and a protocol error code; nothing was changed. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  public ApiError(int status, String code, String message) {
    this(status, code, message, 5);
  }

  /** A refusal the client may retry after {@code retryAfterSeconds} (sent as Retry-After with a 429 or 503). */
  public ApiError(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
