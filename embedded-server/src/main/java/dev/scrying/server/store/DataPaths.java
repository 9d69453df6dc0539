package dev.scrying.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a file or folder directly under a data-folder directory from a name that comes from an id
 * (an experience, a player), refusing any name that could lead elsewhere: separators, {@code .} and
 * {@code ..}, drive colons, control characters, or an existing symbolic link that points outside. Stateless;
 * a refusal is a {@link StoreException} thrown before any file is touched.
 */
public final class DataPaths {
  private static final int MAX_NAME = 255;

  private DataPaths() {}

  public static Path child(Path base, String name) {
    if (!isPlainName(name)) {
      throw new StoreException("refusing the file name '" + printable(name) + "': it could leave the data folder");
    }
    Path root = base.toAbsolutePath().normalize();
    Path p = root.resolve(name).normalize();
    if (!root.equals(p.getParent())) {
      throw new StoreException("refusing '" + printable(name) + "': it resolves outside " + root);
    }
    if (Files.isSymbolicLink(p) && !staysInside(root, p)) {
      throw new StoreException("refusing '" + printable(name) + "': it is a link that points outside " + root);
    }
    return p;
  }

  static boolean isPlainName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")) {
      return false;
    }
    return name.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f);
  }

  private static boolean staysInside(Path root, Path link) {
    try {
      return link.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false; // a dangling link: refuse rather than create something at its target
    }
  }

  private static String printable(String name) {
    if (name == null) {
      return "null";
    }
    String cut = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
