package dev.scrying.server.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiNarratorConfigTest {

  @Test
  void readsTheEnvironment() {
    OpenAiNarratorConfig config = OpenAiNarratorConfig.fromEnvironment(Map.of(
        "SCRYING_LLM_BASE_URL", "http://127.0.0.1:8080",
        "SCRYING_LLM_MODEL", "llama-3.2-1b",
        "SCRYING_LLM_API_KEY", "sk-secret",
        "SCRYING_LLM_FIRST_TOKEN_TIMEOUT_MS", "2500"));
    assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(config.model()).isEqualTo("llama-3.2-1b");
    assertThat(config.apiKey()).isEqualTo("sk-secret");
    assertThat(config.firstTokenTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.connectTimeout()).isEqualTo(OpenAiNarratorConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(config.totalTimeout()).isEqualTo(OpenAiNarratorConfig.DEFAULT_TOTAL_TIMEOUT);
    assertThat(config.chatCompletionsUrl().toString()).isEqualTo("http://127.0.0.1:8080/v1/chat/completions");
  }

  @Test
  void neverShowsTheKey() {
    OpenAiNarratorConfig config = OpenAiNarratorConfig.of("http://localhost:1", "m", "sk-secret");
    assertThat(config.toString()).doesNotContain("sk-secret").contains("<redacted>");
    assertThat(OpenAiNarratorConfig.of("http://localhost:1", "m", "").apiKey()).isNull();
  }

  @Test
  void namesWhatIsMissingOrMalformed() {
    assertThatThrownBy(() -> OpenAiNarratorConfig.fromEnvironment(Map.of("SCRYING_LLM_MODEL", "m")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_LLM_BASE_URL");
    assertThatThrownBy(() -> OpenAiNarratorConfig.fromEnvironment(Map.of("SCRYING_LLM_BASE_URL", "http://x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_LLM_MODEL");
    assertThatThrownBy(() -> OpenAiNarratorConfig.fromEnvironment(Map.of(
        "SCRYING_LLM_BASE_URL", "http://x", "SCRYING_LLM_MODEL", "m", "SCRYING_LLM_TOTAL_TIMEOUT_MS", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCRYING_LLM_TOTAL_TIMEOUT_MS");
    assertThatThrownBy(() -> OpenAiNarratorConfig.of("ftp://x", "m", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endpointToleratesTrailingSlashAndV1() {
    assertThat(OpenAiNarratorConfig.of("http://h:1/", "m", null).chatCompletionsUrl().toString())
        .isEqualTo("http://h:1/v1/chat/completions");
    assertThat(OpenAiNarratorConfig.of("https://api.example.test/v1", "m", null).chatCompletionsUrl().toString())
        .isEqualTo("https://api.example.test/v1/chat/completions");
  }
}
