package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code collect_item}: takes a visible, collectible item from a spot within reach. */
public final class CollectItem implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String id = ctx.command().field("instance_id");
    if (id == null || id.isBlank()) {
      return Outcome.fail("What do you want to collect?");
    }
    Optional<ItemLocation> found = WorldQuery.find(ctx.world(), ctx.reach(), id)
        .filter(l -> PlayerProjection.isVisible(l.item()));
    if (found.isEmpty()) {
      if (ctx.inventoryItem(id).isPresent()) {
        return Outcome.fail("You already have " + ctx.itemName(ctx.inventoryItem(id).get()) + ".");
      }
      return WorldQuery.findAnywhere(ctx.world(), id).isPresent()
          ? Outcome.fail("You don't see that item here. It's somewhere else in the world.")
          : Outcome.fail("Item '" + id + "' not found anywhere in the world.");
    }
    ItemLocation at = found.get();
    String name = ctx.itemName(at.item());
    if (!ctx.itemProperty(at.item(), "collectible").asBoolean(false)) {
      return Outcome.fail("You can't collect " + name + ".");
    }
    List<Mutation> m = new ArrayList<>();
    m.add(new Mutation.ItemRemoved(at.zone(), at.area(), at.spot(), id));
    m.add(new Mutation.InventoryAdded(ctx.userId(), at.item()));
    if (!at.spot().equals(ctx.spot())) {
      // Taking something means walking up to it; other players see the guest move there.
      m.add(new Mutation.PlayerSet(ctx.userId(), "player.current_spot", TextNode.valueOf(at.spot())));
    }
    var meta = Json.object().put("instance_id", id).put("template_id", at.item().path("template_id").asText())
        .put("location", at.zone()).put("area", at.area()).put("spot", at.spot());
    return Outcome.change("You collected " + name + ".", meta, m);
  }
}
