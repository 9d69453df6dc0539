package dev.scrying.console.model.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window layout in a small JSON file (by default {@code ~/.scrying/console-layout.json}).
 * A missing or unreadable file gives the default layout; saving writes a temp file and renames it, so
 * a crash never leaves half a file. Any thread, one call at a time.
 */
public final class LayoutStore {
  private static final Logger LOG = LoggerFactory.getLogger(LayoutStore.class);

  private final Path file;

  public LayoutStore(Path file) {
    this.file = file;
  }

  public static LayoutStore inHome() {
    return new LayoutStore(Path.of(System.getProperty("user.home"), ".scrying", "console-layout.json"));
  }

  public WindowLayout load() {
    if (!Files.isRegularFile(file)) {
      return WindowLayout.DEFAULT;
    }
    try {
      JsonNode n = Json.parse(Files.readAllBytes(file));
      Map<String, Double> dividers = new LinkedHashMap<>();
      n.path("dividers").fields().forEachRemaining(f -> dividers.put(f.getKey(), f.getValue().asDouble()));
      WindowLayout d = WindowLayout.DEFAULT;
      return new WindowLayout(number(n, "x", d.x()), number(n, "y", d.y()), number(n, "width", d.width()),
          number(n, "height", d.height()), n.path("maximized").asBoolean(false), n.path("dark").asBoolean(false),
          n.path("page").asText(d.page()), dividers);
    } catch (IOException | RuntimeException e) {
      LOG.info("ignoring the saved window layout {}: {}", file, e.getMessage());
      return WindowLayout.DEFAULT;
    }
  }

  public void save(WindowLayout layout) {
    ObjectNode n = Json.object().put("maximized", layout.maximized()).put("dark", layout.dark()).put("page", layout.page())
        .put("width", layout.width()).put("height", layout.height());
    if (layout.hasPosition()) {
      n.put("x", layout.x()).put("y", layout.y());
    }
    layout.dividers().forEach(n.putObject("dividers")::put);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.pretty(n));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("could not save the window layout to {}: {}", file, e.getMessage());
    }
  }

  private static double number(JsonNode n, String field, double fallback) {
    JsonNode v = n.path(field);
    return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : fallback;
  }
}
