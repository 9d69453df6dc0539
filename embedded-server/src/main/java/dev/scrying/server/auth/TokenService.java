package dev.scrying.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies HS256 JSON Web Tokens. The algorithm is fixed (a token naming any other is
 * refused), every token expires, and the subject must be a valid user id. Thread-safe.
 */
public final class TokenService {
  private static final String HEADER = b64(Json.write(Json.object().put("alg", "HS256").put("typ", "JWT")).getBytes(StandardCharsets.UTF_8));
  private final byte[] secret;
  private final Clock clock;

  public TokenService(byte[] secret, Clock clock) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("token secret must be at least 32 bytes");
    }
    this.secret = secret.clone();
    this.clock = clock;
  }

  public static byte[] randomSecret() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  public String issue(String userId, Identity.Role role, Duration ttl) {
    Ids.requireUserId(userId);
    long now = clock.millis() / 1000;
    ObjectNode claims = Json.object().put("sub", userId).put("role", role.name().toLowerCase())
        .put("iat", now).put("exp", now + ttl.toSeconds());
    String body = HEADER + "." + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    return body + "." + b64(sign(body));
  }

  public Identity verify(String token) {
    if (token == null || token.isBlank()) {
      throw new AuthException("missing token");
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw new AuthException("malformed token");
    }
    JsonNode header = decode(parts[0]);
    if (!"HS256".equals(header.path("alg").asText())) {
      throw new AuthException("unsupported token algorithm");
    }
    byte[] expected = sign(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new AuthException("malformed token");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new AuthException("invalid token signature");
    }
    JsonNode claims = decode(parts[1]);
    if (claims.path("exp").asLong(0) <= clock.millis() / 1000) {
      throw new AuthException("token expired");
    }
    String sub = claims.path("sub").asText(null);
    if (!Ids.isUserId(sub)) {
      throw new AuthException("token subject is not a valid user id");
    }
    Identity.Role role = "admin".equals(claims.path("role").asText()) ? Identity.Role.ADMIN : Identity.Role.PLAYER;
    return new Identity(sub, role);
  }

  private static JsonNode decode(String part) {
    try {
      return Json.parse(Base64.getUrlDecoder().decode(part));
    } catch (IllegalArgumentException e) {
      throw new AuthException("malformed token");
    }
  }

  private byte[] sign(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
