package dev.scrying.server.engine;

import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.store.StateFolder;
import dev.scrying.server.store.StorageFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** A real engine over a real state folder, for engine-level tests. */
final class EngineFixture implements AutoCloseable {
  static final Experience WYLDING_WOODS = ExperienceLoader.loadBundled("wylding-woods");
  final StateFolder folder;
  final ExperienceEngine engine;

  EngineFixture(Path dir, StorageFaults faults) throws Exception {
    folder = new StateFolder(dir, faults);
    engine = new ExperienceEngine(WYLDING_WOODS, folder, Clock.systemUTC());
  }

  CommandResult run(String user, String action, String... fields) {
    var f = dev.scrying.experiences.Json.object();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      f.put(fields[i], fields[i + 1]);
    }
    return await(engine.submit(new Command(action, f, user, false, null, null, null)));
  }

  CommandResult admin(String text) {
    return await(engine.submit(new Command(Commands.TEXT, dev.scrying.experiences.Json.object().put("text", text),
        "operator", true, null, null, text)));
  }

  static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws Exception {
    engine.close();
    folder.close();
  }
}
