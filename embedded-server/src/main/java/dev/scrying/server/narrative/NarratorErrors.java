package dev.scrying.server.narrative;

/** The codes {@link NarrationListener#onError} reports; stable strings, safe to show or count. */
public final class NarratorErrors {
  /** The server answered with a non-2xx status; the message carries the status. */
  public static final String HTTP_ERROR = "narrator_http_error";
  /** No text within the first-token timeout, or the narration exceeded the total timeout. */
  public static final String TIMEOUT = "narrator_timeout";
  /** The stream broke or ended before its end marker. */
  public static final String DISCONNECTED = "narrator_disconnected";
  /** The server sent something that is not a usable chat completion stream. */
  public static final String BAD_RESPONSE = "narrator_bad_response";
  /** The server could not be reached at all (refused, unknown host, connect timeout). */
  public static final String UNAVAILABLE = "narrator_unavailable";

  private NarratorErrors() {}
}
