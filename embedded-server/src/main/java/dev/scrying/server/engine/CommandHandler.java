package dev.scrying.server.engine;

/** Decides one command. Runs on the writer thread; must not block, must not mutate the state. */
@FunctionalInterface
public interface CommandHandler {
  Outcome handle(CommandContext ctx);
}
