package dev.scrying.scenarios.client;

/**
 * The server refused a request ({@code status} 4xx/5xx, with its error {@code code} and message), or
 * could not be reached at all ({@code status} 0, code {@code unreachable} or {@code connection_lost}).
 * Unchecked, so that it can travel through {@link java.util.concurrent.CompletableFuture}s.
 */
public final class ServerException extends RuntimeException {
  public static final String UNREACHABLE = "unreachable";
  public static final String CONNECTION_LOST = "connection_lost";
  public static final String TIMEOUT = "timeout";

  private final int status;
  private final String code;

  public ServerException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public ServerException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status, or 0 when there was no HTTP answer. */
  public int status() {
    return status;
  }

  /** The server's error code (e.g. {@code forbidden}), or one of this class's codes when there was no answer. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return "ServerException[" + status + " " + code + ": " + getMessage() + "]";
  }
}
