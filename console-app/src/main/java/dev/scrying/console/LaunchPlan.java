package dev.scrying.console;

import java.util.List;
import java.util.Map;

/**
 * What {@code scrying [args]} should do, decided from the arguments and the environment alone so the
 * choice can be tested without starting anything. {@code serverArgs} are what {@code ServerMain} gets
 * when the server runs headless, including as the fallback when {@link Mode#CONSOLE} cannot open a window.
 */
record LaunchPlan(Mode mode, List<String> serverArgs, String error) {

  enum Mode {
    /** The window, or the headless server if the window cannot open. */
    CONSOLE,
    /** The window or an error: the operator asked for it explicitly. */
    CONSOLE_ONLY,
    SERVE,
    SERVE_NO_DISPLAY,
    HELP,
    USAGE_ERROR
  }

  static LaunchPlan of(String[] args, Map<String, String> env, String awtHeadless) {
    if (args.length == 0) {
      return displayAvailable(env, awtHeadless)
          ? new LaunchPlan(Mode.CONSOLE, List.of("serve"), null)
          : new LaunchPlan(Mode.SERVE_NO_DISPLAY, List.of("serve"), null);
    }
    return switch (args[0]) {
      case "serve" -> new LaunchPlan(Mode.SERVE, List.of(args), null);
      case "console" -> args.length == 1
          ? new LaunchPlan(Mode.CONSOLE_ONLY, List.of(), null)
          : usageError("'console' takes no options yet, got '" + args[1] + "'");
      case "-h", "--help", "help" -> new LaunchPlan(Mode.HELP, List.of(), null);
      default -> usageError("unknown command '" + args[0] + "'");
    };
  }

  /** A window can open when X11 or Wayland is reachable and the JVM was not told to be headless. */
  static boolean displayAvailable(Map<String, String> env, String awtHeadless) {
    boolean display = !env.getOrDefault("DISPLAY", "").isBlank()
        || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    return display && !Boolean.parseBoolean(awtHeadless);
  }

  private static LaunchPlan usageError(String message) {
    return new LaunchPlan(Mode.USAGE_ERROR, List.of(), message);
  }
}
