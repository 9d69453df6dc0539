package dev.scrying.server.auth;

/** A verified caller: the user id always comes from a signed token, never from a request body. */
public record Identity(String userId, Role role) {
  /** What a caller may do. */
  public enum Role { PLAYER, ADMIN }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
