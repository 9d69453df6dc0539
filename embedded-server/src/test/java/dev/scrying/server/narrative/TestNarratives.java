package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;

/** A small narrative.json in the CONTENT.md format. */
final class TestNarratives {
  private TestNarratives() {}

  static ObjectNode wyldingWoods() {
    return (ObjectNode) Json.parse("""
        {
          "persona": "The Wylding Woods are gentle, curious and a little mischievous.",
          "npcs": {
            "louisa": {
              "aliases": ["louisa", "fairy", "dream weaver"],
              "greeting": ["Oh! A visitor! Have you seen my dream bottles?"],
              "talk": [
                "Neebling stole our dreams and hid them in bottles all over the shop.",
                "Each bottle glows with a different dream. Follow the light, {player}.",
                "The spiral, the star, the moon and the sun: four bottles, four dreams."
              ],
              "thanks_bottle": "Oh wonderful! You found {item}! That's {count} out of {total} bottles.",
              "quest_complete": "You found them all!",
              "thanks": "Thank you for {item}."
            }
          },
          "outcomes": {
            "collect_item": [
              "You reach out carefully.",
              "The shelf creaks as you lean in, {player}.",
              "Your fingers close around something warm.",
              "A faint chime sounds as you take it.",
              "Dust motes swirl in the lantern light.",
              "You tuck {item} into your satchel."
            ],
            "talk": ["You turn to {npc}.", "{npc} flutters closer."],
            "give_item": ["You hold out {item} to {npc}."],
            "failure": ["The woods seem to shake their head.", "Nothing stirs."]
          }
        }
        """);
  }

  static NarrationRequest collect(String userId, long version) {
    return new NarrationRequest("wylding-woods", userId, "collect_item", true,
        "You collected Bottle of Joy.", null, null, version);
  }
}
