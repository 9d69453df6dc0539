package dev.scrying.experiences.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WyldingWoodsContentTest {
  private static final String MAIN_ROOM = "/locations/woander_store/areas/main_room";

  private static Experience ww;

  @BeforeAll
  static void load() {
    ww = ExperienceLoader.loadBundled("wylding-woods");
  }

  @Test
  void identityAndBootstrap() {
    assertThat(ww.id()).isEqualTo("wylding-woods");
    assertThat(ww.contentVersion()).isEqualTo("1.0.0");
    JsonNode b = ww.bootstrap();
    assertThat(b.path("zone").asText()).isEqualTo("woander_store");
    assertThat(b.path("area").asText()).isEqualTo("main_room");
    assertThat(b.path("spot").asText()).isEqualTo("entrance");
    assertThat(b.path("inventory").isArray()).isTrue();
    assertThat(b.path("inventory")).isEmpty();
    assertThat(b.path("health").asInt()).isEqualTo(80);
    assertThat(b.path("max_health").asInt()).isEqualTo(100);
  }

  @Test
  void questConfig() {
    JsonNode q = ww.quest();
    assertThat(q.path("id").asText()).isEqualTo("bottle_quest");
    assertThat(q.path("npc").asText()).isEqualTo("louisa");
    assertThat(q.path("item_template_prefix").asText()).isEqualTo("bottle_");
    assertThat(q.path("required_global").asText()).isEqualTo("dream_bottles_required");
    assertThat(q.path("found_global").asText()).isEqualTo("dream_bottles_found");
    assertThat(ww.itemTemplates().keySet().stream().filter(t -> t.startsWith("bottle_")))
        .containsExactlyInAnyOrder("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature");
  }

  @Test
  void twoZonesAFewHundredMetresApart() {
    JsonNode locations = ww.worldTemplate().path("locations");
    assertThat(fieldNames(locations)).containsExactlyInAnyOrder("woander_store", "clearing");
    JsonNode shop = locations.path("woander_store");
    assertThat(shop.path("name").asText()).isEqualTo("Woander's Magical Shop");
    assertThat(shop.path("gps").path("lat").asDouble()).isEqualTo(37.906512);
    assertThat(shop.path("gps").path("lng").asDouble()).isEqualTo(-122.544217);
    assertThat(shop.path("radius_m").asDouble()).isEqualTo(60);
    JsonNode clearing = locations.path("clearing");
    assertThat(clearing.path("name").asText()).isEqualTo("The Clearing");
    double metres = haversine(shop.path("gps"), clearing.path("gps"));
    assertThat(metres).isBetween(300.0, 600.0);
    assertThat(metres).isGreaterThan(shop.path("radius_m").asDouble() + clearing.path("radius_m").asDouble());
  }

  @Test
  void mainRoomSpots() {
    JsonNode area = ww.worldTemplate().at(MAIN_ROOM);
    assertThat(area.path("name").asText()).isEqualTo("Main Room");
    assertThat(fieldNames(area.path("spots"))).hasSizeGreaterThanOrEqualTo(7).contains(
        "entrance", "counter", "fairy_door_main", "spot_1", "spot_2", "spot_3", "spot_4", "potion_shelf");
    assertThat(area.at("/spots/spot_1/name").asText()).isEqualTo("Spiral Shelf");
  }

  @ParameterizedTest
  @CsvSource({
      "spot_1, bottle_mystery, Bottle of Mystery, mystery, turquoise, spiral",
      "spot_2, bottle_energy,  Bottle of Energy,  energy,  amber,     star",
      "spot_3, bottle_joy,     Bottle of Joy,     joy,     golden,    moon",
      "spot_4, bottle_nature,  Bottle of Nature,  nature,  emerald,   leaf"})
  void questBottle(String spot, String id, String name, String dreamType, String colour, String symbol) {
    JsonNode items = ww.worldTemplate().at(MAIN_ROOM + "/spots/" + spot + "/items");
    assertThat(items).hasSize(1);
    JsonNode bottle = items.get(0);
    assertThat(bottle.path("instance_id").asText()).isEqualTo(id);
    assertThat(bottle.path("template_id").asText()).isEqualTo(id);
    assertThat(bottle.path("semantic_name").asText()).isEqualTo(name);
    assertThat(bottle.path("type").asText()).isEqualTo("collectible");
    assertThat(bottle.path("collectible").asBoolean()).isTrue();
    assertThat(bottle.path("visible").asBoolean()).isTrue();
    assertThat(bottle.at("/state/glowing").asBoolean()).isTrue();
    assertThat(bottle.at("/state/dream_type").asText()).isEqualTo(dreamType);
    assertThat(bottle.at("/state/glow_color").asText()).isEqualTo(colour);
    assertThat(bottle.at("/state/symbol").asText()).isEqualTo(symbol);

    JsonNode template = ww.itemTemplate(id).orElseThrow();
    assertThat(template.path("semantic_name").asText()).isEqualTo(name);
    assertThat(strings(template.path("aliases")))
        .contains("dream bottle", "bottle", name.toLowerCase(), dreamType + " bottle", colour + " bottle")
        .allMatch(a -> a.equals(a.toLowerCase()));
  }

  @Test
  void dreamBottleIsAmbiguousInTheShop() {
    List<String> shopTemplates = new ArrayList<>();
    ww.worldTemplate().at(MAIN_ROOM + "/spots").forEach(
        spot -> spot.path("items").forEach(i -> shopTemplates.add(i.path("template_id").asText())));
    List<String> matching = shopTemplates.stream()
        .filter(t -> strings(ww.itemTemplate(t).orElseThrow().path("aliases")).contains("dream bottle"))
        .toList();
    assertThat(matching).containsExactlyInAnyOrder("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature");
  }

  @Test
  void otherShopItems() {
    JsonNode sign = ww.worldTemplate().at(MAIN_ROOM + "/spots/entrance/items/0");
    assertThat(sign.path("instance_id").asText()).isEqualTo("welcome_sign");
    assertThat(sign.path("visible").asBoolean(true)).isFalse();
    assertThat(sign.path("collectible").asBoolean(true)).isFalse();

    JsonNode potion = ww.worldTemplate().at(MAIN_ROOM + "/spots/potion_shelf/items/0");
    assertThat(potion.path("instance_id").asText()).isEqualTo("health_potion_1");
    assertThat(potion.path("template_id").asText()).isEqualTo("health_potion");
    assertThat(potion.at("/effects/health").asInt()).isEqualTo(20);
    assertThat(potion.path("consumable").asBoolean()).isTrue();
    assertThat(potion.path("collectible").asBoolean()).isTrue();
  }

  @Test
  void clearingItemsAreNotQuestItems() {
    JsonNode spots = ww.worldTemplate().at("/locations/clearing/areas/glade/spots");
    assertThat(spots.size()).isGreaterThanOrEqualTo(3);
    Map<String, String> templateByInstance = new HashMap<>();
    spots.forEach(s -> s.path("items").forEach(
        i -> templateByInstance.put(i.path("instance_id").asText(), i.path("template_id").asText())));
    assertThat(templateByInstance).containsKeys("fairy_dust_pouch", "moonstone", "dream_bottle_clearing_1",
        "health_potion_2");
    assertThat(templateByInstance.values()).noneMatch(t -> t.startsWith("bottle_"));
  }

  @Test
  void instanceIdsAreUniqueAcrossTheWorld() {
    List<String> ids = ww.worldTemplate().findValues("instance_id").stream().map(JsonNode::asText).toList();
    assertThat(ids).containsExactlyInAnyOrder("welcome_sign", "bottle_mystery", "bottle_energy", "bottle_joy",
        "bottle_nature", "health_potion_1", "fairy_dust_pouch", "dream_bottle_clearing_1", "moonstone",
        "health_potion_2");
  }

  @Test
  void npcsArePlacedAndHaveTheirState() {
    assertThat(npcAt("woander_store", "main_room")).containsEntry("counter", "woander")
        .containsEntry("fairy_door_main", "louisa");
    assertThat(npcAt("clearing", "glade")).containsValue("thistle");
    JsonNode woander = ww.worldTemplate().at("/npcs/woander");
    assertThat(woander.path("type").asText()).isEqualTo("shopkeeper_fairy");
    assertThat(woander.at("/state/greeting_given").asBoolean(true)).isFalse();
    assertThat(woander.at("/state/shop_open").asBoolean()).isTrue();
    JsonNode louisa = ww.worldTemplate().at("/npcs/louisa");
    assertThat(louisa.at("/state/bottles_collected").asInt(-1)).isZero();
    assertThat(louisa.at("/state/quest_active").asBoolean(true)).isFalse();
    assertThat(louisa.path("inventory")).isEmpty();
  }

  @Test
  void globalStateAndMetadata() {
    JsonNode g = ww.worldTemplate().path("global_state");
    assertThat(g.path("quest_started").asBoolean(true)).isFalse();
    assertThat(g.path("dream_bottles_found").asInt(-1)).isZero();
    assertThat(g.path("dream_bottles_required").asInt()).isEqualTo(4);
    assertThat(g.path("shop_open").asBoolean()).isTrue();
    assertThat(ww.worldTemplate().at("/metadata/_version").asInt()).isEqualTo(1);
    assertThat(ww.worldTemplate().at("/metadata/version").asText()).isEqualTo("1.0.0");
  }

  @Test
  void louisaLines() {
    JsonNode louisa = ww.narrative().at("/npcs/louisa");
    assertThat(strings(louisa.path("aliases"))).contains("louisa", "fairy", "dream weaver");
    assertThat(louisa.path("talk").size()).isGreaterThanOrEqualTo(3);
    assertThat(louisa.path("thanks_bottle").asText())
        .contains("{item}", "That's {count} out of {total} bottles");
    assertThat(louisa.path("quest_complete").asText()).contains("You found them all!");
    assertThat(louisa.path("thanks").asText()).contains("{item}");
    assertThat(ww.narrative().at("/npcs/woander/talk").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void outcomeLinesForEveryCommand() {
    JsonNode outcomes = ww.narrative().path("outcomes");
    assertThat(fieldNames(outcomes)).contains("collect_item", "drop_item", "give_item", "go", "use_item", "examine",
        "inventory", "talk", "failure", "accept_quest");
    outcomes.forEach(lines -> assertThat(lines.size()).isBetween(2, 4));
  }

  @Test
  void playerCommands() {
    assertThat(ww.commands().stream().map(CommandDoc::command)).containsExactlyInAnyOrder(
        "go", "collect_item", "drop_item", "examine", "inventory", "use_item", "give_item", "talk", "accept_quest",
        "look", "help", "@where", "@examine", "@edit", "@reset");
    assertThat(ww.command("go").orElseThrow().aliases())
        .containsExactlyInAnyOrder("go", "walk", "move", "head", "travel", "go to");
    assertThat(ww.command("collect_item").orElseThrow().aliases())
        .containsExactlyInAnyOrder("take", "grab", "pick up", "collect", "get");
    assertThat(ww.command("inventory").orElseThrow().aliases()).contains("what do i have", "check inventory");
    assertThat(ww.command("give_item").orElseThrow().fields()).containsExactly("instance_id", "target_npc_id");
    assertThat(ww.command("talk").orElseThrow().fields()).containsExactly("npc_id", "message");
    assertThat(ww.command("accept_quest").orElseThrow().fields()).containsExactly("quest_id");
    assertThat(ww.commands()).allSatisfy(c -> {
      assertThat(c.summary()).isNotBlank();
      assertThat(c.help()).isNotBlank().doesNotContain("---");
    });
  }

  @Test
  void adminCommands() {
    List<CommandDoc> admin = ww.commands().stream().filter(CommandDoc::requiresAdmin).toList();
    assertThat(admin).extracting(CommandDoc::command)
        .containsExactlyInAnyOrder("@where", "@examine", "@edit", "@reset");
    assertThat(ww.command("@reset").orElseThrow().help())
        .contains("`experience`", "`world`", "`player <id>`", "commit <sha>", "CONFIRM", "preview");
  }

  @Test
  void noVerbBelongsToTwoCommands() {
    Set<String> seen = new HashSet<>();
    for (CommandDoc c : ww.commands()) {
      Set<String> verbs = new HashSet<>(c.aliases());
      verbs.add(c.command());
      for (String v : verbs) {
        assertThat(seen.add(v)).as("verb '%s' of %s", v, c.command()).isTrue();
      }
    }
  }

  private static Map<String, String> npcAt(String zone, String area) {
    JsonNode spots = ww.worldTemplate().at("/locations/" + zone + "/areas/" + area + "/spots");
    return fieldNames(spots).stream().filter(s -> spots.path(s).has("npc"))
        .collect(Collectors.toMap(s -> s, s -> spots.path(s).path("npc").asText()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static double haversine(JsonNode a, JsonNode b) {
    double r = 6_371_000;
    double dLat = Math.toRadians(b.path("lat").asDouble() - a.path("lat").asDouble());
    double dLng = Math.toRadians(b.path("lng").asDouble() - a.path("lng").asDouble());
    double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.path("lat").asDouble()))
        * Math.cos(Math.toRadians(b.path("lat").asDouble())) * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }
}
