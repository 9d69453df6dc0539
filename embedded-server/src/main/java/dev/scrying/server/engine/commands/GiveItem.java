package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code give_item}: hands an inventory item to an NPC in the same area (it joins the NPC's
 * inventory) or to another player in the same area. Giving a quest item to the quest NPC advances the
 * shared quest: the count lives on the NPC and in {@code global_state}, and each giver's own tally in
 * their {@code player.quests}.
 */
public final class GiveItem implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String id = ctx.command().field("instance_id");
    if (id == null || id.isBlank()) {
      return Outcome.fail("What do you want to give?");
    }
    var held = ctx.inventoryItem(id);
    if (held.isEmpty()) {
      return Outcome.fail("You don't have '" + id + "' in your inventory.");
    }
    String toPlayer = ctx.command().field("target_player_id");
    if (toPlayer != null) {
      return toPlayer(ctx, held.get(), toPlayer);
    }
    String npcId = ctx.command().field("target_npc_id");
    if (npcId == null || npcId.isBlank()) {
      return Outcome.fail("Who do you want to give " + ctx.itemName(held.get()) + " to?");
    }
    if (!ctx.world().path("npcs").has(npcId)) {
      return Outcome.fail("NPC '" + npcId + "' not found in this experience.");
    }
    Optional<SpotRef> at = WorldQuery.npcSpot(ctx.world(), npcId);
    String npcName = ctx.npcName(npcId);
    if (at.isEmpty() || !at.get().zone().equals(ctx.zone())) {
      return Outcome.fail("You must be in the same location as " + npcName + ".");
    }
    if (!at.get().area().equals(ctx.area())) {
      return Outcome.fail("You must be near " + npcName + " to give items.");
    }
    return toNpc(ctx, held.get(), npcId, npcName);
  }

  private Outcome toNpc(CommandContext ctx, ObjectNode item, String npcId, String npcName) {
    String id = item.path("instance_id").asText();
    String template = item.path("template_id").asText();
    String name = ctx.itemName(item);
    List<Mutation> m = new ArrayList<>();
    m.add(new Mutation.InventoryRemoved(ctx.userId(), id));
    m.add(new Mutation.NpcReceived(npcId, item));
    ObjectNode meta = Json.object().put("npc_id", npcId).put("item_delivered", true)
        .put("instance_id", id).put("item_instance_id", id).put("item_template_id", template);
    ObjectNode hook = meta.putObject("hook_result");
    JsonNode quest = ctx.experience().quest();
    String seed = ctx.userId() + ":give:" + ctx.state().version();
    String dialogue;
    if (isQuestItem(quest, npcId, template)) {
      dialogue = advanceQuest(ctx, quest, npcId, name, seed, m, hook);
    } else {
      dialogue = Lines.npc(ctx.experience(), npcId, "thanks", seed, Map.of("item", name, "npc", npcName));
      if (dialogue.isEmpty()) {
        dialogue = "Thank you for the " + name + ".";
      }
      hook.put("accepted", true).put("dialogue", dialogue);
    }
    return Outcome.change(npcName + ": " + dialogue, meta, m);
  }

  private static boolean isQuestItem(JsonNode quest, String npcId, String template) {
    return quest.isObject() && npcId.equals(quest.path("npc").asText())
        && template.startsWith(quest.path("item_template_prefix").asText("\u0000"));
  }

  private static String advanceQuest(CommandContext ctx, JsonNode quest, String npcId, String itemName,
      String seed, List<Mutation> m, ObjectNode hook) {
    JsonNode world = ctx.world();
    String foundKey = quest.path("found_global").asText();
    int total = world.path("global_state").path(quest.path("required_global").asText()).asInt(4);
    int count = world.path("global_state").path(foundKey).asInt(0) + 1;
    boolean complete = count >= total;
    JsonNode npcState = world.path("npcs").path(npcId).path("state");
    if (quest.hasNonNull("npc_counter")) {
      m.add(new Mutation.WorldSet("npcs." + npcId + ".state." + quest.path("npc_counter").asText(), IntNode.valueOf(count)));
    }
    if (npcState.has("quest_active")) {
      m.add(new Mutation.WorldSet("npcs." + npcId + ".state.quest_active", BooleanNode.valueOf(!complete)));
    }
    if (world.path("global_state").has("quest_started")) {
      m.add(new Mutation.WorldSet("global_state.quest_started", BooleanNode.TRUE));
    }
    m.add(new Mutation.WorldSet("global_state." + foundKey, IntNode.valueOf(count)));
    String questId = quest.path("id").asText();
    int mine = ctx.player().path("quests").path(questId).path("bottles_given").asInt(0) + 1;
    ObjectNode questState = Json.object().put("status", complete ? "complete" : "active")
        .put("title", quest.path("title").asText()).put("bottles_given", mine)
        .put("bottles_collected", count).put("bottles_total", total);
    m.add(new Mutation.PlayerSet(ctx.userId(), "player.quests." + questId, questState));
    m.add(new Mutation.PlayerSet(ctx.userId(), "progress.bottles_given", IntNode.valueOf(mine)));
    Map<String, String> vars = Map.of("item", itemName, "count", String.valueOf(count),
        "total", String.valueOf(total), "npc", ctx.npcName(npcId));
    String dialogue = Lines.npc(ctx.experience(), npcId, "thanks_bottle", seed, vars);
    if (complete) {
      dialogue = dialogue + " " + Lines.npc(ctx.experience(), npcId, "quest_complete", seed, vars);
    }
    hook.put("accepted", true).put("dialogue", dialogue.strip());
    hook.putObject("quest_updates").put("bottles_collected", count).put("bottles_total", total)
        .put("quest_complete", complete);
    return dialogue.strip();
  }

  private Outcome toPlayer(CommandContext ctx, ObjectNode item, String other) {
    if (other.equals(ctx.userId())) {
      return Outcome.fail("You already have " + ctx.itemName(item) + ".");
    }
    ObjectNode view = ctx.state().player(other);
    if (view == null) {
      return Outcome.fail("Player '" + other + "' is not in this experience.");
    }
    JsonNode p = view.path("player");
    if (!p.path("current_location").asText().equals(ctx.zone()) || !p.path("current_area").asText().equals(ctx.area())) {
      return Outcome.fail("You must be near " + other + " to give them something.");
    }
    String id = item.path("instance_id").asText();
    ObjectNode meta = Json.object().put("target_player_id", other).put("instance_id", id).put("item_delivered", true);
    return Outcome.change("You gave " + ctx.itemName(item) + " to " + other + ".", meta, List.of(
        new Mutation.InventoryRemoved(ctx.userId(), id),
        new Mutation.InventoryAdded(other, item)));
  }
}
