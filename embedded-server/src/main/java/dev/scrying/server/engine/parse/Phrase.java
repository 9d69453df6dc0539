package dev.scrying.server.engine.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Normalised words of a phrase: lower case, no punctuation, no filler words. */
record Phrase(List<String> words) {
  private static final Set<String> FILLER = Set.of("the", "a", "an", "please", "my", "some", "that", "this",
      "now", "quickly", "just", "me", "can", "you", "i", "want", "would", "like", "let", "lets", "s");
  private static final int CACHE_LIMIT = 8_192;
  private static final Map<String, Phrase> CACHE = new ConcurrentHashMap<>();

  static Phrase of(String text) {
    Phrase known = CACHE.get(text);
    if (known != null) {
      return known;
    }
    List<String> out = new ArrayList<>();
    for (String w : words(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
      if (!FILLER.contains(w)) {
        out.add(w);
      }
    }
    Phrase p = new Phrase(List.copyOf(out));
    // Every parse matches the player's words against each name in the world, which repeat: remembering them
    // keeps a chat command's parse well under a millisecond. Names come from content, so the set is small.
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(text, p);
    return p;
  }

  /** All words, including filler, for matching aliases such as "what do i have". */
  static List<String> raw(String text) {
    return words(text);
  }

  /** Lower-case words of letters, digits, '_' and '-'; anything else (apostrophes too) separates words. */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char ch = lower.charAt(i);
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-') {
        word.append(ch);
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  String text() {
    return String.join(" ", words);
  }

  /** Index where {@code other} occurs as a contiguous run of words, or -1. */
  int find(Phrase other) {
    if (other.words.isEmpty()) {
      return -1;
    }
    for (int i = 0; i + other.words.size() <= words.size(); i++) {
      if (words.subList(i, i + other.words.size()).equals(other.words)) {
        return i;
      }
    }
    return -1;
  }

  Phrase from(int index) {
    return new Phrase(words.subList(Math.min(index, words.size()), words.size()));
  }

  Phrase until(int index) {
    return new Phrase(words.subList(0, Math.min(index, words.size())));
  }
}
