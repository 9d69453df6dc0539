package dev.scrying.server.engine.commands;

import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import java.util.List;

/** {@code drop_item}: puts an inventory item on the player's spot, where it stays visible and collectable. */
public final class DropItem implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String id = ctx.command().field("instance_id");
    if (id == null || id.isBlank()) {
      return Outcome.fail("What do you want to drop?");
    }
    var item = ctx.inventoryItem(id);
    if (item.isEmpty()) {
      return Outcome.fail("You don't have '" + id + "' in your inventory.");
    }
    String name = ctx.itemName(item.get());
    if (!ctx.itemProperty(item.get(), "droppable").asBoolean(true)) {
      return Outcome.fail("You can't drop " + name + ".");
    }
    var placed = item.get().deepCopy();
    placed.put("visible", true);
    var here = ctx.here();
    var meta = Json.object().put("instance_id", id).put("location", here.zone()).put("area", here.area())
        .put("spot", here.spot());
    return Outcome.change("You dropped " + name + ".", meta, List.of(
        new Mutation.InventoryRemoved(ctx.userId(), id),
        new Mutation.ItemPlaced(here.zone(), here.area(), here.spot(), placed)));
  }
}
