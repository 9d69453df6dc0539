package dev.scrying.server;

import dev.scrying.experiences.content.Experience;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.store.Snapshotter;
import dev.scrying.server.store.StateFolder;
import dev.scrying.server.store.StorageFaults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** One running experience: its state folder, single-writer engine and snapshot thread. Closed in reverse order. */
public final class ExperienceRuntime implements AutoCloseable {
  private final StateFolder folder;
  private final ExperienceEngine engine;
  private final Snapshotter snapshotter;

  public ExperienceRuntime(Experience experience, Path dataDir, Clock clock, StorageFaults faults) throws IOException {
    this.folder = new StateFolder(dataDir.resolve(experience.id()), faults);
    try {
      this.engine = new ExperienceEngine(experience, folder, clock);
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
    this.snapshotter = new Snapshotter(engine);
  }

  public ExperienceEngine engine() {
    return engine;
  }

  public Snapshotter snapshotter() {
    return snapshotter;
  }

  public StateFolder folder() {
    return folder;
  }

  public Experience experience() {
    return engine.experience();
  }

  @Override
  public void close() throws IOException {
    // The snapshot thread reads through the engine, so it stops first, with a last snapshot.
    snapshotter.close();
    engine.close();
    folder.close();
  }
}
