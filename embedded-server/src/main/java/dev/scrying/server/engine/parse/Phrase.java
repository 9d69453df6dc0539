package dev.scrying.server.engine.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Normalised words of a phrase: lower case, no punctuation, no filler words. */
record Phrase(List<String> words) {
  private static final Set<String> FILLER = Set.of("the", "a", "an", "please", "my", "some", "that", "this",
      "now", "quickly", "just", "me", "can", "you", "i", "want", "would", "like", "let", "lets", "s");

  static Phrase of(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_' -]", " ").replace("'", " ");
    List<String> out = new ArrayList<>();
    for (String w : plain.trim().split("\\s+")) {
      if (!w.isEmpty() && !FILLER.contains(w)) {
        out.add(w);
      }
    }
    return new Phrase(out);
  }

  /** All words, including filler, for matching aliases such as "what do i have". */
  static List<String> raw(String text) {
    String plain = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_' -]", " ").replace("'", " ");
    return Arrays.stream(plain.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
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
