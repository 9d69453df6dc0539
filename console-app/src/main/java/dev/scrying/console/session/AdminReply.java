package dev.scrying.console.session;

/**
 * The server's answer to an admin action. A refusal the server explains (a reset preview, an unknown
 * item) is {@code success=false} with its message, not an exception.
 */
public record AdminReply(boolean success, String message, long version) {}
