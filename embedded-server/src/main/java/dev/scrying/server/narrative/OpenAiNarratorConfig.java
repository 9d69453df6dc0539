package dev.scrying.server.narrative;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link OpenAiNarrator} reaches an OpenAI-compatible server (OpenAI, llama.cpp,
 * Ollama, vLLM). Immutable; {@link #toString()} never shows the API key.
 *
 * @param baseUrl server root, e.g. {@code http://127.0.0.1:11434}; a trailing {@code /v1} is
 *     accepted too
 * @param model the model name sent with each request
 * @param apiKey sent as a bearer token when present; blank means none
 * @param connectTimeout to open the connection
 * @param firstTokenTimeout from the request to the first text, including the model's thinking
 * @param totalTimeout for the whole narration
 */
public record OpenAiNarratorConfig(
    String baseUrl,
    String model,
    @Nullable String apiKey,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration totalTimeout) {

  public static final String BASE_URL_VARIABLE = "SCRYING_LLM_BASE_URL";
  public static final String MODEL_VARIABLE = "SCRYING_LLM_MODEL";
  public static final String API_KEY_VARIABLE = "SCRYING_LLM_API_KEY";
  public static final String CONNECT_TIMEOUT_MS_VARIABLE = "SCRYING_LLM_CONNECT_TIMEOUT_MS";
  public static final String FIRST_TOKEN_TIMEOUT_MS_VARIABLE = "SCRYING_LLM_FIRST_TOKEN_TIMEOUT_MS";
  public static final String TOTAL_TIMEOUT_MS_VARIABLE = "SCRYING_LLM_TOTAL_TIMEOUT_MS";

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Local models on a CPU can take several seconds to start answering.
  public static final Duration DEFAULT_FIRST_TOKEN_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);

  public OpenAiNarratorConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
    }
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(firstTokenTimeout, "firstTokenTimeout");
    requirePositive(totalTimeout, "totalTimeout");
  }

  /** A config with the default timeouts. */
  public static OpenAiNarratorConfig of(String baseUrl, String model, @Nullable String apiKey) {
    return new OpenAiNarratorConfig(baseUrl, model, apiKey,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_FIRST_TOKEN_TIMEOUT, DEFAULT_TOTAL_TIMEOUT);
  }

  /**
   * Reads {@code SCRYING_LLM_BASE_URL} and {@code SCRYING_LLM_MODEL} (required),
   * {@code SCRYING_LLM_API_KEY} and the optional {@code SCRYING_LLM_*_TIMEOUT_MS} overrides.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static OpenAiNarratorConfig fromEnvironment(Map<String, String> env) {
    return new OpenAiNarratorConfig(
        required(env, BASE_URL_VARIABLE),
        required(env, MODEL_VARIABLE),
        env.get(API_KEY_VARIABLE),
        millis(env, CONNECT_TIMEOUT_MS_VARIABLE, DEFAULT_CONNECT_TIMEOUT),
        millis(env, FIRST_TOKEN_TIMEOUT_MS_VARIABLE, DEFAULT_FIRST_TOKEN_TIMEOUT),
        millis(env, TOTAL_TIMEOUT_MS_VARIABLE, DEFAULT_TOTAL_TIMEOUT));
  }

  /** The chat completions endpoint under {@link #baseUrl}. */
  public HttpUrl chatCompletionsUrl() {
    String root = baseUrl.strip().replaceAll("/+$", "");
    String url = root.endsWith("/v1") ? root + "/chat/completions" : root + "/v1/chat/completions";
    return Objects.requireNonNull(HttpUrl.parse(url), url);
  }

  @Override
  public String toString() {
    return "OpenAiNarratorConfig[baseUrl=" + baseUrl + ", model=" + model
        + ", apiKey=" + (apiKey == null ? "none" : "<redacted>")
        + ", connectTimeout=" + connectTimeout + ", firstTokenTimeout=" + firstTokenTimeout
        + ", totalTimeout=" + totalTimeout + "]";
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return value.strip();
  }

  private static Duration millis(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.ofMillis(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number of milliseconds: " + value, e);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
