package dev.scrying.experiences.content;

import java.util.List;

/**
 * One command as the experience documents it in {@code game-logic/<command>.md}: its name, the verbs
 * natural language may use for it, the fields it takes and its help text.
 */
public record CommandDoc(
    String command,
    List<String> aliases,
    boolean requiresAdmin,
    List<String> fields,
    String summary,
    String help) {

  public CommandDoc {
    aliases = List.copyOf(aliases);
    fields = List.copyOf(fields);
  }
}
