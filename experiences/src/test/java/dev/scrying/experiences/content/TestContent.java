package dev.scrying.experiences.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Test helpers: locate the tiny-grove fixture, copy it and edit the copy. */
final class TestContent {
  private TestContent() {}

  static Path tinyGrove() {
    URL url = TestContent.class.getResource("/test-experiences/tiny-grove/experience.json");
    if (url == null) {
      throw new IllegalStateException("tiny-grove fixture missing from the test classpath");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies tiny-grove to {@code parent/tiny-grove} (the folder name must equal the id). */
  static Path copyTinyGrove(Path parent) throws IOException {
    Path source = tinyGrove();
    Path target = parent.resolve("tiny-grove");
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(source)) {
      paths = walk.toList();
    }
    for (Path p : paths) {
      Path to = target.resolve(source.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(to);
      } else {
        Files.copy(p, to);
      }
    }
    return target;
  }

  /** Reads a JSON file of the copy, lets {@code edit} change it and writes it back. */
  static void editJson(Path dir, String file, Consumer<ObjectNode> edit) {
    try {
      Path path = dir.resolve(file);
      ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(path));
      edit.accept(root);
      Files.write(path, Json.writeBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(JsonNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  static void editText(Path dir, String file, String from, String to) {
    try {
      Path path = dir.resolve(file);
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain '" + from + "'");
      }
      Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
