package dev.scrying.console.model.players;

import java.util.List;

/** One command the experience offers a player, from {@code commands_schema}: its name, what it does, its fields. */
public record CommandSpec(String name, String description, List<String> fields) {
  public CommandSpec {
    fields = List.copyOf(fields);
  }

  @Override
  public String toString() {
    return name;
  }
}
