package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the narrator the settings ask for; the caller owns it and must close it. */
public final class Narrators {
  private Narrators() {}

  /** @param narrative the experience's narrative.json ({@code Experience.narrative()}) */
  public static Narrator create(NarratorSettings settings, ObjectNode narrative) {
    return switch (settings.kind()) {
      case OFFLINE -> new OfflineNarrator(narrative, settings.pacing());
      case OPENAI -> new OpenAiNarrator(settings.openAi(), narrative);
    };
  }
}
