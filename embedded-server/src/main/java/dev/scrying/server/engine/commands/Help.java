package dev.scrying.server.engine.commands;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.CommandDoc;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Outcome;

/** {@code help [command]}: the command docs of the experience. Admin commands are listed only to admins. */
public final class Help implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String topic = ctx.command().field("topic");
    boolean admin = ctx.command().admin();
    if (topic != null && !topic.isBlank()) {
      return ctx.experience().command(topic)
          .filter(d -> admin || !d.requiresAdmin())
          .map(d -> Outcome.read("**" + d.command() + "** (" + String.join(", ", d.aliases()) + ")\n" + d.help(),
              Json.object().put("topic", d.command())))
          .orElseGet(() -> Outcome.fail("No help for '" + topic + "'. Say 'help' for the list."));
    }
    StringBuilder text = new StringBuilder("Things you can do:");
    var list = Json.MAPPER.createArrayNode();
    for (CommandDoc d : ctx.experience().commands()) {
      if (admin || !d.requiresAdmin()) {
        text.append("\n- ").append(d.command()).append(": ").append(d.summary());
        list.add(d.command());
      }
    }
    var meta = Json.object();
    meta.set("commands", list);
    return Outcome.read(text.toString(), meta);
  }
}
