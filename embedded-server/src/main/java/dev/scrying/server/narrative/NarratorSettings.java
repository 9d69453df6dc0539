package dev.scrying.server.narrative;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which narrator to run and how: offline (the default, no network) or an OpenAI-compatible server.
 * Immutable; read once at startup, typically with {@link #fromEnvironment}.
 *
 * @param kind which narrator
 * @param pacing for the offline narrator
 * @param openAi required for {@link Kind#OPENAI}, ignored otherwise
 */
public record NarratorSettings(Kind kind, NarratorPacing pacing, @Nullable OpenAiNarratorConfig openAi) {

  public static final String KIND_VARIABLE = "SCRYING_NARRATOR";
  public static final String FIRST_TOKEN_MS_VARIABLE = "SCRYING_NARRATOR_FIRST_TOKEN_MS";
  public static final String TOKENS_PER_SECOND_VARIABLE = "SCRYING_NARRATOR_TOKENS_PER_SECOND";

  /** The narrator implementations. */
  public enum Kind { OFFLINE, OPENAI }

  public NarratorSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pacing, "pacing");
    if (kind == Kind.OPENAI && openAi == null) {
      throw new IllegalArgumentException("the OPENAI narrator needs an OpenAiNarratorConfig");
    }
  }

  public static NarratorSettings offline(NarratorPacing pacing) {
    return new NarratorSettings(Kind.OFFLINE, pacing, null);
  }

  public static NarratorSettings openAi(OpenAiNarratorConfig config) {
    return new NarratorSettings(Kind.OPENAI, NarratorPacing.DEFAULT, config);
  }

  /**
   * {@code SCRYING_NARRATOR} = {@code offline} (default) or {@code openai}; offline pacing from
   * {@code SCRYING_NARRATOR_FIRST_TOKEN_MS} and {@code SCRYING_NARRATOR_TOKENS_PER_SECOND}; the
   * OpenAI server from {@link OpenAiNarratorConfig#fromEnvironment}. The server is used only when
   * asked for explicitly, so a stray {@code SCRYING_LLM_BASE_URL} never sends traffic anywhere.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static NarratorSettings fromEnvironment(Map<String, String> env) {
    String kind = env.getOrDefault(KIND_VARIABLE, "offline").strip().toLowerCase(Locale.ROOT);
    NarratorPacing pacing = pacing(env);
    return switch (kind) {
      case "", "offline" -> offline(pacing);
      case "openai" -> new NarratorSettings(Kind.OPENAI, pacing, OpenAiNarratorConfig.fromEnvironment(env));
      default -> throw new IllegalArgumentException(
          KIND_VARIABLE + " must be 'offline' or 'openai', not '" + kind + "'");
    };
  }

  private static NarratorPacing pacing(Map<String, String> env) {
    NarratorPacing defaults = NarratorPacing.DEFAULT;
    String delay = env.get(FIRST_TOKEN_MS_VARIABLE);
    String rate = env.get(TOKENS_PER_SECOND_VARIABLE);
    try {
      return new NarratorPacing(
          delay == null || delay.isBlank() ? defaults.firstTokenDelay() : Duration.ofMillis(Long.parseLong(delay.strip())),
          rate == null || rate.isBlank() ? defaults.tokensPerSecond() : Double.parseDouble(rate.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad narrator pacing in " + FIRST_TOKEN_MS_VARIABLE + "/"
          + TOKENS_PER_SECOND_VARIABLE + ": " + e.getMessage(), e);
    }
  }
}
