package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.Optional;

/** {@code examine}: describes an item in the inventory or within reach, or an NPC nearby. Read-only. */
public final class Examine implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String id = ctx.command().field("instance_id");
    if (id == null || id.isBlank()) {
      return Outcome.fail("What do you want to examine?");
    }
    Optional<? extends JsonNode> held = ctx.inventoryItem(id);
    JsonNode item = held.isPresent() ? held.get()
        : WorldQuery.find(ctx.world(), ctx.reach(), id).map(l -> (JsonNode) l.item())
            .filter(PlayerProjection::isVisible).orElse(null);
    if (item == null) {
      return examineNpc(ctx, id).orElseGet(() -> Outcome.fail("You don't see '" + id + "' here."));
    }
    StringBuilder text = new StringBuilder("**").append(ctx.itemName(item)).append("**\n");
    text.append(ctx.itemProperty(item, "description").asText("Nothing remarkable."));
    boolean collectible = ctx.itemProperty(item, "collectible").asBoolean(false);
    boolean consumable = ctx.itemProperty(item, "consumable").asBoolean(false);
    JsonNode effects = ctx.itemProperty(item, "effects");
    if (collectible && held.isEmpty()) {
      text.append("\nYou could pick this up.");
    }
    if (effects.has("health")) {
      text.append("\nRestores ").append(effects.path("health").asInt()).append(" HP.");
    }
    if (consumable) {
      text.append("\nIt can be used once.");
    }
    JsonNode state = item.path("state");
    if (state.has("glow_color")) {
      text.append("\nIt glows ").append(state.path("glow_color").asText())
          .append(state.has("symbol") ? ", marked with a " + state.path("symbol").asText() + "." : ".");
    }
    if (held.isPresent()) {
      text.append("\n(In your inventory)");
    }
    var meta = Json.object().put("instance_id", id).put("template_id", item.path("template_id").asText())
        .put("location", held.isPresent() ? "inventory" : "world").put("has_effects", effects.isObject())
        .put("is_consumable", consumable).put("is_collectible", collectible);
    return Outcome.read(text.toString(), meta);
  }

  private static Optional<Outcome> examineNpc(CommandContext ctx, String npcId) {
    Optional<SpotRef> at = WorldQuery.npcSpot(ctx.world(), npcId);
    if (at.isEmpty() || !at.get().zone().equals(ctx.zone()) || !at.get().area().equals(ctx.area())) {
      return Optional.empty();
    }
    JsonNode npc = ctx.world().path("npcs").path(npcId);
    String text = "**" + npc.path("name").asText(npcId) + "**\n" + npc.path("description").asText("");
    return Optional.of(Outcome.read(text, Json.object().put("npc_id", npcId).put("location", "world")));
  }
}
