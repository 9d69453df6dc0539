package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrying.experiences.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** G13: names that come from ids can never reach a file outside the data folder. */
class DataPathsTest {
  static final List<String> ESCAPES = List.of("..", ".", "../x", "..\\x", "a/b", "a\\b", "/etc/passwd", "C:x", "C:\\x",
      "\\\\server\\share", "x\u0000.json", "x\n", "", "a".repeat(256), "../../../../../../tmp/evil", "%2e%2e/x");
  @TempDir Path dir;

  @Test
  void namesThatCouldLeaveTheFolderAreRefusedBeforeAnyFileIsTouched() throws Exception {
    Path base = Files.createDirectories(dir.resolve("data"));
    for (String name : ESCAPES) {
      if (name.startsWith("%")) {
        // Not decoded here: a literal '%' is a plain name, and it stays inside.
        assertThat(DataPaths.child(base, "%2e%2e").getParent()).isEqualTo(base.toAbsolutePath());
        continue;
      }
      assertThatThrownBy(() -> DataPaths.child(base, name)).as("'%s'", name).isInstanceOf(StoreException.class);
    }
    assertThat(DataPaths.child(base, "wylding-woods")).isEqualTo(base.toAbsolutePath().resolve("wylding-woods"));
    assertThat(DataPaths.child(base, "alice.json").getParent()).isEqualTo(base.toAbsolutePath());
    assertThat(listAll(dir)).containsExactly(base);
  }

  @Test
  void aPlantedLinkThatPointsOutsideIsRefused() throws Exception {
    Path base = Files.createDirectories(dir.resolve("data"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(base.resolve("wylding-woods"), outside);
    Files.createSymbolicLink(base.resolve("inner"), Files.createDirectories(base.resolve("real")));
    assertThatThrownBy(() -> DataPaths.child(base, "wylding-woods")).isInstanceOf(StoreException.class)
        .hasMessageContaining("link that points outside");
    assertThat(DataPaths.child(base, "inner")).isEqualTo(base.toAbsolutePath().resolve("inner"));
    Files.createSymbolicLink(base.resolve("dangling"), dir.resolve("nowhere"));
    assertThatThrownBy(() -> DataPaths.child(base, "dangling")).isInstanceOf(StoreException.class);
  }

  @Test
  void aPlayerIdThatIsAPathWritesNoFileOutsideThePlayersFolder() throws Exception {
    Path folder = dir.resolve("data").resolve("exp");
    try (StateFolder f = new StateFolder(folder, StorageFaults.NONE)) {
      byte[] json = Json.writeBytes(Json.object());
      assertThatThrownBy(() -> f.writeReadable(json, Map.of("../../../escaped", json)))
          .isInstanceOf(StoreException.class);
      f.writeReadable(json, Map.of("alice", json));
    }
    assertThat(folder.resolve("players").resolve("alice.json")).exists();
    assertThat(listAll(dir)).noneMatch(p -> p.getFileName().toString().startsWith("escaped"));
  }

  private static List<Path> listAll(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root)).toList();
    }
  }
}
