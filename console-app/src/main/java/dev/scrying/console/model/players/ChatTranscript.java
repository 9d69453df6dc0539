package dev.scrying.console.model.players;

import java.util.ArrayList;
import java.util.List;

/** One chat message of a player and its SSE frames in arrival order, with the narrative so far. Immutable. */
public record ChatTranscript(String userId, String message, long sentAtMicros, List<ChatLine> lines, String narrative,
    boolean done) {

  public ChatTranscript {
    lines = List.copyOf(lines);
  }

  public static ChatTranscript started(String userId, String message, long sentAtMicros) {
    return new ChatTranscript(userId, message, sentAtMicros, List.of(), "", false);
  }

  public ChatTranscript plus(ChatLine line, String moreNarrative, boolean finished) {
    List<ChatLine> all = new ArrayList<>(lines);
    all.add(line);
    return new ChatTranscript(userId, message, sentAtMicros, all, narrative + moreNarrative, done || finished);
  }

  /** The frame types in order, e.g. {@code [metadata, world_update, content, …, done]}. */
  public List<String> types() {
    return lines.stream().map(ChatLine::type).toList();
  }
}
