package dev.scrying.console.model.players;

/** A zone a player can walk to, with the GPS point the location picker sends. */
public record ZoneChoice(String id, String name, double lat, double lng) {
  @Override
  public String toString() {
    return name;
  }
}
