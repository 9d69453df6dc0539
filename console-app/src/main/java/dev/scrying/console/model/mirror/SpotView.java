package dev.scrying.console.model.mirror;

import java.util.List;

/**
 * One spot of the zone at its place in the mirror's grid, with what the player's mirror says is there:
 * items, NPCs and other players; {@code self} marks where the watched player stands.
 */
public record SpotView(String id, String area, String name, int column, int row, List<ItemView> items,
    List<String> npcs, List<String> players, boolean self) {

  public SpotView {
    items = List.copyOf(items);
    npcs = List.copyOf(npcs);
    players = List.copyOf(players);
  }
}
