package dev.scrying.server.narrative;

import static dev.scrying.server.narrative.TestNarratives.wyldingWoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NarratorsTest {

  @Test
  void offlineIsTheDefault() {
    NarratorSettings settings = NarratorSettings.fromEnvironment(Map.of(
        "SCRYING_LLM_BASE_URL", "http://127.0.0.1:9", "SCRYING_LLM_MODEL", "m"));
    assertThat(settings.kind()).isEqualTo(NarratorSettings.Kind.OFFLINE);
    assertThat(settings.pacing()).isEqualTo(NarratorPacing.DEFAULT);
    try (Narrator narrator = Narrators.create(settings, wyldingWoods())) {
      assertThat(narrator).isInstanceOf(OfflineNarrator.class);
    }
  }

  @Test
  void offlinePacingComesFromTheEnvironment() {
    NarratorSettings settings = NarratorSettings.fromEnvironment(Map.of(
        "SCRYING_NARRATOR", "offline",
        "SCRYING_NARRATOR_FIRST_TOKEN_MS", "0",
        "SCRYING_NARRATOR_TOKENS_PER_SECOND", "120"));
    assertThat(settings.pacing()).isEqualTo(new NarratorPacing(Duration.ZERO, 120));
    try (Narrator narrator = Narrators.create(settings, wyldingWoods())) {
      assertThat(((OfflineNarrator) narrator).pacing()).isEqualTo(settings.pacing());
    }
  }

  @Test
  void openAiWhenAskedFor() {
    NarratorSettings settings = NarratorSettings.fromEnvironment(Map.of(
        "SCRYING_NARRATOR", "OpenAI",
        "SCRYING_LLM_BASE_URL", "http://127.0.0.1:9",
        "SCRYING_LLM_MODEL", "m"));
    assertThat(settings.kind()).isEqualTo(NarratorSettings.Kind.OPENAI);
    try (Narrator narrator = Narrators.create(settings, wyldingWoods())) {
      assertThat(narrator).isInstanceOf(OpenAiNarrator.class);
      assertThat(((OpenAiNarrator) narrator).config().model()).isEqualTo("m");
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> NarratorSettings.fromEnvironment(Map.of("SCRYING_NARRATOR", "gpt")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_NARRATOR");
    assertThatThrownBy(() -> NarratorSettings.fromEnvironment(Map.of("SCRYING_NARRATOR", "openai")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_LLM_BASE_URL");
    assertThatThrownBy(() -> NarratorSettings.fromEnvironment(Map.of("SCRYING_NARRATOR_TOKENS_PER_SECOND", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_NARRATOR_TOKENS_PER_SECOND");
    assertThatThrownBy(() -> new NarratorSettings(NarratorSettings.Kind.OPENAI, NarratorPacing.DEFAULT, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
