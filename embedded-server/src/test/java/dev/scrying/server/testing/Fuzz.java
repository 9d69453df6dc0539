package dev.scrying.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.List;
import java.util.Random;

/**
 * Seeded random inputs for the bounded fuzz tests: JSON built from the protocol's own vocabulary, and
 * byte- and text-level mutations of valid messages. The budget is {@code -Dscrying.fuzz.iterations}
 * (per seed; CI uses the small default), the seeds are fixed so a failure replays exactly, and
 * {@code -Dscrying.fuzz.seed} adds one more. Not thread-safe: one per test.
 */
public final class Fuzz {
  public static final List<Long> SEEDS = seeds();
  private static final List<String> KEYS = List.of("type", "action", "text", "message", "lat", "lng", "timestamp",
      "instance_id", "item_id", "destination", "target_npc_id", "target_player_id", "npc_id", "quest_id", "request_id",
      "args", "experience", "user_id", "role", "stream", "conversation_id", "base_version", "snapshot_version",
      "changes", "metadata", "operation", "path", "value", "version", "token", "");
  private static final List<String> WORDS = List.of("action", "chat", "ping", "resync", "update_location", "get_commands",
      "collect_item", "drop_item", "give_item", "go", "look", "talk", "examine", "use_item", "inventory", "help",
      "@reset", "@edit", "@where", "@examine", "world", "experience", "CONFIRM", "bottle_joy", "bottle_mystery",
      "louisa", "counter", "woander_store", "clearing", "item", "npc", "global", "visible", "true", "false", "the",
      "to", "it", "take", "grab", "pick", "up", "give", "bottle", "joy", "dream", "../..", "*", ">", "world.updates.>",
      "\u0000", "\uD800", "\u202e", "é", "🍄", "null", "{", "}", "[", "\"", "\\", "%s", "${jndi:x}", "<b>", "\n", "\t", " ");
  private final Random rnd;

  public Fuzz(long seed) {
    this.rnd = new Random(seed);
  }

  public static int iterations(int ciDefault) {
    return Integer.getInteger("scrying.fuzz.iterations", ciDefault);
  }

  public Random random() {
    return rnd;
  }

  public String word() {
    return WORDS.get(rnd.nextInt(WORDS.size()));
  }

  /** A few words of the game's vocabulary and some junk, as a player might type (or an attacker). */
  public String text() {
    int n = rnd.nextInt(7);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : rnd.nextInt(10) == 0 ? "  " : " ").append(rnd.nextInt(12) == 0 ? randomChars(1 + rnd.nextInt(6)) : word());
    }
    return b.toString();
  }

  /** A plausible command ("grab the joy bottle", "give it to louisa"), sometimes with a stray word. */
  public String phrase() {
    List<String> verbs = List.of("take", "grab", "pick up", "collect_item", "drop", "drop_item", "give", "go to", "go",
        "talk to", "examine", "use", "look", "inventory", "what do I have", "help", "accept quest");
    List<String> things = List.of("the joy bottle", "bottle of mystery", "energy bottle", "nature bottle", "bottle_joy",
        "dream bottle", "it", "louisa", "the fairy", "the counter", "clearing", "woander_store", "moonstone",
        "health potion", "fairy dust", "spot_3", "main room", "bottle_quest", "");
    StringBuilder b = new StringBuilder(verbs.get(rnd.nextInt(verbs.size()))).append(' ')
        .append(things.get(rnd.nextInt(things.size())));
    if (rnd.nextInt(3) == 0) {
      b.append(" to ").append(things.get(rnd.nextInt(things.size())));
    }
    if (rnd.nextInt(8) == 0) {
      b.append(' ').append(word());
    }
    return b.toString();
  }

  public String randomChars(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) (rnd.nextInt(4) == 0 ? rnd.nextInt(0x10000) : 0x20 + rnd.nextInt(0x5f)));
    }
    return b.toString();
  }

  /** A JSON value of the protocol's shapes: objects with its keys, any value type, nesting up to {@code depth}. */
  public JsonNode json(int depth) {
    int kind = depth <= 0 ? 2 + rnd.nextInt(5) : rnd.nextInt(7);
    return switch (kind) {
      case 0 -> {
        ObjectNode o = Json.object();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
          o.set(KEYS.get(rnd.nextInt(KEYS.size())), json(depth - 1));
        }
        yield o;
      }
      case 1 -> {
        ArrayNode a = Json.MAPPER.createArrayNode();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(json(depth - 1));
        }
        yield a;
      }
      case 2 -> Json.MAPPER.getNodeFactory().textNode(rnd.nextBoolean() ? word() : text());
      case 3 -> Json.MAPPER.getNodeFactory().numberNode(rnd.nextBoolean() ? rnd.nextInt(2000) - 1000 : rnd.nextDouble() * 400 - 200);
      case 4 -> Json.MAPPER.getNodeFactory().booleanNode(rnd.nextBoolean());
      case 5 -> Json.MAPPER.getNodeFactory().nullNode();
      default -> Json.MAPPER.getNodeFactory().numberNode(rnd.nextLong());
    };
  }

  /** An object whose "type" (or "action") is usually a real one, with random other fields. */
  public ObjectNode message() {
    ObjectNode o = json(3) instanceof ObjectNode obj ? obj : Json.object();
    if (rnd.nextInt(4) != 0) {
      o.put("type", List.of("action", "chat", "ping", "resync", "update_location", "get_commands", "request_resync")
          .get(rnd.nextInt(7)));
    }
    if (rnd.nextInt(3) == 0) {
      o.put("action", rnd.nextBoolean() ? word() : text());
    }
    return o;
  }

  /** {@code s} with a handful of random edits: flips, inserts, deletes, duplicates, truncation. */
  public String mutate(String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = rnd.nextInt(b.length());
      switch (rnd.nextInt(6)) {
        case 0 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << rnd.nextInt(7))));
        case 1 -> b.insert(at, word());
        case 2 -> b.delete(at, Math.min(b.length(), at + 1 + rnd.nextInt(8)));
        case 3 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + rnd.nextInt(16))));
        case 4 -> b.setLength(at);
        default -> b.insert(at, "{[\"\\,:".charAt(rnd.nextInt(6)));
      }
    }
    return b.toString();
  }

  /** {@code bytes} with a handful of random byte edits. */
  public byte[] mutate(byte[] bytes) {
    byte[] out = bytes.clone();
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && out.length > 0; e++) {
      int at = rnd.nextInt(out.length);
      switch (rnd.nextInt(3)) {
        case 0 -> out[at] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> out[at] = (byte) rnd.nextInt(256);
        default -> out = java.util.Arrays.copyOf(out, at);
      }
    }
    return out;
  }

  private static List<Long> seeds() {
    List<Long> s = new java.util.ArrayList<>(List.of(1L, 7L, 42L, 2026L));
    Long extra = Long.getLong("scrying.fuzz.seed");
    if (extra != null) {
      s.add(extra);
    }
    return List.copyOf(s);
  }
}
