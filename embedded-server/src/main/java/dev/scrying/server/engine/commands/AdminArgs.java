package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.server.engine.Command;
import java.util.ArrayList;
import java.util.List;

/** The tokens after an admin command's name, e.g. {@code ["item", "bottle_joy", "visible", "false"]}. */
final class AdminArgs {
  private AdminArgs() {}

  static List<String> of(Command c) {
    List<String> out = new ArrayList<>();
    JsonNode args = c.fields().path("args");
    if (args.isArray()) {
      args.forEach(a -> out.add(a.asText()));
    } else if (args.isTextual()) {
      for (String t : args.asText().trim().split("\\s+")) {
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
