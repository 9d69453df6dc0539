package dev.scrying.server.engine.parse;

import java.util.List;

/** Something a phrase can name: an item, NPC, place or player, with every name it answers to. */
record Entity(String id, String displayName, List<Phrase> names, int priority) {
  /** Length of the longest name found in {@code text}, or 0. */
  int matchLength(Phrase text) {
    int best = 0;
    for (Phrase n : names) {
      if (text.find(n) >= 0) {
        best = Math.max(best, n.words().size());
      }
    }
    return best;
  }
}
