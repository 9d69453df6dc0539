package dev.scrying.server.engine;

import dev.scrying.server.engine.commands.AcceptQuest;
import dev.scrying.server.engine.commands.AdminEdit;
import dev.scrying.server.engine.commands.AdminExamine;
import dev.scrying.server.engine.commands.AdminReset;
import dev.scrying.server.engine.commands.AdminWhere;
import dev.scrying.server.engine.commands.CollectItem;
import dev.scrying.server.engine.commands.DropItem;
import dev.scrying.server.engine.commands.Examine;
import dev.scrying.server.engine.commands.GiveItem;
import dev.scrying.server.engine.commands.Go;
import dev.scrying.server.engine.commands.Help;
import dev.scrying.server.engine.commands.Inventory;
import dev.scrying.server.engine.commands.Look;
import dev.scrying.server.engine.commands.Talk;
import dev.scrying.server.engine.commands.UseItem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The registry of command handlers, by structured action name. Immutable. */
public final class Commands {
  /** Creates the player's view if it does not exist yet; a no-op otherwise. Sent on connect. */
  public static final String JOIN = "join";
  /** Free text ({@code fields.text}) to parse into a structured command on the writer thread. */
  public static final String TEXT = "say";

  private static final Map<String, CommandHandler> HANDLERS = Map.ofEntries(
      Map.entry("go", new Go()),
      Map.entry("collect_item", new CollectItem()),
      Map.entry("drop_item", new DropItem()),
      Map.entry("examine", new Examine()),
      Map.entry("inventory", new Inventory()),
      Map.entry("use_item", new UseItem()),
      Map.entry("give_item", new GiveItem()),
      Map.entry("talk", new Talk()),
      Map.entry("accept_quest", new AcceptQuest()),
      Map.entry("look", new Look()),
      Map.entry("help", new Help()),
      Map.entry(JOIN, ctx -> Outcome.read("Welcome.", null)),
      Map.entry("@where", new AdminWhere()),
      Map.entry("@examine", new AdminExamine()),
      Map.entry("@edit", new AdminEdit()),
      Map.entry("@reset", new AdminReset()));

  private Commands() {}

  public static Optional<CommandHandler> handler(String action) {
    return Optional.ofNullable(HANDLERS.get(action));
  }

  public static boolean isAdmin(String action) {
    return action.startsWith("@");
  }

  public static Set<String> names() {
    return new TreeSet<>(HANDLERS.keySet());
  }
}
