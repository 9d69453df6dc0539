package dev.scrying.server.engine.commands;

import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code talk}: a line from an NPC in the same area (the streamed narration comes from the
 * narrator). The quest NPC offers the quest the first time a player talks to them.
 */
public final class Talk implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String npcId = ctx.command().field("npc_id");
    if (npcId == null || npcId.isBlank()) {
      Optional<String> nearby = nearestNpc(ctx);
      if (nearby.isEmpty()) {
        return Outcome.fail("There is no one here to talk to.");
      }
      npcId = nearby.get();
    }
    if (!ctx.world().path("npcs").has(npcId)) {
      return Outcome.fail("NPC '" + npcId + "' not found in this experience.");
    }
    Optional<SpotRef> at = WorldQuery.npcSpot(ctx.world(), npcId);
    String name = ctx.npcName(npcId);
    if (at.isEmpty() || !at.get().zone().equals(ctx.zone()) || !at.get().area().equals(ctx.area())) {
      return Outcome.fail(name + " is not here.");
    }
    String seed = ctx.userId() + ":talk:" + npcId + ":" + ctx.state().version();
    String line = Lines.npc(ctx.experience(), npcId, "talk", seed, Map.of("npc", name, "player", ctx.userId()));
    var meta = Json.object().put("npc_id", npcId).put("dialogue_source", "offline_narrative");
    var quest = ctx.experience().quest();
    String questId = quest.path("id").asText();
    if (quest.isObject() && npcId.equals(quest.path("npc").asText())
        && !ctx.player().path("quests").has(questId)) {
      var offered = Json.object().put("status", "offered").put("title", quest.path("title").asText());
      meta.put("quest_offered", questId);
      return Outcome.change(name + ": " + line, meta,
          List.of(new Mutation.PlayerSet(ctx.userId(), "player.quests." + questId, offered)));
    }
    return Outcome.read(name + ": " + line, meta);
  }

  static Optional<String> nearestNpc(CommandContext ctx) {
    for (SpotRef ref : ctx.reach()) {
      String npc = WorldQuery.spot(ctx.world(), ref).path("npc").asText(null);
      if (npc != null && ref.spot().equals(ctx.spot())) {
        return Optional.of(npc);
      }
    }
    return ctx.reach().stream().map(r -> WorldQuery.spot(ctx.world(), r).path("npc").asText(null))
        .filter(n -> n != null).findFirst();
  }
}
