package dev.scrying.experiences.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated experience. Immutable by contract: callers deep-copy the template before
 * mutating it (the engine does on every reset).
 */
public record Experience(
    String id,
    String name,
    String contentVersion,
    ObjectNode config,
    ObjectNode worldTemplate,
    Map<String, ObjectNode> itemTemplates,
    ObjectNode narrative,
    List<CommandDoc> commands) {

  public Experience {
    itemTemplates = Map.copyOf(itemTemplates);
    commands = List.copyOf(commands);
  }

  /** A fresh, mutable copy of the template world. */
  public ObjectNode freshWorld() {
    return worldTemplate.deepCopy();
  }

  public Optional<ObjectNode> itemTemplate(String templateId) {
    return Optional.ofNullable(itemTemplates.get(templateId));
  }

  public Optional<CommandDoc> command(String name) {
    return commands.stream().filter(c -> c.command().equals(name)).findFirst();
  }

  public JsonNode bootstrap() {
    return config.path("bootstrap");
  }

  public JsonNode quest() {
    return config.path("quest");
  }
}
