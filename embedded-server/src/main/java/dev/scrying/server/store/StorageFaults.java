package dev.scrying.server.store;

import java.io.IOException;

/**
 * A seam for injecting storage failures (disk full, write errors) in tests and rehearsals. The
 * default does nothing. Called on the thread that writes.
 */
public interface StorageFaults {
  StorageFaults NONE = new StorageFaults() {};

  default void beforeWrite(String what) throws IOException {}

  default void beforeSync(String what) throws IOException {}
}
