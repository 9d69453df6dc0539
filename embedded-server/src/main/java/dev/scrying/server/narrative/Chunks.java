package dev.scrying.server.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into streaming chunks the way a model's tokens arrive, but never inside a word. */
final class Chunks {
  private static final Pattern WORD_WITH_LEADING_SPACE = Pattern.compile("\\s*\\S+");

  private Chunks() {}

  /** One chunk per word, each carrying the whitespace before it; the chunks concatenate to text. */
  static List<String> words(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher matcher = WORD_WITH_LEADING_SPACE.matcher(text);
    while (matcher.find()) {
      chunks.add(matcher.group());
    }
    return chunks;
  }
}
