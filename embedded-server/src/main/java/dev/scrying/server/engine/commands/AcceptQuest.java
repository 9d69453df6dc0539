package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code accept_quest}: near the quest NPC, makes the quest active and reveals any hidden quest items. */
public final class AcceptQuest implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    JsonNode quest = ctx.experience().quest();
    if (!quest.isObject()) {
      return Outcome.fail("There is no quest to accept here.");
    }
    String questId = quest.path("id").asText();
    String asked = ctx.command().field("quest_id");
    if (asked != null && !asked.equals(questId)) {
      return Outcome.fail("Unknown quest '" + asked + "'. The quest here is '" + questId + "'.");
    }
    String npcId = quest.path("npc").asText();
    Optional<SpotRef> at = WorldQuery.npcSpot(ctx.world(), npcId);
    if (at.isEmpty() || !at.get().zone().equals(ctx.zone()) || !at.get().area().equals(ctx.area())) {
      return Outcome.fail("You must be near " + ctx.npcName(npcId) + " to accept this quest.");
    }
    String status = ctx.player().path("quests").path(questId).path("status").asText("");
    if (status.equals("active") || status.equals("complete")) {
      return Outcome.fail("You have already accepted " + quest.path("title").asText(questId) + ".");
    }
    List<Mutation> m = new ArrayList<>();
    var state = Json.object().put("status", "active").put("title", quest.path("title").asText())
        .put("accepted_at", ctx.now()).put("bottles_given", 0);
    m.add(new Mutation.PlayerSet(ctx.userId(), "player.quests." + questId, state));
    if (ctx.world().path("global_state").has("quest_started")
        && !ctx.world().path("global_state").path("quest_started").asBoolean(false)) {
      m.add(new Mutation.WorldSet("global_state.quest_started", BooleanNode.TRUE));
    }
    String prefix = quest.path("item_template_prefix").asText("\u0000");
    var shown = Json.MAPPER.createArrayNode();
    for (ItemLocation l : WorldQuery.itemsIn(ctx.world(), WorldQuery.allSpots(ctx.world()))) {
      if (l.item().path("template_id").asText().startsWith(prefix) && !l.item().path("visible").asBoolean(true)) {
        m.add(new Mutation.ItemSet(l.zone(), l.area(), l.spot(), l.instanceId(), "visible", BooleanNode.TRUE));
        shown.add(l.instanceId());
      }
    }
    var meta = Json.object().put("quest_id", questId).put("quest_status", "active");
    meta.set("items_shown", shown);
    String msg = "Quest accepted: " + quest.path("title").asText(questId) + ". Find the dream bottles and bring them to "
        + ctx.npcName(npcId) + "." + (shown.isEmpty() ? "" : " " + shown.size() + " quest items are now visible.");
    return Outcome.change(msg, meta, m);
  }
}
