package dev.scrying.server;

import dev.scrying.experiences.content.Experience;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.narrative.Narrator;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.narrative.Narrators;
import dev.scrying.server.realtime.EventLog;
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
  private final EventLog eventLog;
  private final Narrator narrator;
  private final dev.scrying.server.narrative.NarratorPacing basePacing;

  public ExperienceRuntime(Experience experience, Path dataDir, Clock clock, StorageFaults faults,
      NarratorSettings narration) throws IOException {
    this.folder = new StateFolder(dev.scrying.server.store.DataPaths.child(dataDir, experience.id()), faults);
    try {
      this.engine = new ExperienceEngine(experience, folder, clock);
    } catch (IOException | RuntimeException e) {
      folder.close();
      throw e;
    }
    // The log first: anyone told of an event can then find it, and everything before it, there.
    this.eventLog = new EventLog(experience.id(), folder, engine.version());
    engine.addListener(eventLog);
    this.snapshotter = new Snapshotter(engine);
    this.narrator = Narrators.create(narration, experience.narrative());
    this.basePacing = narration.pacing();
  }

  /** The pacing the narrator started with; the "slow the narrator" rehearsal multiplies it. */
  public dev.scrying.server.narrative.NarratorPacing basePacing() {
    return basePacing;
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public Narrator narrator() {
    return narrator;
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
    narrator.close();
    snapshotter.close();
    engine.close();
    folder.close();
  }
}
