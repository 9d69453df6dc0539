package dev.scrying.console;

import java.util.List;
import java.util.Map;

/**
 * What {@code scrying [args]} should do, decided from the arguments and the environment alone so the
 * choice can be tested without starting anything. {@code serverArgs} are what {@code ServerMain} gets
 * when the server runs headless, including as the fallback when {@link Mode#CONSOLE} cannot open a window;
 * {@code consoleArgs} are what the console window gets (e.g. {@code --connect URL}).
 */
record LaunchPlan(Mode mode, List<String> serverArgs, List<String> consoleArgs, String error) {

  enum Mode {
    /** The window, or the headless server if the window cannot open. */
    CONSOLE,
    /** The window or an error: the operator asked for it explicitly. */
    CONSOLE_ONLY,
    /** The window attached to a server elsewhere, over HTTP. */
    CONNECT,
    /** The flood benchmark of the console's event path (a window, headless under Monocle or Xvfb). */
    BENCH,
    SERVE,
    SERVE_NO_DISPLAY,
    HELP,
    USAGE_ERROR
  }

  static LaunchPlan of(String[] args, Map<String, String> env, String awtHeadless) {
    if (args.length == 0) {
      return displayAvailable(env, awtHeadless)
          ? new LaunchPlan(Mode.CONSOLE, List.of("serve"), List.of(), null)
          : new LaunchPlan(Mode.SERVE_NO_DISPLAY, List.of("serve"), List.of(), null);
    }
    return switch (args[0]) {
      case "serve" -> new LaunchPlan(Mode.SERVE, List.of(args), List.of(), null);
      case "console" -> args.length == 1
          ? new LaunchPlan(Mode.CONSOLE_ONLY, List.of(), List.of(), null)
          : usageError("'console' takes no options, got '" + args[1] + "'");
      case "connect" -> connect(args);
      case "console-bench" -> bench(args);
      case "-h", "--help", "help" -> new LaunchPlan(Mode.HELP, List.of(), List.of(), null);
      default -> usageError("unknown command '" + args[0] + "'");
    };
  }

  /** {@code bench [SECONDS] [EVENTS_PER_SECOND]}, both positive whole numbers. */
  private static LaunchPlan bench(String[] args) {
    List<String> numbers = List.of(args).subList(1, args.length);
    if (numbers.size() > 2 || !numbers.stream().allMatch(n -> n.matches("[1-9][0-9]{0,6}"))) {
      return usageError("'bench' takes up to two positive numbers: SECONDS and EVENTS_PER_SECOND");
    }
    return new LaunchPlan(Mode.BENCH, List.of(), numbers, null);
  }

  /** {@code connect URL [--token TOKEN]}. */
  private static LaunchPlan connect(String[] args) {
    if (args.length < 2 || args[1].startsWith("-")) {
      return usageError("'connect' needs the server's address, e.g. scrying connect http://192.168.1.20:8765");
    }
    List<String> console = new java.util.ArrayList<>(List.of("--connect", args[1]));
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--token") && i + 1 < args.length) {
        console.add("--token");
        console.add(args[++i]);
      } else {
        return usageError("'connect' takes only --token TOKEN after the address, got '" + args[i] + "'");
      }
    }
    return new LaunchPlan(Mode.CONNECT, List.of(), List.copyOf(console), null);
  }

  /** A window can open when X11 or Wayland is reachable and the JVM was not told to be headless. */
  static boolean displayAvailable(Map<String, String> env, String awtHeadless) {
    boolean display = !env.getOrDefault("DISPLAY", "").isBlank()
        || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    return display && !Boolean.parseBoolean(awtHeadless);
  }

  private static LaunchPlan usageError(String message) {
    return new LaunchPlan(Mode.USAGE_ERROR, List.of(), List.of(), message);
  }
}
