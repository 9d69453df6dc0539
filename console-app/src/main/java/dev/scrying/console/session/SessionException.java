package dev.scrying.console.session;

/**
 * A failure of a server call, worded for the operator: what went wrong and what to do next. The
 * console shows {@link #getMessage()} and {@link #wayForward()}, never a stack trace.
 */
public final class SessionException extends RuntimeException {
  private final String wayForward;

  public SessionException(String message, String wayForward) {
    super(message);
    this.wayForward = wayForward;
  }

  public SessionException(String message, String wayForward, Throwable cause) {
    super(message, cause);
    this.wayForward = wayForward;
  }

  public String wayForward() {
    return wayForward;
  }

  /** The operator-facing failure inside {@code error}, unwrapping completion wrappers. */
  public static SessionException of(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof SessionException s) {
      return s;
    }
    if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) {
      return new SessionException("The server is not answering.",
          "Check that it is running and that this machine can reach it, then try again.", t);
    }
    if (t instanceof java.net.http.HttpTimeoutException) {
      return new SessionException("The server took too long to answer.", "It may be busy; try again in a moment.", t);
    }
    String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return new SessionException("Something went wrong: " + why, "Try again; if it keeps happening, check the terminal log.", t);
  }
}
