package dev.scrying.server.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A seam around the storage layer's writes, for tests and rehearsals: inject failures (disk full, write
 * errors) before a write or a sync, and observe what a sync made durable (the power-loss test records it
 * to know what a lost page cache would leave). The default does nothing, so production pays one empty
 * call per fsync. Called on the thread that writes (the engine's writer or the snapshot thread).
 */
public interface StorageFaults {
  StorageFaults NONE = new StorageFaults() {};

  default void beforeWrite(String what) throws IOException {}

  default void beforeSync(String what) throws IOException {}

  /** {@code file}'s first {@code length} bytes are forced to disk: a power loss now keeps at least these. */
  default void synced(Path file, long length) {}

  /** {@code file} was created and its folder forced: a power loss now keeps its name. */
  default void created(Path file) {}

  /** {@code target} was atomically replaced by {@code bytes} and its folder forced: a power loss keeps this content. */
  default void replaced(Path target, byte[] bytes) {}
}
