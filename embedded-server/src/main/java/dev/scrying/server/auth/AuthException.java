package dev.scrying.server.auth;

/** A missing, malformed, forged or expired token. The message is safe to show; it never echoes the token. */
public final class AuthException extends RuntimeException {
  public AuthException(String message) {
    super(message, null, false, false);
  }
}
