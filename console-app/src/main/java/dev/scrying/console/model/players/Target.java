package dev.scrying.console.model.players;

/** Something in a player's reach a command field can name: an item, an NPC or a place. */
public record Target(String id, String label) {
  @Override
  public String toString() {
    return label.equals(id) ? id : label + " (" + id + ")";
  }
}
