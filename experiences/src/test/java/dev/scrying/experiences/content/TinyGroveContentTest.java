package dev.scrying.experiences.content;

import static dev.scrying.experiences.content.TestContent.editJson;
import static dev.scrying.experiences.content.TestContent.editText;
import static dev.scrying.experiences.content.TestContent.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TinyGroveContentTest {
  private static final String WORLD = "world.template.json";
  private static final String HOLLOW = "/locations/grove/areas/hollow";

  @TempDir Path tmp;

  @Test
  void loadsFromItsFolder() {
    Experience e = ExperienceLoader.load(TestContent.tinyGrove());
    assertThat(e.id()).isEqualTo("tiny-grove");
    assertThat(e.itemTemplates()).containsOnlyKeys("acorn_gold", "acorn_silver", "pebble");
    assertThat(e.quest().path("npc").asText()).isEqualTo("hazel");
    assertThat(e.commands()).extracting(CommandDoc::command)
        .containsExactly("collect_item", "drop_item", "examine", "give_item", "go", "inventory");
    assertThat(e.command("give_item").orElseThrow().help()).isEqualTo("Help for give_item in the tiny grove.");
  }

  @Test
  void unchangedCopyLoads() throws IOException {
    Path dir = TestContent.copyTinyGrove(tmp);
    assertThat(ExperienceLoader.load(dir).id()).isEqualTo("tiny-grove");
  }

  @Test
  void loadAllFindsEveryExperienceFolder() throws IOException {
    TestContent.copyTinyGrove(tmp);
    Files.createDirectories(tmp.resolve("not-an-experience"));
    Map<String, Experience> all = ExperienceLoader.loadAll(tmp);
    assertThat(all).containsOnlyKeys("tiny-grove");
  }

  @Test
  void folderNameMustEqualTheId() throws IOException {
    Path dir = TestContent.copyTinyGrove(tmp);
    Path renamed = Files.move(dir, tmp.resolve("other-grove"));
    assertThatThrownBy(() -> ExperienceLoader.load(renamed))
        .isInstanceOfSatisfying(ContentException.class, ex -> {
          assertThat(ex.file()).isEqualTo("experience.json");
          assertThat(ex.jsonPath()).isEqualTo("/id");
          assertThat(ex.reason()).contains("other-grove");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  void brokenCopyIsRejectedWithFilePathAndReason(String name, Consumer<Path> corrupt, String file, String jsonPath,
      String reason) throws IOException {
    Path dir = TestContent.copyTinyGrove(tmp);
    corrupt.accept(dir);
    assertThatThrownBy(() -> ExperienceLoader.load(dir))
        .isInstanceOfSatisfying(ContentException.class, ex -> {
          assertThat(ex.file()).isEqualTo(file);
          assertThat(ex.jsonPath()).isEqualTo(jsonPath);
          assertThat(ex.reason()).contains(reason);
          assertThat(ex.getMessage()).startsWith(file);
        });
  }

  static Stream<Arguments> brokenCopies() {
    return Stream.of(
        broken("missing required field",
            world(w -> object(w, HOLLOW + "/spots/gate").remove("name")),
            WORLD, HOLLOW + "/spots/gate", "name"),
        broken("wrong type",
            world(w -> object(w, "/locations/grove").put("radius_m", "forty")),
            WORLD, "/locations/grove/radius_m", "number"),
        broken("bad id",
            world(w -> object(w, HOLLOW + "/spots/oak_root/items/0").put("instance_id", "Acorn Gold")),
            WORLD, HOLLOW + "/spots/oak_root/items/0/instance_id", "pattern"),
        broken("unknown template_id",
            world(w -> object(w, HOLLOW + "/spots/oak_root/items/1").put("template_id", "acorn_bronze")),
            WORLD, HOLLOW + "/spots/oak_root/items/1/template_id", "unknown item template 'acorn_bronze'"),
        broken("unknown NPC",
            world(w -> object(w, HOLLOW + "/spots/stream_bank").put("npc", "badger")),
            WORLD, HOLLOW + "/spots/stream_bank/npc", "unknown NPC 'badger'"),
        broken("NPC placed nowhere",
            world(w -> object(w, HOLLOW + "/spots/stream_bank").remove("npc")),
            WORLD, "/npcs/hazel", "not placed"),
        broken("duplicate instance id",
            world(w -> object(w, HOLLOW + "/spots/stream_bank/items/0").put("instance_id", "acorn_gold")),
            WORLD, HOLLOW + "/spots/stream_bank/items/0/instance_id", "instance id 'acorn_gold' is used twice"),
        broken("area without spots",
            world(w -> object(w, HOLLOW).putObject("spots")),
            WORLD, HOLLOW + "/spots", "1"),
        broken("item loose in an area",
            world(w -> object(w, HOLLOW).putArray("items")),
            WORLD, HOLLOW, "items"),
        broken("spot id shadows a zone id",
            dir -> editText(dir, WORLD, "\"gate\": {", "\"grove\": {"),
            WORLD, HOLLOW + "/spots/grove", "also a zone id"),
        broken("duplicate JSON key",
            dir -> editText(dir, WORLD, "\"gate\": {", "\"stream_bank\": { \"name\": \"x\" }, \"stream_bank\": {"),
            WORLD, HOLLOW + "/spots/stream_bank", "Duplicate field 'stream_bank'"),
        broken("invalid JSON",
            dir -> editText(dir, "templates/items.json", "\"pebble\": {", "\"pebble\": {,"),
            "templates/items.json", "/pebble", "not valid JSON"),
        broken("trailing text after JSON",
            dir -> editText(dir, "narrative.json", "\"failure\": [\"That didn't work.\"]\n  }\n}",
                "\"failure\": [\"That didn't work.\"]\n  }\n}\n}"),
            "narrative.json", "", "not valid JSON"),
        broken("consumable template without effects",
            json("templates/items.json", t -> object(t, "/pebble").put("consumable", true)),
            "templates/items.json", "/pebble", "effects"),
        broken("unknown bootstrap spot",
            json("experience.json", c -> object(c, "/bootstrap").put("spot", "treehouse")),
            "experience.json", "/bootstrap/spot", "no spot 'treehouse'"),
        broken("unknown template in starting inventory",
            json("experience.json", c -> object(c, "/bootstrap").putArray("inventory").addObject()
                .put("instance_id", "lamp").put("template_id", "lamp").put("type", "tool")
                .put("collectible", true).put("visible", true)),
            "experience.json", "/bootstrap/inventory/0/template_id", "unknown item template 'lamp'"),
        broken("health above max_health",
            json("experience.json", c -> object(c, "/bootstrap").put("health", 51)),
            "experience.json", "/bootstrap/health", "max_health"),
        broken("quest cannot be completed",
            world(w -> object(w, "/global_state").put("acorns_required", 3)),
            "experience.json", "/quest/item_template_prefix", "only 2 item(s)"),
        broken("quest counter missing",
            world(w -> object(w, "/global_state").remove("acorns_found")),
            "experience.json", "/quest/found_global", "acorns_found"),
        broken("content versions disagree",
            world(w -> object(w, "/metadata").put("version", "0.2.0")),
            WORLD, "/metadata/version", "0.1.0"),
        broken("narrative for an unknown NPC",
            json("narrative.json", n -> object(n, "/npcs").set("badger", n.at("/npcs/hazel").deepCopy())),
            "narrative.json", "/npcs/badger", "unknown NPC 'badger'"),
        broken("quest NPC without thanks_bottle",
            json("narrative.json", n -> object(n, "/npcs/hazel").remove("thanks_bottle")),
            "narrative.json", "/npcs/hazel", "thanks_bottle"),
        broken("unknown placeholder",
            json("narrative.json", n -> object(n, "/npcs/hazel").put("thanks", "Thanks for the {thing}!")),
            "narrative.json", "/npcs/hazel/thanks", "pattern"),
        broken("command without outcome lines",
            json("narrative.json", n -> object(n, "/outcomes").remove("examine")),
            "narrative.json", "/outcomes", "'examine'"),
        broken("outcome for a command that does not exist",
            json("narrative.json", n -> object(n, "/outcomes").putArray("dance").add("You dance.")),
            "narrative.json", "/outcomes/dance", "no player command 'dance'"),
        broken("bad front matter: wrong type",
            dir -> editText(dir, "game-logic/go.md", "requires_admin: false", "requires_admin: perhaps"),
            "game-logic/go.md", "/requires_admin", "boolean"),
        broken("bad front matter: missing field",
            dir -> editText(dir, "game-logic/go.md", "summary: Move somewhere nearby.\n", ""),
            "game-logic/go.md", "", "summary"),
        broken("bad front matter: unknown field",
            dir -> editText(dir, "game-logic/go.md", "requires_admin: false", "requires_admin: false\nsecret: 1"),
            "game-logic/go.md", "", "secret"),
        broken("bad front matter: not closed",
            dir -> editText(dir, "game-logic/go.md", "---\nHelp", "Help"),
            "game-logic/go.md", "", "not closed"),
        broken("bad front matter: invalid YAML",
            dir -> editText(dir, "game-logic/go.md", "aliases: [go, walk]", "aliases: [go, walk"),
            "game-logic/go.md", "/aliases/1", "line 4, column 15"),
        broken("command in the wrong file",
            dir -> editText(dir, "game-logic/go.md", "command: go", "command: walk"),
            "game-logic/go.md", "/command", "game-logic/walk.md"),
        broken("admin command not marked admin",
            dir -> {
              editText(dir, "game-logic/go.md", "command: go", "command: \"@go\"");
              move(dir, "game-logic/go.md", "game-logic/admin-go.md");
            },
            "game-logic/admin-go.md", "/requires_admin", "must be true"),
        broken("alias shared by two commands",
            dir -> editText(dir, "game-logic/drop_item.md", "[drop, put down]", "[drop, take]"),
            "game-logic/drop_item.md", "/aliases/1", "'take' is already used by command 'collect_item'"),
        broken("alias equal to another command's name",
            dir -> editText(dir, "game-logic/inventory.md", "[inventory, pockets]", "[inventory, examine]"),
            "game-logic/inventory.md", "/aliases/1", "'examine' is already used by command 'examine'"));
  }

  private static Arguments broken(String name, Consumer<Path> corrupt, String file, String jsonPath, String reason) {
    return Arguments.of(name, corrupt, file, jsonPath, reason);
  }

  private static Consumer<Path> world(Consumer<ObjectNode> edit) {
    return json(WORLD, edit);
  }

  private static Consumer<Path> json(String file, Consumer<ObjectNode> edit) {
    return dir -> editJson(dir, file, edit);
  }

  private static void move(Path dir, String from, String to) {
    try {
      Files.move(dir.resolve(from), dir.resolve(to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
