package dev.scrying.console.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutStoreTest {

  @Test
  void savesAndLoadsTheLayout(@TempDir Path dir) {
    LayoutStore store = new LayoutStore(dir.resolve("sub/layout.json"));
    WindowLayout saved = new WindowLayout(10, 20, 1200, 800, true, true, "HISTORY", Map.of("WORLD.main", 0.4));
    store.save(saved);
    assertThat(store.load()).isEqualTo(saved);
  }

  @Test
  void aMissingOrBrokenFileGivesTheDefault(@TempDir Path dir) throws Exception {
    LayoutStore store = new LayoutStore(dir.resolve("layout.json"));
    assertThat(store.load()).isEqualTo(WindowLayout.DEFAULT);
    Files.writeString(dir.resolve("layout.json"), "{not json");
    assertThat(store.load()).isEqualTo(WindowLayout.DEFAULT);
    assertThat(WindowLayout.DEFAULT.hasPosition()).isFalse();
  }
}
