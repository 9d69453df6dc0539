package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import java.util.ArrayList;
import java.util.List;

/** {@code use_item}: applies an inventory item's effects (health, status effects); consumables are used up. */
public final class UseItem implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String id = ctx.command().field("instance_id");
    if (id == null || id.isBlank()) {
      return Outcome.fail("What do you want to use?");
    }
    var held = ctx.inventoryItem(id);
    if (held.isEmpty()) {
      return Outcome.fail("You don't have '" + id + "' in your inventory.");
    }
    JsonNode item = held.get();
    String name = ctx.itemName(item);
    JsonNode effects = ctx.itemProperty(item, "effects");
    if (!effects.isObject() || effects.isEmpty()) {
      return Outcome.fail("You can't use " + name + " right now.");
    }
    List<Mutation> m = new ArrayList<>();
    List<String> applied = new ArrayList<>();
    var meta = Json.object().put("instance_id", id);
    var appliedJson = meta.putArray("effects_applied");
    if (effects.has("health")) {
      JsonNode stats = ctx.player().path("stats");
      int max = stats.path("max_health").asInt(100);
      int before = stats.path("health").asInt(max);
      int after = Math.min(max, before + effects.path("health").asInt());
      m.add(new Mutation.PlayerSet(ctx.userId(), "player.stats.health", IntNode.valueOf(after)));
      applied.add("+" + (after - before) + " HP");
      appliedJson.add("health");
    }
    if (effects.path("status_effects").isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode list = ctx.player().path("status_effects").isArray()
          ? (com.fasterxml.jackson.databind.node.ArrayNode) ctx.player().path("status_effects").deepCopy()
          : Json.MAPPER.createArrayNode();
      for (JsonNode effect : effects.path("status_effects")) {
        list.addObject().put("effect", effect.asText()).put("applied_at", ctx.now());
        applied.add(effect.asText());
      }
      m.add(new Mutation.PlayerSet(ctx.userId(), "player.status_effects", list));
      appliedJson.add("status_effects");
    }
    boolean consumable = ctx.itemProperty(item, "consumable").asBoolean(false);
    if (consumable) {
      m.add(new Mutation.InventoryRemoved(ctx.userId(), id));
    }
    meta.put("consumable", consumable);
    String verb = consumable ? "consumed" : "used";
    String suffix = applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")";
    return Outcome.change("You " + verb + " " + name + "." + suffix, meta, m);
  }
}
