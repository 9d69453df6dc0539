package dev.scrying.scenarios.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrying.scenarios.client.LatencyMetric;
import dev.scrying.scenarios.client.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid files become records; every kind of bad file fails with its file, line and reason. */
class ScenarioLoaderTest {
  static final String HEAD = """
      name: test
      players:
        - id: guest
        - id: bob
          connection: [websocket, events]
        - id: carol
          joins: later
      steps:
      """;

  static Scenario parse(String text) throws ScenarioFormatException {
    return ScenarioLoader.parse(text, Path.of("scenarios/test.yaml"));
  }

  @Test
  void aValidFileBecomesRecords() throws Exception {
    Scenario s = parse(HEAD + """
          - reset: experience
          - command: collect_item
            fields: {instance_id: bottle_joy}
            timeout: 2s
            expect:
              success: true
              message: {regex: "^You collected .+\\\\.$"}
              response: [{path: item_id, equals: bottle_joy}]
              events:
                guest: [world_update, action_response]
                bob: {includes: [world_update], excludes: [error], transport: events}
              state:
                - world: locations.woander_store.areas.main_room.spots.spot_3.items
                  length: 0
                - player: guest
                  path: player.inventory
                  from: mirror
                  contains: bottle_joy
                  length: 1
              mirror_matches_server: all
          - chat: give it to Louisa
            player: bob
          - connect: carol
          - gps: {zone: clearing}
            player: carol
          - wait: {event: world_update, where: {metadata.actor: guest}}
            player: carol
          - wait: {status: {path: nats.state, equals: connected}}
          - pause: 250ms
          - fault: {cut: bob, reconnect_after: true}
          - fault: {nats: stop}
          - fault: {narrator_slowdown: 3}
        budgets:
          action_to_world_update: {p50: 50, p99: 250}
        """);

    assertThat(s.name()).isEqualTo("test");
    assertThat(s.experience()).isEqualTo("wylding-woods");
    assertThat(s.players()).extracting(PlayerSpec::id).containsExactly("guest", "bob", "carol");
    assertThat(s.player("bob").orElseThrow().connections()).containsExactlyInAnyOrder(ConnectionKind.WEBSOCKET, ConnectionKind.EVENTS);
    assertThat(s.player("carol").orElseThrow().joinsLater()).isTrue();
    assertThat(s.steps()).extracting(Step::kind).containsExactly("reset", "command", "chat", "connect", "gps", "wait",
        "wait", "pause", "fault", "fault", "fault");

    Step.Command collect = (Step.Command) s.steps().get(1);
    assertThat(collect.header().player()).as("the first player by default").isEqualTo("guest");
    assertThat(collect.header().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(collect.header().line()).isEqualTo(10);
    assertThat(collect.fields().path("instance_id").asText()).isEqualTo("bottle_joy");
    assertThat(collect.header().name()).isEqualTo("guest: collect_item bottle_joy");
    List<Expectation> e = collect.header().expectations();
    assertThat(e).hasSize(9);
    assertThat(e.get(1)).isInstanceOfSatisfying(Expectation.Message.class,
        m -> assertThat(m.match().test("You collected Bottle of Joy.")).isTrue());
    assertThat(e).filteredOn(x -> x instanceof Expectation.Events).hasSize(2);
    Expectation.Events bob = (Expectation.Events) e.stream().filter(x -> x instanceof Expectation.Events ev
        && ev.player().equals("bob")).findFirst().orElseThrow();
    assertThat(bob.spec().transport()).isEqualTo(Transport.EVENTS_SSE);
    assertThat(bob.spec().needsSettling()).isTrue();
    assertThat(e).filteredOn(x -> x instanceof Expectation.State st && st.from() == StateSource.MIRROR).hasSize(2);
    assertThat(e.get(e.size() - 1)).isInstanceOfSatisfying(Expectation.MirrorMatchesServer.class,
        m -> assertThat(m.players().all()).isTrue());

    assertThat(((Step.Gps) s.steps().get(4)).zone()).isEqualTo("clearing");
    assertThat(((Step.Wait) s.steps().get(5)).condition()).isInstanceOf(WaitCondition.ForEvent.class);
    assertThat(((Step.Pause) s.steps().get(7)).duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(((Step.Fault) s.steps().get(8)).action()).isEqualTo(new FaultAction.Cut("bob", true));
    assertThat(s.budgets()).extracting(Budget::metric, Budget::percentile, Budget::maxMillis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LatencyMetric.ACTION_TO_WORLD_UPDATE, 50.0, 50.0),
            org.assertj.core.groups.Tuple.tuple(LatencyMetric.ACTION_TO_WORLD_UPDATE, 99.0, 250.0));
  }

  static List<Arguments> badFiles() {
    return List.of(
        Arguments.of("not YAML", HEAD + "  - command: look\n   fields: [\n", 10, "not valid YAML"),
        Arguments.of("a typo in a key", HEAD + "  - command: look\n    expct: {success: true}\n", 10, "unknown key 'expct'"),
        Arguments.of("two kinds in one step", HEAD + "  - command: look\n    say: hello\n", 10, "has both 'command' and 'say'"),
        Arguments.of("no kind", HEAD + "  - name: nothing to do\n", 9, "needs exactly one of: command, say"),
        Arguments.of("an unknown player", HEAD + "  - say: hi\n  - say: hello\n    player: bobb\n", 11, "unknown player 'bobb'"),
        Arguments.of("a player before joining", HEAD + "  - say: hi\n    player: carol\n", 10, "has not connected yet"),
        Arguments.of("a bad regex", HEAD + "  - say: hi\n    expect:\n      message: {regex: \"(\"}\n", 11, "invalid regex"),
        Arguments.of("a bad duration", HEAD + "  - say: hi\n    timeout: soon\n", 10, "timeout"),
        Arguments.of("a duplicate key", HEAD + "  - say: hi\n    say: again\n", 10, "duplicate key 'say'"),
        Arguments.of("an unknown metric", HEAD + "  - say: hi\nbudgets:\n  warp_speed: {p99: 5}\n", 11, "warp_speed"),
        Arguments.of("a missing name", HEAD.replace("name: test\n", "") + "  - say: hi\n", 1, "needs 'name'"),
        Arguments.of("gps without a websocket", HEAD.replace("    connection: [websocket, events]", "    connection: events")
            + "  - gps: {lat: 1, lng: 2}\n    player: bob\n", 9, "GPS updates go over the WebSocket"),
        Arguments.of("a fault with two actions", HEAD + "  - fault: {nats: stop, cut: bob}\n", 9, "a fault has both"),
        Arguments.of("a check without a predicate", HEAD + "  - say: hi\n    expect:\n      state:\n        - world: npcs\n",
            12, "needs a predicate"),
        Arguments.of("a wrong enum", HEAD + "  - reset: experiance\n", 9, "reset"),
        Arguments.of("mirror of a chat-only player",
            HEAD.replace("    connection: [websocket, events]", "    connection: chat")
                + "  - say: hi\n    expect:\n      mirror_matches_server: bob\n", 11, "has no mirror"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFilesFailWithFileLineAndReason(String what, String text, int line, String reason) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
          assertThat(e.file()).isEqualTo(Path.of("scenarios/test.yaml").toString());
          assertThat(e.reason()).as(e.getMessage()).contains(reason);
          assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
          assertThat(e.getMessage()).startsWith(e.file() + ":" + line + ":");
        });
  }

  @Test
  void loadAllStopsAtTheFirstBadFileBeforeAnythingRuns(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), HEAD + "  - say: hi\n");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), HEAD + "  - sya: hi\n");
    assertThatThrownBy(() -> ScenarioLoader.loadAll(List.of(good, bad)))
        .isInstanceOf(ScenarioFormatException.class).hasMessageStartingWith(bad + ":9:");
    assertThat(ScenarioLoader.problems(List.of(good, bad, dir.resolve("missing.yaml")))).hasSize(2);
  }

  @Test
  void theCompleteExamplesInTheDocsAreValid() throws Exception {
    String doc = Files.readString(Path.of("../docs/SCENARIOS.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(doc);
    int complete = 0;
    while (m.find()) {
      if (m.group(1).contains("\nname:") || m.group(1).startsWith("name:")) {
        parse(m.group(1));
        complete++;
      }
    }
    assertThat(complete).isPositive();
  }

  @Test
  void theBundledSchemaIsOnTheClassPath() {
    assertThat(ScenarioLoader.class.getResource(ScenarioLoader.SCHEMA_RESOURCE)).isNotNull();
  }
}
