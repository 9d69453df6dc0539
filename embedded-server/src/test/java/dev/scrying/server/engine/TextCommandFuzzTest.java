package dev.scrying.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.server.store.Journal;
import dev.scrying.server.store.JournalEntry;
import dev.scrying.server.store.StorageFaults;
import dev.scrying.server.testing.Fuzz;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded property test of the command parser through the engine: random text (game words, junk,
 * control and bidi characters, admin-looking commands) from players and the operator never throws and
 * never fails inside the server; the state changes only when the text parsed to a real command the
 * caller may run, by exactly one version; and the state always equals the replay of the journal.
 */
class TextCommandFuzzTest {
  @TempDir Path dir;

  @Test
  void randomTextNeverThrowsAndOnlyValidCommandsChangeTheWorld() throws Exception {
    int n = Fuzz.iterations(400);
    int changed = 0;
    int answered = 0;
    for (long seed : Fuzz.SEEDS) {
      Path folder = dir.resolve("s" + seed);
      try (EngineFixture fx = new EngineFixture(folder, StorageFaults.NONE)) {
        Fuzz f = new Fuzz(seed);
        Random rnd = f.random();
        for (int i = 0; i < n; i++) {
          boolean admin = rnd.nextInt(10) == 0;
          String user = admin ? "operator" : List.of("alice", "bob", "carol" + rnd.nextInt(3)).get(rnd.nextInt(3));
          String text = switch (rnd.nextInt(6)) {
            case 0 -> "@" + f.text();
            case 1 -> f.mutate(f.phrase());
            case 2, 3 -> f.phrase();
            default -> f.text();
          };
          long before = fx.engine.version();
          CommandResult r = EngineFixture.await(fx.engine.submit(new Command(Commands.TEXT, Json.object().put("text", text),
              user, admin, null, null, text)));
          String where = "seed " + seed + " #" + i + " '" + text + "' by " + user;
          assertThat(r.errorCode()).as(where).isNotIn("internal_error", "storage_unavailable");
          if (r.stateChanged()) {
            changed++;
            assertThat(fx.engine.version()).as(where).isEqualTo(before + 1);
            assertThat(Commands.handler(r.action())).as(where + " ran " + r.command()).isPresent();
            assertThat(admin || !Commands.isAdmin(r.action())).as(where + ": an admin command by a player").isTrue();
          } else {
            answered++;
            assertThat(fx.engine.version()).as(where).isEqualTo(before);
          }
          if (i % 100 == 99) {
            assertEqualsReplay(fx, folder, where);
          }
        }
        assertEqualsReplay(fx, folder, "seed " + seed + " end");
      }
    }
    System.out.printf("RELIABILITY fuzz-text-commands iterations=%d changed=%d answered_without_change=%d exceptions=0%n",
        n * Fuzz.SEEDS.size(), changed, answered);
  }

  private static void assertEqualsReplay(EngineFixture fx, Path folder, String where) throws Exception {
    var experience = EngineFixture.WYLDING_WOODS;
    GameState replay = new GameState(experience.freshWorld(), experience.worldTemplate().path("metadata").path("_version").asLong());
    for (JournalEntry e : Journal.readQuietly(folder.resolve("journal.log"))) {
      e.mutations().forEach(replay::apply);
      replay.restoreVersion(e.version());
    }
    String live = EngineFixture.await(fx.engine.read(s -> Json.write(s.toJson())));
    assertThat(Json.parse(live)).as(where + ": state equals journal replay").isEqualTo(Json.parse(Json.write(replay.toJson())));
  }
}
